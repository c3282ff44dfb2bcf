package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.Quantities;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.importer.FileFacts;
import org.norrlab.importer.ImportOptions;
import org.norrlab.importer.ImportService;
import org.norrlab.importer.StatedCell;
import org.norrlab.importer.StepFacts;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.SharedFixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.norrlab.cli.CliRunner.norrlab;

/**
 * {@code norrlab import} with the operator's options, on generic CSV files the test writes (a time and a current
 * column: no technique, no set potential, no cell values, so every one of them comes from an option or the site).
 */
class ImportCliTest {
    @TempDir
    Path temp;

    /** Ten rows, t = 0 … 9 s, I = -1.0 … -1.9 mA. */
    private Path csv(String name) throws IOException {
        StringBuilder text = new StringBuilder("time (s),current (mA)\n");
        for (int k = 0; k < 10; k++) {
            text.append(k).append(',').append(-1.0 - 0.1 * k).append('\n');
        }
        return Files.writeString(temp.resolve(name), text);
    }

    private String db() {
        return temp.resolve("s.db").toString();
    }

    @Test
    void theSummaryShowsWhatTheStoreHoldsWithBothScalesAndEverySource() throws Exception {
        Path file = csv("ca.csv");
        CliRunner.Result imported = norrlab("import", file.toString(), "--technique", "ca", "--potential", "-0.5 V vs RHE",
                "--ph", "13", "--reference", "Ag/AgCl (3 M KCl)", "--area", "0.07 cm2", "--db", db());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        List<String> lines = imported.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Session 1: 1 step(s), 10 samples, from " + file + " (csv \"CSV\")");
        // -0.5 V vs RHE with Ag/AgCl (3 M KCl) (0.210 V vs SHE) at pH 13, 25 °C:
        // E_RE = -0.5 − 0.210 − 0.05915935·13 = -1.4791 V; the offset E_RHE − E_RE = +0.9791 V.
        // mean current: -1.0 … -1.9 mA in steps of 0.1, mean -1.45 mA
        assertThat(lines).anySatisfy(line -> assertThat(line.trim().split("\\s+"))
                .containsExactly("1", "ca", "step", "1", "10", "0", "…", "9", "-1.45", "mA", "-1.4791", "-0.5000", "ca.csv"));
        assertThat(lines).contains("  electrode area 0.07 cm² (option --area '0.07 cm2')",
                "  reference Ag/AgCl (3 M KCl), 0.210 V vs SHE (option --reference 'Ag/AgCl (3 M KCl)'); pH 13 (option --ph"
                        + " '13'); 25 °C (config/site.yaml) -> E vs RHE = E vs RE +0.9791 V",
                "  electrolyte 35 mL (config/site.yaml); loading 0.5 mg/cm² (config/site.yaml)");
        String sources = "Cell values from: electrode area 0.07 cm² (option --area '0.07 cm2'); reference Ag/AgCl (3 M KCl)"
                + " (option --reference 'Ag/AgCl (3 M KCl)'); pH 13 (option --ph '13'); electrolyte 35 mL (config/site.yaml)";
        assertThat(norrlab("show", "1", "--db", db()).out()).contains(sources);
        CliRunner.Result analyzed = norrlab("analyze", "1", "--db", db());
        assertThat(analyzed.exitCode()).as(analyzed.err()).isZero();
        assertThat(analyzed.out()).contains(sources);
    }

