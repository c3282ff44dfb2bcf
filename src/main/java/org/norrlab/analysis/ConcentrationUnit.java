package org.norrlab.analysis;

import org.norrlab.core.BadInputException;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A concentration unit as chemists write it, and the factor to mol of product per litre.
 * Mass concentrations need the species they are counted as: NH3 measured as NH4⁺ or as N
 * (NH4⁺-N) differ by 6 % and 22 % (norr-science-notes §1.2), so the basis is part of the unit.
 *
 * <p>Accepted: {@code mM}, {@code M}, {@code µM}; {@code µg/mL}, {@code µg mL-1}, {@code mg/L},
 * {@code ppm} (= mg/L in dilute water), each optionally followed by a basis: {@code NH3},
 * {@code NH4+}, {@code NH4+-N} (or {@code N}, {@code NH3-N}), {@code NH2OH}.
 */
public record ConcentrationUnit(String written, double molPerLiterPerUnit) {
    private static final Map<String, Double> MOLAR = Map.of("M", 1.0, "mM", 1e-3, "µM", 1e-6, "uM", 1e-6);
    /** mass units, as g/L per unit */
    private static final Map<String, Double> MASS = Map.of("µg/mL", 1e-3, "ug/mL", 1e-3, "mg/L", 1e-3, "ppm", 1e-3,
            "µg mL-1", 1e-3, "ug mL-1", 1e-3, "µg mL⁻¹", 1e-3, "mg L-1", 1e-3, "g/L", 1.0, "ppb", 1e-6);
    private static final Map<String, Double> BASES = Map.of("NH3", 17.031, "NH4+", 18.038, "NH4", 18.038,
            "NH4+-N", 14.007, "NH3-N", 14.007, "N", 14.007, "NH2OH", 33.030);
    private static final Pattern UNIT_AND_BASIS = Pattern.compile("^(.*?)\\s*(?:\\s(NH4\\+-N|NH3-N|NH4\\+|NH4|NH3|NH2OH|N))?$");

    /**
     * A unit as an operator enters it now (calib add, assay add/import): a mass concentration must name its basis,
     * since NH3, NH4+ and NH4+-N differ by up to 22 % and nothing in the number says which was meant. {@link #parse}
     * still reads units stored before this rule, where a missing basis is the product itself.
     */
    /** The units, as said to an operator who gave none or another. */
    public static final String ALLOWED = "mM, M, µM, or µg/mL, mg/L, ppm followed by a basis (NH3, NH4+, NH4+-N; NH2OH),"
            + " e.g. 'µg/mL NH4+-N'";

    public static ConcentrationUnit parseEntered(String text, Product product) {
        String written = normalised(text);
        Matcher m = UNIT_AND_BASIS.matcher(written);
        if (!MOLAR.containsKey(written) && m.matches() && MASS.containsKey(m.group(1).trim()) && m.group(2) == null) {
            throw new BadInputException("'" + text.trim() + "' is a mass concentration without the species it counts; "
                    + "write the basis after the unit: '" + m.group(1).trim() + " NH3', '" + m.group(1).trim() + " NH4+' or '"
                    + m.group(1).trim() + " NH4+-N' for ammonia (N alone, NH3-N: as NH4+-N), '" + m.group(1).trim()
                    + " NH2OH' for hydroxylamine; molar units (mM, M, µM) need none");
        }
        return parse(text, product);
    }

    private static String normalised(String text) {
        return text.trim().replace("mL⁻¹", "mL-1").replace("L⁻¹", "L-1").replace("₄", "4").replace("₃", "3")
                .replace("⁺", "+");
    }

    public static ConcentrationUnit parse(String text, Product product) {
        String written = normalised(text);
        Double molar = MOLAR.get(written);
        if (molar != null) {
            return new ConcentrationUnit(text.trim(), molar);
        }
        Matcher m = UNIT_AND_BASIS.matcher(written);
        if (m.matches()) {
            Double gramsPerLiter = MASS.get(m.group(1).trim());
            if (gramsPerLiter != null) {
                String basis = m.group(2) == null ? product.name() : m.group(2);
                Double molarMass = BASES.get(basis);
                if (molarMass == null) {
                    throw new BadInputException("a mass concentration of " + product + " needs a basis; write e.g. '"
                            + m.group(1).trim() + " " + product + "'");
                }
                if (product != Product.NH3 && !basis.equals(product.name())) {
                    throw new BadInputException("'" + basis + "' is not a basis for " + product + "; write '"
                            + m.group(1).trim() + " " + product + "'");
                }
                if (product == Product.NH3 && basis.equals("NH2OH")) {
                    throw new BadInputException("NH3 cannot be counted as NH2OH; allowed bases: NH3, NH4+, NH4+-N");
                }
                return new ConcentrationUnit(text.trim(), gramsPerLiter / molarMass);
            }
        }
        throw new BadInputException("'" + text.trim() + "' is not a concentration unit; allowed: " + ALLOWED);
    }

    public double toMolPerLiter(double value) {
        return value * molPerLiterPerUnit;
    }
}
