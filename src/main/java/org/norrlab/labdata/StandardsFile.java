package org.norrlab.labdata;

import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.Standard;
import org.norrlab.analysis.WrittenValue;
import org.norrlab.config.ConfigException;
import org.norrlab.config.CsvTable;
import org.norrlab.config.Location;
import org.norrlab.core.BadInputException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV of calibration standards: concentration,absorbance[,kind] where kind is 'standard' (default)
 * or 'blank' (a reagent-blank replicate whose absorbance sets σ for LOD and LOQ).
 */
public final class StandardsFile {

    /** What the CSV does not say: the assay it calibrates. */
    public record Method(Product product, String method, String wavelength, String unit, String operator, String note,
                         boolean acceptPoorFit) {
    }

    private StandardsFile() {
    }

    /** Reads the standards and returns the (not yet stored) calibration; an error names file, line and field. */
    public static Calibration read(Path file, Method method) throws ConfigException {
        CsvTable table = CsvTable.read(file, List.of("concentration", "absorbance"), List.of("kind"));
        List<Standard> standards = new ArrayList<>();
        List<Double> blanks = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String kind = row.get("kind").orElse("standard").toLowerCase(Locale.ROOT);
            switch (kind) {
                case "standard" -> {
                    double c = row.number("concentration");
                    if (c < 0) {
                        throw row.error("concentration", "must not be negative");
                    }
                    standards.add(new Standard(c, row.number("absorbance")));
                }
                case "blank" -> blanks.add(row.number("absorbance"));
                default -> throw row.error("kind", "'" + kind + "' is not a kind; allowed: standard, blank");
            }
        }
        if (standards.size() < 2) {
            throw new ConfigException(new Location(file, 1, 1), "", "holds " + standards.size()
                    + " standards; a line needs at least 2 (4 or more to pass the acceptance rule)");
        }
        return new Calibration(0, Instant.now(), method.operator(), method.note(), method.product(), method.method(),
                nanometres(method.wavelength()), method.unit(), file.getFileName().toString(), standards, blanks,
                method.acceptPoorFit());
    }

    /** '655 nm' or '655' → 655; refuses what is not a visible/UV wavelength. */
    public static double nanometres(String text) {
        WrittenValue v = WrittenValue.parse(text, "a wavelength");
        if (!(v.unit().equals("nm") || v.unit().isEmpty()) || !(v.measure().value() > 100 && v.measure().value() < 2000)) {
            throw new BadInputException("'" + text + "' is not a wavelength; write e.g. '655 nm' (100 to 2000 nm)");
        }
        return v.measure().value();
    }
}
