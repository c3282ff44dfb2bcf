package org.norrlab.transport;

/** A byte pipe to one instrument. */
public interface Transport extends AutoCloseable {

    /** Writes all bytes; a vanished device raises {@link TransportException.LinkLost}. */
    void write(byte[] data) throws TransportException;

    /**
     * Reads what has arrived, waiting at most the read timeout; returns 0 when nothing came.
     * A vanished device raises {@link TransportException.LinkLost}.
     */
    int read(byte[] buffer) throws TransportException;

    /**
     * The clock of the conversation, in seconds from an arbitrary origin: the time of the last thing
     * that crossed the wire where the conversation is recorded or replayed (so a replay reads the
     * recorded times), the monotonic wall clock otherwise. Durations on the link (how long it was
     * lost) are measured with it.
     */
    default double clockSeconds() {
        return System.nanoTime() / 1e9;
    }

    /** The port as an operator would name it. */
    String describe();

    @Override
    void close();
}
