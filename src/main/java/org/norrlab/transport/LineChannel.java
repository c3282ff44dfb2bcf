package org.norrlab.transport;
import org.norrlab.protocol.LineAssembler;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * Lines over a transport: write a command, read whole lines with a deadline. One reader at a time.
 * Every wait ends at its deadline, also while the device keeps sending (a wrong baud rate turns any
 * device into an endless stream of unreadable bytes), and what the device sent since the last
 * command is kept in brief, so that a refusal can say what was received instead of just "timeout".
 */
public final class LineChannel implements AutoCloseable {
    private static final int MAX_LINE = 4096;
    /** How much of what arrived since the last command is kept for messages. */
    private static final int HEARD_BYTES = 48;

    private final Transport transport;
    private final LineAssembler assembler = new LineAssembler(MAX_LINE);
    private final Deque<String> ready = new ArrayDeque<>();
    private final LineAssembler.LineHandler<RuntimeException> heard = this::heardLine;
    private final byte[] buffer = new byte[4096];
    private final ByteArrayOutputStream heardBytes = new ByteArrayOutputStream();
    private long heardCount;
    private long heardLines;
    private String firstLineHeard;

    public LineChannel(Transport transport) {
        this.transport = transport;
    }

    public void send(String text) throws TransportException {
        send(text.getBytes(StandardCharsets.US_ASCII));
    }

    public void send(byte[] bytes) throws TransportException {
        forgetHeard();
        transport.write(bytes);
    }

    /** The next complete line, or empty if none arrived before {@code deadlineNanos} (System.nanoTime). */
    public Optional<String> nextLine(long deadlineNanos) throws TransportException {
        while (ready.isEmpty()) {
            readSome();
            if (ready.isEmpty() && System.nanoTime() >= deadlineNanos) {
                return Optional.empty();
            }
        }
        return Optional.of(ready.removeFirst());
    }

    private void readSome() throws TransportException {
        int count = transport.read(buffer);
        if (count > 0) {
            heardCount += count;
            heardBytes.write(buffer, 0, (int) Math.min(count, HEARD_BYTES - heardBytes.size()));
            assembler.feed(buffer, 0, count, heard);
        }
    }

    /** A line the assembler completed, straight out of the read buffer: kept for the reader and for messages. */
    private void heardLine(byte[] bytes, int start, int length) {
        String line = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        if (firstLineHeard == null && !line.isBlank()) {
            firstLineHeard = line;
        }
        heardLines++;
        ready.addLast(line);
    }

    /**
     * Reads and drops whatever arrives until the line stays quiet for one read timeout, or until
     * {@code deadlineNanos} if the device does not stop sending; the caller's next command then
     * decides (a script still running is aborted; an unreadable stream is refused).
     */
    public int drain(long deadlineNanos) throws TransportException {
        int dropped = ready.size();
        ready.clear();
        int count;
        while ((count = transport.read(buffer)) > 0) {
            heardCount += count;
            heardBytes.write(buffer, 0, (int) Math.min(count, HEARD_BYTES - heardBytes.size()));
            dropped += assembler.feed(buffer, 0, count).size();
            if (System.nanoTime() >= deadlineNanos) {
                break;
            }
        }
        return dropped;
    }

    private void forgetHeard() {
        heardBytes.reset();
        heardCount = 0;
        heardLines = 0;
        firstLineHeard = null;
    }

    /**
     * What the device sent since the last command, for a message: "nothing", the first line it sent,
     * or, when it sent no line at all, how many bytes and how they began.
     */
    public String heard() {
        if (firstLineHeard != null) {
            return "'" + shorten(firstLineHeard) + "'" + (heardLines > 1 ? " (and " + (heardLines - 1) + " more lines)" : "");
        }
        if (heardCount == 0) {
            return "nothing";
        }
        return String.format(Locale.ROOT, "%d bytes that form no line, beginning '%s'", heardCount,
                escape(heardBytes.toByteArray()));
    }

    /** Whether the device sent anything since the last command. */
    public boolean heardAnything() {
        return heardCount > 0;
    }

    private static String shorten(String line) {
        return escape((line.length() > 80 ? line.substring(0, 80) + "…" : line).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                out.append((char) c);
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(String.format(Locale.ROOT, "\\x%02X", c));
            }
        }
        return out.toString();
    }

    public long overlongLines() {
        return assembler.overlongLines();
    }

    /** The conversation's clock (see {@link Transport#clockSeconds()}). */
    public double clockSeconds() {
        return transport.clockSeconds();
    }

    public String describe() {
        return transport.describe();
    }

    @Override
    public void close() {
        transport.close();
    }
}
