package org.norrlab.protocol.methodscript;

/** A line from the device that does not follow the protocol; the message quotes it. */
public final class MalformedReplyException extends Exception {
    private final String line;

    public MalformedReplyException(String problem, String line) {
        super(problem + " in device line '" + printable(line) + "'");
        this.line = line;
    }

    public String line() {
        return line;
    }

    static String printable(String line) {
        StringBuilder out = new StringBuilder();
        for (char c : line.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return out.length() > 120 ? out.substring(0, 120) + "…" : out.toString();
    }
}
