package org.norrlab.report;

import org.norrlab.core.SampleFlag;
import org.norrlab.store.StoredResistance;

import java.nio.charset.StandardCharsets;

/**
 * A sample row of the CSV export, written as ASCII bytes into a buffer: the layout the export wrote with
 * {@code printf("%d,%d,%s,%s,%s%s,%s,%d,%s%n", ...)} before issue 23, a number the shortest decimal that reads back as
 * the same double ({@link DoubleText}), NaN an empty cell, cycle and segment empty outside a sweep. The rows are pure
 * ASCII, so they skip the writer's character encoding and go to the stream as they are. ExportBytesTest keeps the
 * printf writer as its oracle.
 */
final class SampleText {
    /** Room one row needs at most: five numbers, five integers, nine commas and the line end. */
    static final int MAX_ROW_BYTES = 5 * DoubleText.MAX_BYTES + 5 * 20 + 9 + 2;

    private final byte[] lineSeparator;
    private final StoredResistance ru;
    /**
     * The last range written and its text: a step keeps its current range for thousands of rows, so most rows copy it
     * rather than work it out again.
     */
    private long lastRangeBits = Double.doubleToRawLongBits(Double.NaN);
    private final byte[] lastRange = new byte[DoubleText.MAX_BYTES];
    private int lastRangeLength;

    /**
     * @param ru            the R_u in force, whose E_iR_V_vs_RE column the rows get; null for a session without one
     * @param lineSeparator what printf's %n wrote: the platform's line separator
     */
    SampleText(StoredResistance ru, String lineSeparator) {
        this.ru = ru;
        this.lineSeparator = lineSeparator.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * One row at {@code to[at]}: step, seq, t_s, E_V_vs_RE, [E_iR_V_vs_RE,] I_A, range_A, flags, cycle, segment, and
     * the line end; returns the index after it. {@code to} must have {@link #MAX_ROW_BYTES} from {@code at}. Takes the
     * sample's values rather than a {@code Sample}, so that writing a million rows makes no garbage.
     */
    int appendRow(byte[] to, int at, int step, long seq, double time, double potential, double current, double range,
                  int flags, int cycle, int segment) {
        at = comma(integer(step, to, at), to);
        at = comma(integer(seq, to, at), to);
        at = comma(number(time, to, at), to);
        at = comma(number(potential, to, at), to);
        if (ru != null) {
            // SessionExporter.corrected: NaN (an empty cell) where the sample has no current
            double corrected = SampleFlag.NO_CURRENT.isSetIn(flags) ? Double.NaN
                    : ru.resistance().corrected(potential, current);
            at = comma(number(corrected, to, at), to);
        }
        at = comma(number(current, to, at), to);
        at = comma(range(range, to, at), to);
        at = comma(integer(flags, to, at), to);
        if (cycle > 0) {   // Sample.inSweep
            at = integer(segment, to, comma(integer(cycle, to, at), to));
        } else {
            at = comma(at, to);
        }
        System.arraycopy(lineSeparator, 0, to, at, lineSeparator.length);
        return at + lineSeparator.length;
    }

    /** A cell's end: the comma at {@code at}, and the index after it. */
    private static int comma(int at, byte[] to) {
        to[at] = ',';
        return at + 1;
    }

    private int range(double range, byte[] to, int at) {
        long bits = Double.doubleToRawLongBits(range);
        if (bits != lastRangeBits) {
            lastRangeLength = number(range, lastRange, 0);
            lastRangeBits = bits;
        }
        System.arraycopy(lastRange, 0, to, at, lastRangeLength);
        return at + lastRangeLength;
    }

    /** The export's number: the shortest decimal, or nothing for NaN (a value that was not measured). */
    static int number(double value, byte[] to, int at) {
        return Double.isNaN(value) ? at : DoubleText.write(value, to, at);
    }

    /** {@code value} in decimal, as %d writes it. */
    static int integer(long value, byte[] to, int at) {
        if (value < 0 || value > Integer.MAX_VALUE) {
            byte[] text = Long.toString(value).getBytes(StandardCharsets.US_ASCII);   // not a sample's step or count
            System.arraycopy(text, 0, to, at, text.length);
            return at + text.length;
        }
        int v = (int) value;
        int end = at + digits(v);
        for (int i = end - 1; i > at; i--) {   // int division: inline under C1, where a long one is a call
            int q = v / 10;
            to[i] = (byte) ('0' + v - 10 * q);
            v = q;
        }
        to[at] = (byte) ('0' + v);
        return end;
    }

    private static int digits(int v) {
        int n = 1;
        for (long bound = 10; bound <= v; bound *= 10) {
            n++;
        }
        return n;
    }
}
