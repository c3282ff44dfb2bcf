package org.norrlab.gui;

import org.norrlab.plan.ProtocolDraft;
import org.norrlab.plan.StepDraft;

import javax.swing.table.AbstractTableModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The protocol editor's table: one row per step as written, a repeat block's own steps indented under it. The last
 * column holds the loader's message for the step it names, so a problem shows even when another step is selected.
 */
final class StepRowsModel extends AbstractTableModel {
    private static final String[] COLUMNS = {"#", "Kind", "Label", "Potential / current", "Duration", "Check"};

    /** A row: the step's place (as in {@code steps[n]}, or [n, m] inside a repeat block) and the step. */
    record Row(List<Integer> place, StepDraft step) {
    }

    private List<Row> rows = List.of();
    private final Map<List<Integer>, String> problems = new HashMap<>();

    void show(ProtocolDraft draft) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < draft.steps().size(); i++) {
            StepDraft step = draft.steps().get(i);
            out.add(new Row(List.of(i + 1), step));
            for (int j = 0; j < step.inner().size(); j++) {
                out.add(new Row(List.of(i + 1, j + 1), step.inner().get(j)));
            }
        }
        boolean sameShape = out.size() == rows.size();
        rows = List.copyOf(out);
        if (sameShape) {
            fireTableRowsUpdated(0, Math.max(0, rows.size() - 1));
        } else {
            fireTableDataChanged();
        }
    }

    void problem(List<Integer> place, String message) {
        problems.clear();
        if (place != null) {
            problems.put(place, message);
        }
        fireTableRowsUpdated(0, Math.max(0, rows.size() - 1));
    }

    Row row(int index) {
        return rows.get(index);
    }

    int indexOf(List<Integer> place) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).place().equals(place)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Object getValueAt(int rowIndex, int column) {
        Row row = rows.get(rowIndex);
        StepDraft s = row.step();
        return switch (column) {
            case 0 -> row.place().size() == 1 ? String.valueOf(row.place().get(0))
                    : "   " + row.place().get(0) + "." + row.place().get(1);
            case 1 -> (row.place().size() == 1 ? "" : "↳ ") + s.kind();
            case 2 -> s.field("label");
            case 3 -> potential(s);
            case 4 -> duration(s);
            default -> problems.getOrDefault(row.place(), "");
        };
    }

    private static String potential(StepDraft s) {
        return switch (s.kind()) {
            case "ca", "eis" -> s.field("potential").isEmpty() && s.kind().equals("eis") ? "at OCP " + s.field("offset")
                    : s.field("potential");
            case "ca_series" -> s.field("potentials");
            case "lsv" -> s.field("start") + " → " + s.field("end");
            case "cv" -> s.field("vertex1") + " ↔ " + s.field("vertex2");
            case "cp" -> s.field("current");
            default -> "";
        };
    }

    private static String duration(StepDraft s) {
        return switch (s.kind()) {
            case "lsv" -> "at " + s.field("scan_rate");
            case "cv" -> s.field("cycles").isEmpty() ? "1 cycle" : s.field("cycles") + " cycles";
            case "eis" -> s.field("from").isEmpty() ? s.field("frequencies") : s.field("from") + " → " + s.field("to");
            case "hold" -> s.field("timeout").isEmpty() ? "until continued" : "at most " + s.field("timeout");
            case "repeat" -> s.field("times") + " ×";
            default -> s.field("duration");
        };
    }
}
