package org.norrlab.gui;

import org.norrlab.core.Units;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;

import javax.swing.table.AbstractTableModel;
import java.util.List;
import java.util.Locale;

/** The plan preview: one row per step with its potentials on both scales, as the scheduler will run it. */
final class PlanTableModel extends AbstractTableModel {
    static final String[] COLUMNS = {"step", "kind", "E vs RHE (V)", "E vs RE (V)", "duration", "interval"};
    private List<PlannedStep> steps = List.of();

    void show(Plan plan) {
        steps = plan == null ? List.of() : plan.steps();
        fireTableDataChanged();
    }

    @Override
    public int getRowCount() {
        return steps.size();
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
    public Object getValueAt(int row, int column) {
        PlannedStep step = steps.get(row);
        return switch (column) {
            case 0 -> step.index();
            case 1 -> step.kind();
            case 2 -> step.potentialsText(true);
            case 3 -> step.potentialsText(false);
            case 4 -> Units.formatDuration(step.duration());
            default -> Units.formatDuration(step.interval());
        };
    }
}
