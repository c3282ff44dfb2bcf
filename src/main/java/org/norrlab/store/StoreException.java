package org.norrlab.store;

import java.util.Optional;

/** The session database cannot be used; the message names the file and what to do. */
public class StoreException extends Exception {
    /**
     * What to do with a damaged file or one that is not a database at all: said wherever SQLite finds out (opening,
     * any read), since each place would otherwise end at SQLite's own words.
     */
    static final String DAMAGED = "the file is damaged, or is not a norrlab database. Do not run or import into it"
            + " (nothing more should be written to it); restore it from a backup or from a copy made with 'norrlab sync',"
            + " or save what is left with 'sqlite3 FILE .recover | sqlite3 NEW.db' and give --db NEW.db";

    public StoreException(String message, Throwable cause) {
        super(message + damaged(cause).orElse(""), cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /** SQLite's codes for a malformed image (CORRUPT) and a file that is no database (NOTADB), anywhere in the causes. */
    private static Optional<String> damaged(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof StoreException) {
                return Optional.empty();   // already said, if it applies, by the StoreException it wraps
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("[SQLITE_CORRUPT]") || message.contains("[SQLITE_NOTADB]")) {
                return Optional.of(". " + Character.toUpperCase(DAMAGED.charAt(0)) + DAMAGED.substring(1));
            }
        }
        return Optional.empty();
    }
}
