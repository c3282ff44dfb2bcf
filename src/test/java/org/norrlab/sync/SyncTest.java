package org.norrlab.sync;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.driver.Speed;
import org.norrlab.plan.PlannedStep;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * norrlab sync against a real PostgreSQL server: copies every finished session once, copies nothing
 * twice, and when the server dies mid-copy keeps nothing of the session in flight, so that the next
 * sync completes it. Row counts and a digest of every sample compare both sides.
 */
class SyncTest {
    @TempDir
    Path temp;

    private RunOutcome run(Path bench, String name, int minutesPerStep) throws Exception {
        Path protocol = temp.resolve(name + ".yaml");
        Files.writeString(protocol, "name: " + name + "\nsteps:\n  - ocp: {duration: 20 s, interval: 1 s}\n"
                + "  - sweep: {potentials: [-0.4 V vs RHE, -0.5 V vs RHE, -0.6 V vs RHE], duration: " + minutesPerStep
                + " min, interval: 10 ms}\n");
        return new RunService(SiteConfig.load(Fixtures.HOME)).prepare(RunRequest.simulated(protocol, Speed.MAX)
                .withDatabase(bench)).execute(RunListener.NONE);
    }

    @Test
    void everySessionOnceAndNothingHalfCopiedAfterAnOutage() throws Exception {
        Path bench = temp.resolve("bench.db");
        run(bench, "small", 1);                 // 20 + 3 x 6 000 samples
        run(bench, "large", 10);                // 20 + 3 x 60 000
        try (PostgresServer pg = PostgresServer.start()) {
            SyncService.Report first = SyncService.sync(bench, pg.url(), false, SyncService.Listener.NONE);
            assertThat(first.copied()).containsExactly(1L, 2L);
            assertThat(first.samplesCopied()).isEqualTo(18_020 + 180_020);
            assertSame(bench, pg.url(), 2);
            Map<String, Long> labIds = labIds(pg.url());

            SyncService.Report again = SyncService.sync(bench, pg.url(), false, SyncService.Listener.NONE);
            assertThat(again.copied()).isEmpty();
            assertThat(again.alreadyThere()).containsExactly(1L, 2L);
            assertThat(labIds(pg.url())).as("nothing copied twice or replaced").isEqualTo(labIds);

            // A third session; the server dies while its samples are on the way.
            run(bench, "third", 10);
            SyncService.Listener pullThePlug = new SyncService.Listener() {
                @Override
                public void samplesSent(long localId, long rowsSoFar) {
                    if (localId == 3 && rowsSoFar >= 40_000) {
                        try {
                            pg.kill();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            };
            assertThatThrownBy(() -> SyncService.sync(bench, pg.url(), false, pullThePlug))
                    .isInstanceOf(SyncService.SyncException.class)
                    .hasMessageContaining("the lab database stopped the copy of session 3")
                    .hasMessageContaining("Nothing of that session was kept there; 0 sessions were copied before it");
            pg.startServer();
            assertThat(labIds(pg.url())).as("session 3 rolled back whole").isEqualTo(labIds);
            assertThat(count(pg.url(), "SELECT count(*) FROM samples")).isEqualTo(18_020 + 180_020);

            SyncService.Report after = SyncService.sync(bench, pg.url(), false, SyncService.Listener.NONE);
            assertThat(after.copied()).containsExactly(3L);
            assertThat(after.alreadyThere()).containsExactly(1L, 2L);
            assertSame(bench, pg.url(), 3);
            assertThat(count(pg.url(), "SELECT count(DISTINCT uid) FROM sessions")).isEqualTo(3);
        }
    }

    @Test
    void aRunningSessionIsLeftOutOrCopiedAndThenReplacedWhole() throws Exception {
        Path bench = temp.resolve("bench.db");
        long id;
        try (SessionStore store = SessionStore.open(bench)) {
            id = store.createSession(new NewSession("live", "live.yaml", "", Fixtures.cellAtPh7(),
                    new InstrumentIdentity("sim", "sim", "m", "f", "s"), Map.of(), "test", java.time.Instant.now()));
            writeSamples(store, id, 0, 500, false);
        }
        try (PostgresServer pg = PostgresServer.start()) {
            SyncService.Report skipped = SyncService.sync(bench, pg.url(), false, SyncService.Listener.NONE);
            assertThat(skipped.skippedRunning()).containsExactly(id);
            assertThat(labIds(pg.url())).isEmpty();

            SyncService.Report partial = SyncService.sync(bench, pg.url(), true, SyncService.Listener.NONE);
            assertThat(partial.copied()).containsExactly(id);
            assertSame(bench, pg.url(), 1);
            Map<String, Long> before = labIds(pg.url());
            long labId = before.values().iterator().next();
            // The lab is a session store like a bench's: it lists the copy, and an assay can be entered against it
            // there. A running copy is the sync's to refresh, so opening the store does not mark it cut off.
            StoreLocation labStore = StoreLocation.parse(pg.url(), temp);
            try (SessionStore store = SessionStore.open(labStore)) {
                assertThat(store.markCutOffSessions(java.time.Duration.ZERO)).isEmpty();
                assertThat(store.session(labId).orElseThrow().status()).isEqualTo(SessionStatus.RUNNING);
                assertThat(store.steps(labId)).hasSize(1);
                store.assays().addAssay(labId, new Assay(0, 1, Product.NH3,
                        Assay.Kind.CONCENTRATION, Measure.relative(2.5, 0.02),
                        "µg/mL NH4+-N", java.util.Optional.empty(), 1, 0, java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.empty(), "lab", "entered in the lab",
                        java.time.Instant.now()));
            }

            // The run goes on and ends; the next sync replaces the copy's rows (all samples, new status) under the
            // same lab id, so the assay entered in the lab stays attached.
            try (SessionStore store = SessionStore.open(bench)) {
                writeSamples(store, id, 500, 1200, true);
                store.finishSession(id, SessionStatus.COMPLETED, "all 1 steps completed");
            }
            SyncService.Report finished = SyncService.sync(bench, pg.url(), true, SyncService.Listener.NONE);
            assertThat(finished.replaced()).containsExactly(id);
            assertSame(bench, pg.url(), 1);
            assertThat(labIds(pg.url())).isEqualTo(before);
            try (SessionStore store = SessionStore.open(labStore)) {
                assertThat(store.session(labId).orElseThrow().status()).isEqualTo(SessionStatus.COMPLETED);
                assertThat(store.assays().assays(labId)).extracting(Assay::note)
                        .containsExactly("entered in the lab");
                assertThat(store.steps(labId).get(0).sampleCount()).isEqualTo(1200);
            }
            assertThat(count(pg.url(), "SELECT count(*) FROM samples")).isEqualTo(1200);
            assertThat(count(pg.url(), "SELECT count(*) FROM sessions WHERE status = 'completed'")).isEqualTo(1);
        }
    }

    /** Samples {@code from} .. {@code to}-1 of one CA step, as the store writer gets them; the step ends if asked. */
    private static void writeSamples(SessionStore store, long id, int from, int to, boolean end)
            throws Exception {
        var ca = new PlannedStep.Chronoamperometry(1, "CA", new Potential(-0.5,
                Potential.Scale.RHE), -0.5, -1.111, java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1200), CurrentRangeChoice.AUTO,
                new Location(Path.of("live.yaml"), 1, 1));
        try (var writer = store.writer(id)) {
            if (from == 0) {
                writer.accept(new AcquisitionRecord.StepStarted(ca, java.time.Instant.now(), 0), false);
            }
            for (int k = from; k < to; k++) {
                writer.accept(new AcquisitionRecord.SampleTaken(1, k, new Sample(
                        k + 1, -1.111, -0.01 - 1e-6 * k, 0.1, 0)), false);
            }
            if (end) {
                writer.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, to, to, Double.NaN,
                        java.time.Instant.now()), true);
            } else {
                writer.accept(new AcquisitionRecord.EventSeen(1, Event.of(
                        EventKind.NOTE, from, "still running"), java.time.Instant.now()), true);
            }
        }
    }

