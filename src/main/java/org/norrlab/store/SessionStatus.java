package org.norrlab.store;

import java.util.Locale;

/** How a session ended (or that it is still running, or was cut off without a word). */
public enum SessionStatus {
    RUNNING, COMPLETED, ABORTED, FAILED, INTERRUPTED;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SessionStatus fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
