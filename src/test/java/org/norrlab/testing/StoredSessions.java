package org.norrlab.testing;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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

    private static void fill(SessionStore store, long id, int samples, boolean completed) throws StoreException {
        List<Sample> data = IntStream.range(0, samples).mapToObj(i -> new Sample(i * 0.01, 0.1, -1e-3, 0.01, 0)).toList();
        store.addImported(id, "a.csv", List.of(new SessionStore.ImportedStep(1, "ca", "a", Double.NaN, 0.1, 0.01, "a.csv",
                data)), List.of("a note"));
        if (completed) {
            store.finishSession(id, SessionStatus.COMPLETED, "imported");
        }
    }
}
