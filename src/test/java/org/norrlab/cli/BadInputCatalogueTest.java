package org.norrlab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.norrlab.testing.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of bad inputs: each case is what an operator might give and the message they get.
 * Every message is one paragraph that names the input and the place, with no stack trace; the
 * session database is never left damaged.
 */
class BadInputCatalogueTest {
    @TempDir
    static Path temp;
    static Path db;

    record Case(String name, List<String> args, int exitCode, String message) {
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

    private static final String CA = "  - ca: {potential: -0.5 V vs RHE, duration: 1 min, interval: 1 s}\n";

    @BeforeAll
    static void aDatabaseWithOneSession() {
        db = temp.resolve("catalogue.db");
        assertThat(CliRunner.norrlab("run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress", "--home",
                Fixtures.HOME.toString(), "--db", db.toString()).exitCode()).isZero();
    }

    static Stream<Case> cases() throws IOException {
        List<Case> c = new ArrayList<>();
        String p;
        // Protocol files
        p = file("typo.yaml", "steps:\n  - ca: {potential: -0.5 V vs RHE, duraton: 1 h, interval: 1 s}\n").toString();
        c.add(new Case("misspelt field", List.of("plan", p), 3, "field 'steps[1].ca.duraton': is not a known field here; allowed:"));
        p = file("kind.yaml", "steps:\n  - cv: {from: 0 V vs RHE}\n").toString();
        c.add(new Case("unknown step kind", List.of("plan", p), 3, "is not a step kind; allowed: ocp, ca, sweep"));
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
        c.add(new Case("protocol file missing", List.of("plan", temp.resolve("none.yaml").toString()), 3, "none.yaml:0:0: file not found"));
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
        c.add(new Case("bad speed", List.of("run", "protocols/demo-sweep.yaml", "--speed", "fast", "--no-progress",
                "--db", db.toString()), 3, "'fast' is not a speed; give a factor > 0 (1 = real time, 600) or 'max'"));
        c.add(new Case("unknown catalyst", List.of("run", "protocols/demo-sweep.yaml", "--catalyst", "Pt", "--speed", "max",
                "--no-progress", "--db", db.toString()), 3, "'Pt' is not a preset in catalysts.yaml; known: MnO2-x"));
        c.add(new Case("a port that does not exist", List.of("run", "protocols/demo-sweep.yaml", "--instrument", "emstat4-hr",
                "--port", temp.resolve("ttyNowhere").toString(), "--no-progress", "--db", db.toString()), 4,
                "ttyNowhere does not exist; 'norrlab ports' lists the ports there are"));
        c.add(new Case("no port matches the profile", List.of("run", "protocols/demo-sweep.yaml", "--instrument", "emstat4-lr",
                "--port", "auto", "--no-progress", "--db", db.toString()), 4, "no serial port looks like a emstat4-lr"));
        c.add(new Case("OCP on an instrument without OCP", List.of("run", "protocols/demo-sweep.yaml", "--instrument",
                "rodeostat", "--no-progress", "--db", db.toString()), 3, "rodeostat cannot record the open-circuit potential"));
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
        c.add(new Case("missing session", List.of("show", "99", "--db", db.toString()), 5, "there is no session 99 in"));
        c.add(new Case("missing database", List.of("sessions", "--db", temp.resolve("no.db").toString()), 5,
                "there is no session database at"));
        Path junk = file("junk.db", "not a database ".repeat(300));
        c.add(new Case("a file that is not a database", List.of("sessions", "--db", junk.toString()), 5, "not a database"));
        c.add(new Case("replay of a missing session", List.of("replay", "42", "--db", db.toString()), 5, "there is no session 42"));
        c.add(new Case("resume of a completed session", List.of("resume", "1", "--db", db.toString()), 5,
                "session 1 is completed; only an interrupted, aborted or failed session can be resumed"));
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
        // issue 18, part C: plan applies run's checks; the step limit before start; warnings refused under --strict
        String window = "1.200 V vs RHE is outside the safety window -1.500 .. 1.000 V vs RHE (config/site.yaml or the"
                + " protocol's safety block)";
        p = file("high.yaml", "steps:\n  - ca: {potential: 1.2 V vs RHE, duration: 1 min, interval: 1 s}\n").toString();
        c.add(new Case("plan: outside the safety window, as run says", List.of("plan", p), 3, window));
        c.add(new Case("run: outside the safety window, as plan says", List.of("run", p, "--speed", "max", "--no-progress", "--db",
                db.toString()), 3, window));
        String limit = ":2:5): the duration 1000 h 00 min 00 s is longer than the step limit max_step_duration"
                + " 24 h 00 min 00 s (config/site.yaml or the protocol's safety block)";
        p = file("long.yaml", "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 1000 h, interval: 1 s}\n").toString();
        c.add(new Case("plan: a step longer than the step limit", List.of("plan", p), 3, "step 1 (CA -0.500 V vs RHE, " + p + limit));
        c.add(new Case("run: a step longer than the step limit, before the first step", List.of("run", p, "--speed", "max", "--no-progress",
                "--db", db.toString()), 3, "step 1 (CA -0.500 V vs RHE, " + p + limit));
        p = file("slip.yaml", "steps:\n  - sweep: {potentials: [-0.4 V vs RHE, 0.6 V vs RHE, -0.5 V vs RHE],"
                + " duration: 1 min, interval: 1 s}\n").toString();
        c.add(new Case("run --strict: a sign slip in a reduction sweep", List.of("run", p, "--strict", "--speed", "max", "--no-progress", "--db",
                db.toString()), 3, "--strict: the protocol has 1 warning, so nothing was started; correct the protocol, or"
                + " run without --strict to run it as written:\n  step 2 (CA +0.600 V vs RHE, " + p + ":2:41): +0.600 V vs"
                + " RHE is oxidising, while 2 of the protocol's 3 CA steps are below 0 V vs RHE"));
        p = file("mixed.yaml", "steps:\n  - sweep: {potentials: [-0.4 V vs RHE, -1.1 V vs RE], duration: 1 min,"
                + " interval: 1 s}\n").toString();
        c.add(new Case("plan --strict: one sweep mixing vs RHE and vs RE", List.of("plan", p, "--strict"), 3,
                "sweep at " + p + ":2:5 mixes potentials vs RHE (-0.400 V vs RHE) and vs RE (-1.100 V vs RE)"));
        // Command line
        c.add(new Case("a missing argument", List.of("run"), 2, "Missing required parameter: 'PROTOCOL'"));
        c.add(new Case("an unknown option", List.of("sessions", "--colour", "--db", db.toString()), 2, "Unknown option: '--colour'"));
        c.add(new Case("a session id that is not a number", List.of("show", "first", "--db", db.toString()), 2,
                "Invalid value for positional parameter at index 0 (SESSION): 'first' is not a long"));
        c.add(new Case("an unknown command", List.of("fly"), 2, "Unmatched argument at index 0: 'fly'"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadInputGetsOneClearParagraph(Case badInput) throws Exception {
        List<String> args = new ArrayList<>(badInput.args());
        boolean commandLineCase = args.size() == 1;   // "run" without its protocol, the unknown "fly"
        if (!commandLineCase) {
            args.addAll(List.of("--home", Fixtures.HOME.toString()));
        }
        CliRunner.Result result = CliRunner.norrlab(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(badInput.exitCode());
        assertThat(result.err()).contains(badInput.message());
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain("Caused by");
        // Nothing already recorded is lost: the database still holds its first session, intact.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = connection.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM samples WHERE session_id = 1");
            assertThat(rs.getLong(1)).isEqualTo(12_020);
        }
    }
}
