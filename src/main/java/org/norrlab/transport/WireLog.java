package org.norrlab.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What crossed the wire, in order, with the time since the log began: filled by a
 * {@link RecordingTransport}, drained into the session store by its writer. A {@code LINK} chunk
 * records a change of the link: a lost link (the bytes hold the reason) or, with the bytes
 * starting with {@link #OPENED}, the port opened (again) after a lost link, so that a replay
 * reconnects where the recorded run did.
 */
public final class WireLog {
    public enum Direction { HOST, DEVICE, LINK }

    /** How a LINK chunk that records an opened port begins. */
    public static final String OPENED = "(port opened) ";

    /** One chunk as written or read. */
    public record Chunk(double timeSeconds, Direction direction, byte[] bytes) {
        /** Whether this chunk records the port being opened rather than lost. */
        public boolean isOpened() {
            return direction == Direction.LINK && new String(bytes, StandardCharsets.UTF_8).startsWith(OPENED);
        }
    }

    private final long startNanos = System.nanoTime();
    private final ConcurrentLinkedQueue<Chunk> chunks = new ConcurrentLinkedQueue<>();
    private volatile double lastTimeSeconds;

    synchronized void add(Direction direction, byte[] bytes) {
        double time = (System.nanoTime() - startNanos) / 1e9;
        lastTimeSeconds = time;
        chunks.add(new Chunk(time, direction, bytes));
    }

    /** Records that a port was opened; the time counts as the link's clock from here. */
    void opened(String port) {
        add(Direction.LINK, (OPENED + port).getBytes(StandardCharsets.UTF_8));
    }

    /** The time of the last chunk logged: the conversation's clock, which a replay reproduces exactly. */
    double lastTimeSeconds() {
        return lastTimeSeconds;
    }

    /** Takes what was logged since the last call. */
    public List<Chunk> drain() {
        List<Chunk> out = new ArrayList<>();
        Chunk chunk;
        while ((chunk = chunks.poll()) != null) {
            out.add(chunk);
        }
        return out;
    }
}
