package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Gas;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.core.StepSettings;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.RheScale;
import org.norrlab.plan.PlannedPotential;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoreWriter;
import org.norrlab.store.StoredStep;
import org.norrlab.store.SweepMigrationTest;
import org.norrlab.sync.SyncService;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip of issue 20: a sweep session (LSV under Ar, a 2-cycle CV and a CP step under NO, then a CA step with
 * no gas stated) exported as CSV and as JSON Lines, each imported into a fresh store, synced to the lab's PostgreSQL
 * and replayed there. At every stop each step has the original's kind, label, settings, gas and start potential, and
 * every sample the original's t, E, I, range, flags, cycle and segment, to the last bit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepJourneysTest {
    @TempDir
    static Path temp;
    private Path bench;
    private long original;
    private List<StoredStep> steps;
    private List<List<Sample>> samples;

    /** What every stop must keep of a step (not its id, source file or times, which each journey sets anew). */
    private record Kept(String kind, String label, StepSettings settings, Optional<Gas> gas, double voltsVsRhe,
                        double voltsVsReference, long sampleCount) {
        static Kept of(StoredStep s) {
            return new Kept(s.kind(), s.label(), s.settings(), s.gas(), s.voltsVsRhe(), s.voltsVsReference(), s.sampleCount());
        }
    }

    @BeforeAll
    void writeASweepSession() throws Exception {
        bench = temp.resolve("bench.db");
        CellSettings cell = Fixtures.cellAtPh7();
        RheScale rhe = cell.rheScale();
        Location at = new Location(Path.of("study.yaml"), 3, 5);
        StepContext ar = StepContext.NONE.withGas(Optional.of(Gas.ARGON));
        StepContext no = StepContext.NONE.withGas(Optional.of(Gas.NITRIC_OXIDE));
        List<PlannedStep> plan = List.of(
                new PlannedStep.LinearSweep(1, "LSV Ar", potential(0.10, rhe), potential(-0.40, rhe), 0.001, 0.005,
                        CurrentRangeChoice.AUTO, at, ar),
                new PlannedStep.CyclicVoltammetry(2, "CV 20 mV/s", potential(0.20, rhe), potential(0.25, rhe),
                        potential(0.15, rhe), 2, 0.002, 0.020, CurrentRangeChoice.AUTO, at, no),
                new PlannedStep.Chronopotentiometry(3, "CP -10 mA", "-10 mA", -0.010, Duration.ofMillis(500),
                        Duration.ofSeconds(2), Optional.of(potential(-0.9, rhe)), Optional.empty(),
                        CurrentRangeChoice.AUTO, at, no),
                new PlannedStep.Chronoamperometry(4, "CA", new Potential(-0.5, Potential.Scale.RHE), -0.5,
                        rhe.toReference(-0.5), Duration.ofSeconds(1), Duration.ofSeconds(3), CurrentRangeChoice.AUTO, at));
        samples = List.of(
                // LSV: 1 mV per 0.2 s from the start, one scan, one segment; currents with all their digits
                List.of(sweep(0.0, rhe.toReference(0.100), -1.234567890123e-6, 1, 1),
                        sweep(0.2, rhe.toReference(0.099), -2.345678901234e-6, 1, 1),
                        sweep(0.4, rhe.toReference(0.098), -3.456789012345e-6, 1, 1)),
                // CV: each of its 3 segments in each of its 2 cycles
                List.of(sweep(0.0, rhe.toReference(0.200), 1.1e-6, 1, 1), sweep(2.5, rhe.toReference(0.250), 2.2e-6, 1, 2),
                        sweep(7.5, rhe.toReference(0.150), -3.3e-6, 1, 3), sweep(10.0, rhe.toReference(0.200), 1.2e-6, 2, 1),
                        sweep(12.5, rhe.toReference(0.250), 2.3e-6, 2, 2), sweep(17.5, rhe.toReference(0.150), -3.4e-6, 2, 3)),
                // CP and CA: no cycle or segment
                List.of(new Sample(0.5, -1.0123456789, -0.010, 0.1, 0), new Sample(1.0, -1.0234567891, -0.010, 0.1, 0)),
                List.of(new Sample(1.0, rhe.toReference(-0.5), -2.5e-4, 1e-3, 0),
                        new Sample(2.0, rhe.toReference(-0.5), -2.4e-4, 1e-3, 0)));
        try (SessionStore store = SessionStore.open(bench)) {
            original = store.createSession(new NewSession("norr study", "study.yaml", "", cell,
                    new InstrumentIdentity("sim", "sim", "model", "fw", "SN1"), Map.of(), "test", Instant.now()));
            try (StoreWriter writer = store.writer(original)) {
                for (int i = 0; i < plan.size(); i++) {
                    PlannedStep step = plan.get(i);
                    writer.accept(new AcquisitionRecord.StepStarted(step, Instant.now(), 20.0 * i), false);
                    List<Sample> written = samples.get(i);
                    for (int k = 0; k < written.size(); k++) {
                        writer.accept(new AcquisitionRecord.SampleTaken(step.index(), k, written.get(k)), false);
                    }
                    writer.accept(new AcquisitionRecord.StepEnded(step.index(), StepOutcome.COMPLETED, written.size(),
                            written.get(written.size() - 1).timeSeconds(), Double.NaN, Instant.now()), i == plan.size() - 1);
                }
            }
            store.finishSession(original, SessionStatus.COMPLETED, "test");
            steps = store.steps(original);
        }
        // The journeys compare against what was stored: first that it is what was written.
        assertThat(steps).extracting(StoredStep::kind).containsExactly("lsv", "cv", "cp", "ca");
        assertThat(steps.get(1).settings()).isEqualTo(StepSettings.cyclicVoltammetry(0.20, 0.25, 0.15, 2, 0.002, 0.020));
        assertThat(steps.get(2).settings()).isEqualTo(StepSettings.chronopotentiometry(-0.010, -0.9, Double.NaN));
        assertThat(steps).extracting(StoredStep::gas).containsExactly(Optional.of(Gas.ARGON),
                Optional.of(Gas.NITRIC_OXIDE), Optional.of(Gas.NITRIC_OXIDE), Optional.empty());
        assertKept(StoreLocation.file(bench), original);
    }

    private static PlannedPotential potential(double voltsVsRhe, RheScale rhe) {
        return new PlannedPotential(new Potential(voltsVsRhe, Potential.Scale.RHE), voltsVsRhe, rhe.toReference(voltsVsRhe));
    }

    private static Sample sweep(double t, double volts, double amperes, int cycle, int segment) {
        return new Sample(t, volts, amperes, 1e-3, 0).inSweep(cycle, segment);
    }

    /** Session {@code id} of {@code store} has the original's steps and samples, exactly. */
    private void assertKept(StoreLocation store, long id) throws Exception {
        try (SessionStore s = SessionStore.open(store)) {
            List<StoredStep> now = s.steps(id);
            assertThat(now.stream().map(Kept::of).toList()).isEqualTo(steps.stream().map(Kept::of).toList());
            for (StoredStep step : now) {
                List<Sample> read = new ArrayList<>();
                s.forEachSample(id, step.index(), (seq, sample) -> read.add(sample));
                assertThat(read).as("samples of step %d of session %d", step.index(), id)
                        .isEqualTo(samples.get(step.index() - 1));
            }
        }
    }

    private static CliRunner.Result on(String database, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", Fixtures.HOME.toString(), "--db", database));
        return CliRunner.norrlab(all.toArray(String[]::new));
    }

    /** The original exported in {@code format} and imported into a fresh store of its own, checked; that store. */
    private Path exportedAndImported(String format, String storeName) throws Exception {
        Path file = temp.resolve(storeName + "." + format);
        CliRunner.Result export = on(bench.toString(), "export", String.valueOf(original), "--format", format, "-o",
                file.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        Path fresh = temp.resolve(storeName + ".db");
        CliRunner.Result imported = on(fresh.toString(), "import", file.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertKept(StoreLocation.file(fresh), 1);
        return fresh;
    }

    private long replayed(String database, long id) throws Exception {
        CliRunner.Result replay = on(database, "replay", String.valueOf(id), "--speed", "max", "--no-progress");
        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        try (SessionStore s = SessionStore.open(StoreLocation.parse(database, temp))) {
            return s.sessions().stream().mapToLong(x -> x.id()).max().orElseThrow();
        }
    }

    @Test
    void csvCarriesCycleSegmentGasAndSettings() throws Exception {
        Path fresh = exportedAndImported("csv", "study");
        String text = Files.readString(temp.resolve("study.csv"));
        // The step line ends with the gas and the settings as the store holds them; the rows end with cycle, segment.
        assertThat(text).contains(", completed; gas Ar; settings {\"scan_rate_v_s\":0.005,\"step_v\":0.001,"
                + "\"start_vs_rhe_v\":0.1,\"end_vs_rhe_v\":-0.4,\"cycles\":1}\n");
        assertThat(text).contains("\nstep,seq,t_s,E_V_vs_RE,I_A,range_A,flags,cycle,segment\n");
        // the CV's fifth sample: cycle 2, segment 2; the CA's rows leave both cells empty
        assertThat(text).contains("\n2,4,12.5," + samples.get(1).get(4).potentialVolts() + ",2.3E-6,0.001,0,2,2\n");
        assertThat(text).contains("\n4,1,2.0," + samples.get(3).get(1).potentialVolts() + ",-2.4E-4,0.001,0,,\n");
        long replay = replayed(fresh.toString(), 1);
        assertKept(StoreLocation.file(fresh), replay);
    }

    @Test
    void jsonLinesCarryCycleSegmentGasAndSettings() throws Exception {
        Path fresh = exportedAndImported("jsonl", "study");
        String text = Files.readString(temp.resolve("study.jsonl"));
        assertThat(text).contains("\"gas\":\"NO\",\"settings\":{\"set_current_a\":-0.01,\"lower_limit_vs_rhe_v\":-0.9}}");
        assertThat(text).contains("\"flags\":0,\"cycle\":2,\"segment\":3}");
        long replay = replayed(fresh.toString(), 1);
        assertKept(StoreLocation.file(fresh), replay);
    }

    /** The one-document JSON export (not imported back) carries the same: settings and gas, cycle and segment. */
    @Test
    void theJsonDocumentCarriesThemToo() throws Exception {
        Path file = temp.resolve("study.json");
        CliRunner.Result export = on(bench.toString(), "export", String.valueOf(original), "--format", "json", "-o",
                file.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        JsonNode cv = new ObjectMapper().readTree(file.toFile()).path("steps").get(1);
        assertThat(cv.path("gas").asText()).isEqualTo("NO");
        assertThat(cv.path("settings").path("cycles").asInt()).isEqualTo(2);
        assertThat(cv.path("settings").path("scan_rate_v_s").asDouble()).isEqualTo(0.020);
        assertThat(cv.path("sample_columns").toString()).endsWith("\"flags\",\"cycle\",\"segment\"]");
        // the CV's last sample: seq 5, cycle 2, segment 3
        assertThat(cv.path("samples").get(5).toString()).isEqualTo("[5,17.5," + samples.get(1).get(5).potentialVolts()
                + ",-3.4E-6,0.001,0,2,3]");
        assertThat(new ObjectMapper().readTree(file.toFile()).path("steps").get(3).path("samples").get(0).toString())
                .endsWith(",0,null,null]");
    }

    @Test
    void theOriginalReplaysAsTheSameSweeps() throws Exception {
        Path copy = Files.copy(bench, temp.resolve("bench-replay.db"));
        assertKept(StoreLocation.file(copy), replayed(copy.toString(), original));
    }

    /** The JSON Lines import synced to the lab's PostgreSQL, which keeps it, and replayed there. */
    @Test
    void syncToTheLabAndReplayThereKeepTheSweeps() throws Exception {
        Path synced = exportedAndImported("jsonl", "synced");
        try (PostgresServer pg = PostgresServer.start()) {
            SyncService.sync(synced, pg.url(), false, SyncService.Listener.NONE);
            StoreLocation lab = StoreLocation.parse(pg.url(), temp);
            long id;
            try (SessionStore s = SessionStore.open(lab)) {
                id = s.sessions().get(0).id();
            }
            assertKept(lab, id);
            long replay = replayed(pg.url(), id);
            assertKept(lab, replay);
            // schema 13 on PostgreSQL: its CHECK on the gas holds there too (on the replay, compared already)
            try (Connection c = DriverManager.getConnection(pg.url())) {
                SweepMigrationTest.assertGasIsChecked(c, replay);
            }
        }
    }
}
