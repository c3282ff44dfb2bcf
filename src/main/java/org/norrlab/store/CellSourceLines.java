package org.norrlab.store;

import org.norrlab.electrochem.CellSettings;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where an imported session's cell values came from (an option, the file, config/site.yaml), as the import recorded
 * them in its run options: what show and analyze print, and what the CSV export's header states beside the values
 * (written by the exporter and kept by the importer from this one place), so that a value the import assumed is not
 * read as one the file stated.
 */
public final class CellSourceLines {
    /** The CSV header's line. */
    public static final String CSV = "# cell values from: ";
    /** The run option that keeps what an imported export's line said. */
    public static final String EXPORTED = "exported_cell_sources";

    private CellSourceLines() {
    }

    /**
     * "electrode area 1 cm² (config/site.yaml); reference … (…); pH 7 (…); electrolyte 35 mL (…)"; empty for a session
     * that recorded none (a run, whose cell is the site's and its protocol's).
     */
    public static Optional<String> of(CellSettings cell, Map<String, String> recorded) {
        if (!recorded.containsKey("area_source")) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "electrode area %s cm² (%s); reference %s (%s); pH %s (%s);"
                        + " electrolyte %s mL (%s)", number(cell.electrodeAreaCm2()), recorded.get("area_source"),
                cell.referenceElectrode().name(), recorded.get("reference_source"), number(cell.pH()), recorded.get("ph_source"),
                number(cell.electrolyteVolumeMl()), recorded.get("volume_source")));
    }

    /** Four significant figures without trailing zeros, as an operator writes them: 13, 0.07, 599.5. */
    public static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
