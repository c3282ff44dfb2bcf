package org.norrlab.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small CSV file an operator wrote (standards, assay batches): '#' comment lines, a header row,
 * then rows. Cells are trimmed; quotes are not needed for our columns and are not interpreted.
 * Every row keeps its line number so that errors can name it.
 */
public record CsvTable(Path file, List<String> header, List<Row> rows) {

    public record Row(Path file, int line, Map<String, String> cells) {
        public Optional<String> get(String column) {
            String value = cells.get(column);
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        public String require(String column) throws ConfigException {
            return get(column).orElseThrow(() -> error(column, "is empty; a value is required here"));
        }

        public double number(String column) throws ConfigException {
            String text = require(column);
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw error(column, "'" + text + "' is not a number");
            }
        }

        public ConfigException error(String column, String problem) {
            return new ConfigException(new Location(file, line, 1), column, problem);
        }
    }

    /**
     * {@code required} and {@code optional} are lists, not sets: messages name the columns in the order the file's
     * documentation gives them, the same on every run (a Set.of iterates in an order that changes between runs).
     */
    public static CsvTable read(Path file, List<String> required, List<String> optional) throws ConfigException {
        String text = YamlFiles.readText(file);
        String[] lines = text.split("\r?\n", -1);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = new ArrayList<>();
                for (String cell : cells) {
                    String name = cell.strip().toLowerCase(Locale.ROOT);
                    if (name.contains(";") && !required.contains(name) && !optional.contains(name)) {
                        // a spreadsheet saved in a locale with decimal commas separates its columns with ';'
                        throw new ConfigException(new Location(file, i + 1, 1), name, "is not a column: the header is"
                                + " separated by ';'; the file must be comma-separated, with points as decimal marks (e.g."
                                + " 0.5,0.26), as a spreadsheet saves CSV in an English locale; columns: "
                                + String.join(", ", required) + (optional.isEmpty() ? "" : "; optional: "
                                + String.join(", ", optional)));
                    }
                    if (!required.contains(name) && !optional.contains(name)) {
                        throw new ConfigException(new Location(file, i + 1, 1), name,
                                "is not a column this file may have; required: " + String.join(", ", required)
                                        + (optional.isEmpty() ? "" : "; optional: " + String.join(", ", optional)));
                    }
                    header.add(name);
                }
                for (String name : required) {
                    if (!header.contains(name)) {
                        throw new ConfigException(new Location(file, i + 1, 1), name,
                                "column is missing from the header; required: " + String.join(", ", required));
                    }
                }
                continue;
            }
            if (cells.length != header.size()) {
                throw new ConfigException(new Location(file, i + 1, 1), "",
                        "has " + cells.length + " cells, the header has " + header.size() + " (" + String.join(",", header) + ")");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < cells.length; c++) {
                values.put(header.get(c), cells[c].strip());
            }
            rows.add(new Row(file, i + 1, values));
        }
        if (header == null) {
            throw new ConfigException(new Location(file, 1, 1), "", "has no header row; the first line must name the columns: "
                    + String.join(", ", required));
        }
        return new CsvTable(file, header, rows);
    }
}
