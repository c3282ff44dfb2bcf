package org.norrlab.cli;

import org.norrlab.core.StepOutcome;
import org.norrlab.core.StepSettings;
import org.norrlab.core.Units;
import org.norrlab.plan.StepContext;
import org.norrlab.report.StepSummary;
import org.norrlab.report.TextTable;

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
            boolean sweep = row.step().isSweep();
            // an impedance spectrum's DC potential, or OCP when it was measured at open circuit
            boolean eis = row.step().kind().equals("eis");
            String dcVsRhe = Double.isNaN(row.step().voltsVsRhe()) ? "OCP" : fixed(row.step().voltsVsRhe(), 3);
            String dcVsRe = Double.isNaN(row.step().voltsVsReference()) ? "OCP" : fixed(row.step().voltsVsReference(), 3);
            // a CA step and a CP step pass a charge the FE and the cell's history need; a sweep's mean current and
            // charge mix charging and faradaic current over a range of potentials and say nothing
            boolean charge = ca || row.step().kind().equals("cp");
            table.row(CycleColumn.insert(cycles, CycleColumn.text(row.step().context()), String.valueOf(row.step().index()),
                    row.step().kind(),
                    ca ? fixed(row.step().voltsVsRhe(), 3) : sweep ? sweptVsRhe(row.step().settings()) : eis ? dcVsRhe
                            : "—",
                    ca ? fixed(row.step().voltsVsReference(), 3) : eis ? dcVsRe : sweep || Double.isNaN(row.meanVolts()) ? "—"
                            : String.format(Locale.ROOT, "(%.3f)", row.meanVolts()),
                    fixed(row.durationSeconds(), 1), String.valueOf(row.samples()),
                    charge ? Units.formatCurrent(row.meanAmperes()) : "—",
                    charge ? String.format(Locale.ROOT, "%.5g", Math.abs(row.coulombs())) : "—",
                    row.step().outcome().map(StepOutcome::dbName).orElse("unfinished")));
        }
        table.print(out);
        CycleColumn.legend(contexts).forEach(out::println);
        out.println("E vs RE for OCP and CP steps is the mean measured potential, in brackets; a sweep shows the"
                + " potentials it swept; Q is |∫I dt| over the step.");
        if (rows.stream().anyMatch(r -> r.step().kind().equals("eis"))) {
            out.println("An EIS step shows its DC potential (OCP: at open circuit); it stores impedance points, not"
                    + " samples.");
        }
    }

    /** An LSV's start → end, a CV's begin → vertex 1 → vertex 2 (× cycles), vs RHE; "—" where the store has neither. */
    private static String sweptVsRhe(StepSettings settings) {
        if (Double.isNaN(settings.startVsRhe())) {
            return "—";
        }
        if (Double.isNaN(settings.vertex1VsRhe())) {
            return fixed(settings.startVsRhe(), 3) + " → " + fixed(settings.endVsRhe(), 3);
        }
        return fixed(settings.startVsRhe(), 3) + " → " + fixed(settings.vertex1VsRhe(), 3) + " → "
                + fixed(settings.vertex2VsRhe(), 3) + (settings.cycles() > 1 ? " ×" + settings.cycles() : "");
    }

    private static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
