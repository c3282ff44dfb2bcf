package org.norrlab.testing;

import org.norrlab.transport.WireLog;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Looks for commands in a session's recorded wire traffic. */
public final class WireTranscripts {
    private WireTranscripts() {
    }

    /** Where the host first sent a command starting with {@code prefix}, from {@code from} on; -1 if it never did. */
    public static int hostSent(List<WireLog.Chunk> wire, String prefix, int from) {
        for (int i = Math.max(0, from); i < wire.size(); i++) {
            String text = new String(wire.get(i).bytes(), StandardCharsets.US_ASCII);
            if (wire.get(i).direction() == WireLog.Direction.HOST && text.startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** Where the MethodSCRIPT abort (Z) went out after the first CA script; -1 if it did not. */
    public static int abortAfterFirstScript(List<WireLog.Chunk> wire) {
        int script = hostSent(wire, "e\nvar p", 0);
        return script < 0 ? -1 : hostSent(wire, "Z\n", script + 1);
    }
}
