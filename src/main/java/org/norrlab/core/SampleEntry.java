package org.norrlab.core;

import java.util.Objects;

/**
 * What the operator says about a session besides its cell: the catalyst or sample measured, who ran it, and their
 * notes. Stored with the session (schema 15) so that a session found months later says what was in the cell; empty
 * text where nobody said (every session stored before schema 15, imports of files that do not say).
 *
 * @param sample   the catalyst or sample name, one line ("Fe1/MoS2-x batch 3")
 * @param operator who ran the session, one line
 * @param notes    free text; may hold several lines
 */
public record SampleEntry(String sample, String operator, String notes) {
    /** Nobody said anything. */
    public static final SampleEntry NONE = new SampleEntry("", "", "");
    static final int MAX_NAME = 200;
    static final int MAX_NOTES = 4000;

    public SampleEntry {
        sample = oneLine("sample name", sample);
        operator = oneLine("operator", operator);
        notes = Objects.requireNonNull(notes, "notes").strip().replace("\r\n", "\n").replace('\r', '\n');
        if (notes.length() > MAX_NOTES) {
            throw new BadInputException("the notes are " + notes.length() + " characters long; keep them to " + MAX_NOTES
                    + " (a lab notebook page can say the rest)");
        }
    }

    private static String oneLine(String what, String text) {
        String stripped = Objects.requireNonNull(text, what).strip();
        if (stripped.contains("\n") || stripped.contains("\r")) {
            throw new BadInputException("the " + what + " must be one line; put further lines in the notes");
        }
        if (stripped.length() > MAX_NAME) {
            throw new BadInputException("the " + what + " is " + stripped.length() + " characters long; keep it to "
                    + MAX_NAME);
        }
        return stripped;
    }

    public boolean isEmpty() {
        return sample.isEmpty() && operator.isEmpty() && notes.isEmpty();
    }

    /**
     * What a person reads: "Sample: …", "Operator: …", "Notes: …" for those given (none for an empty entry), the notes'
     * further lines indented under their first; {@code show} and the GUI's session settings print these.
     */
    public java.util.List<String> lines() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (!sample.isEmpty()) {
            lines.add("Sample: " + sample);
        }
        if (!operator.isEmpty()) {
            lines.add("Operator: " + operator);
        }
        if (!notes.isEmpty()) {
            lines.add("Notes: " + notes.replace("\n", "\n       "));
        }
        return lines;
    }

    /** The notes on one line, as a commented file header carries them: a line break as \n, a backslash as \\. */
    public String notesOnOneLine() {
        return notes.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** The notes {@link #notesOnOneLine} wrote, as they were. */
    public static String notesFromOneLine(String written) {
        StringBuilder notes = new StringBuilder(written.length());
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '\\' && i + 1 < written.length()) {
                char next = written.charAt(++i);
                notes.append(next == 'n' ? '\n' : next);
            } else {
                notes.append(c);
            }
        }
        return notes.toString();
    }
}
