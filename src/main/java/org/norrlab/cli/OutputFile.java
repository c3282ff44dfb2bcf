package org.norrlab.cli;

import org.norrlab.core.BadInputException;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoreLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file the operator names with -o, written so that nothing already there is lost by a slip of the finger: never the
 * session database in use (or its -wal, -shm or -journal file), never an existing file without --force, and always
 * through a temporary file beside the target that is moved into place only when the whole content was written, so a
 * failed export leaves no half file behind.
 */
final class OutputFile {
    private static final Logger log = LoggerFactory.getLogger(OutputFile.class);
    /** The files SQLite keeps beside a database while it is open: writing onto any of them damages the database. */
    private static final List<String> DATABASE_PARTS = List.of("", "-wal", "-shm", "-journal");

    /** What writes the content; the stream is closed by {@link #write}. */
    interface Content {
        void writeTo(OutputStream out) throws IOException, StoreException;
    }

    private final Path target;
    private final String option;
    private final String example;

    /**
     * @param target  the file as given
     * @param option  the option that named it, as the operator typed it ("-o")
     * @param example a file name to suggest instead, e.g. "session-10.csv"
     */
    OutputFile(Path target, String option, String example) {
        this.target = target.toAbsolutePath().normalize();
        this.option = option;
        this.example = example;
    }

    Path path() {
        return target;
    }

    /**
     * Refuses a target that is the session database in use (compared by real path, so a link or "./" does not hide it),
     * a folder, a file in a missing folder, or an existing file without {@code force}.
     */
    void check(StoreLocation store, boolean force) {
        Path folder = target.getParent();
        if (Files.isDirectory(target)) {
            throw new BadInputException(option + " " + target + " is a folder; give a file in it, e.g. " + option + " "
                    + target.resolve(example));
        }
        if (Files.isRegularFile(folder)) {
            throw new BadInputException(option + " " + target + ": " + folder + " is a file, not a folder; give " + option
                    + " a file in a folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(option + " " + target + ": the folder " + folder + " does not exist; create it first"
                    + " (mkdir -p " + folder + ") or give " + option + " a file in a folder that exists");
        }
        Optional<String> part = store.file().flatMap(this::partOf);
        if (part.isPresent()) {
            throw new BadInputException(option + " " + target + " is " + (part.get().isEmpty() ? "" : part.get() + " ") + "the session database in use ("
                    + store.file().get() + "); writing there would destroy every session it holds, so nothing was written."
                    + " Give " + option + " a new file, e.g. " + option + " " + folder.resolve(example));
        }
        if (Files.exists(target) && !force && !special()) {
            throw new BadInputException(option + " " + target + " already exists; nothing was written. Give another file"
                    + " name, e.g. " + option + " " + folder.resolve(example) + ", or add --force to replace it");
        }
    }

    /**
     * Whether the target is something other than a file or folder: a device such as /dev/null, a named pipe, a terminal
     * (/dev/stdout). The content is written into it as it is; replacing it by a file, which the temporary file's
     * move would do, is never what was meant (as root, --force would have turned /dev/null into a file).
     */
    private boolean special() {
        return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
    }

    /** "" when the target is the database file itself, "the -wal file of" for one beside it; empty when neither. */
    private Optional<String> partOf(Path database) {
        Path real = realPath(target);
        Path realDatabase = realPath(database);
        for (String suffix : DATABASE_PARTS) {
            if (real.equals(realDatabase.resolveSibling(realDatabase.getFileName() + suffix))) {
                return Optional.of(suffix.isEmpty() ? "" : "the " + suffix + " file of");
            }
        }
        return Optional.empty();
    }

    /** The real path of a file that may not exist yet: its folder's real path and its name. */
    private static Path realPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path folder = absolute.getParent();
            return Files.exists(folder) ? folder.toRealPath().resolve(absolute.getFileName()) : absolute;
        } catch (IOException e) {
            log.warn("cannot resolve the real path of {}; comparing it as written", absolute, e);
            return absolute;
        }
    }

    /**
     * Writes the content to a temporary file beside the target and moves it into place once it is complete. The file
     * gets the permissions any new file in that folder gets (the user's umask), or, replacing one with --force, that
     * file's: Files.createTempFile would make it readable by its owner only, which a bench chemist's export, shared
     * with colleagues, was found to be.
     */
    void write(Content content) throws IOException, StoreException {
        if (special()) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            return;
        }
        Path folder = target.getParent();
        String unique = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        Path temporary = folder.resolve("." + target.getFileName() + "." + unique + ".part");
        OutputStream file;
        try {
            file = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new BadInputException(option + " " + target + ": cannot write there (permission denied); give " + option
                    + " a file in a folder you can write", e);
        } catch (FileSystemException e) {
            throw new BadInputException(option + " " + target + ": cannot write there (" + e.getReason() + "); give " + option
                    + " a file in a folder you can write", e);
        }
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(file)) {
                content.writeTo(out);
            }
            keepPermissionsOfReplaced(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                log.debug("atomic move not supported in {}; moving plainly", folder, e);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** A file replaced with --force keeps its permissions; where the file system has none to copy, nothing is done. */
    private void keepPermissionsOfReplaced(Path temporary) {
        if (!Files.exists(target)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
        } catch (UnsupportedOperationException e) {
            log.debug("{} has no POSIX permissions to keep", target, e);
        } catch (IOException e) {
            log.warn("cannot give the new {} the permissions of the one it replaces; it has the folder's default", target, e);
        }
    }
}
