package org.norrlab.status;

import org.norrlab.config.PrivateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The status page's access token: 256 random bits from SecureRandom, made on the first start and kept in a file only
 * its owner may read. Every request must carry it, loopback ones too: a local proxy or a DNS-rebinding page reaches
 * 127.0.0.1 as easily as the operator does. {@link #toString()} never shows it, so that no log line can.
 */
public final class AccessToken {
    static final int BYTES = 32;

    private final String value;
    private final byte[] digest;

    AccessToken(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    /**
     * The token in {@code file}, made there (mode 0600 from the start, never readable by others for a moment) when the
     * file does not exist. A file that group or others may read is refused: its token may have been read already.
     */
    public static AccessToken loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                return create(file);
            } catch (FileAlreadyExistsException raced) {
                // another serve made it a moment ago: read theirs
            }
        }
        requirePrivate(file);
        String text = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (text.length() < 22 || !text.matches("[A-Za-z0-9_\\-]+")) {
            throw new IOException("the access token file " + file + " does not hold a token (at least 22 characters of"
                    + " A-Z a-z 0-9 - _); delete it and norrlab serve makes a new one");
        }
        return new AccessToken(text);
    }

    private static AccessToken create(Path file) throws IOException {
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (PrivateFiles.posix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        return new AccessToken(text);
    }

    static void requirePrivate(Path file) throws IOException {
        Optional<String> mode = PrivateFiles.openToOthers(file);
        if (mode.isPresent()) {
            throw new IOException("the access token file " + file + " may be read or changed by other users (mode "
                    + mode.get() + "), so its token may be known to them; not used. Delete the file (norrlab serve"
                    + " makes a new token) or, if only you could have read it, run: chmod 600 " + file);
        }
    }

    /**
     * Whether {@code offered} is the token, in time that does not depend on where they differ: both are hashed and the
     * hashes compared with {@link MessageDigest#isEqual}, so neither the length nor a common prefix leaks.
     */
    public boolean matches(String offered) {
        return offered != null && MessageDigest.isEqual(digest, sha256(offered));
    }

    /** The token itself, for the URL printed to the operator who started serve; never for a log line. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "AccessToken[hidden]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
