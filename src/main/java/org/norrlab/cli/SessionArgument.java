package org.norrlab.cli;

import org.norrlab.store.SqliteStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredSession;

/** Finds the session an operator named, or says which ones exist. */
final class SessionArgument {
    private SessionArgument() {
    }

    static StoredSession find(SqliteStore store, long id) throws StoreException {
        return store.session(id).orElseThrow(() -> new StoreException("there is no session " + id + " in "
                + store.file() + "; 'norrlab sessions' lists the ones there are"));
    }
}
