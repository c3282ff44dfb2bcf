package org.norrlab.cli;

import org.norrlab.core.StepOutcome;
import org.norrlab.core.Units;
import org.norrlab.plan.StepContext;
import org.norrlab.report.StepSummary;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The per-step table printed after a run and by {@code show}. */
final class StepTablePrinter {
    private StepTablePrinter() {
    }

    static void print(PrintWriter out, List<StepSummary> rows) {
        List<StepContext> contexts = rows.stream().map(r -> r.step().context()).toList();
        boolean cycles = CycleColumn.wanted(contexts);
        TextTable table = new TextTable(CycleColumn.insert(cycles, CycleColumn.HEADER, "step", "kind", "E vs RHE (V)",
                "E vs RE (V)", "duration (s)", "samples", "mean I", "Q (C)", "outcome"));
        for (StepSummary row : rows) {
            boolean ca = row.step().kind().equals("ca");
            table.row(CycleColumn.insert(cycles, CycleColumn.text(row.step().context()), String.valueOf(row.step().index()),
                    row.step().kind(),
                    ca ? fixed(row.step().voltsVsRhe(), 3) : "—",
                    ca ? fixed(row.step().voltsVsReference(), 3)
                            : Double.isNaN(row.meanVolts()) ? "—" : String.format(Locale.ROOT, "(%.3f)", row.meanVolts()),
                    fixed(row.durationSeconds(), 1), String.valueOf(row.samples()),
                    ca ? Units.formatCurrent(row.meanAmperes()) : "—",
                    ca ? String.format(Locale.ROOT, "%.5g", Math.abs(row.coulombs())) : "—",
                    row.step().outcome().map(StepOutcome::dbName).orElse("unfinished")));
        }
        table.print(out);
        CycleColumn.legend(contexts).forEach(out::println);
        out.println("E vs RE for OCP steps is the mean measured potential, in brackets; Q is |∫I dt| over the step.");
    }

    private static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
