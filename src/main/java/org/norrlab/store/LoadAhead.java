package org.norrlab.store;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.electrochem.CellSettings;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.Properties;

/**
 * What the first store a command opens needs loaded, for a command to load on a thread of its own while its command
 * line is still being built: sqlite-jdbc's classes and native library (an SQLite connection to memory, opened and
 * closed) and, for a command that reads or writes a session's record, Jackson's object mapping of its JSON columns.
 * Each took 0.08–0.12 s of a command's start on a 2-core machine, on the main thread after picocli's parsing; loaded
 * aside, the main thread finds them ready or waits for the rest of their loading (class initialisation is once per
 * JVM, whichever thread gets there first).
 *
 * <p>Nothing here is needed for correctness: a failure is logged at DEBUG and met again, with its proper message,
 * where the command opens its store.
 */
public final class LoadAhead {
    private LoadAhead() {
    }

    /** sqlite-jdbc's classes and native library, loaded on this thread by opening and closing a connection to memory. */
    public static void sqlite() {
        try (Connection memory = org.sqlite.JDBC.createConnection("jdbc:sqlite::memory:", new Properties())) {
            memory.createStatement().close();
        } catch (Exception | LinkageError e) {
            failed(e);
        }
    }

    /**
     * Jackson's reader and writer of a session's JSON columns (not needed by the listing of sessions), built on this
     * thread: the records' introspection is the slow part. Uses no logger but on failure, so the main thread may run
     * it while another binds SLF4J.
     */
    public static void sessionRecords() {
        try {
            Json.MAPPER.readerFor(CellSettings.class);
            Json.MAPPER.readerFor(InstrumentIdentity.class);
            Json.MAPPER.writerFor(CellSettings.class);
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        }
    }

    private static void failed(Throwable e) {
        LoggerFactory.getLogger(LoadAhead.class).debug("loading the store's classes ahead failed; they load when the"
                + " store is opened", e);
    }
}
