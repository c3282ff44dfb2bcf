package org.norrlab.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The folder a session database file goes in, and why it cannot be made: in the operator's words (permission denied,
 * a read-only file system, a file in the way) with what to do, since the operator chose the place and can choose another.
 */
public final class DataDirectory {
    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    /** What to do, for every reason: another place, in the file that chose this one or on the command line. */
    static final String WHAT_TO_DO = "choose a folder you can write with data_directory (or session_store) in"
            + " config/site.yaml, or give --db FILE in such a folder";

    private DataDirectory() {
    }

    /** Creates the folder of a database file, or fails with the reason in words and what to do. */
    static void create(StoreLocation location, Path folder) throws StoreException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + folder + " for the session database " + location
                    + ": " + reason(folder, e) + "; " + WHAT_TO_DO, e);
        }
    }

    /**
     * Why a folder that is not there could not be created, found without creating it (for commands that only read):
     * empty when it is there or its nearest existing parent is a writable folder.
     */
    public static Optional<String> whyNotCreatable(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return Optional.empty();
        }
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.empty();
        }
        if (!Files.isDirectory(existing)) {
            return Optional.of(inTheWay(existing));
        }
        if (readOnly(existing)) {
            return Optional.of("read-only file system: " + existing + " is on a read-only disk or mount");
        }
        if (!Files.isWritable(existing)) {
            return Optional.of("permission denied: " + existing + " cannot be written by this user");
        }
        return Optional.empty();
    }

    private static String reason(Path folder, IOException e) {
        Optional<String> found = whyNotCreatable(folder);   // names the file in the way, where the exception says "not a directory"
        if (found.isPresent()) {
            return found.get();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return inTheWay(exists.getFile() == null ? folder : Path.of(exists.getFile()));
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied" + (denied.getFile() == null ? "" : " on " + denied.getFile());
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            String why = fs.getReason().toLowerCase(Locale.ROOT);
            return why + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
        }
        return String.valueOf(e.getMessage());
    }

    private static boolean readOnly(Path folder) {
        try {
            return Files.getFileStore(folder).isReadOnly();
        } catch (IOException e) {
            log.debug("cannot tell whether {} is on a read-only file system; the write itself will tell", folder, e);
            return false;
        }
    }

    private static String inTheWay(Path file) {
        return "a file is in the way: " + file + " is a file, not a folder";
    }
}
