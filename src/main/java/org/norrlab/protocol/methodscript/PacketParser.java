package org.norrlab.protocol.methodscript;

import java.util.List;

/**
 * Decodes a data package line {@code P<var>;<var>;…} where each var is
 * {@code <type:2><hex:7><prefix:1>(,<meta>)*}. Metadata {@code 1x} is the status bit field,
 * {@code 2xx} the range code, anything else (e.g. noise {@code 4x}) is skipped. The work is {@link ReplyDecoder}'s.
 */
public final class PacketParser {
    private PacketParser() {
    }

    public static List<DataValue> parse(String line) throws MalformedReplyException {
        return ReplyDecoder.decodePackage(line);
    }
}
