package org.norrlab.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of a file an operator edited, whatever the editor saved it as: UTF-8 with or without a BOM, UTF-16 with a
 * BOM (Notepad's "Unicode") or without one (told by its NULs), and Windows-1252 (a Latin-1 editor on a European PC)
 * when the bytes are not valid UTF-8. Protocols and site files are small, so the whole file is decoded at once; the
 * importer reads large instrument files line by line with its own {@code TextLines}.
 */
public final class FileText {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** How many leading bytes are looked at to tell UTF-16 without a BOM by its NULs. */
    private static final int SNIFFED = 512;

    private FileText() {
    }

    public static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return utf8OrWindows1252(Arrays.copyOfRange(bytes, 3, bytes.length));
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        int evenNuls = 0;
        int oddNuls = 0;
        int sniffed = Math.min(bytes.length, SNIFFED);
        for (int i = 0; i < sniffed; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    evenNuls++;
                } else {
                    oddNuls++;
                }
            }
        }
        // ASCII text in UTF-16 has a NUL in every other byte; a text file in an 8-bit encoding has none
        int pairs = sniffed / 2;
        if (pairs > 0 && oddNuls > pairs / 2 && evenNuls == 0) {
            return new String(bytes, StandardCharsets.UTF_16LE);
        }
        if (pairs > 0 && evenNuls > pairs / 2 && oddNuls == 0) {
            return new String(bytes, StandardCharsets.UTF_16BE);
        }
        return utf8OrWindows1252(bytes);
    }

    private static String utf8OrWindows1252(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
