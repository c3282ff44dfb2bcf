package org.norrlab.runalert;

import org.norrlab.report.ResultRows;
import org.norrlab.report.ResultText;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.report.StepAnalysis;

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
        List<List<String>> rows = new ArrayList<>();
        rows.add(ResultRows.HEADERS);
        for (StepAnalysis step : result.steps()) {
            rows.add(ResultRows.cells(step));
        }
        int[] widths = new int[ResultRows.HEADERS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(i == 0 ? "" : "  ").append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length())))
                        .append(cell);
            }
            text.append(line.toString().stripTrailing());
            if (r < rows.size() - 1) {
                text.append('\n');
            }
        }
        ResultText.flagNotes(result.steps()).forEach(note -> text.append('\n').append(note));
        return text.toString();
    }
}
