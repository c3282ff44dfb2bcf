package org.norrlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The first minimum and first maximum of each bucket of a step's samples, computed by SQLite over ranges of the
 * samples' sequence numbers, so that a figure of a 24 h step at 100 Hz (8.6 M samples) does not bring every sample
 * into Java. The buckets are those of the report's min/max decimator ({@code CurrentFigure.Decimator}): the sample at
 * position {@code i} of {@code n} falls in bucket {@code i * buckets / n}, and the values are computed in SQL with the
 * same double arithmetic, in the same order, as the decimator's caller computes them in Java, so the points are the
 * same bits.
 *
 * <p>The buckets are only computed where position and sequence number are the same thing: every sample of the step
 * has the value drawn (the current figure skips samples without a current; NULL is the store's NaN), and the sequence
 * numbers are contiguous (checked: each bucket's count must be the span of its sequence numbers, and the first and
 * last sequence numbers span the count the caller expects). Otherwise, and on a store other than SQLite (the
 * first-row rule for ties below is SQLite's), the answer is empty and the caller reads the samples as before. The
 * minima and the maxima are two passes over the samples: the maxima run on a second read-only connection in a thread
 * of their own.
 *
 * <p>Ties: the decimator keeps the first sample that reaches a bucket's minimum (or maximum). SQLite's {@code min()}
 * and {@code max()} replace the row they keep only on a strictly better value, and a range of the samples' primary
 * key ({@code session_id, step_index, seq}, a WITHOUT ROWID table) is read in sequence order, so a bare column next to
 * a single {@code min()} comes from that same first row. DecimatedTracesTest checks it with ties on purpose.
 */
public final class StepExtremes {
    /** What is drawn against time, as the report computes it from a sample. */
    public enum Quantity {
        /** Current density in mA cm⁻²: {@code i_a * 1e3 / area}, as {@code s.currentAmperes() * 1e3 / area}. */
        CURRENT_DENSITY("i_a * 1000.0 / ?", "i_a"),
        /** A potential moved by an offset: {@code e_v + offset}, as {@code s.potentialVolts() + offset}. */
        OFFSET_POTENTIAL("e_v + ?", "e_v");

        private final String sql;
        /** The column every sample must have a value in (NULL is the store's NaN, which the decimator would see). */
        private final String column;

        Quantity(String sql, String column) {
            this.sql = sql;
            this.column = column;
        }
    }

    /**
     * One bucket: the time (hours of the session, {@code (offset + t) / 3600}) and value of its first minimum and of
     * its first maximum.
     */
    public record Bucket(double minHours, double minValue, double maxHours, double maxValue) {
    }

    private final StoreLocation location;
    private final Dialect dialect;
    private final Connection connection;

    StepExtremes(StoreLocation location, Dialect dialect, Connection connection) {
        this.location = location;
        this.dialect = dialect;
        this.connection = connection;
    }

    /**
     * The buckets of one step's samples, in order; empty (read the samples instead) when the samples are not a
     * contiguous run of {@code expected} sequence numbers that all carry a current, or the store is not SQLite.
     *
     * @param expected      how many samples the step has (the decimator's expected count)
     * @param buckets       how many buckets the decimator has
     * @param offsetSeconds the step's start in session time
     * @param quantity      what is drawn
     * @param parameter     the area (current density) or offset (potential) of {@code quantity}
     */
    public Optional<List<Bucket>> buckets(long sessionId, int stepIndex, long expected, int buckets,
                                          double offsetSeconds, Quantity quantity, double parameter)
            throws StoreException {
        if (!dialect.name().equals("sqlite") || expected < 1 || buckets < 1) {
            return Optional.empty();
        }
        try {
            // min(seq) and max(seq) asked apart: each alone is one look into the primary key, together a full scan
            OptionalLong first = oneLong(connection, "SELECT min(seq) FROM samples WHERE session_id = ? AND step_index = ?",
                    sessionId, stepIndex);
            OptionalLong last = oneLong(connection, "SELECT max(seq) FROM samples WHERE session_id = ? AND step_index = ?",
                    sessionId, stepIndex);
            if (first.isEmpty() || last.isEmpty() || last.getAsLong() - first.getAsLong() + 1 != expected) {
                return Optional.empty();
            }
            List<long[]> ranges = new ArrayList<>(buckets);
            for (int b = 0; b < buckets; b++) {
                // positions i with i * buckets / expected == b: from ceil(b * expected / buckets) up to the next one's
                long from = firstPosition(b, expected, buckets);
                long to = b == buckets - 1 ? expected : firstPosition(b + 1, expected, buckets);
                if (from < to) {
                    ranges.add(new long[] {first.getAsLong() + from, first.getAsLong() + to});
                }
            }
            Query query = new Query(sessionId, stepIndex, offsetSeconds, quantity, parameter);
            // The maxima on a second, read-only connection in a thread of their own: two passes over the samples, one
            // per core, take the time of one.
            FutureTask<double[][]> highs = new FutureTask<>(() -> {
                try (Connection second = dialect.connectReadOnly(location)) {
                    return query.highs(second, ranges);
                }
            });
            Thread worker = new Thread(highs, "step-extremes");
            worker.setDaemon(true);
            worker.start();
            double[][] lows = query.lows(connection, ranges, expected);
            if (lows == null) {
                // not waited for: the worker ends its pass and closes its connection by itself
                return Optional.empty();
            }
            double[][] high = highs.get();
            List<Bucket> out = new ArrayList<>(ranges.size());
            for (int i = 0; i < ranges.size(); i++) {
                out.add(new Bucket(lows[i][1], lows[i][0], high[i][1], high[i][0]));
            }
            return Optional.of(List.copyOf(out));
        } catch (SQLException | ExecutionException e) {
            throw new StoreException("cannot read the extremes of session " + sessionId + " step " + stepIndex + " from "
                    + location + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while reading the extremes of session " + sessionId + " step "
                    + stepIndex + " from " + location, e);
        }
    }

    /** The statements of one step's buckets: the value and the time are computed as the report computes them. */
    private record Query(long sessionId, int stepIndex, double offsetSeconds, Quantity quantity, double parameter) {
        private static final String TIME = "(? + t_s) / 3600.0";
        private static final String RANGE = " FROM samples WHERE session_id = ? AND step_index = ? AND seq >= ? AND seq < ?";

        /**
         * Each range's first minimum, {value, hours}; null when a range does not hold one sample per sequence number
         * with a value (the positions would not be the decimator's), or when they do not add up to {@code expected}.
         */
        double[][] lows(Connection connection, List<long[]> ranges, long expected) throws SQLException {
            double[][] out = new double[ranges.size()][];
            long counted = 0;
            try (PreparedStatement ps = connection.prepareStatement("SELECT min(" + quantity.sql + "), " + TIME
                    + ", count(*), count(" + quantity.column + ")" + RANGE)) {
                for (int i = 0; i < ranges.size(); i++) {
                    bind(ps, ranges.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long rows = rs.getLong(3);
                        // NULL is the store's NaN (a sample without a current is NULL there): the decimator would
                        // skip it (current) or see NaN (potential), so such a step is read sample by sample
                        if (rows != ranges.get(i)[1] - ranges.get(i)[0] || rs.getLong(4) != rows) {
                            return null;
                        }
                        counted += rows;
                        out[i] = new double[] {rs.getDouble(1), rs.getDouble(2)};
                    }
                }
            }
            return counted == expected ? out : null;
        }

        /** Each range's first maximum, {value, hours}. */
        double[][] highs(Connection connection, List<long[]> ranges) throws SQLException {
            double[][] out = new double[ranges.size()][];
            try (PreparedStatement ps = connection.prepareStatement("SELECT max(" + quantity.sql + "), " + TIME + RANGE)) {
                for (int i = 0; i < ranges.size(); i++) {
                    bind(ps, ranges.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        out[i] = new double[] {rs.getDouble(1), rs.getDouble(2)};
                    }
                }
            }
            return out;
        }

        private void bind(PreparedStatement ps, long[] range) throws SQLException {
            ps.setDouble(1, parameter);
            ps.setDouble(2, offsetSeconds);
            ps.setLong(3, sessionId);
            ps.setInt(4, stepIndex);
            ps.setLong(5, range[0]);
            ps.setLong(6, range[1]);
        }
    }

    private static OptionalLong oneLong(Connection connection, String sql, long sessionId, int stepIndex)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, sessionId);
            ps.setInt(2, stepIndex);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return OptionalLong.empty();
                }
                long value = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
            }
        }
    }

    /** The first position that falls in bucket {@code b}: the smallest i with i * buckets / expected ≥ b. */
    public static long firstPosition(long b, long expected, int buckets) {
        return Math.floorDiv(b * expected + buckets - 1, buckets);
    }
}
