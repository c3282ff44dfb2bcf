package org.norrlab.store;

import java.util.Locale;

/**
 * How a session ended (or that it is still running, or was cut off without a word). {@code IMPORTING}: an
 * import is still writing it (in short transactions, so that a live run keeps the file); an import that
 * never finished is removed when the store is next opened, and is never resumable.
 */
public enum SessionStatus {
    RUNNING, COMPLETED, ABORTED, FAILED, INTERRUPTED, IMPORTING;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SessionStatus fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
