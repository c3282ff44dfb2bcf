package org.norrlab.testing;

import org.norrlab.transport.Transport;
import org.norrlab.transport.TransportException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A transport that plays a recorded conversation: every byte the driver writes must be the next
 * '>' entry of the transcript, and after it the device's '<' entries become readable. Anything
 * else, and anything left over, is a failure naming the place in the file.
 */
public final class ScriptedTransport implements Transport {
    record Entry(boolean host, byte[] bytes, int line) {
    }

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();
    private final Deque<Byte> readable = new ArrayDeque<>();
    private final java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
    private int next;
    private volatile String failure;

    public ScriptedTransport(Path file) throws IOException {
        this.file = file;
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("> ") || line.startsWith("< ")) {
                entries.add(new Entry(line.charAt(0) == '>', unescape(line.substring(2)), i + 1));
            }
        }
        releaseDeviceEntries();
    }

    static byte[] unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private void releaseDeviceEntries() {
        while (next < entries.size() && !entries.get(next).host()) {
            for (byte b : entries.get(next).bytes()) {
                readable.addLast(b);
            }
            next++;
        }
    }

    @Override
    public synchronized void write(byte[] data) {
        written.write(data, 0, data.length);
        byte[] pending = written.toByteArray();
        if (next >= entries.size() || !entries.get(next).host()) {
            fail("the host wrote '" + show(pending) + "' where the transcript has no host line");
            return;
        }
        Entry expected = entries.get(next);
        int common = Math.min(pending.length, expected.bytes().length);
        for (int i = 0; i < common; i++) {
            if (pending[i] != expected.bytes()[i]) {
                fail("line " + expected.line() + ": the host wrote '" + show(pending) + "', the transcript expects '"
                        + show(expected.bytes()) + "'");
                return;
            }
        }
        if (pending.length >= expected.bytes().length) {
            written.reset();
            written.write(pending, expected.bytes().length, pending.length - expected.bytes().length);
            next++;
            releaseDeviceEntries();
        }
    }

    private void fail(String message) {
        if (failure == null) {
            failure = file.getFileName() + ": " + message;
        }
    }

    @Override
    public synchronized int read(byte[] buffer) throws TransportException {
        int count = 0;
        while (count < buffer.length && !readable.isEmpty()) {
            buffer[count++] = readable.removeFirst();
        }
        if (count == 0) {
            try {
                wait(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return count;
    }

    /** Throws unless every line of the transcript was played and nothing else happened. */
    public synchronized void assertComplete() {
        if (failure != null) {
            throw new AssertionError(failure);
        }
        if (next < entries.size() || !readable.isEmpty() || written.size() > 0) {
            throw new AssertionError(file.getFileName() + ": conversation left over from line "
                    + (next < entries.size() ? entries.get(next).line() : entries.get(entries.size() - 1).line())
                    + (written.size() > 0 ? "; unmatched host bytes '" + show(written.toByteArray()) + "'" : ""));
        }
    }

    private static String show(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public String describe() {
        return "transcript " + file.getFileName();
    }

    @Override
    public void close() {
    }
}
