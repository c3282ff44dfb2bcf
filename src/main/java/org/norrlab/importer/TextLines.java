package org.norrlab.importer;

import java.io.BufferedInputStream;
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
 * A text file's lines, one at a time, whatever wrote it: UTF-8 with or without a BOM, UTF-16 with a BOM (PSTrace) or
 * without one (told by its NULs, see {@link HeadLine#utf16WithoutBom}),
 * Windows-1252 (EC-Lab, Squidstat, and Excel on a European PC); LF, CRLF, CR CR LF (old CHI) or CR alone all end a
 * line. A line is decoded as UTF-8 when it is valid UTF-8 and as Windows-1252 otherwise, so a Latin-1 'µ' or '²'
 * reads right without the whole file being read first. The BOM is not part of the first line. A run of CRs ends one
 * line (so CR CR LF is one line end), which means a blank line in a CR-only file is not seen: no format needs one.
 */
public final class TextLines implements AutoCloseable {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final Path file;
    private final InputStream bytes;
    private final Reader utf16;
    private final String encoding;
    /** The bytes read ahead of the line being split (the UTF-8/Windows-1252 path): one read per 64 KiB, not per byte. */
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    /** The line being split, without its end. */
    private byte[] line = new byte[256];
    private int length;
    /** One strict decoder for every line that is not ASCII (decode() resets it). */
    private final CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
    private final StringBuilder chars = new StringBuilder(256);
    private int lineNumber;
    private boolean sawWindows1252;
    private boolean lastLineEnded = true;
    private int pushedBack = -2;

    private TextLines(Path file, InputStream bytes, Reader utf16, String encoding) {
        this.file = file;
        this.bytes = bytes;
        this.utf16 = utf16;
        this.encoding = encoding;
    }

    public static TextLines open(Path file) throws ImportException {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.mark(HeadLine.SNIFFED);
            byte[] head = in.readNBytes(HeadLine.SNIFFED);
            in.reset();
            HeadLine.Encoding encoding = HeadLine.Encoding.of(head);
            in.skipNBytes(encoding.bomLength());
            if (encoding.utf16().isPresent()) {
                return new TextLines(file, null, new InputStreamReader(in, strict(encoding.utf16().get())), encoding.name());
            }
            return new TextLines(file, in, null, encoding.name());
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
        length = 0;
        int b = read();
        if (b < 0) {
            return null;
        }
        boolean ascii = true;
        while (b >= 0 && b != '\n' && b != '\r') {
            if (length == line.length) {
                line = java.util.Arrays.copyOf(line, length * 2);
            }
            line[length++] = (byte) b;
            ascii &= b < 0x80;
            b = readByte();
        }
        lastLineEnded = b >= 0;
        skipLineEnd(b);
        // ASCII is the same text in UTF-8 and Windows-1252: made without a decoder (most lines of most files)
        return ascii ? new String(line, 0, length, StandardCharsets.ISO_8859_1) : decode();
    }

    /** The next byte (0–255), or -1 at the end of the file. */
    private int readByte() throws IOException {
        if (position == limit) {
            int n = bytes.read(buffer, 0, buffer.length);
            while (n == 0) {
                n = bytes.read(buffer, 0, buffer.length);
            }
            if (n < 0) {
                return -1;
            }
            position = 0;
            limit = n;
        }
        return buffer[position++] & 0xff;
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
        return utf16 != null ? utf16.read() : readByte();
    }

    private String decode() {
        try {
            return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException notUtf8) {
            sawWindows1252 = true;
            return new String(line, 0, length, WINDOWS_1252);
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
