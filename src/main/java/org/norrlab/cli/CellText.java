package org.norrlab.cli;

import org.norrlab.electrochem.CellSettings;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One line that says which cell a plan or session is for, including the RHE offset it implies. */
final class CellText {
    private CellText() {
    }

    static String describe(CellSettings cell) {
        return String.format(Locale.ROOT, "Cell: %s (%.3f V vs SHE, %s), pH %.2f, %.1f °C -> E vs RHE = E vs RE %+.4f V;"
                        + " electrode %.3g cm², loading %.3g mg/cm², electrolyte %.3g mL",
                cell.referenceElectrode().name(), cell.referenceElectrode().e0VsSheVolts(),
                cell.referenceElectrode().source(), cell.pH(), cell.temperatureCelsius(), cell.rheScale().offsetVolts(),
                cell.electrodeAreaCm2(), cell.catalystLoadingMgPerCm2(), cell.electrolyteVolumeMl());
    }

    /**
     * Where an imported session's cell values came from (an option, the file, config/site.yaml), as the import recorded
     * them; empty for a session that recorded none (a run, whose cell is the site's and its protocol's).
     */
    static Optional<String> sources(CellSettings cell, Map<String, String> recorded) {
        if (!recorded.containsKey("area_source")) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "Cell values from: electrode area %s cm² (%s); reference %s (%s);"
                        + " pH %s (%s); electrolyte %s mL (%s)", number(cell.electrodeAreaCm2()), recorded.get("area_source"),
                cell.referenceElectrode().name(), recorded.get("reference_source"), number(cell.pH()), recorded.get("ph_source"),
                number(cell.electrolyteVolumeMl()), recorded.get("volume_source")));
    }

    /** Four significant figures without trailing zeros, as an operator writes them: 13, 0.07, 599.5. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
