package org.norrlab.transport;

import org.norrlab.driver.DriverException;

/** A byte pipe to one instrument. */
public interface Transport extends AutoCloseable {

    /** Writes all bytes; a vanished device raises {@link DriverException.LinkLost}. */
    void write(byte[] data) throws DriverException;

    /**
     * Reads what has arrived, waiting at most the read timeout; returns 0 when nothing came.
     * A vanished device raises {@link DriverException.LinkLost}.
     */
    int read(byte[] buffer) throws DriverException;

    /** The port as an operator would name it. */
    String describe();

    @Override
    void close();
}