    /**
     * The store's start time of an imported session is the time of the import: sessions, show, the report and the CSV
     * export say "imported", never "started", so a 2021 measurement is not presented as today's.
     */
    @Test
    void anImportedSessionsTimeIsCalledTheImportEverywhereItIsShown() throws Exception {
        Path file = csv("old.csv");
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(norrlab("import", file.toString(), "--technique", "ca", "--potential", "-0.5 V vs RHE", "--db", db())
                .exitCode()).isZero();
        java.time.Instant stored;
        try (SessionStore store = SessionStore.open(Path.of(db()))) {
            stored = store.session(1).orElseThrow().started();
        }
        assertThat(stored).isAfterOrEqualTo(before);
        String listed = norrlab("sessions", "--db", db()).out();
        assertThat(listed).contains("imported " + stored.toString().replaceFirst("\\.\\d+Z$", "Z"));
        String shown = norrlab("show", "1", "--db", db()).out();
        assertThat(shown).contains("Imported " + stored + " (when the file was imported, not measured), norrlab ")
                .doesNotContain("Started").doesNotContain("ended");
        Path csv = temp.resolve("out.csv");
        assertThat(norrlab("export", "1", "-o", csv.toString(), "--db", db()).exitCode()).isZero();
        assertThat(Files.readString(csv)).contains("\n# imported: " + stored + " (when the file was imported, not measured);"
                + " software: norrlab ").doesNotContain("# started:");
        Path jsonl = temp.resolve("out.jsonl");
        assertThat(norrlab("export", "1", "--format", "jsonl", "-o", jsonl.toString(), "--db", db()).exitCode()).isZero();
        assertThat(Files.readAllLines(jsonl).get(0)).contains("\"started_utc\":\"" + stored + "\",\"imported_from_file\":true");
        // the cell values this import took from the site are said to be the site's in both exports, and an import of
        // either keeps that statement among its run options
        String sources = "electrode area 1 cm² (config/site.yaml); reference Ag/AgCl (sat. KCl) (config/site.yaml);"
                + " pH 7 (config/site.yaml); electrolyte 35 mL (config/site.yaml); temperature 25 °C (config/site.yaml);"
                + " loading 0.5 mg/cm² (config/site.yaml)";
        assertThat(Files.readString(csv)).contains("\n# cell values from: " + sources + "\n");
        assertThat(Files.readAllLines(jsonl).get(0)).contains("\"cell_sources\":\"" + sources + "\"");
        for (Path export : List.of(csv, jsonl)) {
            assertThat(norrlab("import", export.toString(), "--db", db()).exitCode()).isZero();
        }
        try (SessionStore store = SessionStore.open(Path.of(db()))) {
            for (long id : new long[] {2, 3}) {
                assertThat(store.session(id).orElseThrow().runOptions()).containsEntry("exported_cell_sources", sources);
            }
        }
        // show gives the re-import's values as coming from where the export says, not from the export's header, and
        // an export of the re-import says the same again: the text does not grow from one round trip to the next
        assertThat(norrlab("show", "2", "--db", db()).out()).contains("Cell values from: " + sources + "\n");
        Path again = temp.resolve("again.csv");
        assertThat(norrlab("export", "2", "-o", again.toString(), "--db", db()).exitCode()).isZero();
        assertThat(Files.readString(again)).contains("\n# cell values from: " + sources + "\n");
    }

    /** Where the file states when its acquisition started (EC-Lab), show gives that beside the import's time. */
    @Test
    void anEcLabFilesOwnStartIsShownBesideTheImportsTime() throws Exception {
        Path file = SharedFixtures.vendorFile("biologic-mpt/cheminfo_ca_1h15.mpt");
        CliRunner.Result imported = norrlab("import", file.toString(), "--area", "1 cm2", "--db", db());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(norrlab("show", "1", "--db", db()).out()).containsPattern("\\nImported \\S+ \\(when the file was imported,"
                + " not measured; the file says the acquisition started 10/20/2021 14:01:10\\), norrlab ");
    }

    @Test
    void fourFilesOneForEachPotentialBecomeOneSessionOfFourCaSteps() throws Exception {
        List<Path> files = List.of(csv("p1.csv"), csv("p2.csv"), csv("p3.csv"), csv("p4.csv"));
        CliRunner.Result imported = norrlab("import", files.get(0).toString(), files.get(1).toString(), files.get(2).toString(),
                files.get(3).toString(), "--one-session", "--technique", "ca", "--potential",
                "-0.1 V vs RHE,-0.2 V vs RHE,-0.3 V vs RHE", "--potential", "-0.4 V vs RHE", "--db", db());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("Session 1: 4 step(s), 40 samples, from " + files.get(0) + " (csv \"CSV\"), "
                + files.get(1) + " (csv \"CSV\"), ");
        try (SessionStore store = SessionStore.open(Path.of(db()))) {
            assertThat(store.sessions()).hasSize(1);
            List<StoredStep> steps = store.steps(1);
            assertThat(steps).extracting(StoredStep::index).containsExactly(1, 2, 3, 4);
            assertThat(steps).extracting(StoredStep::kind).containsOnly("ca");
            assertThat(steps).extracting(StoredStep::voltsVsRhe).containsExactly(-0.1, -0.2, -0.3, -0.4);
            assertThat(steps).extracting(StoredStep::source).containsExactly("p1.csv", "p2.csv", "p3.csv", "p4.csv");
            assertThat(steps).extracting(StoredStep::sampleCount).containsOnly(10L);
            // Steps follow each other: each starts where the one before ended (its last sample, 9 s).
            assertThat(steps).extracting(StoredStep::sessionOffsetSeconds).containsExactly(0.0, 9.0, 18.0, 27.0);
        }
    }

