package org.norrlab.importer;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file that cannot be imported: which file, which line (0 when not about a line), and what was expected. Messages
 * quote the file's own text, which may be anything (a binary file read as text): every control character in a message
 * is shown as an escape ({@code \0}, {@code \t}, {@code \x1A}), so a terminal or log never receives raw NULs or escape
 * sequences, and a quoted piece of file text is cut to {@value #QUOTED_CHARS} characters ({@link #quoted}).
 */
public final class ImportException extends Exception {
    /** The longest piece of a file's text a message quotes whole. */
    static final int QUOTED_CHARS = 120;

    public ImportException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + visible(problem));
    }

    /**
     * A file that could not be opened or read, in the words {@code plan} uses for a protocol: "file not found" rather
     * than Java's bare "cannot be read: PATH" (a NoSuchFileException's whole message is the path).
     */
    static ImportException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ImportException(file, 0, "file not found");
        }
        if (e instanceof AccessDeniedException) {
            return new ImportException(file, 0, "cannot be read: permission denied");
        }
        if (file.toFile().isDirectory()) {
            return new ImportException(file, 0, "is a folder; give a file in it to import");
        }
        return new ImportException(file, 0, "cannot be read: " + e.getMessage());
    }

    /**
     * A piece of the file's text for a message, between single quotes: control characters visible, and cut with '…'
     * after {@value #QUOTED_CHARS} characters of the file's text (a binary file's "line" can be thousands of bytes).
     */
    static String quoted(String fileText) {
        return "'" + shortened(fileText) + "'";
    }

    /** As {@link #quoted}, without the quotes: for a message that shows a whole line after "found: ". */
    static String shortened(String fileText) {
        // cut the file's text, not its escaped form, so that an escape is never cut in two
        return fileText.length() <= QUOTED_CHARS ? visible(fileText) : visible(fileText.substring(0, QUOTED_CHARS)) + "…";
    }

    /** Control characters (C0, DEL, C1) as escapes: NUL as \0 (\x00 before a digit), TAB as \t, others as \xNN. */
    static String visible(String text) {
        StringBuilder shown = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c >= 0x7F && c <= 0x9F;
            if (control && shown == null) {
                shown = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (shown == null) {
                continue;
            }
            if (!control) {
                shown.append(c);
            } else if (c == 0 && !(i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                shown.append("\\0"); // \x00 before a digit: "\007" would read as one octal escape
            } else if (c == '\t') {
                shown.append("\\t");
            } else {
                shown.append(String.format("\\x%02X", (int) c));
            }
        }
        return shown == null ? text : shown.toString();
    }
}
