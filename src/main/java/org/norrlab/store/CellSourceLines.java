package org.norrlab.store;

import org.norrlab.electrochem.CellSettings;

import java.util.List;
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
    /** The source an import of a norrlab export records for every cell value it takes from the export's header. */
    public static final String EXPORT_HEADER = "file: norrlab export header";
    /** The run options in which an import records where each cell value came from. */
    private static final List<String> SOURCE_KEYS = List.of("area_source", "reference_source", "ph_source",
            "volume_source", "temperature_source", "loading_source");

    private CellSourceLines() {
    }

    /**
     * "electrode area 1 cm² (config/site.yaml); reference … (…); pH 7 (…); electrolyte 35 mL (…); temperature 25 °C (…);
     * loading 0.5 mg/cm² (…)"; empty for a session that recorded none (a run, whose cell is the site's and its
     * protocol's). For the import of an export whose every value came from that export's header, the sources the
     * export itself stated (the exporting session's own, kept as {@link #EXPORTED}): what the header took them from,
     * not the header, and the same text however many times the session goes round.
     */
    public static Optional<String> of(CellSettings cell, Map<String, String> recorded) {
        if (!recorded.containsKey("area_source")) {
            return Optional.empty();
        }
        String exported = recorded.get(EXPORTED);
        if (exported != null && SOURCE_KEYS.stream().allMatch(key -> EXPORT_HEADER.equals(recorded.get(key)))) {
            return Optional.of(exported);
        }
        return Optional.of(String.format(Locale.ROOT, "electrode area %s cm² (%s); reference %s (%s); pH %s (%s);"
                        + " electrolyte %s mL (%s); temperature %s °C (%s); loading %s mg/cm² (%s)",
                number(cell.electrodeAreaCm2()), recorded.get("area_source"), cell.referenceElectrode().name(),
                recorded.get("reference_source"), number(cell.pH()), recorded.get("ph_source"),
                number(cell.electrolyteVolumeMl()), recorded.get("volume_source"), number(cell.temperatureCelsius()),
                recorded.get("temperature_source"), number(cell.catalystLoadingMgPerCm2()), recorded.get("loading_source")));
    }

    /** Four significant figures without trailing zeros, as an operator writes them: 13, 0.07, 599.5. */
    public static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
