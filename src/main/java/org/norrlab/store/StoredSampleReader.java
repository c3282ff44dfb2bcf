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
             PreparedStatement ps = connection.prepareStatement("SELECT seq, t_s, e_v, i_a, range_a, flags, cycle, segment"
                     + " FROM samples WHERE session_id = ? AND step_index = ? AND seq > ? ORDER BY seq LIMIT ?")) {
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

    /** The row as a sample, refused as {@link SessionStore#forEachSample} refuses it. */
    private Sample sample(ResultSet rs, long seq) throws SQLException, StoreException {
        try {
            return new Sample(rs.getDouble(2), SessionStore.nullableDouble(rs, 3), SessionStore.nullableDouble(rs, 4),
                    SessionStore.nullableDouble(rs, 5), rs.getInt(6), rs.getInt(7), rs.getInt(8));
        } catch (IllegalArgumentException e) {
            throw new StoreException("sample " + seq + " of session " + sessionId + " step " + stepIndex + " in " + location
                    + " cannot be used: " + e.getMessage() + " (stored by a version of norrlab that did not refuse it);"
                    + " nothing is computed from it", e);
        }
    }
}
