package org.norrlab.protocol.oracle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The String-returning line assembler as it was before issue 23, kept as the oracle of the byte-fed one.
 *
 * Turns arbitrary byte chunks into complete lines. A serial read may deliver half a line, two
 * lines, or a line split anywhere; this keeps the rest for the next chunk. Lines end at LF; a CR
 * before it is dropped (Rodeostat sends CRLF). Lines longer than the limit are dropped whole and counted
 * so a flood of garbage cannot exhaust memory.
 */
public final class OldLineAssembler {
    private final int maxLineLength;
    private byte[] pending = new byte[256];
    private int length;
    private long overlongLines;
    private boolean discarding;

    public OldLineAssembler(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    /** Feeds a chunk; returns the lines it completed, without their terminators, in order. */
    public List<String> feed(byte[] chunk, int offset, int count) {
        List<String> lines = new ArrayList<>(2);
        for (int i = offset; i < offset + count; i++) {
            byte b = chunk[i];
            if (b == '\n' && discarding) {
                discarding = false;
                length = 0;
            } else if (b == '\n') {
                int end = length > 0 && pending[length - 1] == '\r' ? length - 1 : length;
                lines.add(new String(pending, 0, end, StandardCharsets.ISO_8859_1));
                length = 0;
            } else if (discarding) {
                continue;
            } else if (length < maxLineLength) {
                if (length == pending.length) {
                    pending = java.util.Arrays.copyOf(pending, Math.min(maxLineLength, pending.length * 2));
                }
                pending[length++] = b;
            } else {
                // Drop the whole line, up to its end, rather than return a fragment that looks valid.
                overlongLines++;
                discarding = true;
                length = 0;
            }
        }
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