    @Test
    void anUnreachableServerIsReportedAndNothingChanges() throws Exception {
        Path bench = temp.resolve("bench.db");
        run(bench, "small", 1);
        assertThatThrownBy(() -> SyncService.sync(bench, "jdbc:postgresql://127.0.0.1:1/norrlab?user=x&password=secret",
                false, SyncService.Listener.NONE))
                .isInstanceOf(SyncService.SyncException.class)
                .hasMessageContaining("cannot reach the lab database jdbc:postgresql://127.0.0.1:1/norrlab?user=x&password=***")
                .hasMessageContaining("nothing was copied");
    }

    /** Same sessions, same rows in every table, same samples bit for bit (a digest over all of them). */
    private static void assertSame(Path bench, String labUrl, int sessions) throws Exception {
        try (Connection local = DriverManager.getConnection("jdbc:sqlite:" + bench);
             Connection lab = DriverManager.getConnection(labUrl)) {
            Map<String, Long> labIds = labIds(labUrl);
            assertThat(labIds).hasSize(sessions);
            try (PreparedStatement ps = local.prepareStatement("SELECT id, uid FROM sessions ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long localId = rs.getLong(1);
                    long labId = labIds.get(rs.getString(2));
                    for (String table : List.of("samples", "steps", "events", "step_tallies", "wire")) {
                        assertThat(count(lab, "SELECT count(*) FROM " + table + " WHERE session_id = " + labId))
                                .as("%s of session %d", table, localId)
                                .isEqualTo(count(local, "SELECT count(*) FROM " + table + " WHERE session_id = " + localId));
                    }
                    assertThat(digest(lab, labId)).as("samples of session %d", localId).isEqualTo(digest(local, localId));
                }
            }
        }
    }

    private static String digest(Connection c, long sessionId) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (PreparedStatement ps = c.prepareStatement("SELECT step_index, seq, t_s, e_v, i_a, range_a, flags FROM samples"
                + " WHERE session_id = ? ORDER BY step_index, seq")) {
            ps.setLong(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    row.append(rs.getInt(1)).append(',').append(rs.getLong(2)).append(',').append(rs.getDouble(3)).append(',')
                            .append(rs.getDouble(4)).append(',');
                    double i = rs.getDouble(5);
                    row.append(rs.wasNull() ? "null" : Double.toString(i)).append(',');
                    double range = rs.getDouble(6);
                    row.append(rs.wasNull() ? "null" : Double.toString(range)).append(',').append(rs.getInt(7)).append('\n');
                    md5.update(row.toString().getBytes());
                }
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static Map<String, Long> labIds(String labUrl) throws Exception {
        Map<String, Long> ids = new TreeMap<>();
        try (Connection lab = DriverManager.getConnection(labUrl);
             ResultSet rs = lab.createStatement().executeQuery("SELECT uid, id FROM sessions")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            return count(c, sql);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
