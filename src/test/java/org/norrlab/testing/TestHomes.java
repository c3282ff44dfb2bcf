package org.norrlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Homes for tests that need a site file of their own: a folder with config/ and drivers/ as an operator has them, so
 * that a command run with {@code --home} reads the test's settings and the shipped instrument profiles.
 */
public final class TestHomes {
    private TestHomes() {
    }

    /**
     * A home at {@code home} with the shipped config/site.yaml as {@code site} rewrites it, the shipped
     * config/logback.xml and a copy of drivers/.
     */
    public static Path withSite(Path home, UnaryOperator<String> site) throws IOException {
        Path config = Files.createDirectories(home.resolve("config"));
        Files.writeString(config.resolve("site.yaml"),
                site.apply(Files.readString(Fixtures.HOME.resolve("config/site.yaml"))));
        Files.copy(Fixtures.HOME.resolve("config/logback.xml"), config.resolve("logback.xml"));
        copyDrivers(home);
        return home;
    }

    /** The shipped drivers/ (profiles and the simulator's files) copied into {@code home}. */
    public static void copyDrivers(Path home) throws IOException {
        Path drivers = Fixtures.HOME.resolve("drivers");
        try (Stream<Path> files = Files.walk(drivers)) {
            for (Path from : files.toList()) {
                Path to = home.resolve("drivers").resolve(drivers.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
    }

    /** Writes a file that holds a secret as an operator is told to: readable by its owner alone (chmod 600). */
    public static Path writePrivate(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
