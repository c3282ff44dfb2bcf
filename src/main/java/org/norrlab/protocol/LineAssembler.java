package org.norrlab.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns arbitrary byte chunks into complete lines. A serial read may deliver half a line, two
 * lines, or a line split anywhere; this keeps the rest for the next chunk. Lines end at LF; a CR
 * before it is dropped (Rodeostat sends CRLF). Lines longer than the limit are dropped whole and counted
 * so a flood of garbage cannot exhaust memory.
 *
 * <p>The byte-fed {@link #feed(byte[], int, int, LineHandler)} hands each line to the caller as a range of bytes,
 * with no String and no list per line: a line that lies wholly inside the chunk is handed out of the chunk itself,
 * only a line split across chunks is copied (into one buffer reused for every line). The decoders read those bytes
 * directly; {@link #feed(byte[], int, int)} is the same assembly for callers that want Strings.
 */
public final class LineAssembler {
    /** Receives a complete line: {@code length} bytes from {@code start}, without the LF or a CR before it. */
    @FunctionalInterface
    public interface LineHandler<X extends Exception> {
        /** The bytes are only valid during the call: the assembler reuses its buffer and the caller its chunk. */
        void line(byte[] bytes, int start, int length) throws X;
    }

    private final int maxLineLength;
    private byte[] pending = new byte[256];
    private int length;
    private long overlongLines;
    private boolean discarding;

    public LineAssembler(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    /**
     * Feeds a chunk; hands every line it completes to {@code handler}, in order. A line is at most the limit's
     * length counting a CR before its LF, as it always was; a longer one is counted in {@link #overlongLines()} and
     * never handed out, not even its start.
     */
    public <X extends Exception> void feed(byte[] chunk, int offset, int count, LineHandler<X> handler) throws X {
        int end = offset + count;
        int i = offset;
        while (i < end) {
            int lf = indexOfLf(chunk, i, end);
            if (lf < 0) {
                keep(chunk, i, end - i);
                return;
            }
            int part = lf - i;
            if (discarding) {
                discarding = false;
            } else if (length == 0) {
                if (part > maxLineLength) {
                    overlongLines++;
                } else {
                    handler.line(chunk, i, part > 0 && chunk[lf - 1] == '\r' ? part - 1 : part);
                }
            } else if (length + part > maxLineLength) {
                overlongLines++;
            } else {
                append(chunk, i, part);
                handler.line(pending, 0, pending[length - 1] == '\r' ? length - 1 : length);
            }
            length = 0;
            i = lf + 1;
        }
    }

    private static int indexOfLf(byte[] chunk, int from, int end) {
        for (int i = from; i < end; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The start of a line whose end has not arrived: kept, unless it already passed the limit. */
    private void keep(byte[] chunk, int from, int count) {
        if (discarding) {
            return;
        }
        if (length + count > maxLineLength) {
            // Drop the whole line, up to its end, rather than return a fragment that looks valid.
            overlongLines++;
            discarding = true;
            length = 0;
            return;
        }
        append(chunk, from, count);
    }

    private void append(byte[] chunk, int from, int count) {
        if (length + count > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(length + count, Math.min(maxLineLength, pending.length * 2)));
        }
        System.arraycopy(chunk, from, pending, length, count);
        length += count;
    }

    /** Feeds a chunk; returns the lines it completed, without their terminators, in order. */
    public List<String> feed(byte[] chunk, int offset, int count) {
        List<String> lines = new ArrayList<>(2);
        feed(chunk, offset, count, (bytes, start, n) -> lines.add(new String(bytes, start, n, StandardCharsets.ISO_8859_1)));
        return lines;
    }

    public List<String> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Bytes received since the last complete line. */
    public int pendingBytes() {
        return length;
    }

    /** Lines dropped because they grew past the limit before their end. */
    public long overlongLines() {
        return overlongLines;
    }
}
