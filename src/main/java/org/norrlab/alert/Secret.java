package org.norrlab.alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a channel's password lives: a file of its own or an environment variable, never site.yaml itself (a file
 * that is copied between benches, shown to colleagues and committed to lab notebooks). Only the place is kept; the
 * password is read when an alert is sent, so that a changed password file takes effect without a restart, and it is
 * never part of a name, a log line or an error.
 *
 * @param file     the file holding the password (its first line), or null
 * @param variable the environment variable holding it, or null
 */
public record Secret(Path file, String variable) {
    public Secret {
        if ((file == null) == (variable == null)) {
            throw new IllegalArgumentException("a secret comes from a file or from a variable, exactly one");
        }
    }

    public static Secret inFile(Path file) {
        return new Secret(Objects.requireNonNull(file), null);
    }

    public static Secret inVariable(String variable) {
        return new Secret(null, Objects.requireNonNull(variable));
    }

    /**
     * The password as it is now: the file's first line (a trailing line break, which every editor adds, is not part
     * of it), or the variable's value.
     *
     * @throws IOException when the file cannot be read or the variable is not set; the message names the place only
     */
    public String value() throws IOException {
        if (file != null) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IOException("cannot read the password file " + file + " (" + e.getClass().getSimpleName()
                        + ")");
            }
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (line.isEmpty()) {
                throw new IOException("the password file " + file + " is empty");
            }
            return line;
        }
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new IOException("the environment variable " + variable + " that should hold the password is not set");
        }
        return value;
    }

    /** Where the password is, for messages: never the password. */
    public String place() {
        return file != null ? "the file " + file : "the environment variable " + variable;
    }
}
