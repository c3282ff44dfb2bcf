package org.norrlab.importer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TEST ORACLE: {@link TextLines} as it was before it read by buffer (issue 23), kept unchanged to prove the new one
 * returns the same lines, line numbers, line-end state and encoding. Not for use outside tests.
 *
 * <p>A text file's lines, one at a time, whatever wrote it: UTF-8 with or without a BOM, UTF-16 with a BOM (PSTrace) or
 * without one (told by its NULs, see {@link HeadLine#utf16WithoutBom}),
 * Windows-1252 (EC-Lab, Squidstat, and Excel on a European PC); LF, CRLF, CR CR LF (old CHI) or CR alone all end a
 * line. A line is decoded as UTF-8 when it is valid UTF-8 and as Windows-1252 otherwise, so a Latin-1 'µ' or '²'
 * reads right without the whole file being read first. The BOM is not part of the first line. A run of CRs ends one
 * line (so CR CR LF is one line end), which means a blank line in a CR-only file is not seen: no format needs one.
 */
final class OldTextLines implements AutoCloseable {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final Path file;
    private final InputStream bytes;
    private final Reader utf16;
    private final String encoding;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder chars = new StringBuilder(256);
    private int lineNumber;
    private boolean sawWindows1252;
    private boolean lastLineEnded = true;
    private int pushedBack = -2;

    private OldTextLines(Path file, InputStream bytes, Reader utf16, String encoding) {
        this.file = file;
        this.bytes = bytes;
        this.utf16 = utf16;
        this.encoding = encoding;
    }

    static OldTextLines open(Path file) throws ImportException {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.mark(HeadLine.SNIFFED);
            byte[] head = in.readNBytes(HeadLine.SNIFFED);
            in.reset();
            HeadLine.Encoding encoding = HeadLine.Encoding.of(head);
            in.skipNBytes(encoding.bomLength());
            if (encoding.utf16().isPresent()) {
                return new OldTextLines(file, null, new InputStreamReader(in, strict(encoding.utf16().get())), encoding.name());
            }
            return new OldTextLines(file, in, null, encoding.name());
        } catch (IOException e) {
            throw ImportException.unreadable(file, e);
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The next line without its line end, or null at the end of the file. */
    public String next() throws ImportException {
        try {
            String text = utf16 != null ? nextChars() : nextBytes();
            if (text != null) {
                lineNumber++;
                if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
            }
            return text;
        } catch (IOException e) {
            throw new ImportException(file, lineNumber + 1, "cannot be read as " + encoding + " text: " + e.getMessage());
        }
    }

    private String nextBytes() throws IOException {
        line.reset();
        int b = read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n' && b != '\r') {
            line.write(b);
            b = bytes.read();
        }
        lastLineEnded = b >= 0;
        skipLineEnd(b);
        return decode(line.toByteArray());
    }

    private String nextChars() throws IOException {
        chars.setLength(0);
        int c = read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            chars.append((char) c);
            c = utf16.read();
        }
        lastLineEnded = c >= 0;
        skipLineEnd(c);
        return chars.toString();
    }

    /** After a CR: any further CRs and one LF belong to the same line end. */
    private void skipLineEnd(int ended) throws IOException {
        if (ended != '\r') {
            return;
        }
        int c = readRaw();
        while (c == '\r') {
            c = readRaw();
        }
        if (c != '\n' && c >= 0) {
            pushedBack = c;
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return readRaw();
    }

    private int readRaw() throws IOException {
        return utf16 != null ? utf16.read() : bytes.read();
    }

    private String decode(byte[] raw) {
        try {
            return strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notUtf8) {
            sawWindows1252 = true;
            return new String(raw, WINDOWS_1252);
        }
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    public int lineNumber() {
        return lineNumber;
    }

    /** False when the file's last line has no line end: a file cut short mid-row (or one written without one). */
    public boolean lastLineEnded() {
        return lastLineEnded;
    }

    /** The encoding as read, for notes: "UTF-16LE with BOM", "UTF-16LE without BOM", "UTF-8", "Windows-1252". */
    public String encoding() {
        return sawWindows1252 ? "Windows-1252" : encoding;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws ImportException {
        try {
            if (utf16 != null) {
                utf16.close();
            } else {
                bytes.close();
            }
        } catch (IOException e) {
            throw new ImportException(file, 0, "cannot be closed: " + e.getMessage());
        }
    }
}
