package org.norrlab.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Files that hold a secret (a password, the status page's token, a TLS key) must be the owner's alone: anyone else
 * who can read one can use it. On file systems without POSIX permissions (Windows) the file inherits its folder's
 * access list, the user's profile, and nothing is checked.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** The file's mode (e.g. rw-r--r--) when its group or others have any permission on it; empty when private. */
    public static Optional<String> openToOthers(Path file) throws IOException {
        if (!posix(file)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(mode);
        open.retainAll(OTHERS);
        return open.isEmpty() ? Optional.empty() : Optional.of(PosixFilePermissions.toString(mode));
    }

    /** Whether the file (or, before it exists, its nearest existing folder) has POSIX permissions. */
    public static boolean posix(Path file) throws IOException {
        Path existing = file.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
    }
}