    @Test
    void aCaStepWithoutAPotentialIsRefusedNamingFileStepFormatAndTechnique() throws Exception {
        Path file = csv("ca.csv");
        CliRunner.Result refused = norrlab("import", file.toString(), "--technique", "ca", "--db", db());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).isEqualTo("Bad input: " + file + ": csv \"CSV\" step 1 (step 1) is chronoamperometry without"
                + " a set potential (the file gives none norrlab can use); give --potential '… V vs RHE' (one per CA step, in order, or"
                + " one for all)\n");
        assertThat(norrlab("sessions", "--db", db()).out()).doesNotContain("csv");
    }

    @Test
    void anOptionTheSiteUnitsDoNotReadIsRefused() throws Exception {
        CliRunner.Result refused = norrlab("import", csv("a.csv").toString(), "--area", "7 in2", "--db", db());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).isEqualTo("Bad input: --area: 'in2' is not a unit for an area; allowed: cm2, cm², mm2, mm²,"
                + " m2, m²\n");
    }

    /** A step whose samples measured no potential: shown and exported without one, never as 0 V. */
    @Test
    void samplesWithoutPotentialAreShownAndExportedWithoutOne() throws Exception {
        try (SessionStore store = SessionStore.open(Path.of(db()))) {
            ImportService.importSession(store, List.of(new ImportService.Input(temp.resolve("ocp.txt"), sink -> {
                sink.file(new FileFacts("test", "Test", new InstrumentIdentity("imported", "test", "unknown", "unknown",
                        "unknown"), Map.of(), StatedCell.NONE));
                sink.beginStep(new StepFacts("ocp", "rest", Optional.empty(), 1.0));
                sink.sample(new Sample(1.0, Double.NaN, -2.5e-6, Double.NaN, 0));
                sink.sample(new Sample(2.0, Double.NaN, -2.0e-6, Double.NaN, 0));
                sink.endStep();
            })), ImportOptions.NONE, Fixtures.cellAtPh7(), "config/site.yaml");
        }
        CliRunner.Result shown = norrlab("show", "1", "--db", db());
        assertThat(shown.out().lines().filter(line -> line.trim().startsWith("1 ")).findFirst().orElseThrow().trim()
                .split("\\s+")).startsWith("1", "ocp", "—", "—", "2.0", "2");
        Path csv = temp.resolve("out.csv");
        assertThat(norrlab("export", "1", "--db", db(), "-o", csv.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(csv)).contains("1,0,1.0,,-2.5E-6,,0,,", "1,1,2.0,,-2.0E-6,,0,,");
    }

    @Test
    void analyzeSaysASessionWithoutCaStepHasNothingToAnalyse() throws Exception {
        CliRunner.Result imported = norrlab("import", csv("other.csv").toString(), "--db", db());
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("  step(s) 1 are 'other': the file does not state the technique, and analyze"
                + " needs CA steps; if they are chronoamperometry, import again with --technique ca --potential '… V vs RHE'");
        CliRunner.Result analyzed = norrlab("analyze", "1", "--db", db());
        assertThat(analyzed.exitCode()).isEqualTo(3);
        assertThat(analyzed.err()).isEqualTo("Bad input: session 1 has no chronoamperometry step (its steps are other): FE and"
                + " yield need the charge of a chronoamperometry (CA) step; if its 'other' steps are chronoamperometry,"
                + " import their file again with --technique ca --potential '… V vs RHE'\n");
        assertThat(analyzed.out()).isEmpty();
    }

    /** Import refuses --technique ca for a step the file names (e.g. ocp), so analyze must not advise it there. */
    @Test
    void analyzeOfASessionWhoseFileNamesItsTechniquesDoesNotAdviseTechniqueCa() throws Exception {
        try (SessionStore store = SessionStore.open(Path.of(db()))) {
            ImportService.importSession(store, List.of(new ImportService.Input(temp.resolve("ocp.txt"), sink -> {
                sink.file(new FileFacts("test", "Test", new InstrumentIdentity("imported", "test", "unknown", "unknown",
                        "unknown"), Map.of(), StatedCell.NONE));
                sink.beginStep(new StepFacts("ocp", "rest", Optional.empty(), 1.0));
                sink.sample(new Sample(0.0, 0.21, 0.0, Double.NaN, 0));
                sink.endStep();
                // a CP step: not CA, and not a sweep (a session with a sweep is analysed for its sweeps)
                sink.beginStep(new StepFacts("cp", "constant current", Optional.empty(), 1.0));
                sink.sample(new Sample(0.0, 0.1, -1e-6, Double.NaN, 0));
                sink.endStep();
            })), ImportOptions.NONE, Fixtures.cellAtPh7(), "config/site.yaml");
        }
        CliRunner.Result analyzed = norrlab("analyze", "1", "--db", db());
        assertThat(analyzed.exitCode()).isEqualTo(3);
        assertThat(analyzed.err()).isEqualTo("Bad input: session 1 has no chronoamperometry step (its steps are ocp, cp): FE"
                + " and yield need the charge of a chronoamperometry (CA) step, and the file states these steps' kinds"
                + " (--technique ca cannot change them): import a session that holds a CA step\n");
    }

    /**
     * A --potential that contradicts what the file measured (here -1.111 V vs RE given, -0.400 V vs RE measured) is
     * named: the mean of the finite measured potentials (the NaN one is left out) against the set potential vs RE.
     */
    @Test
    void aSetPotentialFarFromTheMeasuredOneIsWarnedAbout() throws Exception {
        ImportOptions far = new ImportOptions(Optional.of("ca"), List.of(Quantities.potential("--potential",
                "-1.111 V vs RE")), StatedCell.NONE);
        ImportOptions near = new ImportOptions(Optional.of("ca"), List.of(Quantities.potential("--potential",
                "-0.45 V vs RE")), StatedCell.NONE);
        assertThat(importMeasuredAround(far, "far.txt")).containsExactly("WARNING: step 1: the measured potential (mean"
                + " -0.400 V vs RE over 4 samples) is 0.711 V from the set potential -1.111 V vs RE: check --potential, the"
                + " reference electrode and the pH");
        assertThat(importMeasuredAround(near, "near.txt")).isEmpty(); // 0.050 V off: within 0.1 V
    }

    /** Imports one step whose measured potentials are -0.38, -0.40, NaN, -0.42, -0.40 V vs RE; gives its notes. */
    private List<String> importMeasuredAround(ImportOptions options, String name) throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve(name + ".db"))) {
            return ImportService.importSession(store, List.of(new ImportService.Input(temp.resolve(name), sink -> {
                sink.file(new FileFacts("test", "Test", new InstrumentIdentity("imported", "test", "unknown", "unknown",
                        "unknown"), Map.of(), StatedCell.NONE));
                sink.beginStep(new StepFacts("other", "hold", Optional.empty(), 1.0));
                double[] volts = {-0.38, -0.40, Double.NaN, -0.42, -0.40};
                for (int k = 0; k < volts.length; k++) {
                    sink.sample(new Sample(k, volts[k], -1e-3, Double.NaN, 0));
                }
                sink.endStep();
            })), options, Fixtures.cellAtPh7(), "config/site.yaml").notes();
        }
    }

    /** The help lists every importer's --format name (taken from ImportService.IMPORTERS, so it cannot go stale). */
    @Test
    void theHelpListsEveryFormat() {
        CliRunner.Result help = norrlab("import", "--help");
        assertThat(help.exitCode()).isZero();
        String text = help.out().replaceAll("\\s+", " ");
        assertThat(text).contains("One of eclab, gamry, pssession, nova, squidstat, ivium, methodscript, jsonl, pstrace-csv,"
                + " chi, csv (default: recognised from the file)");
        assertThat(text).contains("CH Instruments", "Autolab NOVA", "Squidstat", "Ivium", "PSTrace .pssession and .csv");
    }

    @Test
    void anImpedanceFileIsCountedInPointsAsTheStoreHoldsThem() throws Exception {
        Path file = SharedFixtures.vendorFile("chi/nomadce_EIS_-0,48_V.txt");
        CliRunner.Result imported = norrlab("import", file.toString(), "--db", db());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        List<String> lines = imported.out().lines().toList();
        // 73 rows (lines 18-90), none a sample; Init E -0.48 V vs Ag/AgCl (sat. KCl) of config/site.yaml
        assertThat(lines.get(0)).isEqualTo("Session 1: 1 step(s), 0 samples, 73 impedance points, from " + file
                + " (chi \"A.C. Impedance\")");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("eis", "0 + 73 impedance points", "-0.4800"));
        try (SessionStore store = SessionStore.open(Path.of(db()))) {
            assertThat(store.impedance().spectrum(1, 1)).hasSize(73);
        }
    }
}
