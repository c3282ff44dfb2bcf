package org.norrlab.transport;

import org.norrlab.driver.DriverException;
import org.norrlab.protocol.LineAssembler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Lines over a transport: write a command, read whole lines with a deadline. One reader at a time. */
public final class LineChannel implements AutoCloseable {
    private static final int MAX_LINE = 4096;

    private final Transport transport;
    private final LineAssembler assembler = new LineAssembler(MAX_LINE);
    private final Deque<String> ready = new ArrayDeque<>();
    private final byte[] buffer = new byte[4096];

    public LineChannel(Transport transport) {
        this.transport = transport;
    }

    public void send(String text) throws DriverException {
        transport.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    public void send(byte[] bytes) throws DriverException {
        transport.write(bytes);
    }

    /** The next complete line, or empty if none arrived before {@code deadlineNanos} (System.nanoTime). */
    public Optional<String> nextLine(long deadlineNanos) throws DriverException {
        while (ready.isEmpty()) {
            int count = transport.read(buffer);
            if (count > 0) {
                ready.addAll(assembler.feed(buffer, 0, count));
            } else if (System.nanoTime() >= deadlineNanos) {
                return Optional.empty();
            }
        }
        return Optional.of(ready.removeFirst());
    }

    /** Reads and drops whatever arrives until the line stays quiet for one read timeout. */
    public int drain() throws DriverException {
        int dropped = ready.size();
        ready.clear();
        int count;
        while ((count = transport.read(buffer)) > 0) {
            dropped += assembler.feed(buffer, 0, count).size();
        }
        return dropped;
    }

    public long overlongLines() {
        return assembler.overlongLines();
    }

    public String describe() {
        return transport.describe();
    }

    @Override
    public void close() {
        transport.close();
    }
}
