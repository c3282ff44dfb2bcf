package org.norrlab.store;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Samples into PostgreSQL by COPY, the server's bulk path (several times faster than batched
 * INSERTs). Rows are CSV with doubles as Java writes them, the shortest text that reads back to
 * the same double, so values arrive bit for bit.
 */
public final class SampleCopy {
    private static final String COPY = "COPY samples (" + SampleColumns.ALL + ")"
            + " FROM STDIN WITH (FORMAT csv)";

    private SampleCopy() {
    }

    /**
     * One CSV row; NaN potential, current or range (not measured) becomes an empty field, which COPY reads as NULL,
     * and so do the cycle and segment of a sample that is not part of a sweep (0).
     */
    public static void appendRow(StringBuilder rows, long sessionId, int stepIndex, long sequence, double timeSeconds,
                                 double volts, double amperes, double rangeAmperes, int flags, int cycle, int segment) {
        rows.append(sessionId).append(',').append(stepIndex).append(',').append(sequence).append(',')
                .append(timeSeconds).append(',');
        if (!Double.isNaN(volts)) {
            rows.append(volts);
        }
        rows.append(',');
        if (!Double.isNaN(amperes)) {
            rows.append(amperes);
        }
        rows.append(',');
        if (!Double.isNaN(rangeAmperes)) {
            rows.append(rangeAmperes);
        }
        rows.append(',').append(flags).append(',');
        if (cycle > 0) {
            rows.append(cycle).append(',').append(segment);
        } else {
            rows.append(',');
        }
        rows.append('\n');
    }

    /** Sends the rows in one COPY inside the connection's transaction and empties the buffer. */
    public static void send(Connection connection, StringBuilder rows) throws SQLException {
        if (rows.length() == 0) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(rows.toString()));
            rows.setLength(0);
        } catch (IOException e) {
            throw new SQLException("the COPY of samples was cut off: " + e.getMessage(), e);
        }
    }
}
