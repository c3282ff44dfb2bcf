package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.NorrlabProcess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Paths with é and µ under LC_ALL=C, as cron, a bare container or a careful operator sets it: Java 17 reads
 * arguments and file names in the C library's character set, ASCII there, and failed with
 * "InvalidPathException: Malformed input or input contains unmappable characters". The launcher runs Java with
 * a UTF-8 character type instead. A real process of the shipped launcher script; only the jar it names is
 * replaced by this build's classes (a stand-in java on PATH), so that the test needs no packaged jar.
 */
class LauncherLocaleTest {
    @TempDir
    Path temp;

    @Test
    void aProtocolAndADatabaseUnderNonAsciiPathsWorkUnderTheCLocale() throws Exception {
        assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "this test's own JVM must write é and µ in names");
        Process locales = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
        String available = new String(locales.getInputStream().readAllBytes(), StandardCharsets.UTF_8).toLowerCase();
        assumeTrue(available.contains(".utf8") || available.contains(".utf-8"), "needs a UTF-8 locale (locale -a)");

        Path checkout = temp.resolve("checkout");
        Path launcher = checkout.resolve("bin/norrlab");
        Files.createDirectories(launcher.getParent());
        Files.copy(Fixtures.HOME.resolve("src/main/launcher/norrlab"), launcher);
        Files.createDirectories(checkout.resolve("target"));
        Files.createFile(checkout.resolve("target/norrlab.jar"));   // the launcher only checks that it is there
        Path fakeBin = Files.createDirectories(temp.resolve("fake-bin"));
        Path java = fakeBin.resolve("java");
        Files.writeString(java, "#!/bin/sh\n"
                + "# Stands in for java: this build's classes instead of the jar, same arguments and environment.\n"
                + "while [ \"$1\" != \"-jar\" ]; do shift; done\nshift 2\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' -Dnorrlab.home='" + Fixtures.HOME + "' -Dnorrlab.data='"
                + temp.resolve("data") + "' " + Main.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        Path folder = Files.createDirectories(temp.resolve("dé µ"));
        Path protocol = Files.writeString(folder.resolve("prøt.yaml"),
                "name: µ test\nsteps:\n  - ca: {potential: -0.5 V vs RHE, duration: 10 s, interval: 1 s}\n");
        Path db = folder.resolve("séssions.db");

        Result plan = launch(launcher, fakeBin, "plan", protocol.toString());
        assertThat(plan.exitCode()).as(plan.text()).isZero();
        assertThat(plan.text()).contains("Protocol µ test (" + protocol + ")").doesNotContain("Malformed input");

        Result run = launch(launcher, fakeBin, "run", protocol.toString(), "--speed", "max", "--no-progress", "--db",
                db.toString());
        assertThat(run.exitCode()).as(run.text()).isZero();
        assertThat(run.text()).contains("Stored: 10 samples of session 1");
        assertThat(db).isRegularFile();
    }

    @Test
    void javaStartedDirectlyUnderTheCLocaleSaysWhatToDoInsteadOfAnException() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(NorrlabProcess.command(temp, List.of(), "plan",
                temp.resolve("dé µ/prøt.yaml").toString()));
        builder.environment().keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_"));
        builder.environment().put("LC_ALL", "C");
        Process process = builder.redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(text).isEqualTo(3);
        // Before: "Invalid value for positional parameter ... (java.nio.file.InvalidPathException: Malformed input ...)"
        assertThat(text).startsWith("Bad input: the argument '" + temp + "/d").contains("has characters that are not ASCII")
                .contains("set LC_ALL=C.UTF-8").doesNotContain("Exception");
    }

    private record Result(int exitCode, String text) {
    }

    private static Result launch(Path launcher, Path fakeBin, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString());
        builder.command().addAll(List.of(args));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_"));
        env.put("LC_ALL", "C");
        env.put("PATH", fakeBin + ":" + env.get("PATH"));
        Process process = builder.redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), text);
    }
}
