package org.norrlab.testing;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/** Sessions written straight through the store, for tests that need one in the database and not how it was made. */
public final class StoredSessions {
    private StoredSessions() {
    }

    /**
     * An imported session of one CA step with {@code samples} samples 10 ms apart and a note; left 'importing', as
     * an import that was killed leaves it, or marked completed.
     */
    public static long importedCa(SessionStore store, int samples, boolean completed) throws StoreException {
        long id = store.createImportingSession(session());
        fill(store, id, samples, completed);
        return id;
    }

    /** A completed session of one CA step with {@code samples} samples, written as any norrlab since schema 1 could. */
    public static long completedCa(SessionStore store, int samples) throws StoreException {
        long id = store.createSession(session());
        fill(store, id, samples, true);
        return id;
    }

    private static NewSession session() {
        return new NewSession("csv", "a.csv", "", Fixtures.cellAtPh7(),
                new InstrumentIdentity("imported", "imported", "unknown", "unknown", "unknown"), Map.of(), "test", Instant.now());
    }

    /** The rows an import writes (one step, its samples, a note), in plain SQL on a connection of the test's own. */
    private static void fill(SessionStore store, long id, int samples, boolean completed) throws StoreException {
        try (Connection c = SessionStore.connect(store.location())) {
            c.setAutoCommit(false);
            try (PreparedStatement step = c.prepareStatement("INSERT INTO steps (session_id, step_index, kind, label, e_vs_re_v,"
                    + " interval_s, planned_duration_s, current_range, source, started_utc, session_offset_s, ended_utc,"
                    + " duration_s, sample_count, outcome) VALUES (?,1,'ca','a',0.1,0.01,?,'','a.csv',?,0,?,?,?,'completed')");
                 PreparedStatement sample = c.prepareStatement("INSERT INTO samples (session_id, step_index, seq, t_s, e_v, i_a,"
                         + " range_a, flags) VALUES (?,1,?,?,0.1,-1e-3,0.01,0)");
                 PreparedStatement note = c.prepareStatement("INSERT INTO events (session_id, step_index, t_s, wall_utc, kind,"
                         + " message, values_json) VALUES (?,0,0,?,'NOTE','a note','{}')")) {
                String now = Instant.now().toString();
                double duration = samples == 0 ? 0 : (samples - 1) * 0.01;
                step.setLong(1, id);
                step.setDouble(2, duration);
                step.setString(3, now);
                step.setString(4, now);
                step.setDouble(5, duration);
                step.setLong(6, samples);
                step.executeUpdate();
                for (int i = 0; i < samples; i++) {
                    sample.setLong(1, id);
                    sample.setLong(2, i);
                    sample.setDouble(3, i * 0.01);
                    sample.addBatch();
                }
                sample.executeBatch();
                note.setLong(1, id);
                note.setString(2, now);
                note.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("cannot write the test session " + id + ": " + e.getMessage(), e);
        }
        if (completed) {
            store.finishSession(id, SessionStatus.COMPLETED, "imported");
        }
    }
}
