package org.norrlab.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What crossed the wire, in order, with the time since the log began: filled by a
 * {@link RecordingTransport}, drained into the session store by its writer.
 */
public final class WireLog {
    public enum Direction { HOST, DEVICE, LINK }

    /** One chunk as written or read. */
    public record Chunk(double timeSeconds, Direction direction, byte[] bytes) {
    }

    private final long startNanos = System.nanoTime();
    private final ConcurrentLinkedQueue<Chunk> chunks = new ConcurrentLinkedQueue<>();

    void add(Direction direction, byte[] bytes) {
        chunks.add(new Chunk((System.nanoTime() - startNanos) / 1e9, direction, bytes));
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
