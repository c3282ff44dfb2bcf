package org.norrlab.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The log file in the data directory, or none: when the file cannot be opened (a data directory on read-only
 * media, under a regular file, without permission) Logback itself would print ~90 lines of its own status with
 * Java frames before the operator's real error. This appender looks first and, if the file cannot be written,
 * prints one warning line naming the file and why, and stays stopped: the console still shows warnings and
 * errors, only the file's full story is missing.
 */
public class LogFileAppender extends RollingFileAppender<ILoggingEvent> {
    @Override
    public void start() {
        String name = getFile();
        if (name != null) {
            Optional<String> problem = whyNotWritable(Path.of(name));
            if (problem.isPresent()) {
                // Logback is still configuring itself here, so no logger can carry this line; it has the console's shape.
                System.err.println("WARN  " + problem.get());
                return;
            }
        }
        super.start();
    }

    /** Why {@code file} cannot be opened for appending, in the operator's words; empty when it can. */
    static Optional<String> whyNotWritable(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            try (FileChannel ignored = FileChannel.open(absolute, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.of("cannot write the log file " + absolute + " (" + reason(e)
                    + "); logging to the console only. To keep a log, set data_directory in config/site.yaml to a folder"
                    + " you can write.");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException exists) {
            // createDirectories met a file where a folder of the path should be
            return exists.getFile() + " is a file, not a folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }
}
