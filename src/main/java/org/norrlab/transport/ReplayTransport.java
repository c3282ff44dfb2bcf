package org.norrlab.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays a recorded wire conversation to a driver: the device's bytes arrive at their recorded times
 * (scaled by the speed) and only after the host bytes that preceded them were written again, byte
 * for byte; a recorded lost link happens again at its time, and the port opens again only where the
 * recorded run opened it again. When the driver writes something else than the recording, the
 * replay stops with a message that shows both, instead of pretending. After the recording ends,
 * further writes are accepted unchecked (recordings made before the close was recorded lack it).
 */
public final class ReplayTransport implements Transport {
    private final List<WireLog.Chunk> chunks;
    /** How many times faster than recorded; infinite: as fast as the machine can go. */
    private final double speedFactor;
    private final Duration readTimeout;
    private final String name;
    private int next;
    private int offsetInChunk;
    private int opens;
    private long startNanos = -1;
    private double firstTime;
    /** The recorded time of the last chunk replayed: the conversation's clock. */
    private volatile double clock;

    public ReplayTransport(String name, List<WireLog.Chunk> chunks, double speedFactor, Duration readTimeout) {
        this.name = name;
        this.chunks = List.copyOf(chunks);
        this.speedFactor = speedFactor;
        this.readTimeout = readTimeout;
    }

    /** Opens the one replayed port; every driver open after a lost link is {@code replay::open}. */
    public TransportOpener opener() {
        return (port, settings) -> open();
    }

    /**
     * The port opens: the first time always; after a lost link only where the recording shows it
     * opened again (then at its recorded time), else the link is gone for good, as it was.
     */
    synchronized ReplayTransport open() throws TransportException {
        startClock();
        boolean first = opens++ == 0;
        if (next < chunks.size() && chunks.get(next).isOpened() && offsetInChunk == 0) {
            WireLog.Chunk chunk = chunks.get(next);
            long wait = untilDue(chunk);
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            next++;
            clock = chunk.timeSeconds();
            return this;
        }
        if (first) {
            return this; // recordings made before opens were recorded
        }
        throw new TransportException.LinkGone("(replayed) the recorded run did not get the instrument back here");
    }

    private void startClock() {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
            firstTime = chunks.isEmpty() ? 0 : chunks.get(0).timeSeconds();
        }
    }

    /** Nanoseconds until a chunk is due (0 or less: due now). */
    private long untilDue(WireLog.Chunk chunk) {
        if (Double.isInfinite(speedFactor)) {
            return 0;
        }
        long due = startNanos + (long) ((chunk.timeSeconds() - firstTime) / speedFactor * 1e9);
        return due - System.nanoTime();
    }

    @Override
    public synchronized void write(byte[] data) throws TransportException {
        startClock();
        int i = 0;
        while (i < data.length) {
            if (next >= chunks.size()) {
                return; // the recording ended: later commands are not checked
            }
            WireLog.Chunk chunk = chunks.get(next);
            if (chunk.direction() != WireLog.Direction.HOST) {
                throw differs(around(data, i), chunk.isOpened() ? "the recording has the port opened again here"
                        : "the recording has the device speaking here");
            }
            byte[] expected = chunk.bytes();
            while (i < data.length && offsetInChunk < expected.length) {
                if (data[i] != expected[offsetInChunk]) {
                    throw differs(around(data, i), "the recording has '" + around(expected, offsetInChunk) + "'");
                }
                i++;
                offsetInChunk++;
            }
            if (offsetInChunk == expected.length) {
                next++;
                offsetInChunk = 0;
                clock = chunk.timeSeconds();
            }
        }
    }

    /** The bytes around a position, where two conversations part. */
    private static String around(byte[] bytes, int position) {
        int from = Math.max(0, position - 24);
        int to = Math.min(bytes.length, position + 40);
        return (from > 0 ? "…" : "") + show(java.util.Arrays.copyOfRange(bytes, from, to)) + (to < bytes.length ? "…" : "");
    }

    private TransportException differs(String sent, String recorded) {
        return new TransportException("the replayed run differs from the recorded one (chunk " + next + " of " + chunks.size()
                + "): this run sends '" + sent + "', " + recorded
                + ". A replay runs the recorded protocol on the recorded instrument; change neither.");
    }

    @Override
    public int read(byte[] buffer) throws TransportException {
        long waitUntil = System.nanoTime() + readTimeout.toNanos();
        while (true) {
            synchronized (this) {
                startClock();
                if (next < chunks.size()) {
                    WireLog.Chunk chunk = chunks.get(next);
                    // A recorded open waits for the driver to open the port again; reads see nothing until then.
                    if (chunk.direction() != WireLog.Direction.HOST && !chunk.isOpened() && untilDue(chunk) <= 0) {
                        if (chunk.direction() == WireLog.Direction.LINK) {
                            next++;
                            clock = chunk.timeSeconds();
                            // The recorded reason, as recorded: a replay's events read as the original's.
                            throw new TransportException.LinkLost(new String(chunk.bytes(), StandardCharsets.UTF_8), null);
                        }
                        int count = Math.min(buffer.length, chunk.bytes().length - offsetInChunk);
                        System.arraycopy(chunk.bytes(), offsetInChunk, buffer, 0, count);
                        offsetInChunk += count;
                        if (offsetInChunk == chunk.bytes().length) {
                            next++;
                            offsetInChunk = 0;
                            clock = chunk.timeSeconds();
                        }
                        return count;
                    }
                }
            }
            long left = waitUntil - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            LockSupport.parkNanos(Math.min(left, 2_000_000));
        }
    }

    private static String show(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public double clockSeconds() {
        return clock;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
    }
}
