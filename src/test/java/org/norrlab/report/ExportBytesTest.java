package org.norrlab.report;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.driver.Speed;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streamed CSV export (SampleText, CsvSampleRows, forEachSample by column position) writes byte for byte what the
 * printf export wrote before issue 23 ({@link PrintfCsvExport}, kept as the oracle, with the shortest decimals), over a session with awkward
 * values: NaN (NULL) potentials, currents and ranges, 0 V and 0 A that must not turn into NaN, ±0, subnormal, tiny and
 * huge magnitudes, the decimal/exponent boundaries of Double.toString, sweep samples with cycle and segment, an
 * impedance spectrum, with and without an R_u (the E_iR column), and steps longer than one chunk of rows.
 */
class ExportBytesTest {
    @TempDir
    Path temp;
    Path db;
    long session;

    @BeforeEach
    void awkwardSession() throws Exception {
        db = temp.resolve("awkward.db");
        Path protocol = temp.resolve("p.yaml");
        // CA of 10 000 samples: two full chunks of CsvSampleRows and a part of one; the CV gives cycle and segment
        Files.writeString(protocol, """
                steps:
                  - ocp: {duration: 3 s, interval: 1 s}
                  - ca: {potential: -0.5 V vs RHE, duration: 100 s, interval: 10 ms}
                  - cv: {begin: 0.2 V vs RHE, vertex1: -0.1 V vs RHE, vertex2: 0.3 V vs RHE, cycles: 2, scan_rate: 100 mV/s, step: 5 mV}
                """);
        RunOutcome run = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(db)).execute(RunListener.NONE);
        session = run.sessionId();
        // bound as doubles, so that each is stored exactly (SQLite's own text-to-double is not correctly rounded);
        // null is SQL NULL, which the store reads as NaN. SQLite stores -0.0 as the integer 0: it comes back as 0.0.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            set(c, 0, null, -1.0E-6, 1.0E-6, 1);
            set(c, 1, -1.1, null, null, 32);
            set(c, 2, 0.0, 0.0, 0.0, 0);
            set(c, 3, -0.0, -0.0, 0.1, 0);
            set(c, 4, Double.MIN_VALUE, -1.0E-300, Double.MAX_VALUE, 0);
            set(c, 5, 0.001, 1.0E-4, 9999999.0, 0);
            set(c, 6, 0.0009999999999999998, 1.0E7, 2.0E23, 0);
            set(c, 7, -1.0E-7, 123456789.125, null, 0);
            set(c, 4095, null, null, null, 33);
            set(c, 4096, null, 5.0, 1.0, 0);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE samples SET t_s = 0.0 WHERE session_id = " + session + " AND step_index = 2 AND seq = 8");
            }
        }
        try (SessionStore store = SessionStore.open(db)) {
            store.impedance().addSpectrum(session, 1, List.of(
                    new ImpedancePoint(0.5, 100_000.0, 12.5, -0.25, -0.1, Double.NaN, 1e-3, 0),
                    ImpedancePoint.missing(1.5, 10_000.0, 0),
                    new ImpedancePoint(2.5, 1_000.0, 13.0, -4.0E-5, 0.0, 1.0E-9, Double.NaN, 1)));
        }
    }

    /** Sets the potential, current, range and flags of CA sample {@code seq}. */
    private void set(Connection c, long seq, Double potential, Double current, Double range, int flags) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("UPDATE samples SET e_v = ?, i_a = ?, range_a = ?, flags = ?"
                + " WHERE session_id = ? AND step_index = 2 AND seq = ?")) {
            Double[] values = {potential, current, range};
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    ps.setNull(i + 1, Types.REAL);
                } else {
                    ps.setDouble(i + 1, values[i]);
                }
            }
            ps.setInt(4, flags);
            ps.setLong(5, session);
            ps.setLong(6, seq);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void csvIsByteForByteThePrintfExport() throws Exception {
        try (SessionStore store = SessionStore.open(db)) {
            StoredSession stored = store.session(session).orElseThrow();
            assertThat(store.steps(session)).extracting(StoredStep::sampleCount).contains(10_000L);
            byte[] now = exported(store, stored);
            assertThat(new String(now, StandardCharsets.UTF_8))
                    .contains("\n2,0,0.01,,-1.0E-6,1.0E-6,1,,\n")
                    .contains("\n2,1,0.02,-1.1,,,32,,\n")
                    .contains("\n2,2,0.03,0.0,0.0,0.0,0,,\n")
                    .contains("\n2,3,0.04,0.0,0.0,0.1,0,,\n")
                    .contains("\n2,4,0.05,4.9E-324,-1.0E-300,1.7976931348623157E308,0,,\n")
                    .contains("\n2,5,0.06,0.001,1.0E-4,9999999.0,0,,\n")
                    // Java 17's Double.toString is not always the shortest: 2.0E23 prints as 1.9999999999999998E23
                    // (JDK-4511638, fixed in 19); the export writes the shortest, as Java 19 on do
                    .contains("\n2,6,0.07,9.999999999999998E-4,1.0E7,2.0E23,0,,\n")
                    .contains("\n2,7,0.08,-1.0E-7,1.23456789125E8,,0,,\n")
                    .containsPattern("\n2,8,0.0,-?[0-9.]+,")
                    .contains("\n2,4095,40.96,,,,33,,\n")
                    .contains("\n2,4096,40.97,,5.0,1.0,0,,\n")
                    .containsPattern("\n3,0,[^\n]*,1,1\n");
            assertThat(now).isEqualTo(oracle(store, stored));
        }
    }

    @Test
    void csvWithAnRuIsByteForByteThePrintfExport() throws Exception {
        try (SessionStore store = SessionStore.open(db)) {
            store.impedance().recordResistance(session, new UncompensatedResistance(12.5, 0.0421,
                    UncompensatedResistance.RANDLES_FIT, OptionalInt.of(1), 0.2, Instant.parse("2026-12-01T11:00:00Z"),
                    "Randles fit, 3 points"));
            StoredSession stored = store.session(session).orElseThrow();
            byte[] now = exported(store, stored);
            assertThat(new String(now, StandardCharsets.UTF_8)).contains("E_iR_V_vs_RE");
            assertThat(now).isEqualTo(oracle(store, stored));
        }
    }

    /** JSON and JSON Lines write the samples forEachSample hands them: those are the samples it read before. */
    @Test
    void forEachSampleReadsWhatItReadBefore() throws Exception {
        try (SessionStore store = SessionStore.open(db)) {
            for (StoredStep step : store.steps(session)) {
                List<PrintfCsvExport.OldRow> now = new ArrayList<>();
                store.forEachSample(session, step.index(), (seq, s) -> now.add(new PrintfCsvExport.OldRow(seq, s)));
                // record equality compares doubles as Double.compare does: 0.0 is not -0.0, NaN equals NaN
                assertThat(now).as("step %d", step.index()).isNotEmpty()
                        .isEqualTo(PrintfCsvExport.samples(db, session, step.index()));
            }
        }
    }

    /** A row the store cannot turn into a sample stops the export with the store's refusal, not a half file and a hang. */
    @Test
    void aBadRowStopsTheExportWithItsReason() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE samples SET flags = 32 WHERE session_id = " + session + " AND step_index = 2 AND seq = 9000");
        }
        try (SessionStore store = SessionStore.open(db)) {
            StoredSession stored = store.session(session).orElseThrow();
            assertThatThrownBy(() -> exported(store, stored))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("sample 9000 of session " + session + " step 2")
                    .hasMessageContaining("NO_CURRENT");
        }
    }

    private static byte[] exported(SessionStore store, StoredSession stored) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionExporter.write(store, stored, SessionExporter.Format.CSV, out);
        return out.toByteArray();
    }

    private byte[] oracle(SessionStore store, StoredSession stored) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        PrintfCsvExport.csv(store, db, stored, writer);
        writer.flush();
        return out.toByteArray();
    }
}
