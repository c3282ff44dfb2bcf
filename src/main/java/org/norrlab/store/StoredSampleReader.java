package org.norrlab.store;

import org.norrlab.core.Sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one step's stored samples in sequence order, a page of {@link #PAGE_ROWS} at a time, on a connection of its
 * own, for a replay to play them while it writes its own session (into the same file, often). Each page is read in
 * a short query of its own and only then handed on, so the reader never holds a read transaction while the replay
 * waits for its queue: an SQLite file's WAL can be checkpointed as the replay goes, and at most one page is in memory
 * however long the step. The connection is opened for each {@link #read} and closed at its end, so a reader can be
 * prepared long before it is played (the store it was made from may be closed by then).
 */
public final class StoredSampleReader {
    /** Samples read per query: big enough that a query's cost is spread thin, small enough to be nothing in memory. */
    public static final int PAGE_ROWS = 4096;

    /** Receives the samples in order; returns false to stop reading. */
    @FunctionalInterface
    public interface Reader {
        boolean take(Sample sample) throws InterruptedException;
    }

    private final StoreLocation location;
    private final long sessionId;
    private final int stepIndex;
    private final int pageRows;

    public StoredSampleReader(StoreLocation location, long sessionId, int stepIndex) {
        this(location, sessionId, stepIndex, PAGE_ROWS);
    }

    /** With pages of {@code pageRows} samples (tests cross page boundaries with small ones). */
    StoredSampleReader(StoreLocation location, long sessionId, int stepIndex, int pageRows) {
        if (pageRows < 1) {
            throw new IllegalArgumentException("a page holds at least one sample, not " + pageRows);
        }
        this.location = location;
        this.sessionId = sessionId;
        this.stepIndex = stepIndex;
        this.pageRows = pageRows;
    }

    /** Hands every sample of the step, in sequence order, to {@code reader} until it returns false. */
    public void read(Reader reader) throws StoreException, InterruptedException {
        Sample[] page = new Sample[pageRows];
        try (Connection connection = SessionStore.connect(location);
             PreparedStatement ps = connection.prepareStatement("SELECT seq, t_s, e_v, i_a, range_a, flags, cycle, segment, "
                     + NULLS + " FROM samples WHERE session_id = ? AND step_index = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            long after = Long.MIN_VALUE;
            while (true) {
                int n = 0;
                ps.setLong(1, sessionId);
                ps.setInt(2, stepIndex);
                ps.setLong(3, after);
                ps.setInt(4, pageRows);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        page[n++] = sample(rs, after);
                    }
                }
                for (int k = 0; k < n; k++) {
                    Sample sample = page[k];
                    page[k] = null;
                    if (!reader.take(sample)) {
                        return;
                    }
                }
                if (n < pageRows) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the samples of session " + sessionId + " step " + stepIndex + " from "
                    + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Which of a row's columns are NULL, in one column: each column read from the driver is a native call (and asking
     * whether it was NULL another), a dozen per row, which showed as the replay's reading thread in a profile. Bits:
     * 1 e_v, 2 i_a, 4 range_a NULL; 8 cycle or segment not NULL (a sweep's sample: both are read; otherwise both are 0,
     * as reading the NULLs would give).
     */
    private static final String NULLS = "CASE WHEN e_v IS NULL THEN 1 ELSE 0 END + CASE WHEN i_a IS NULL THEN 2 ELSE 0 END"
            + " + CASE WHEN range_a IS NULL THEN 4 ELSE 0 END"
            + " + CASE WHEN cycle IS NOT NULL OR segment IS NOT NULL THEN 8 ELSE 0 END";

    /** The row as a sample, read as {@link SessionStore#forEachSample} reads it and refused as it refuses it. */
    private Sample sample(ResultSet rs, long seq) throws SQLException, StoreException {
        int nulls = rs.getInt(9);
        try {
            return new Sample(rs.getDouble(2), (nulls & 1) != 0 ? Double.NaN : rs.getDouble(3),
                    (nulls & 2) != 0 ? Double.NaN : rs.getDouble(4), (nulls & 4) != 0 ? Double.NaN : rs.getDouble(5),
                    rs.getInt(6), (nulls & 8) != 0 ? rs.getInt(7) : 0, (nulls & 8) != 0 ? rs.getInt(8) : 0);
        } catch (IllegalArgumentException e) {
            throw new StoreException("sample " + seq + " of session " + sessionId + " step " + stepIndex + " in " + location
                    + " cannot be used: " + e.getMessage() + " (stored by a version of norrlab that did not refuse it);"
                    + " nothing is computed from it", e);
        }
    }
}
