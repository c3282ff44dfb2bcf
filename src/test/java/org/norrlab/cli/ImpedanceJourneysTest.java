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
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.StepOutcome;
import org.norrlab.core.StepSettings;
import org.norrlab.core.UncompensatedResistance;
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
import org.norrlab.store.StoredResistance;
import org.norrlab.store.StoredStep;
import org.norrlab.sync.SyncService;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The round trip of issue 21 (store): a session with an EIS step (a spectrum with a NaN point, DC potential and
 * current, the range where known) and two CA steps, with an R_u history of two rows (a typed value, then a fit of the
 * spectrum with a compensated fraction), exported as CSV and as JSON Lines, imported into a fresh store, synced to the
 * lab's PostgreSQL (twice: no duplicates) and replayed there. At every stop the spectrum is the original's point for
 * point, to the last bit (NaN kept as NaN), and the R_u history the original's, with the same uids where a row was
 * copied (export, import, sync) and the same values where it was carried to a new session (replay).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImpedanceJourneysTest {
    @TempDir
    static Path temp;
    private Path bench;
    private long original;
    private List<ImpedancePoint> spectrum;
    private List<StoredResistance> history;
    private List<List<Sample>> caSamples;

    @BeforeAll
    void writeAnImpedanceSession() throws Exception {
        bench = temp.resolve("bench.db");
        CellSettings cell = Fixtures.cellAtPh7();
        RheScale rhe = cell.rheScale();
        Location at = new Location(Path.of("study.yaml"), 3, 5);
        // frequencies as the instrument gave them, with all their digits
        spectrum = List.of(
                new ImpedancePoint(0.53, 100_000.0, 12.512345678901234, -0.3456789012345678, rhe.toReference(-0.1),
                        -1.234567e-6, 1e-3, 0),
                new ImpedancePoint(1.56, 10_000.0, 12.9876543210987, -2.101010101010101, rhe.toReference(-0.1),
                        -1.3e-6, 1e-3, SampleFlag.RANGE_CHANGED.bit()),
                ImpedancePoint.missing(2.86, 1_000.0, SampleFlag.OVERLOAD.bit()),
                ImpedancePoint.of(6.36, 100.0, 40.25, -55.125),
                new ImpedancePoint(37.36, 1.0, 160.5, -20.0625, Double.NaN, Double.NaN, 1e-4, 0));
        List<Double> frequencies = spectrum.stream().map(ImpedancePoint::frequencyHz).toList();
        List<PlannedStep> plan = List.of(
                new PlannedStep.Impedance(1, "EIS at -0.1 V", Optional.of(potential(-0.1, rhe)), 0, 0.010, frequencies,
                        CurrentRangeChoice.AUTO, at, StepContext.NONE),
                ca(2, -0.5, rhe, at), ca(3, -0.3, rhe, at));
        caSamples = List.of(
                List.of(new Sample(1.0, rhe.toReference(-0.5), -2.0e-3, 1e-2, 0),
                        new Sample(2.0, rhe.toReference(-0.5), -1.987654321e-3, 1e-2, 0)),
                List.of(new Sample(1.0, rhe.toReference(-0.3), -3.5e-3, 1e-2, 0)));
        try (SessionStore store = SessionStore.open(bench)) {
            original = store.createSession(new NewSession("norr study", "study.yaml", "", cell,
                    new InstrumentIdentity("sim", "sim", "model", "fw", "SN1"), Map.of(), "test", Instant.now()));
            try (StoreWriter writer = store.writer(original)) {
                writer.accept(new AcquisitionRecord.StepStarted(plan.get(0), Instant.now(), 0), false);
                for (int k = 0; k < spectrum.size(); k++) {
                    writer.accept(new AcquisitionRecord.ImpedanceMeasured(1, k, spectrum.get(k)), false);
                }
                writer.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, 0, 37.36, Double.NaN,
                        Instant.now()), false);
                for (int i = 1; i < plan.size(); i++) {
                    PlannedStep step = plan.get(i);
                    List<Sample> written = caSamples.get(i - 1);
                    writer.accept(new AcquisitionRecord.StepStarted(step, Instant.now(), 40.0 * i), false);
                    for (int k = 0; k < written.size(); k++) {
                        writer.accept(new AcquisitionRecord.SampleTaken(step.index(), k, written.get(k)), false);
                    }
                    writer.accept(new AcquisitionRecord.StepEnded(step.index(), StepOutcome.COMPLETED, written.size(),
                            written.get(written.size() - 1).timeSeconds(), Double.NaN, Instant.now()), i == plan.size() - 1);
                }
            }
            store.finishSession(original, SessionStatus.COMPLETED, "test");
            // first typed by the operator, then fitted to the spectrum of step 1 with 20 % compensated by the instrument
            store.impedance().recordResistance(original, new UncompensatedResistance(13.0, Double.NaN,
                    UncompensatedResistance.TYPED, OptionalInt.empty(), 0, Instant.parse("2026-12-01T10:00:00Z"),
                    "from the cell's last run;\nchecked"));
            store.impedance().recordResistance(original, new UncompensatedResistance(12.5, 0.0421,
                    UncompensatedResistance.RANDLES_FIT, OptionalInt.of(1), 0.2, Instant.parse("2026-12-01T11:00:00Z"),
                    "Randles fit, 5 points"));
            history = store.impedance().history(original);
            assertThat(store.impedance().spectrum(original, 1)).isEqualTo(spectrum);
            assertThat(store.steps(original).get(0).settings())
                    .isEqualTo(StepSettings.impedance(-0.1, Double.NaN, 0.010, 100_000.0, 1.0, 5));
        }
        assertThat(history).hasSize(2);
    }

    private static PlannedStep ca(int index, double voltsVsRhe, RheScale rhe, Location at) {
        return new PlannedStep.Chronoamperometry(index, "CA " + voltsVsRhe, new Potential(voltsVsRhe, Potential.Scale.RHE),
                voltsVsRhe, rhe.toReference(voltsVsRhe), Duration.ofSeconds(1), Duration.ofSeconds(2),
                CurrentRangeChoice.AUTO, at);
    }

    private static PlannedPotential potential(double voltsVsRhe, RheScale rhe) {
        return new PlannedPotential(new Potential(voltsVsRhe, Potential.Scale.RHE), voltsVsRhe, rhe.toReference(voltsVsRhe));
    }

    /**
     * What every stop keeps of a step (not its times or source, which each journey sets anew). An imported CA step's E
     * vs RHE is computed again from its E vs RE (as before this issue; it may differ in the last bit), so
     * it is compared to the nV; the EIS step's DC potential comes back exactly, from its settings.
     */
    private record Kept(String kind, String label, StepSettings settings, double voltsVsRhe, double voltsVsReference) {
        static Kept of(StoredStep s) {
            return new Kept(s.kind(), s.label(), s.settings(),
                    s.kind().equals("ca") ? Math.rint(s.voltsVsRhe() * 1e9) / 1e9 : s.voltsVsRhe(), s.voltsVsReference());
        }
    }

    /**
     * Session {@code id} of {@code store} has the original's steps, spectrum, CA samples and R_u history: the same rows
     * (uids too) when {@code sameUids}, else the same values (a replay's rows are its own).
     */
    private void assertKept(StoreLocation store, long id, boolean sameUids) throws Exception {
        try (SessionStore s = SessionStore.open(store)) {
            List<StoredStep> steps = s.steps(id);
            try (SessionStore o = SessionStore.open(bench)) {
                assertThat(steps.stream().map(Kept::of).toList())
                        .isEqualTo(o.steps(original).stream().map(Kept::of).toList());
            }
            assertThat(s.impedance().spectra(id)).as("spectra of session %d", id).isEqualTo(Map.of(1, spectrum));
            for (int step = 2; step <= 3; step++) {
                List<Sample> read = new ArrayList<>();
                s.forEachSample(id, step, (seq, sample) -> read.add(sample));
                assertThat(read).isEqualTo(caSamples.get(step - 2));
            }
            if (sameUids) {
                assertThat(s.impedance().history(id)).isEqualTo(history);
            } else {
                assertThat(s.impedance().resistances(id)).isEqualTo(history.stream().map(StoredResistance::resistance).toList());
            }
        }
    }

    private static CliRunner.Result on(String database, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", Fixtures.HOME.toString(), "--db", database));
        return CliRunner.norrlab(all.toArray(String[]::new));
    }

    private Path exportedAndImported(String format, String storeName) throws Exception {
        Path file = temp.resolve(storeName + "." + format);
        CliRunner.Result export = on(bench.toString(), "export", String.valueOf(original), "--format", format, "-o",
                file.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        Path fresh = temp.resolve(storeName + ".db");
        CliRunner.Result imported = on(fresh.toString(), "import", file.toString());
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        assertKept(StoreLocation.file(fresh), 1, true);
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
    void csvCarriesTheSpectrumTheHistoryAndIrCorrectedPotentials() throws Exception {
        Path fresh = exportedAndImported("csv", "eis-csv");
        List<String> lines = Files.readAllLines(temp.resolve("eis-csv.csv"));
        assertThat(lines).contains("# R_u: 13.0 ohm, standard error none, typed, compensated fraction 0.0, recorded"
                        + " 2026-12-01T10:00:00Z, uid " + history.get(0).uid() + "; from the cell's last run;\\nchecked",
                "# R_u: 12.5 ohm, standard error 0.0421 ohm, randles-fit of the spectrum of step 1, compensated fraction"
                        + " 0.2, recorded 2026-12-01T11:00:00Z, uid " + history.get(1).uid() + "; Randles fit, 5 points");
        // the spectrum section: its line, its column row, its rows in order, a blank line; then the sample table
        int section = lines.indexOf("step,seq,t_s,frequency_Hz,Z_real_ohm,Z_imag_ohm,Z_mod_ohm,phase_deg,E_dc_V_vs_RE,"
                + "I_dc_A,range_A,flags");
        assertThat(lines.get(section - 1)).startsWith("# impedance of step 1 (EIS at -0.1 V): 5 frequencies; Z_imag_ohm"
                + " is Z'' as measured");
        ImpedancePoint first = spectrum.get(0);
        assertThat(lines.get(section + 1)).isEqualTo("1,0,0.53,100000.0,12.512345678901234,-0.3456789012345678,"
                + first.modulusOhms() + "," + first.phaseDegrees() + "," + first.dcPotentialVolts() + ",-1.234567E-6,0.001,0");
        // the NaN point: frequency and flags (1 overload + 64 no impedance), every other cell empty
        assertThat(lines.get(section + 3)).isEqualTo("1,2,2.86,1000.0,,,,,,,,65");
        assertThat(lines.get(section + 5)).isEqualTo("1,4,37.36,1.0,160.5,-20.0625," + Math.hypot(160.5, -20.0625) + ","
                + Math.toDegrees(Math.atan2(-20.0625, 160.5)) + ",,,1.0E-4,0");
        assertThat(lines.get(section + 6)).isEmpty();
        assertThat(lines).contains("step,seq,t_s,E_V_vs_RE,E_iR_V_vs_RE,I_A,range_A,flags,cycle,segment");
        assertThat(lines).anyMatch(l -> l.startsWith("# units: ") && l.contains("E_iR_V_vs_RE = E_V_vs_RE - I_A * 12.5 ohm"
                + " * (1 - 0.2) with the R_u in force (uid " + history.get(1).uid() + ", randles-fit of step 1)"));
        // the first CA sample: E - I * R_u * (1 - c) = E - (-2.0e-3 A)(12.5 ohm)(0.8) = E + 0.020 V
        String row = lines.stream().filter(l -> l.startsWith("2,0,1.0,")).findFirst().orElseThrow();
        String[] cells = row.split(",", -1);
        double e = Double.parseDouble(cells[3]);
        assertThat(Double.parseDouble(cells[4])).isCloseTo(e + 0.020, within(1e-15));
        assertThat(cells[5]).isEqualTo("-0.002");
        assertKept(StoreLocation.file(fresh), replayed(fresh.toString(), 1), false);
    }

    @Test
    void jsonLinesCarryTheSpectrumTheHistoryAndIrCorrectedPotentials() throws Exception {
        Path fresh = exportedAndImported("jsonl", "eis-jsonl");
        String text = Files.readString(temp.resolve("eis-jsonl.jsonl"));
        assertThat(text).contains("{\"type\":\"impedance\",\"step\":1,\"seq\":2,\"t_s\":2.86,\"frequency_Hz\":1000.0,"
                + "\"Z_real_ohm\":null,\"Z_imag_ohm\":null,\"Z_mod_ohm\":null,\"phase_deg\":null,\"E_dc_V\":null,"
                + "\"I_dc_A\":null,\"range_A\":null,\"flags\":65}");
        assertThat(text).contains("\"uid\":\"" + history.get(1).uid() + "\",\"ru_ohm\":12.5,\"stderr_ohm\":0.0421,"
                + "\"method\":\"randles-fit\",\"spectrum_step\":1,\"compensated_fraction\":0.2,");
        assertThat(text).contains("\"E_iR_uses_resistance\":\"" + history.get(1).uid() + "\"");
        // the CA step at -0.3 V vs RHE: E - (-3.5e-3 A)(12.5 ohm)(1 - 0.2) = E + 0.035 V
        double e = Fixtures.cellAtPh7().rheScale().toReference(-0.3);
        assertThat(text).contains("\"E_V\":" + e + ",\"E_iR_V\":" + (e - (-3.5e-3 * 12.5 * (1 - 0.2))) + ",");
        assertKept(StoreLocation.file(fresh), replayed(fresh.toString(), 1), false);
    }

    /**
     * One import of the same export twice: each norrlab export is a session of its own, with its spectrum and history;
     * the second's uids are the first's, which this store then has, so they are stored under new ones and the import
     * says so.
     */
    @Test
    void theSameExportImportedTwiceGetsNewUidsTheSecondTime() throws Exception {
        Path file = temp.resolve("twice.csv");
        assertThat(on(bench.toString(), "export", String.valueOf(original), "-o", file.toString()).exitCode()).isZero();
        Path fresh = temp.resolve("twice.db");
        CliRunner.Result imported = on(fresh.toString(), "import", file.toString(), file.toString());
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out() + imported.err()).contains("(uid " + history.get(1).uid() + " in the export) is stored"
                + " as uid ");
        try (SessionStore s = SessionStore.open(fresh)) {
            assertThat(s.impedance().history(1)).isEqualTo(history);
            assertThat(s.impedance().spectra(2)).isEqualTo(Map.of(1, spectrum));
            List<StoredResistance> second = s.impedance().history(2);
            assertThat(second).extracting(StoredResistance::resistance)
                    .isEqualTo(history.stream().map(StoredResistance::resistance).toList());
            assertThat(second).extracting(StoredResistance::uid).doesNotContainAnyElementsOf(
                    history.stream().map(StoredResistance::uid).toList()).allMatch(uid -> uid.length() == 32);
        }
    }

    /** The one-document JSON export (not imported back) carries the same: the spectrum, the history, E_iR. */
    @Test
    void theJsonDocumentCarriesThemToo() throws Exception {
        Path file = temp.resolve("eis.json");
        CliRunner.Result export = on(bench.toString(), "export", String.valueOf(original), "--format", "json", "-o",
                file.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        JsonNode document = new ObjectMapper().readTree(file.toFile());
        JsonNode eis = document.path("steps").get(0);
        assertThat(eis.path("impedance").size()).isEqualTo(5);
        assertThat(eis.path("impedance").get(2).toString()).isEqualTo("[2,2.86,1000.0,null,null,null,null,null,null,null,65]");
        assertThat(eis.path("impedance_columns").get(3).asText()).isEqualTo("Z_real_ohm");
        assertThat(document.path("resistances").get(1).path("in_force").asBoolean()).isTrue();
        assertThat(document.path("resistances").get(1).path("uid").asText()).isEqualTo(history.get(1).uid());
        JsonNode ca = document.path("steps").get(1);
        assertThat(ca.path("sample_columns").get(3).asText()).isEqualTo("E_iR_V_vs_RE");
        // E - (-2.0e-3 A)(12.5 ohm)(1 - 0.2) = E + 0.020 V
        JsonNode first = ca.path("samples").get(0);
        assertThat(first.get(3).asDouble()).isCloseTo(first.get(2).asDouble() + 0.020, within(1e-15));
    }

    /** The JSON Lines import synced to the lab's PostgreSQL twice (the second copies nothing), and replayed there. */
    @Test
    void syncToTheLabAndReplayThereKeepTheSpectrumAndRu() throws Exception {
        Path synced = exportedAndImported("jsonl", "synced");
        try (PostgresServer pg = PostgresServer.start()) {
            SyncService.Report first = SyncService.sync(synced, pg.url(), false, SyncService.Listener.NONE);
            assertThat(first.inputsCopied().resistances()).isEqualTo(2);
            StoreLocation lab = StoreLocation.parse(pg.url(), temp);
            long id;
            try (SessionStore s = SessionStore.open(lab)) {
                id = s.sessions().get(0).id();
            }
            assertKept(lab, id, true);
            SyncService.Report second = SyncService.sync(synced, pg.url(), false, SyncService.Listener.NONE);
            assertThat(second.alreadyThere()).hasSize(1);
            assertThat(second.inputsCopied().resistances()).isZero();
            try (Connection c = DriverManager.getConnection(pg.url()); Statement st = c.createStatement()) {
                assertThat(count(st, "SELECT count(*) FROM impedance")).isEqualTo(5);
                assertThat(count(st, "SELECT count(*) FROM resistances")).isEqualTo(2);
            }
            assertKept(lab, replayed(pg.url(), id), false);
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
