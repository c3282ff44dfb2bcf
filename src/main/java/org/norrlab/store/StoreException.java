package org.norrlab.store;

/** The session database cannot be used; the message names the file and what to do. */
public class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
