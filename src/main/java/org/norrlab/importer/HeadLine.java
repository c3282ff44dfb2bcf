package org.norrlab.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The first line of a file's first bytes, decoded the way {@link TextLines} decodes it (a UTF-8 or UTF-16 BOM
 * honoured and dropped, UTF-8 else Windows-1252): for importers that recognise a format by its header line, so a
 * file re-saved in another encoding is still recognised.
 */
final class HeadLine {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private HeadLine() {
    }

    static String of(byte[] head) {
        int n = head.length;
        int b0 = n > 0 ? head[0] & 0xff : -1;
        int b1 = n > 1 ? head[1] & 0xff : -1;
        int b2 = n > 2 ? head[2] & 0xff : -1;
        if (b0 == 0xFF && b1 == 0xFE) {
            return firstLine(new String(head, 2, n - 2, StandardCharsets.UTF_16LE));
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return firstLine(new String(head, 2, n - 2, StandardCharsets.UTF_16BE));
        }
        int from = b0 == 0xEF && b1 == 0xBB && b2 == 0xBF ? 3 : 0;
        String line = firstLine(new String(head, from, n - from, StandardCharsets.UTF_8));
        // not UTF-8 (a Latin-1 '²'), or the head cut inside a character: the ASCII names read the same in Windows-1252
        return line.indexOf('\uFFFD') < 0 ? line : firstLine(new String(head, from, n - from, WINDOWS_1252));
    }

    /**
     * The head without its BOM, UTF-16 decoded to UTF-8: what a recogniser that looks for ASCII markers ("EXPLAIN",
     * "EC-Lab ASCII FILE") must see in a copy re-saved with a BOM or as UTF-16. The head itself when it has no BOM.
     */
    static byte[] withoutBom(byte[] head) {
        int n = head.length;
        int b0 = n > 0 ? head[0] & 0xff : -1;
        int b1 = n > 1 ? head[1] & 0xff : -1;
        int b2 = n > 2 ? head[2] & 0xff : -1;
        if (b0 == 0xFF && b1 == 0xFE) {
            return new String(head, 2, (n - 2) & ~1, StandardCharsets.UTF_16LE).getBytes(StandardCharsets.UTF_8);
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return new String(head, 2, (n - 2) & ~1, StandardCharsets.UTF_16BE).getBytes(StandardCharsets.UTF_8);
        }
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return Arrays.copyOfRange(head, 3, n);
        }
        return head;
    }

    private static String firstLine(String text) {
        return text.split("[\r\n]", 2)[0];
    }
}
