package org.norrlab.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A plain-text table, for terminals, logs and alerts: columns right-aligned (numbers line up by their last digit), or
 * left-aligned where they hold words ({@link #leftAligned}). Widths count code points, so that a unit such as
 * µmol h⁻¹ cm⁻² lines up.
 */
public final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final Set<Integer> left = new HashSet<>();

    public TextTable(String... headers) {
        this(List.of(headers));
    }

    public TextTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    /** Left-aligns the columns of these headers (text such as names and states); the others stay right-aligned. */
    public TextTable leftAligned(String... columns) {
        for (String column : columns) {
            int index = headers.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column '" + column + "' in " + headers);
            }
            left.add(index);
        }
        return this;
    }

    public TextTable row(String... cells) {
        return row(List.of(cells));
    }

    public TextTable row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("a row needs " + headers.size() + " cells, got " + cells.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** The header, a rule of dashes under it, and the rows. */
    public void print(PrintWriter out) {
        lines(true).forEach(out::println);
        out.flush();
    }

    /** The header, the rule under it when {@code rule}, and the rows, each line without trailing blanks. */
    public List<String> lines(boolean rule) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width(headers.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(headers, widths));
        if (rule) {
            StringBuilder dashes = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                dashes.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
            }
            lines.add(dashes.toString());
        }
        for (List<String> row : rows) {
            lines.add(line(row, widths));
        }
        return lines;
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - width(cell));
            line.append(c == 0 ? "" : "  ");
            if (left.contains(c)) {
                line.append(cell).append(padding);
            } else {
                line.append(padding).append(cell);
            }
        }
        return line.toString().stripTrailing();
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
