package org.norrlab.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.NorrlabProcess;
import org.norrlab.testing.NorrlabProcess.Console;
import org.norrlab.testing.PtyPair;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of bad inputs: each case is what an operator might give and the message they get.
 * Every message is one paragraph that names the input and the place, with no stack trace; the
 * session database is never left damaged.
 * <p>
 * Each case runs as a process of its own, started as bin/norrlab starts norrlab (see
 * {@link NorrlabProcess#launcherCommand}; {@link NorrlabProcess#fastLauncher} makes it cheaper to start), so the exit
 * code, the console and the logging are the ones a user gets, not those of picocli called inside this JVM. The processes run side by side; each has its own copy of the
 * database (so a case that writes cannot lock another out) and its own data directory for the log.
 */
class BadInputCatalogueTest {
    @TempDir
    static Path temp;
    static Path db;
    static NorrlabProcess.FastLauncher launcher;

    /** JVM starts are most of the cost and the machine has few cores: a few run while others wait on their disk. */
    private static final int SIDE_BY_SIDE = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    /** A refused input answers within a second or two; a case still running after this has started real work. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String DB_NAME = "catalogue.db";

    /**
     * One bad input: {@code args} as typed after {@code norrlab}, the exit code and a part of the message the user
     * must see on the console. {@code environment} is added to the launcher's environment (LC_ALL, NORRLAB_JAVA_OPTS,
     * which the launcher passes to java), empty for most cases.
     */
    record Case(String name, List<String> args, int exitCode, String message, Map<String, String> environment,
                boolean viaScript) {
        Case(String name, List<String> args, int exitCode, String message) {
            this(name, args, exitCode, message, Map.of(), false);
        }

        /** This case with {@code variable=value} in the launcher's environment. */
        Case with(String variable, String value) {
            Map<String, String> more = new HashMap<>(environment);
            more.put(variable, value);
            return new Case(name, args, exitCode, message, Map.copyOf(more), viaScript);
        }

        /**
         * This case started through the launcher script itself (bin/norrlab, see {@link #theLauncherScript}), for what
         * the script does before java starts (the locale); other cases start the java command the script runs.
         */
        Case throughTheScript() {
            return new Case(name, args, exitCode, message, environment, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Path file(String name, String text) throws IOException {
        Path path = temp.resolve(name);
        Files.writeString(path, text);
        return path;
    }

    private static String bytes(String name, byte[] content) throws IOException {
        return Files.write(temp.resolve(name), content).toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static final String CA = "  - ca: {potential: -0.5 V vs RHE, duration: 1 min, interval: 1 s}\n";

    @BeforeAll
    static void aDatabaseWithOneSession() {
        db = temp.resolve(DB_NAME);
        assertThat(CliRunner.norrlab("run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress", "--home",
                Fixtures.HOME.toString(), "--db", db.toString()).exitCode()).isZero();
    }

    @BeforeAll
    static void aLauncherThatStartsFast() throws Exception {
        launcher = NorrlabProcess.fastLauncher(Files.createDirectories(temp.resolve("launcher")));
    }

    /** The shipped script in a checkout of its own; its java is a stand-in on PATH, see {@link #theLauncherScript}. */
    static Path script;
    static Path scriptJava;
    /** Whether the script has a UTF-8 locale to switch to under LC_ALL=C (locale -a). */
    static boolean utf8Locale;

    /**
     * bin/norrlab as {@code mvn package} ships it, copied with an empty target/norrlab.jar (the script only checks that
     * it is there) and a stand-in java that runs what the jar holds: the fast launcher's classes, home and options, in
     * place of {@code -jar JAR}, with whatever the script put before it ($NORRLAB_JAVA_OPTS, -Dnorrlab.home) kept, and
     * the environment the script made (its locale) passed on by exec.
     */
    @BeforeAll
    static void theLauncherScript() throws IOException, InterruptedException {
        utf8Locale = aUtf8Locale();
        Path checkout = temp.resolve("script-checkout");
        script = checkout.resolve("bin/norrlab");
        Files.createDirectories(script.getParent());
        Files.copy(Fixtures.HOME.resolve("src/main/launcher/norrlab"), script);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(checkout.resolve("target"));
        Files.createFile(checkout.resolve("target/norrlab.jar"));
        scriptJava = Files.createDirectories(temp.resolve("script-java"));
        List<String> jarStandIn = launcher.command(List.of(), "ARGS");
        int main = jarStandIn.indexOf(Main.class.getName());
        String fast = String.join(" ", jarStandIn.subList(1, main).stream().map(word -> "'" + word + "'").toList());
        Path java = scriptJava.resolve("java");
        Files.writeString(java, "#!/bin/sh\n"
                + "# Stands in for java: this build's classes instead of the jar (a later -Dnorrlab.home wins).\n"
                + "n=$#\ni=0\n"
                + "while [ $i -lt $n ]; do\n"
                + "  a=$1; shift; i=$((i+1))\n"
                + "  if [ \"$a\" = -jar ]; then shift; i=$((i+1)); set -- \"$@\" " + fast + " '" + Main.class.getName() + "'\n"
                + "  else set -- \"$@\" \"$a\"; fi\n"
                + "done\n"
                + "exec '" + jarStandIn.get(0) + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A pty pair and another program (sleep) holding its host end open, as PSTrace or a terminal would. */
    static PtyPair heldPty;
    static Process holder;
    /** Cases that cannot run on this machine, by name, with the reason (reported as skipped, not passed). */
    static final Map<String, String> CANNOT_RUN_HERE = new HashMap<>();

    @BeforeAll
    static void aPortHeldByAnotherProgram() throws Exception {
        try {
            heldPty = new PtyPair(Files.createDirectories(temp.resolve("pty")));
        } catch (IOException e) {
            return;   // no socat: the case says so when it is skipped
        }
        holder = new ProcessBuilder("sleep", "600").redirectInput(Path.of(heldPty.host()).toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @AfterAll
    static void letThePortGo() throws Exception {
        if (holder != null) {
            holder.destroyForcibly().waitFor();
        }
        if (heldPty != null) {
            heldPty.close();
        }
    }

    private static boolean aUtf8Locale() throws IOException, InterruptedException {
        Process locales = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
        String available = new String(locales.getInputStream().readAllBytes(), StandardCharsets.UTF_8).toLowerCase();
        locales.waitFor();
        return available.contains(".utf8") || available.contains(".utf-8");
    }

    static Stream<Case> cases() throws IOException {
        List<Case> c = new ArrayList<>();
        String p;
        // Protocol files
        p = file("typo.yaml", "steps:\n  - ca: {potential: -0.5 V vs RHE, duraton: 1 h, interval: 1 s}\n").toString();
        c.add(new Case("misspelt field", List.of("plan", p), 3, "field 'steps[1].ca.duraton': is not a known field here; allowed:"));
        p = file("kind.yaml", "steps:\n  - swv: {from: 0 V vs RHE}\n").toString();
        c.add(new Case("unknown step kind", List.of("plan", p), 3, "is not a step kind; allowed: ocp, ca, ca_series, lsv, cv,"
                + " cp, eis, hold, repeat"));
        p = file("nounit.yaml", "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 60, interval: 1 s}\n").toString();
        c.add(new Case("missing unit", List.of("plan", p), 3, "'60' has no unit; a time needs one of"));
        p = file("wrongunit.yaml", "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 1 furlong, interval: 1 s}\n").toString();
        c.add(new Case("wrong unit", List.of("plan", p), 3, "'furlong' is not a unit for a time; allowed: s"));
        p = file("noscale.yaml", "steps:\n  - ca: {potential: -0.5 V, duration: 1 h, interval: 1 s}\n").toString();
        c.add(new Case("potential without scale", List.of("plan", p), 3, "does not say what the potential is against"));
        p = file("she.yaml", "steps:\n  - ca: {potential: -0.5 V vs SHE, duration: 1 h, interval: 1 s}\n").toString();
        c.add(new Case("unknown potential scale", List.of("plan", p), 3, "'vs SHE' is not a scale we know; allowed: vs RHE, vs RE"));
        p = file("re.yaml", "cell: {reference_electrode: silver wire}\nsteps:\n" + CA).toString();
        c.add(new Case("unknown reference electrode", List.of("plan", p), 3, "'silver wire' is not a reference electrode we know"));
        p = file("ph.yaml", "cell: {ph: seven}\nsteps:\n" + CA).toString();
        c.add(new Case("pH not a number", List.of("plan", p), 3, "'seven' is not a number; expected a pH"));
        p = file("ph2.yaml", "cell: {ph: 19}\nsteps:\n" + CA).toString();
        c.add(new Case("pH out of range", List.of("plan", p), 3, "pH 19.0 is outside -1 .. 15"));
        p = file("area.yaml", "cell: {electrode_area: -1 cm2}\nsteps:\n" + CA).toString();
        c.add(new Case("negative electrode area", List.of("plan", p), 3, "field 'cell.electrode_area': must be greater than zero"));
        p = file("interval.yaml", "steps:\n  - ocp: {duration: 1 s, interval: 5 s}\n").toString();
        c.add(new Case("interval longer than the step", List.of("plan", p), 3, "is longer than the step's duration"));
        p = file("empty.yaml", "name: nothing\nsteps: []\n").toString();
        c.add(new Case("protocol without steps", List.of("plan", p), 3, "the protocol has no steps"));
        p = file("yaml.yaml", "steps: [\n  - ca: {\n").toString();
        c.add(new Case("not YAML", List.of("plan", p), 3, "is not valid YAML"));
        p = file("twice.yaml", "name: a\nname: b\nsteps:\n" + CA).toString();
        c.add(new Case("a key given twice", List.of("plan", p), 3, "field 'name': is given twice in the same block"));
        c.add(new Case("protocol file missing", List.of("plan", temp.resolve("none.yaml").toString()), 3, "none.yaml: file not found"));
        p = file("policy.yaml", "on_interruption: retry\nsteps:\n" + CA).toString();
        c.add(new Case("unknown interruption policy", List.of("plan", p), 3, "'retry' is not allowed; allowed: restart, continue, skip"));
        p = file("safety.yaml", "safety: {on_breach: panic}\nsteps:\n" + CA).toString();
        c.add(new Case("unknown breach action", List.of("plan", p), 3, "'panic' is not allowed; allowed: stop_step, stop_run"));
        p = file("charge.yaml", "safety: {max_charge_per_step: 5 mAh}\nsteps:\n" + CA).toString();
        c.add(new Case("charge limit without coulombs", List.of("plan", p), 3, "is not a charge; write coulombs, e.g. '500 C'"));
        // Runs refused before they start
        p = file("far.yaml", "steps:\n  - ca: {potential: -5 V vs RE, duration: 1 s, interval: 100 ms}\n").toString();
        c.add(new Case("outside the instrument window", List.of("run", p, "--no-progress", "--db", db.toString()), 3,
                "outside sim's window -4.000 .. 4.000 V"));
        p = file("unsafe.yaml", "steps:\n  - ca: {potential: -2.0 V vs RHE, duration: 1 s, interval: 100 ms}\n").toString();
        c.add(new Case("outside the site's safety window", List.of("run", p, "--no-progress", "--db", db.toString()), 3,
                "-2.000 V vs RHE is outside the safety window -1.500 .. 1.000 V vs RHE"));
        p = file("fast.yaml", "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 1 s, interval: 100 us}\n").toString();
        c.add(new Case("interval unit not accepted", List.of("plan", p), 3, "'us' is not a unit for a time"));
        c.add(new Case("unknown instrument", List.of("run", "protocols/demo-sweep.yaml", "--instrument", "emstat9",
                "--no-progress", "--db", db.toString()), 3, "there is no instrument profile 'emstat9'; known profiles:"));
        // the catalogue's processes read standard input from a pipe, as CI and scripts do: nobody could press Enter
        c.add(new Case("holds without a terminal", List.of("run", "protocols/norr-sweep.yaml", "--speed", "max",
                "--no-progress", "--db", db.toString()), 3, "the protocol waits for the operator at 4 holds, the first at"
                + " step 3 ("));
        c.add(new Case("continue of a session that does not wait", List.of("continue", "1", "--db", db.toString()), 3,
                "session 1 is completed, not running: there is no hold to continue"));
        c.add(new Case("bad speed", List.of("run", "protocols/demo-sweep.yaml", "--speed", "fast", "--no-progress",
                "--db", db.toString()), 3, "'fast' is not a speed; give a factor > 0 (1 = real time, 600) or 'max'"));
        c.add(new Case("unknown catalyst", List.of("run", "protocols/demo-sweep.yaml", "--catalyst", "Pt", "--speed", "max",
                "--no-progress", "--db", db.toString()), 3, "--catalyst Pt: 'Pt' is not a preset in catalysts.yaml; known: MnO2-x"));
        c.add(new Case("a port that does not exist", List.of("run", "protocols/demo-sweep.yaml", "--instrument", "emstat4-hr",
                "--port", temp.resolve("ttyNowhere").toString(), "--no-progress", "--db", db.toString()), 4,
                "ttyNowhere does not exist; 'norrlab ports' lists the ports there are"));
        c.add(new Case("no port matches the profile", List.of("run", "protocols/demo-sweep.yaml", "--instrument", "emstat4-lr",
                "--port", "auto", "--no-progress", "--db", db.toString()), 4, "no serial port looks like a emstat4-lr"));
        c.add(new Case("OCP on an instrument without OCP", List.of("run", "protocols/demo-sweep.yaml", "--instrument",
                "rodeostat", "--no-progress", "--db", db.toString()), 3, "on rodeostat: the Rodeostat cannot record an"
                + " open-circuit potential (it cannot disconnect the counter electrode during a test); remove the ocp step"));
        // Lab files
        Path labTypo = file("lab-typo.yaml", "benches:\n  - name: A\n    protocl: protocols/demo-sweep.yaml\n");
        c.add(new Case("a misspelt field in a lab file", List.of("run", "--lab", labTypo.toString(), "--no-progress", "--db",
                db.toString()), 3, "lab-typo.yaml:3"));
        Path labTwice = file("lab-twice.yaml", "benches:\n  - {name: A, protocol: protocols/demo-sweep.yaml}\n"
                + "  - {name: A, protocol: protocols/demo-sweep.yaml}\n");
        c.add(new Case("two benches with one name", List.of("run", "--lab", labTwice.toString(), "--no-progress", "--db",
                db.toString()), 3, "bench name 'A' is used twice"));
        Path labPort = file("lab-port.yaml", "benches:\n  - {name: A, instrument: emstat4-hr, port: /dev/ttyX, protocol: p.yaml}\n"
                + "  - {name: B, instrument: emstat4-hr, port: /dev/ttyX, protocol: p.yaml}\n");
        c.add(new Case("two benches on one port", List.of("run", "--lab", labPort.toString(), "--no-progress", "--db",
                db.toString()), 3, "port /dev/ttyX is given to two benches"));
        Path labBadBench = file("lab-bad-bench.yaml", "benches:\n  - {name: A, speed: max, protocol: protocols/demo-sweep.yaml}\n"
                + "  - {name: B, instrument: emstat9, protocol: protocols/demo-sweep.yaml}\n");
        c.add(new Case("one bench that cannot start stops the lab before anything runs", List.of("run", "--lab",
                labBadBench.toString(), "--no-progress", "--db", db.toString()), 3,
                "the lab was not started, nothing was switched on:\n  bench B: "));
        // Sessions and the store
        c.add(new Case("missing session", List.of("show", "99", "--db", db.toString()), 3, "there is no session 99 in"));
        c.add(new Case("missing database", List.of("sessions", "--db", temp.resolve("no.db").toString()), 5,
                "there is no session database at"));
        Path junk = file("junk.db", "not a database ".repeat(300));
        c.add(new Case("a file that is not a database", List.of("sessions", "--db", junk.toString()), 5, "not a database"));
        c.add(new Case("replay of a missing session", List.of("replay", "42", "--db", db.toString()), 3, "there is no session 42"));
        c.add(new Case("resume of a completed session", List.of("resume", "1", "--db", db.toString()), 3,
                "Bad input: session 1 is completed; nothing is left to resume (only an interrupted, aborted or failed session"
                        + " can be resumed): start a new run with 'norrlab run PROTOCOL'"));
        c.add(new Case("export in an unknown format", List.of("export", "1", "--format", "xlsx", "--db", db.toString()), 2,
                "Invalid value for option '--format'"));
        // Analysis inputs
        p = file("std1.csv", "concentration,absorbance\n0,0.01\n1,abc\n2,0.8\n3,1.2\n").toString();
        c.add(new Case("standards with a non-number", List.of("calib", "add", p, "--method", "indophenol", "--wavelength",
                "655 nm", "--unit", "mM", "--db", db.toString()), 3, "std1.csv:3:1: field 'absorbance': 'abc' is not a number"));
        p = file("std2.csv", "conc,absorbance\n0,0.01\n").toString();
        c.add(new Case("standards with a wrong column", List.of("calib", "add", p, "--method", "indophenol", "--wavelength",
                "655 nm", "--unit", "mM", "--db", db.toString()), 3, "field 'conc': is not a column this file may have"));
        p = file("std3.csv", "concentration,absorbance\n0,0.01\n1,0.4\n2,0.8\n3,1.2\n").toString();
        c.add(new Case("standards in an unknown unit", List.of("calib", "add", p, "--method", "indophenol", "--wavelength",
                "655 nm", "--unit", "mg", "--db", db.toString()), 3, "'mg' is not a concentration unit"));
        c.add(new Case("a wavelength that is not one", List.of("calib", "add", p, "--method", "indophenol", "--wavelength",
                "red", "--unit", "mM", "--db", db.toString()), 3, "'red' is not a wavelength"));
        c.add(new Case("an assay on an OCP step", List.of("assay", "add", "1", "--step", "1", "--amount", "1 umol", "--db",
                db.toString()), 3, "step 1 of session 1 is an open-circuit rest"));
        c.add(new Case("an assay on a step that does not exist", List.of("assay", "add", "1", "--step", "9", "--amount", "1 umol",
                "--db", db.toString()), 3, "session 1 has no step 9"));
        c.add(new Case("an assay with two values", List.of("assay", "add", "1", "--step", "3", "--amount", "1 umol",
                "--concentration", "1 mM", "--db", db.toString()), 3, "give exactly one of"));
        c.add(new Case("an absorbance without its calibration", List.of("assay", "add", "1", "--step", "3", "--absorbance", "0.3",
                "--db", db.toString()), 3, "an absorbance needs --calibration ID"));
        c.add(new Case("a calibration that does not exist", List.of("assay", "add", "1", "--step", "3", "--absorbance", "0.3",
                "--calibration", "77", "--db", db.toString()), 3, "there is no calibration 77"));
        c.add(new Case("a volume without unit", List.of("assay", "add", "1", "--step", "3", "--amount", "1 umol", "--volume", "35",
                "--db", db.toString()), 3, "is not a volume unit (the unit is missing)"));
        c.add(new Case("a bad blank current", List.of("analyze", "1", "--blank-current", "5 mV", "--db", db.toString()), 3,
                "'mV' is not a current unit; allowed: A, mA, µA, nA"));
        // Files to import
        Path mpt = file("short.mpt", "EC-Lab ASCII FILE\nNb header lines : 90\n\nChronoamperometry\n");
        // four lines: the streaming reader no longer counts the empty string after the last line end as a fifth
        c.add(new Case("a truncated EC-Lab file", List.of("import", mpt.toString(), "--db", db.toString()), 3,
                "announces 90 header lines but the file has only 4 lines (truncated?)"));
        Path dta = file("bad.dta", "EXPLAIN\nTAG\tCHRONOA\nCURVE\tTABLE\t3\n");
        c.add(new Case("a Gamry table cut before its columns", List.of("import", dta.toString(), "--db", db.toString()), 3,
                "table CURVE ends before its column names and units"));
        Path unknown = file("data.bin", "\u0001\u0002binary");
        c.add(new Case("a file of unknown format", List.of("import", unknown.toString(), "--db", db.toString()), 3,
                "is not a format norrlab recognises"));
        Path garbage = file("garbage.txt", "e\nM0007\nPda7F85F3Gu;ba48D503Dp,10,288\n*\n\n");
        c.add(new Case("garbage in MethodSCRIPT output", List.of("import", garbage.toString(), "--format", "methodscript",
                "--db", db.toString()), 3, "garbage.txt:3: '7F85F3G' is not 7 hex digits"));
        // issue 18, part B: protocol and config files as editors and word processors save them
        p = file("tab.yaml", "steps:\n  - ca:\n\t  potential: -0.5 V vs RHE\n      duration: 1 min\n      interval: 1 s\n").toString();
        c.add(new Case("a tab in the indentation", List.of("plan", p), 3,
                "tab.yaml:3:1: line 3 column 1: a tab is used for indentation; YAML allows spaces only"));
        p = bytes("utf16.yaml", concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, ("steps:\n" + CA).getBytes(StandardCharsets.UTF_16LE)));
        c.add(new Case("a protocol saved as UTF-16 is read", List.of("plan", p), 0, "Total: 1 steps, 1 min, 60 samples"));
        p = bytes("latin1.yaml", concat("name: Mesure \u00e0 -0.5 V\nsteps:\n".getBytes(StandardCharsets.ISO_8859_1),
                CA.getBytes(StandardCharsets.ISO_8859_1)));
        c.add(new Case("a protocol saved as Latin-1 is read", List.of("plan", p), 0, "Protocol Mesure \u00e0 -0.5 V"));
        p = file("alias.yaml", "steps:\n  - ca: {potential: &p -0.5 V vs RHE, duration: 1 min, interval: 1 s}\n"
                + "  - ca: {potential: *p, duration: 1 min, interval: 1 s}\n").toString();
        c.add(new Case("an alias of a single value", List.of("plan", p), 3,
                "alias.yaml:3:21: field 'steps[2].ca.potential': the alias '*p' cannot be read: norrlab reuses only blocks"
                        + " and lists anchored above it with '&p'; write the value itself"));
        p = file("alias-block.yaml", "steps:\n  - ca: &first {potential: -0.5 V vs RHE, duration: 1 min, interval: 1 s}\n"
                + "  - ca: {<<: *first, potential: -0.6 V vs RHE}\n").toString();
        c.add(new Case("an alias of a block is resolved", List.of("plan", p), 0, "Total: 2 steps, 2 min, 120 samples"));
        p = file("nbsp.yaml", "steps:\n  - ca: {potential: -0.5\u00a0V vs RHE, duration: 1 min, interval: 1 s}\n").toString();
        c.add(new Case("a no-break space before the unit", List.of("plan", p), 0, "Total: 1 steps, 1 min, 60 samples"));
        p = file("minus.yaml", "steps:\n  - ca: {potential: \u22120.5 V vs RHE, duration: 1 min, interval: 1 s}\n").toString();
        c.add(new Case("a Unicode minus", List.of("plan", p), 0, "-0.500"));
        p = file("tenth-ms.yaml", "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 1 min, interval: 0.1 ms}\n").toString();
        // plan applies run's checks (part C): it refuses the interval too, and names it as people write it
        c.add(new Case("plan names a 0.1 ms interval as 0.1 ms", List.of("plan", p), 3,
                "interval 0.1 ms is shorter than sim's minimum of 1 ms"));
        c.add(new Case("an interval under the instrument's minimum, in milliseconds", List.of("run", p, "--no-progress",
                "--db", db.toString()), 3, "interval 0.1 ms is shorter than sim's minimum of 1 ms"));
        p = file("huge.yaml", "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 1e9 h, interval: 1 s}\n").toString();
        c.add(new Case("a duration beyond what a step holds", List.of("plan", p), 3,
                "huge.yaml:2:46: field 'steps[1].ca.duration': '1e9 h' is longer than a step can hold; at most 2562047 h"));
        p = file("emptyvalue.yaml", "steps:\n  - ca:\n      potential:\n      duration: 1 min\n      interval: 1 s\n").toString();
        c.add(new Case("an empty value", List.of("plan", p), 3, "emptyvalue.yaml:3:17: field 'steps[1].ca.potential': is empty;"
                + " write a potential and its scale after the colon, e.g. '-0.5 V vs RHE'"));
        // issue 18, part E: inputs that already got a good message but were not in the catalogue yet
        p = file("steps-scalar.yaml", "steps: 5\n").toString();
        c.add(new Case("steps as a single value", List.of("plan", p), 3,
                "steps-scalar.yaml:1:8: field 'steps': expected a list ('- item' lines or [a, b]), found a single value"));
        p = file("no-potential.yaml", "steps:\n  - ca: {duration: 1 min, interval: 1 s}\n").toString();
        c.add(new Case("a CA step without its potential", List.of("plan", p), 3,
                "no-potential.yaml:2:9: field 'steps[1].ca.potential': is missing; it is required here"));
        p = file("no-interval.yaml", "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 1 min}\n").toString();
        c.add(new Case("a CA step without its interval", List.of("plan", p), 3,
                "no-interval.yaml:2:9: field 'steps[1].ca.interval': is missing; it is required here"));
        p = file("negative-duration.yaml", "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: -1 min, interval: 1 s}\n").toString();
        c.add(new Case("a negative duration", List.of("plan", p), 3,
                "negative-duration.yaml:2:46: field 'steps[1].ca.duration': must be longer than zero, was '-1 min'"));
        p = file("zero-interval.yaml", "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 1 min, interval: 0 s}\n").toString();
        c.add(new Case("a zero interval", List.of("plan", p), 3,
                "zero-interval.yaml:2:63: field 'steps[1].ca.interval': must be longer than zero, was '0 s'"));
        p = file("empty-sweep.yaml", "steps:\n  - sweep: {potentials: [], duration: 1 min, interval: 1 s}\n").toString();
        c.add(new Case("a sweep without potentials", List.of("plan", p), 3,
                "field 'steps[1].sweep.potentials': the sweep lists no potentials; write e.g. [-0.4 V vs RHE, -0.5 V vs RHE]"));
        p = file("ocp-potential.yaml", "steps:\n  - ocp: {potential: -0.5 V vs RHE, duration: 1 min, interval: 1 s}\n").toString();
        c.add(new Case("a potential on an OCP step", List.of("plan", p), 3,
                "field 'steps[1].ocp.potential': is not a known field here; allowed: duration, gas, interval, label"));
        p = file("top-typo.yaml", "stepz: []\nsteps:\n" + CA).toString();
        c.add(new Case("a misspelt top-level field", List.of("plan", p), 3,
                "top-typo.yaml:1:8: field 'stepz': is not a known field here; allowed: cell, description, electrolyte, name,"));
        p = file("name-list.yaml", "name: [a, b]\nsteps:\n" + CA).toString();
        c.add(new Case("a list where one value belongs", List.of("plan", p), 3,
                "name-list.yaml:1:7: field 'name': expected a single value, found a list"));
        p = file("fahrenheit.yaml", "cell: {temperature: 25 F}\nsteps:\n" + CA).toString();
        c.add(new Case("a temperature in Fahrenheit", List.of("plan", p), 3,
                "field 'cell.temperature': 'F' is not a unit for a temperature; allowed: C, °C, degC"));
        p = file("volume.yaml", "cell: {electrolyte_volume: 35}\nsteps:\n" + CA).toString();
        c.add(new Case("an electrolyte volume without unit", List.of("plan", p), 3,
                "field 'cell.electrolyte_volume': '35' has no unit; a volume needs one of: mL, ml, L"));
        p = file("loading.yaml", "cell: {catalyst_loading: 0.5 g}\nsteps:\n" + CA).toString();
        c.add(new Case("a catalyst loading as a mass", List.of("plan", p), 3,
                "field 'cell.catalyst_loading': 'g' is not a unit for a catalyst loading; allowed: mg/cm2"));
        p = file("area-length.yaml", "cell: {electrode_area: 1 m}\nsteps:\n" + CA).toString();
        c.add(new Case("an electrode area as a length", List.of("plan", p), 3,
                "field 'cell.electrode_area': 'm' is not a unit for an area; allowed: cm2, cm², mm2"));
        p = file("re-no-e0.yaml", "cell: {reference_electrode: {name: my wire}}\nsteps:\n" + CA).toString();
        c.add(new Case("an own reference electrode without its potential", List.of("plan", p), 3,
                "field 'cell.reference_electrode.e0_vs_she': is missing; it is required here"));
        p = file("max-current.yaml", "safety: {max_current: 500 mV}\nsteps:\n" + CA).toString();
        c.add(new Case("a current limit in volts", List.of("plan", p), 3,
                "field 'safety.max_current': 'mV' is not a unit for a current; allowed: A, mA"));
        p = file("overloads.yaml", "safety: {max_consecutive_overloads: -1}\nsteps:\n" + CA).toString();
        c.add(new Case("a negative overload count", List.of("plan", p), 3,
                "field 'safety.max_consecutive_overloads': must be at least 1"));
        p = file("watchdog.yaml", "safety: {watchdog: soon}\nsteps:\n" + CA).toString();
        c.add(new Case("a watchdog that is not a time", List.of("plan", p), 3,
                "field 'safety.watchdog': 'soon' is not a time; write a number and a unit, e.g. '30 min'"));
        p = file("window.yaml", "safety: {potential_window: {min: 1 V vs RHE, max: -1 V vs RHE}}\nsteps:\n" + CA).toString();
        c.add(new Case("a safety window upside down", List.of("plan", p), 3,
                "window.yaml:1:28: field 'safety.potential_window': min must be below max"));
        c.add(new Case("a speed of zero", List.of("run", "protocols/demo-sweep.yaml", "--speed", "0", "--no-progress",
                "--db", db.toString()), 3, "'0' is not a speed; give a factor > 0 (1 = real time, 600) or 'max'"));
        c.add(new Case("a seed that is not a number", List.of("run", "protocols/demo-sweep.yaml", "--seed", "abc",
                "--no-progress", "--db", db.toString()), 2, "Invalid value for option '--seed': 'abc' is not a whole number"));
        Path labEmpty = file("lab-empty.yaml", "benches: []\n");
        c.add(new Case("a lab file without benches", List.of("run", "--lab", labEmpty.toString(), "--no-progress", "--db",
                db.toString()), 3, "lab-empty.yaml:1:10: field 'benches': lists no benches; give at least one (name, instrument, protocol)"));
        Path labNoProtocol = file("lab-no-protocol.yaml", "benches:\n  - {name: A}\n");
        c.add(new Case("a bench without its protocol", List.of("run", "--lab", labNoProtocol.toString(), "--no-progress",
                "--db", db.toString()), 3, "lab-no-protocol.yaml:2:5: field 'benches[1].protocol': is missing; it is required here"));
        c.add(new Case("a lab file that does not exist", List.of("run", "--lab", temp.resolve("no-lab.yaml").toString(),
                "--no-progress", "--db", db.toString()), 3, "no-lab.yaml: file not found"));
        c.add(new Case("standards file missing", List.of("calib", "add", temp.resolve("no-standards.csv").toString(), "--method",
                "indophenol", "--wavelength", "655 nm", "--unit", "mM", "--db", db.toString()), 3, "no-standards.csv: file not found"));
        p = file("std-one.csv", "concentration,absorbance\n0,0.01\n").toString();
        c.add(new Case("a single standard", List.of("calib", "add", p, "--method", "indophenol", "--wavelength", "655 nm",
                "--unit", "mM", "--db", db.toString()), 3,
                "std-one.csv:1:1: holds 1 standards; a line needs at least 2 (4 or more to pass the acceptance rule)"));
        p = file("std-empty.csv", "").toString();
        c.add(new Case("an empty standards file", List.of("calib", "add", p, "--method", "indophenol", "--wavelength", "655 nm",
                "--unit", "mM", "--db", db.toString()), 3,
                "std-empty.csv:1:1: has no header row; the first line must name the columns: "));
        c.add(new Case("showing a calibration that does not exist", List.of("calib", "show", "99", "--db", db.toString()), 3,
                "there is no calibration 99; 'norrlab calib list' lists the ones there are"));
        // issue 18, part D: ports, help texts, import messages (the busy port and --help summaries have focused tests:
        // SerialPortInUseTest needs a second process holding a pty, HelpSummaryTest walks every command)
        Path textAsPort = file("some.txt", "not a port\n");
        c.add(new Case("a regular file given as the port", List.of("run", "protocols/demo-sweep.yaml", "--instrument",
                "emstat4-hr", "--port", textAsPort.toString(), "--no-progress", "--db", db.toString()), 4,
                "some.txt: it is a regular file, not a serial port; a port is a device such as /dev/ttyACM0"));
        // A .pssession is UTF-16LE JSON after the byte-order mark FF FE; these two are cut inside the first measurement's
        // title: 69 characters of JSON, then nothing (broken JSON) or one stray byte (141 bytes, no whole character).
        byte[] cutSession = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "{\"Type\":\"PalmSens.DataFiles.SessionFile\",\"Measurements\":[{\"Title\":\"CA"
                        .getBytes(StandardCharsets.UTF_16LE));
        Path cutJson = Files.write(temp.resolve("cut.pssession"), cutSession);
        c.add(new Case("a .pssession cut short inside its JSON", List.of("import", cutJson.toString(), "--db", db.toString()),
                3, "cut.pssession: is not a readable PSTrace session (.pssession): the JSON is broken at character 69"
                        + " (Unexpected end-of-input: was expecting closing quote for a string value); the file may be"
                        + " truncated or damaged: save the session again from PSTrace"));
        Path oddBytes = Files.write(temp.resolve("odd.pssession"), concat(cutSession, new byte[] {'"'}));
        c.add(new Case("a .pssession that lost a byte", List.of("import", oddBytes.toString(), "--db", db.toString()), 3,
                "odd.pssession: is not a readable PSTrace session (.pssession): it has an odd number of bytes (141), while"
                        + " UTF-16LE text, as PSTrace writes it, has two per character: the file was cut short or lost bytes;"
                        + " save the session again from PSTrace"));
        // issue 18, part A: storage, paths and exit codes. An unknown session id is the operator's mistake (bad input, 3),
        // not a database problem (5), whichever command names it.
        // each case runs on its own copy of the database, so the message names the copy: checked up to the path
        String noSession99 = "Bad input: there is no session 99 in ";
        c.add(new Case("analysis of a missing session", List.of("analyze", "99", "--db", db.toString()), 3, noSession99));
        c.add(new Case("export of a missing session", List.of("export", "99", "--db", db.toString()), 3, noSession99));
        c.add(new Case("report of a missing session", List.of("report", "99", "-o", temp.resolve("report99").toString(), "--db",
                db.toString()), 3, noSession99));
        c.add(new Case("resume of a missing session", List.of("resume", "99", "--db", db.toString()), 3, noSession99));
        c.add(new Case("an assay for a missing session", List.of("assay", "add", "99", "--step", "3", "--amount", "1 umol",
                "--db", db.toString()), 3, noSession99));
        // Export paths: before, "norrlab failed: PATH" (exit 1) or "norrlab failed: PATH: Is a directory".
        Path missingFolder = temp.resolve("no-such-folder");
        c.add(new Case("export into a missing folder", List.of("export", "1", "-o", missingFolder.resolve("s1.csv").toString(),
                "--db", db.toString()), 3, "Bad input: -o " + missingFolder.resolve("s1.csv") + ": the folder " + missingFolder
                + " does not exist; create it first (mkdir -p " + missingFolder + ") or give -o a file in a folder that exists"));
        c.add(new Case("export to a folder given as -o file", List.of("export", "1", "--format", "json", "-o", temp.toString(),
                "--db", db.toString()), 3, "Bad input: -o " + temp + " is a folder; give a file in it, e.g. -o "
                + temp.resolve("session-1.json")));
        Path regular = file("regular.txt", "a file, not a folder\n");
        c.add(new Case("export under a regular file", List.of("export", "1", "-o", regular.resolve("s1.csv").toString(),
                "--db", db.toString()), 3, "Bad input: -o " + regular.resolve("s1.csv") + ": " + regular
                + " is a file, not a folder; give -o a file in a folder"));
        // A path with é and µ is read and named as written (LauncherLocaleTest: also under LC_ALL=C).
        Files.createDirectories(temp.resolve("dé µ"));
        p = file("dé µ/prøt.yaml", "steps:\n  - ca: {potential: -0.5 V vs RHE, duraton: 1 h, interval: 1 s}\n").toString();
        c.add(new Case("a protocol under a non-ASCII path", List.of("plan", p), 3, "dé µ/prøt.yaml:2"));
        // issue 18, part C: plan applies run's checks; the step limit before start; warnings refused under --strict
        String window = "1.200 V vs RHE is outside the safety window -1.500 .. 1.000 V vs RHE (config/site.yaml or the"
                + " protocol's safety block)";
        p = file("high.yaml", "steps:\n  - ca: {potential: 1.2 V vs RHE, duration: 1 min, interval: 1 s}\n").toString();
        c.add(new Case("plan: outside the safety window, as run says", List.of("plan", p), 3, window));
        c.add(new Case("run: outside the safety window, as plan says", List.of("run", p, "--speed", "max", "--no-progress", "--db",
                db.toString()), 3, window));
        String limit = ":2:5): the duration 1000 h is longer than the step limit max_step_duration 24 h"
                + " (config/site.yaml or the protocol's safety block)";
        p = file("long.yaml", "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 1000 h, interval: 1 s}\n").toString();
        c.add(new Case("plan: a step longer than the step limit", List.of("plan", p), 3, "step 1 (CA -0.500 V vs RHE, " + p + limit));
        c.add(new Case("run: a step longer than the step limit, before the first step", List.of("run", p, "--speed", "max", "--no-progress",
                "--db", db.toString()), 3, "step 1 (CA -0.500 V vs RHE, " + p + limit));
        p = file("slip.yaml", "steps:\n  - sweep: {potentials: [-0.4 V vs RHE, 0.6 V vs RHE, -0.5 V vs RHE],"
                + " duration: 1 min, interval: 1 s}\n").toString();
        c.add(new Case("run --strict: a sign slip in a reduction sweep", List.of("run", p, "--strict", "--speed", "max", "--no-progress", "--db",
                db.toString()), 3, "--strict: 1 warning, so nothing was started; correct the protocol or the setup (--db, the PC), or"
                + " run without --strict to run it as written:\n  step 2 (CA +0.600 V vs RHE, " + p + ":2:41): +0.600 V vs"
                + " RHE is oxidising, while 2 of the protocol's 3 CA steps are below 0 V vs RHE"));
        p = file("mixed.yaml", "steps:\n  - sweep: {potentials: [-0.4 V vs RHE, -1.1 V vs RE], duration: 1 min,"
                + " interval: 1 s}\n").toString();
        c.add(new Case("plan --strict: one sweep mixing vs RHE and vs RE", List.of("plan", p, "--strict"), 3,
                "sweep at " + p + ":2:5 mixes potentials vs RHE (-0.400 V vs RHE) and vs RE (-1.100 V vs RE)"));
        // issue 18: findings that have focused tests of their own, also seen here as a user sees them
        c.add(new Case("a data directory whose log file cannot be written", List.of("sessions", "--db", db.toString()), 0,
                "completed").with("NORRLAB_JAVA_OPTS", "-Dnorrlab.data=" + regular.resolve("data")));
        Path slip = file("slip-ma.csv", "time (s),I/mA\n0,-0.0052\n1,-0.0051\n2,-0.0053\n");
        c.add(new Case("a mA header over values of A magnitude shows the current it read", List.of("import", slip.toString(),
                "--db", db.toString()), 0, "-5.20 µA"));
        c.add(new Case("a non-ASCII path under LC_ALL=C without the launcher script", List.of("plan",
                temp.resolve("dé µ").resolve("prøt.yaml").toString()), 3,
                "has characters that are not ASCII").with("LC_ALL", "C"));
        c.add(new Case("the command list's summaries are whole sentences", List.of("--help"), 0,
                "Writes a session's figures as PNG and SVG,"));
        // issue 18, part G: the busy port and the launcher script's locale as a user meets them, and the leftovers:
        // a bad request to resume, a folder as the database, a port for the simulator, a missing import file, the
        // standards file's columns in a stable order, a bench that cannot be prepared in one console line
        String busy = "a port held open by another program names that program";
        if (holder == null) {
            CANNOT_RUN_HERE.put(busy, "socat is not installed: no pty pair for another program to hold");
            c.add(new Case(busy, List.of("--version"), 0, ""));
        } else {
            c.add(new Case(busy, List.of("run", "protocols/demo-sweep.yaml", "--instrument", "emstat4-hr", "--port",
                    heldPty.host(), "--no-progress", "--db", db.toString()), 4, "cannot open serial port " + heldPty.host()
                    + ": it is in use by another program (pid " + holder.pid() + ", sleep); close that program (PSTrace, a"
                    + " terminal, another norrlab) and start again"));
        }
        Path nonAscii = temp.resolve("dé µ").resolve("prøt.yaml");
        Path nonAsciiGood = file("dé µ/gööd µ.yaml", "name: µ test\nsteps:\n  - ca: {potential: -0.5 V vs RHE, duration: 10 s,"
                + " interval: 1 s}\n");
        String scriptTypo = "a non-ASCII path under LC_ALL=C through the launcher script is read and named as written";
        String scriptGood = "a good protocol under a non-ASCII path under LC_ALL=C through the launcher script is planned";
        if (!utf8Locale) {
            CANNOT_RUN_HERE.put(scriptTypo, "no UTF-8 locale on this machine (locale -a) for the launcher to switch to");
            CANNOT_RUN_HERE.put(scriptGood, CANNOT_RUN_HERE.get(scriptTypo));
        }
        c.add(new Case(scriptTypo, List.of("plan", nonAscii.toString()), 3, nonAscii
                + ":2:45: field 'steps[1].ca.duraton': is not a known field here").with("LC_ALL", "C").throughTheScript());
        c.add(new Case(scriptGood, List.of("plan", nonAsciiGood.toString()), 0, "Protocol µ test (" + nonAsciiGood + ")")
                .with("LC_ALL", "C").throughTheScript());
        Path dbFolder = Files.createDirectories(temp.resolve("db-folder"));
        Files.writeString(dbFolder.resolve("bench-1.db"), "");
        c.add(new Case("a folder given as the session database", List.of("sessions", "--db", dbFolder.toString()), 3,
                "Bad input: the session database " + dbFolder + " is a folder, not a database file; give the file, e.g. --db "
                        + dbFolder.resolve("norrlab.db") + " (it holds bench-1.db)"));
        c.add(new Case("a port given to the simulator", List.of("run", "protocols/demo-sweep.yaml", "--port", "/dev/ttyACM0",
                "--speed", "max", "--no-progress", "--db", db.toString()), 3, "Bad input: options that sim would ignore, so"
                + " nothing was started (in a lab file: the bench's speed, catalyst, seed and port):\n  --port /dev/ttyACM0: the"
                + " simulator has no serial port; leave --port out, or give --instrument with the profile of the instrument on"
                + " that port"));
        Path noImport = temp.resolve("no-such-export.csv");
        c.add(new Case("import of a file that does not exist", List.of("import", noImport.toString(), "--db", db.toString()), 3,
                "Bad input: " + noImport + ": file not found"));
        c.add(new Case("import of a folder", List.of("import", dbFolder.toString(), "--db", db.toString()), 3,
                "Bad input: " + dbFolder + ": is a folder; give a file in it to import"));
        p = file("std-cols.csv", "conc,absorbance\n0,0.01\n").toString();
        c.add(new Case("standards with a wrong column list the columns in the documented order", List.of("calib", "add", p,
                "--method", "indophenol", "--wavelength", "655 nm", "--unit", "mM", "--db", db.toString()), 3,
                "std-cols.csv:1:1: field 'conc': is not a column this file may have; required: concentration, absorbance;"
                        + " optional: kind"));
        p = file("std-noabs.csv", "concentration,kind\n0,blank\n").toString();
        c.add(new Case("standards without a required column list the columns in the documented order", List.of("calib", "add",
                p, "--method", "indophenol", "--wavelength", "655 nm", "--unit", "mM", "--db", db.toString()), 3,
                "std-noabs.csv:1:1: field 'absorbance': column is missing from the header; required: concentration, absorbance"));
        p = file("assays-cols.csv", "step,amout\n3,1 umol\n").toString();
        c.add(new Case("an assay file with a wrong column lists the columns in the documented order", List.of("assay", "import",
                "1", p, "--db", db.toString()), 3, "assays-cols.csv:1:1: field 'amout': is not a column this file may have;"
                + " required: step; optional: product, absorbance, calibration, dilution, concentration, amount, volume, note"));
        c.add(new Case("a bench that cannot be prepared is one console line with its reason", List.of("run", "--lab",
                labBadBench.toString(), "--no-progress", "--db", db.toString()), 3, "ERROR bench B could not be prepared: "
                + Fixtures.HOME.resolve("drivers/emstat9.yaml") + ": there is no instrument profile 'emstat9'; known"
                + " profiles: "));
        // issue 19, part D: corrections need a reason and an assay that exists; an assay's place is one of four
        c.add(new Case("a correction without a reason", List.of("assay", "remove", "1", "--db", db.toString()), 3,
                "Bad input: a correction needs --reason: say why the value was wrong (e.g. --reason 'pH re-measured after"
                        + " the run'); it is kept in the session's trail"));
        c.add(new Case("an assay from an unknown place", List.of("assay", "add", "1", "--step", "2", "--amount", "1 umol",
                "--place", "sink", "--db", db.toString()), 3, "Bad input: 'sink' is not a place an assay can come from;"
                + " allowed: catholyte, anolyte, acid_trap, gas"));
        c.add(new Case("correcting an assay that does not exist", List.of("assay", "correct", "99", "--amount", "1 umol",
                "--reason", "re-measured", "--db", db.toString()), 3, "Bad input: there is no assay 99 in "));
        // issue 18, part H: bench trial (a chemist with the README only)
        c.add(new Case("export onto the session database in use", List.of("export", "1", "--format", "jsonl", "-o",
                db.toString(), "--db", db.toString()), 3, DB_NAME + " is the session database in use ("));
        c.add(new Case("export onto the session database's -wal file", List.of("export", "1", "-o", db + "-wal", "--db",
                db.toString()), 3, DB_NAME + "-wal is the -wal file of the session database in use ("));
        Path precious = file("precious.yaml", "# an operator's own file\n");
        c.add(new Case("export onto an existing file without --force", List.of("export", "1", "-o", precious.toString(),
                "--db", db.toString()), 3, "Bad input: -o " + precious + " already exists; nothing was written. Give another"
                + " file name, e.g. -o " + temp.resolve("session-1.csv") + ", or add --force to replace it"));
        p = file("std-ppm.csv", "concentration,absorbance\n0,0.01\n0.5,0.26\n1,0.51\n2,1.0\n").toString();
        c.add(new Case("standards in ppm without a basis", List.of("calib", "add", p, "--method", "indophenol", "--wavelength",
                "655 nm", "--unit", "ppm", "--db", db.toString()), 3, "Bad input: 'ppm' is a mass concentration without the"
                + " species it counts; write the basis after the unit: 'ppm NH3', 'ppm NH4+' or 'ppm NH4+-N'"));
        c.add(new Case("an assay in µg/mL without a basis", List.of("assay", "add", "1", "--step", "3", "--concentration",
                "29 µg/mL", "--volume", "35 mL", "--db", db.toString()), 3, "Bad input: 'µg/mL' is a mass concentration"
                + " without the species it counts"));
        c.add(new Case("an unknown catalyst is named as the option it came from", List.of("run", "protocols/demo-sweep.yaml",
                "--catalyst", "nimc", "--speed", "max", "--no-progress", "--db", db.toString()), 3, "Bad input: --catalyst nimc:"
                + " 'nimc' is not a preset in catalysts.yaml; known: MnO2-x, MnO2, CoS1-x, CoS, Fe1/MoS2-x, NiNC"));
        Path labCatalyst = file("lab-catalyst.yaml", "benches:\n  - name: A\n    protocol: protocols/demo-sweep.yaml\n"
                + "    speed: max\n    catalyst: nimc\n");
        c.add(new Case("an unknown catalyst in a lab file is named at its line", List.of("run", "--lab", labCatalyst.toString(),
                "--no-progress", "--db", db.toString()), 3, "bench A: " + labCatalyst + ":5:15: field 'catalyst': 'nimc' is not"
                + " a preset in catalysts.yaml"));
        p = file("indent.yaml", "name: x\nsteps:\n" + CA + "    bad: 1\n   worse: 2\n").toString();
        c.add(new Case("a line indented differently is named at the problem, in plain words", List.of("plan", p), 3,
                "indent.yaml:5:4: is not valid YAML: this line is indented differently from the lines above it; line it up"
                        + " with the other keys of its block (or, for a new item of a list, start it with '- ' at the list's"
                        + " indentation) (the YAML reader: expected <block end>, but found '<block mapping start>', while"
                        + " parsing a block collection that starts at line 3, column 3)"));
        p = file("deeper-key.yaml", "name: x\ncell:\n  ph: 7\n    area: 1 cm2\nsteps:\n" + CA).toString();
        c.add(new Case("a key indented under a value", List.of("plan", p), 3, "deeper-key.yaml:4:9: is not valid YAML: a"
                + " 'key:' is not allowed here"));
        Path fileInTheWay = file("not-a-folder", "an operator's notes\n");
        c.add(new Case("a data directory that cannot be created says why and what to do", List.of("run",
                "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress", "--db", fileInTheWay.resolve("data/norrlab.db")
                        .toString()), 5, "cannot create the data directory " + fileInTheWay.resolve("data") + " for the session"
                + " database " + fileInTheWay.resolve("data/norrlab.db") + ": a file is in the way: " + fileInTheWay + " is a"
                + " file, not a folder; choose a folder you can write with data_directory (or session_store) in"
                + " config/site.yaml, or give --db FILE in such a folder"));
        c.add(new Case("sessions in a data directory that cannot be created does not say to run a protocol first",
                List.of("sessions", "--db", fileInTheWay.resolve("data/norrlab.db").toString()), 5, "its data directory "
                + fileInTheWay.resolve("data") + " cannot be created (a file is in the way: " + fileInTheWay + " is a file, not"
                + " a folder); choose a folder you can write with data_directory in config/site.yaml, or give --db FILE"));
        String damagedAdvice = "The file is damaged, or is not a norrlab database. Do not run or import into it (nothing"
                + " more should be written to it); restore it from a backup or from a copy made with 'norrlab sync', or save"
                + " what is left with 'sqlite3 FILE .recover | sqlite3 NEW.db' and give --db NEW.db";
        Path yamlAsDb = file("site-as-db.yaml", "data_directory: data\n");
        c.add(new Case("a YAML file given as the session database says what to do", List.of("sessions", "--db",
                yamlAsDb.toString()), 5, "[SQLITE_NOTADB] File opened that is not a database file (file is not a database). "
                + damagedAdvice));
        byte[] damaged = Files.readAllBytes(db);
        Arrays.fill(damaged, 8192, Math.min(damaged.length, 40_000), (byte) 'A');   // pages of the steps and samples
        String damagedDb = bytes("damaged.db", damaged);
        c.add(new Case("a damaged session database says what to do", List.of("show", "1", "--db", damagedDb), 5,
                "[SQLITE_CORRUPT] The database disk image is malformed (database disk image is malformed). " + damagedAdvice));
        c.add(new Case("a dilution written as a ratio", List.of("assay", "add", "1", "--step", "3", "--absorbance", "0.3",
                "--calibration", "1", "--dilution", "1:2", "--db", db.toString()), 2, "Invalid value for option '--dilution':"
                + " '1:2' is not a number; give the dilution factor, the diluted volume over the sample's volume: e.g. 2 for"
                + " 1 mL of sample made up to 2 mL. A ratio such as 1:2 is read as factor 2 by some and as 3 (1 part sample +"
                + " 2 parts diluent) by others, so write the factor itself"));
        c.add(new Case("a step number that is not one", List.of("assay", "add", "1", "--step", "abc", "--amount", "1 umol",
                "--db", db.toString()), 2, "Invalid value for option '--step': 'abc' is not a whole number"));
        c.add(new Case("an absorbance with a decimal comma on the command line", List.of("assay", "add", "1", "--step", "3",
                "--absorbance", "0,3", "--calibration", "1", "--db", db.toString()), 2, "Invalid value for option"
                + " '--absorbance': '0,3' is not a number (write decimals with a point, e.g. 0.5)"));
        c.add(new Case("an assay concentration without a unit", List.of("assay", "add", "1", "--step", "3", "--concentration",
                "0.5", "--db", db.toString()), 3, "Bad input: '0.5' has no unit; allowed: mM, M, µM, or µg/mL, mg/L, ppm followed"
                + " by a basis (NH3, NH4+, NH4+-N; NH2OH), e.g. 'µg/mL NH4+-N'"));
        p = file("std-semicolon.csv", "concentration;absorbance\n0;0,01\n0,5;0,26\n1;0,51\n").toString();
        c.add(new Case("standards saved with ';' and decimal commas", List.of("calib", "add", p, "--method", "indophenol",
                "--wavelength", "655 nm", "--unit", "mM", "--db", db.toString()), 3, "std-semicolon.csv:1:1: field"
                + " 'concentration;absorbance': is not a column: the header is separated by ';'; the file must be"
                + " comma-separated, with points as decimal marks (e.g. 0.5,0.26)"));
        p = file("decimal-comma.yaml", "steps:\n  - sweep: {potentials: [-0,5 V vs RHE, -0,6 V vs RHE], duration: 1 min,"
                + " interval: 1 s}\n").toString();
        c.add(new Case("a decimal comma in a [ ] list of potentials", List.of("plan", p), 3, "decimal-comma.yaml:2:26: field"
                + " 'steps[1].sweep.potentials[1]': '-0' does not say what the potential is against; a comma separates items"
                + " in [ ]: write -0.5 with a point"));
        p = file("all-signs-lost.yaml", "steps:\n  - sweep: {potentials: [0.4 V vs RHE, 0.5 V vs RHE, 0.7 V vs RHE],"
                + " duration: 1 min, interval: 1 s}\n").toString();
        c.add(new Case("run --strict: every CA potential of a NORR sweep without its minus sign", List.of("run", p, "--strict",
                "--speed", "max", "--no-progress", "--db", db.toString()), 3, "--strict: 1 warning, so nothing"
                + " was started; correct the protocol or the setup (--db, the PC), or run without --strict to run it as written:\n  all 3 CA steps are"
                + " above +0.1 V vs RHE (oxidising), and NORR reduces: were the minus signs lost?"));
        // protocol (issue 21): an EIS amplitude must say rms or peak, and stay small enough for a linear response
        p = file("eis-amplitude.yaml", "steps:\n  - eis: {at: ocp, amplitude: 10 mV, from: 100 kHz, to: 0.1 Hz,"
                + " per_decade: 10}\n").toString();
        c.add(new Case("an EIS amplitude without rms or peak", List.of("plan", p), 3, "eis-amplitude.yaml:2:31: field"
                + " 'steps[1].eis.amplitude': '10 mV' does not say whether it is rms or peak; write e.g. '10 mV rms' or"
                + " '14 mV peak'"));
        p = file("eis-range.yaml", "steps:\n  - eis: {at: ocp, amplitude: 10 mV rms, from: 0.1 Hz, to: 100 kHz,"
                + " per_decade: 10}\n").toString();
        c.add(new Case("an EIS range written low to high", List.of("plan", p), 3, "field 'steps[1].eis.to': '100 kHz' is"
                + " above from (0.1 Hz); a spectrum runs from the highest frequency (from) down to the lowest (to)"));
        // Importers (issue 21): an impedance file whose phase column contradicts its Z'' is refused, not stored
        p = file("eis-phase.txt", "Feb. 20, 2020   15:55:08\nA.C. Impedance\nFile: eis\nData Source:  Experiment\n"
                + "Instrument Model:  CHI660E\nHeader: \nNote: \n\nInit E (V) = 0\nHigh Frequency (Hz) = 1e+5\n"
                + "Low Frequency (Hz) = 1\n\nFreq/Hz, Z'/ohm, Z\"/ohm, Z/ohm, Phase/deg\n\n"
                + "1.000e+5, 1.000e+2, -1.000e+0, 1.000e+2, -0.6\n1.000e+0, 1.000e+2, -1.000e+2, 1.414e+2, 45.0\n").toString();
        c.add(new Case("an impedance file whose phase contradicts its Z''", List.of("import", p, "--db", db.toString()), 3,
                "eis-phase.txt:16: CHI \"A.C. Impedance\": line 16: the phase column says 45.00° but atan2(Z'', Z') of the"
                + " same row is -45.00°"));
        // cellform (issue 22): the sample and operator given to run are one line each, as the CSV header carries them
        c.add(new Case("run --sample of two lines", List.of("run", "protocols/demo-sweep.yaml", "--sample", "Fe1\nbatch 3",
                "--speed", "max", "--no-progress", "--db", db.toString()), 3,
                "the sample name must be one line; put further lines in the notes"));
        // Command line
        c.add(new Case("a missing argument", List.of("run"), 2, "Missing required parameter: 'PROTOCOL'"));
        c.add(new Case("an unknown option", List.of("sessions", "--colour", "--db", db.toString()), 2, "Unknown option: '--colour'"));
        c.add(new Case("a session id that is not a number", List.of("show", "first", "--db", db.toString()), 2,
                "Invalid value for positional parameter at index 0 (SESSION): 'first' is not a session number (a whole number, as"
                        + " 'norrlab sessions' lists)"));
        c.add(new Case("an unknown command", List.of("fly"), 2, "Unmatched argument at index 0: 'fly'"));
        return c.stream();
    }

    @TestFactory
    Stream<DynamicTest> eachBadInputGetsOneClearParagraphFromTheLauncher() throws IOException {
        List<Case> catalogue = cases().toList();
        assertThat(catalogue).extracting(Case::name).as("case names (each names one test)").doesNotHaveDuplicates();
        ExecutorService pool = Executors.newFixedThreadPool(SIDE_BY_SIDE);
        List<Future<Console>> consoles = new ArrayList<>();
        for (int i = 0; i < catalogue.size(); i++) {
            Case badInput = catalogue.get(i);
            Path folder = Files.createDirectories(temp.resolve("case-" + (i + 1)));
            consoles.add(CANNOT_RUN_HERE.containsKey(badInput.name()) ? null : pool.submit(() -> asAUser(badInput, folder)));
        }
        pool.shutdown();   // lets the submitted processes finish; each dynamic test waits for its own
        return IntStream.range(0, catalogue.size()).mapToObj(i -> DynamicTest.dynamicTest(catalogue.get(i).name(), () -> {
            Assumptions.assumeTrue(consoles.get(i) != null, () -> CANNOT_RUN_HERE.get(catalogue.get(i).name()));
            check(catalogue.get(i), consoles.get(i).get(), temp.resolve("case-" + (i + 1)));
        }));
    }

    /** The catalogue is worth only as much as its launcher command: it must still be what bin/norrlab runs. */
    @Test
    void theCasesStartWhatTheLauncherStarts() throws IOException {
        assertThat(Files.readString(Fixtures.HOME.resolve("src/main/launcher/norrlab")))
                // Before these the launcher puts only start-up options that change nothing printed (LauncherArchiveTest).
                .contains("set -- ${NORRLAB_JAVA_OPTS:-} -Dnorrlab.home=\"$here\" -jar \"$jar\" \"$@\"")
                .contains("exec java \"$@\"");
        assertThat(Files.readString(Fixtures.HOME.resolve("pom.xml")))
                .contains("<mainClass>" + Main.class.getName() + "</mainClass>");
    }

    /** Runs one case as the user would, on a copy of the database with its first session. */
    private static Console asAUser(Case badInput, Path folder) throws IOException, InterruptedException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path part = db.resolveSibling(DB_NAME + suffix);
            if (Files.exists(part)) {
                Files.copy(part, folder.resolve(DB_NAME + suffix));
            }
        }
        String[] args = badInput.args().stream()
                // the database and the files beside it (catalogue.db-wal) are this case's copy
                .map(arg -> arg.startsWith(db.toString()) ? folder.resolve(DB_NAME) + arg.substring(db.toString().length())
                        : arg).toArray(String[]::new);
        // The log goes to this case's folder, not to the checkout's data/: a case's NORRLAB_JAVA_OPTS may name another.
        List<String> javaOptions = new ArrayList<>();
        javaOptions.add("-Dnorrlab.data=" + folder.resolve("data"));
        String fromCase = badInput.environment().getOrDefault("NORRLAB_JAVA_OPTS", "").trim();
        if (!fromCase.isEmpty()) {
            javaOptions.addAll(Arrays.asList(fromCase.split("\\s+")));   // the launcher leaves it unquoted: split by the shell
        }
        if (badInput.viaScript()) {
            // The script passes $NORRLAB_JAVA_OPTS to java unquoted: the case folder's path has no spaces.
            Map<String, String> environment = new HashMap<>(badInput.environment());
            environment.put("NORRLAB_JAVA_OPTS", String.join(" ", javaOptions));
            environment.put("PATH", scriptJava + File.pathSeparator + System.getenv("PATH"));
            List<String> command = new ArrayList<>(List.of(script.toString()));
            command.addAll(List.of(args));
            return NorrlabProcess.run(command, environment, folder, TIMEOUT);
        }
        return NorrlabProcess.run(launcher.command(javaOptions, args), badInput.environment(), folder, TIMEOUT);
    }

    private static void check(Case badInput, Console console, Path folder) throws Exception {
        String both = console.out() + console.err();
        assertThat(console.exitCode()).as("exit code; the console was:%n%s", both).isEqualTo(badInput.exitCode());
        // a case that must be handled (exit 0) shows its result on standard output; a refusal is on standard error
        assertThat(badInput.exitCode() == 0 ? console.out() : console.err()).as("the message on the console")
                .contains(badInput.message());
        assertThat(both).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by")
                .doesNotContainPattern("\\w+(Exception|Error)\\b");
        assertThat(both).as("no Logback or SLF4J status noise").doesNotContain("ch.qos.logback").doesNotContain("SLF4J")
                .doesNotContainPattern("\\|-(INFO|WARN|ERROR) in ");
        // Nothing already recorded is lost: the case's copy of the database still holds its first session, intact.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(DB_NAME));
             Statement s = connection.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM samples WHERE session_id = 1");
            assertThat(rs.getLong(1)).isEqualTo(12_020);
        }
    }
}
