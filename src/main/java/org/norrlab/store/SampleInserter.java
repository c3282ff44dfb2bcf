package org.norrlab.store;

import org.norrlab.core.Sample;

import java.sql.SQLException;

/**
 * Collects samples and writes them in one go on {@link #flush()}, inside the caller's transaction.
 * Each database says how a sample is held ({@link #append}) and how the held ones go in ({@link #write}).
 */
abstract class SampleInserter implements AutoCloseable {
    private int pending;

    final void add(long sessionId, int stepIndex, long sequence, Sample sample) throws SQLException {
        append(sessionId, stepIndex, sequence, sample);
        pending++;
    }

    /** Samples added since the last flush. */
    final int pending() {
        return pending;
    }

    final void flush() throws SQLException {
        if (pending > 0) {
            write();
            pending = 0;
        }
    }

    /** Drops the samples held since the last flush (their transaction was rolled back and is written again). */
    final void discard() {
        clear();
        pending = 0;
    }

    protected abstract void clear();

    protected abstract void append(long sessionId, int stepIndex, long sequence, Sample sample) throws SQLException;

    protected abstract void write() throws SQLException;

    @Override
    public abstract void close() throws SQLException;
}
