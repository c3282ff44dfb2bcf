package org.norrlab.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The first line of a file's first bytes, decoded the way {@link TextLines} decodes it (a UTF-8 or UTF-16 BOM
 * honoured and dropped, UTF-16 without a BOM told by its NULs, UTF-8 else Windows-1252): for importers that recognise a format by its header line, so a
 * file re-saved in another encoding is still recognised.
 */
final class HeadLine {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private HeadLine() {
    }

    /**
     * How a file's first bytes say it is written: the length of its BOM (0 without one) and, for UTF-16, the charset;
     * empty {@code utf16} means 8-bit text, read as UTF-8 where valid and Windows-1252 otherwise.
     */
    record Encoding(int bomLength, Optional<Charset> utf16, String name) {
        static Encoding of(byte[] head) {
            int n = head.length;
            int b0 = n > 0 ? head[0] & 0xff : -1;
            int b1 = n > 1 ? head[1] & 0xff : -1;
            int b2 = n > 2 ? head[2] & 0xff : -1;
            if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
                return new Encoding(3, Optional.empty(), "UTF-8 with BOM");
            }
            if (b0 == 0xFF && b1 == 0xFE) {
                return new Encoding(2, Optional.of(StandardCharsets.UTF_16LE), "UTF-16LE with BOM");
            }
            if (b0 == 0xFE && b1 == 0xFF) {
                return new Encoding(2, Optional.of(StandardCharsets.UTF_16BE), "UTF-16BE with BOM");
            }
            Optional<Charset> utf16 = utf16WithoutBom(head);
            return utf16.map(charset -> new Encoding(0, utf16, charset.name() + " without BOM"))
                    .orElseGet(() -> new Encoding(0, Optional.empty(), "UTF-8"));
        }

        /** The head after the BOM, decoded when it is UTF-16 (a character cut at the end is left out). */
        private Optional<String> utf16Text(byte[] head) {
            return utf16.map(charset -> new String(head, bomLength, (head.length - bomLength) & ~1, charset));
        }
    }

    static String of(byte[] head) {
        Encoding encoding = Encoding.of(head);
        Optional<String> utf16 = encoding.utf16Text(head);
        if (utf16.isPresent()) {
            return firstLine(utf16.get());
        }
        int from = encoding.bomLength();
        String line = firstLine(new String(head, from, head.length - from, StandardCharsets.UTF_8));
        // not UTF-8 (a Latin-1 '²'), or the head cut inside a character: the ASCII names read the same in Windows-1252
        return line.indexOf('\uFFFD') < 0 ? line : firstLine(new String(head, from, head.length - from, WINDOWS_1252));
    }

    /**
     * The head without its BOM, UTF-16 decoded to UTF-8: what a recogniser that looks for ASCII markers ("EXPLAIN",
     * "EC-Lab ASCII FILE") must see in a copy re-saved with a BOM or as UTF-16. The head itself when it has no BOM.
     */
    static byte[] withoutBom(byte[] head) {
        Encoding encoding = Encoding.of(head);
        return encoding.utf16Text(head).map(text -> text.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> encoding.bomLength() == 0 ? head : Arrays.copyOfRange(head, encoding.bomLength(), head.length));
    }

    /** How many of a file's first bytes {@link #utf16WithoutBom} looks at. */
    static final int SNIFFED = 64;

    /**
     * UTF-16 written without a BOM (as some Windows tools save it), told from its first bytes: text files hold
     * mostly ASCII, which in UTF-16LE is a byte then a NUL (NULs at odd positions, none at even ones) and in UTF-16BE
     * the reverse. Text in any 8-bit encoding has no NULs, so it is never taken for UTF-16; a binary file whose NULs
     * do not fall that way is not either. Empty when the head has no such pattern.
     */
    static Optional<Charset> utf16WithoutBom(byte[] head) {
        int pairs = Math.min(head.length, SNIFFED) / 2;
        if (pairs < 2) {
            return Optional.empty();
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int p = 0; p < pairs; p++) {
            evenNuls += head[2 * p] == 0 ? 1 : 0;
            oddNuls += head[2 * p + 1] == 0 ? 1 : 0;
        }
        // most characters ASCII or Latin-1 (one NUL each), and none a NUL itself or above U+00FF in the other half
        if (evenNuls == 0 && oddNuls * 4 >= pairs * 3) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (oddNuls == 0 && evenNuls * 4 >= pairs * 3) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
    }

    private static String firstLine(String text) {
        return text.split("[\r\n]", 2)[0];
    }
}
