package org.norrlab.report;

import org.norrlab.core.SampleFlag;
import org.norrlab.store.StoredResistance;

/**
 * A sample row of the CSV export appended to a {@link StringBuilder}, character for character what the export wrote
 * with {@code printf("%d,%d,%s,%s,%s%s,%s,%d,%s%n", ...)} before: a number is {@link Double#toString} (which is
 * what {@link StringBuilder#append(double)} appends, without the String), NaN an empty cell, cycle and segment empty
 * outside a sweep. printf parsed its format string and boxed every value for each of millions of rows; this does
 * neither. ExportBytesTest keeps the printf writer as its oracle.
 */
final class SampleText {
    private final String lineSeparator;
    private final StoredResistance ru;

    /**
     * @param ru            the R_u in force, whose E_iR_V_vs_RE column the rows get; null for a session without one
     * @param lineSeparator what printf's %n wrote: the platform's line separator
     */
    SampleText(StoredResistance ru, String lineSeparator) {
        this.ru = ru;
        this.lineSeparator = lineSeparator;
    }

    /**
     * One row: step, seq, t_s, E_V_vs_RE, [E_iR_V_vs_RE,] I_A, range_A, flags, cycle, segment, and the line end. Takes
     * the sample's values rather than a {@code Sample}, so that writing a million rows makes no garbage.
     */
    void appendRow(StringBuilder row, int step, long seq, double time, double potential, double current, double range,
                   int flags, int cycle, int segment) {
        row.append(step).append(',').append(seq).append(',');
        number(row, time).append(',');
        number(row, potential).append(',');
        if (ru != null) {
            // SessionExporter.corrected: NaN (an empty cell) where the sample has no current
            number(row, SampleFlag.NO_CURRENT.isSetIn(flags) ? Double.NaN
                    : ru.resistance().corrected(potential, current)).append(',');
        }
        number(row, current).append(',');
        number(row, range).append(',');
        row.append(flags).append(',');
        if (cycle > 0) {   // Sample.inSweep
            row.append(cycle).append(',').append(segment);
        } else {
            row.append(',');
        }
        row.append(lineSeparator);
    }

    /** The export's number: Double.toString, or nothing for NaN (a value that was not measured). */
    static StringBuilder number(StringBuilder row, double value) {
        return Double.isNaN(value) ? row : row.append(value);
    }
}
