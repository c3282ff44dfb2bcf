package org.norrlab.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds of quantity an operator writes in our files, each with the unit spellings we accept and
 * the factor that turns them into the base unit named here. Base units follow lab habit where it is
 * unambiguous (cm², mL, °C), SI elsewhere.
 */
public enum Dimension {
    TIME("a time", "s", "30 min", units("s", 1, "sec", 1, "ms", 1e-3, "min", 60, "h", 3600, "hr", 3600)),
    POTENTIAL("a potential", "V", "-0.5 V", units("V", 1, "mV", 1e-3, "uV", 1e-6, "µV", 1e-6)),
    CURRENT("a current", "A", "100 mA", units("A", 1, "mA", 1e-3, "uA", 1e-6, "µA", 1e-6, "nA", 1e-9, "pA", 1e-12)),
    AREA("an area", "cm²", "1 cm2", units("cm2", 1, "cm²", 1, "mm2", 1e-2, "mm²", 1e-2, "m2", 1e4, "m²", 1e4)),
    VOLUME("a volume", "mL", "35 mL", units("mL", 1, "ml", 1, "L", 1e3, "l", 1e3, "uL", 1e-3, "µL", 1e-3)),
    MASS_LOADING("a catalyst loading", "mg/cm²", "0.5 mg/cm2",
            units("mg/cm2", 1, "mg/cm²", 1, "mg cm-2", 1, "ug/cm2", 1e-3, "µg/cm2", 1e-3, "µg/cm²", 1e-3)),
    RESISTANCE("a resistance", "Ω", "10 ohm", units("ohm", 1, "Ω", 1, "kohm", 1e3, "kΩ", 1e3, "mohm", 1e-3, "mΩ", 1e-3)),
    CAPACITANCE_PER_AREA("a capacitance per area", "F/cm²", "5 mF/cm2",
            units("F/cm2", 1, "mF/cm2", 1e-3, "uF/cm2", 1e-6, "µF/cm2", 1e-6,
                    "F/cm²", 1, "mF/cm²", 1e-3, "µF/cm²", 1e-6)),
    CURRENT_DENSITY("a current density", "A/cm²", "14.5 mA/cm2",
            units("A/cm2", 1, "mA/cm2", 1e-3, "uA/cm2", 1e-6, "µA/cm2", 1e-6, "A/cm²", 1, "mA/cm²", 1e-3)),
    NH3_AREAL_RATE("an NH3 yield per area", "mol/s/cm²", "94 umol/h/cm2",
            units("mol/s/cm2", 1, "umol/h/cm2", 1e-6 / 3600, "µmol/h/cm2", 1e-6 / 3600,
                    "µmol/h/cm²", 1e-6 / 3600, "mol/s/cm²", 1)),
    /** A sweep's scan rate: how fast the potential moves; written as operators and papers do, mV/s. */
    SCAN_RATE("a scan rate", "V/s", "50 mV/s", units("V/s", 1, "mV/s", 1e-3, "V s-1", 1, "mV s-1", 1e-3)),
    /** An impedance spectrum's frequencies: written as instruments and vendor suites show them, Hz or kHz. */
    FREQUENCY("a frequency", "Hz", "100 kHz", units("Hz", 1, "kHz", 1e3, "MHz", 1e6, "mHz", 1e-3)),
    TEMPERATURE("a temperature", "°C", "25 C", units("C", 1, "°C", 1, "degC", 1)),
    PERCENT("a fraction", "1", "85 %", units("%", 0.01, "", 1));

    private final String description;
    private final String baseUnit;
    private final String example;
    private final Map<String, Double> factors;

    Dimension(String description, String baseUnit, String example, Map<String, Double> factors) {
        this.description = description;
        this.baseUnit = baseUnit;
        this.example = example;
        this.factors = factors;
    }

    public String description() {
        return description;
    }

    public String baseUnit() {
        return baseUnit;
    }

    public String example() {
        return example;
    }

    /** Factor to the base unit, or null when the spelling is not one of ours. */
    Double factor(String unit) {
        return factors.get(unit);
    }

    String allowedUnits() {
        return String.join(", ", factors.keySet().stream().filter(u -> !u.isEmpty()).toList());
    }

    private static Map<String, Double> units(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
