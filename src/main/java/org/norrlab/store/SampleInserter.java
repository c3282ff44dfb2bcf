package org.norrlab.store;

import org.norrlab.core.Sample;

import java.sql.SQLException;

/** Collects samples and writes them in one go on {@link #flush()}, inside the caller's transaction. */
interface SampleInserter extends AutoCloseable {

    void add(long sessionId, int stepIndex, long sequence, Sample sample) throws SQLException;

    /** Samples added since the last flush. */
    int pending();

    void flush() throws SQLException;

    @Override
    void close() throws SQLException;
}
