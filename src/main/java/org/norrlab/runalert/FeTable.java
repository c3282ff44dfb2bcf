package org.norrlab.runalert;

import org.norrlab.report.ResultRows;
import org.norrlab.report.ResultText;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.report.StepAnalysis;
import org.norrlab.report.TextTable;

import java.util.ArrayList;
import java.util.List;

/**
 * The FE/yield table of a run-finished alert: the rows {@code analyze} prints ({@link ResultRows}), columns padded to
 * line up in a monospaced message, and below them the notes that explain a row's * (a flagged number must not reach
 * a phone without its reason); not the calibrations, which the report has.
 */
final class FeTable {
    private FeTable() {
    }

    static String text(SessionAnalysis.Result result) {
        TextTable table = new TextTable(ResultRows.HEADERS);
        for (StepAnalysis step : result.steps()) {
            table.row(ResultRows.cells(step));
        }
        // no rule of dashes under the header: the alert is read on a phone, where every line counts
        List<String> lines = new ArrayList<>(table.lines(false));
        lines.addAll(ResultText.flagNotes(result.steps()));
        return String.join("\n", lines);
    }
}
