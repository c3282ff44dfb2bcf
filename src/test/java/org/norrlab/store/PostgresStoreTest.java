package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.StepTally;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.driver.Speed;
import org.norrlab.labdata.SimulatedAssays;
import org.norrlab.report.ResultRows;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PostgresServer;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session store on a real PostgreSQL server: the same seeded run written into an SQLite file and
 * into PostgreSQL reads back the same through {@link SessionStore}, sample for sample and bit for bit,
 * and gives the same analysis.
 */
class PostgresStoreTest {
    @TempDir
    Path temp;

    private RunOutcome run(StoreLocation store) throws Exception {
        Path protocol = temp.resolve("sweep.yaml");
        Files.writeString(protocol, """
                name: pg sweep
                steps:
                  - ocp: {duration: 30 s, interval: 1 s}
                  - sweep:
                      potentials: [-0.4 V vs RHE, -0.5 V vs RHE, -0.6 V vs RHE, -0.7 V vs RHE]
                      duration: 10 min
                      interval: 20 ms
                """);
        return new RunService(SiteConfig.load(Fixtures.HOME)).prepare(RunRequest.simulated(protocol, Speed.MAX)
                .withDatabase(store).withSeed(11).withPreset("NiNC")).execute(RunListener.NONE);
    }

    @Test
    void aRunReadsBackTheSameFromPostgresAsFromSqlite() throws Exception {
        StoreLocation sqlite = StoreLocation.file(temp.resolve("bench.db"));
        try (PostgresServer pg = PostgresServer.start()) {
            StoreLocation postgres = StoreLocation.parse(pg.url(), temp);
            RunOutcome onFile = run(sqlite);
            RunOutcome onServer = run(postgres);
            assertThat(onServer.status()).as(onServer.reason()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(onServer.counters().samplesDelivered()).isEqualTo(30 + 4 * 30_000);

            try (SessionStore a = SessionStore.open(sqlite); SessionStore b = SessionStore.open(postgres)) {
                long ia = onFile.sessionId();
                long ib = onServer.sessionId();
                StoredSession sa = a.session(ia).orElseThrow();
                StoredSession sb = b.session(ib).orElseThrow();
                assertThat(sb.status()).isEqualTo(SessionStatus.COMPLETED);
                assertThat(sb.protocolText()).isEqualTo(sa.protocolText());
                assertThat(sb.cell()).isEqualTo(sa.cell());
                assertThat(sb.instrument()).isEqualTo(sa.instrument());

                List<StoredStep> stepsA = a.steps(ia);
                List<StoredStep> stepsB = b.steps(ib);
                assertThat(stepsB).hasSize(5);
                for (int k = 0; k < stepsA.size(); k++) {
                    StoredStep x = stepsA.get(k);
                    StoredStep y = stepsB.get(k);
                    // Lists compare doubles with Double.equals, so the OCP step's NaN potentials count as equal.
                    assertThat(List.of(y.kind(), y.voltsVsRhe(), y.voltsVsReference(), y.intervalSeconds(),
                            y.sampleCount(), y.outcome())).isEqualTo(List.of(x.kind(), x.voltsVsRhe(),
                            x.voltsVsReference(), x.intervalSeconds(), x.sampleCount(), x.outcome()));
                    // Every double as it was written: a 4-byte REAL anywhere on the way would change these.
                    assertThat(digest(b, ib, y.index())).as("samples of step " + y.index()).isEqualTo(digest(a, ia, x.index()));
                    StepTally ta = a.tally(ia, x.index());
                    StepTally tb = b.tally(ib, y.index());
                    assertThat(tb.state()).isEqualTo(ta.state());
                }
                assertThat(b.events(ib).stream().map(e -> e.event().kind()).toList())
                        .isEqualTo(a.events(ia).stream().map(e -> e.event().kind()).toList());

                // Analysis inputs live beside the sessions on both: the same assays give the same FE table.
                SimulatedAssays.addTo(a, ia);
                SimulatedAssays.addTo(b, ib);
                assertThat(b.assays().assays(ib)).hasSize(4);
                List<List<String>> rowsA = rows(SessionAnalysis.analyze(a, ia, SessionAnalysis.Options.DEFAULT));
                List<List<String>> rowsB = rows(SessionAnalysis.analyze(b, ib, SessionAnalysis.Options.DEFAULT));
                assertThat(rowsB).hasSize(4).isEqualTo(rowsA);
            }
            try (Connection c = DriverManager.getConnection(pg.url()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT data_type FROM information_schema.columns"
                         + " WHERE table_name = 'samples' AND column_name IN ('t_s', 'e_v', 'i_a') ORDER BY column_name")) {
                List<String> types = new ArrayList<>();
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
                assertThat(types).containsExactly("double precision", "double precision", "double precision");
            }
        }
    }

    @Test
    void benchesOpeningAnEmptyServerAtOnceBuildTheSchemaOnce() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            StoreLocation postgres = StoreLocation.parse(pg.url(), temp);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Long>> ids = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    Callable<Long> open = () -> {
                        try (SessionStore store = SessionStore.open(postgres)) {
                            return store.createSession(new NewSession("p", "p.yaml", "", Fixtures.cellAtPh7(),
                                    new InstrumentIdentity("sim", "sim", "m", "f", "s"),
                                    java.util.Map.of(), "test", java.time.Instant.now()));
                        }
                    };
                    ids.add(pool.submit(open));
                }
                List<Long> made = new ArrayList<>();
                for (Future<Long> f : ids) {
                    made.add(f.get());
                }
                assertThat(made).doesNotHaveDuplicates().hasSize(4);
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = DriverManager.getConnection(pg.url()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), max(version) FROM norrlab_schema")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getInt(2)).isEqualTo(SessionStore.SCHEMA_VERSION);
            }
        }
    }

    @Test
    void aServerLostMidRunStopsTheRunWithTheCellOffAndKeepsWhatWasCommitted() throws Exception {
        Path protocol = anHourAt10Ms();
        try (PostgresServer pg = PostgresServer.start()) {
            StoreLocation postgres = StoreLocation.parse(pg.url(), temp);
            var run = new RunService(SiteConfig.load(Fixtures.HOME)).prepare(RunRequest.simulated(protocol, new Speed(100))
                    .withDatabase(postgres));
            // The server dies once a few thousand samples are committed (60 000 would take 6 s).
            Thread killer = pg.onceCommitted(3000, PostgresServer::kill);
            RunOutcome outcome = run.execute(RunListener.NONE);
            killer.join();

            assertThat(outcome.status()).isEqualTo(SessionStatus.FAILED);
            assertThat(outcome.reason()).contains("the store").contains("marked interrupted");
            assertThat(outcome.result().cellOffConfirmed()).as("the instrument still hears us: cell off").isTrue();
            assertThat(outcome.result().stepsCompleted()).as("the step was stopped").isZero();
            assertThat(outcome.counters().samplesIn()).isLessThan(PLANNED_SAMPLES);

            pg.startServer();
            try (SessionStore store = SessionStore.open(postgres)) {
                long kept = store.tally(outcome.sessionId(), 1).state().samples();
                assertThat(kept).isBetween(3000L, outcome.counters().samplesIn());
                assertThat(store.session(outcome.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.RUNNING);
                assertThat(store.markCutOffSessions(java.time.Duration.ZERO)).containsExactly(outcome.sessionId());
                assertThat(store.session(outcome.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.INTERRUPTED);
            }
        }
    }

    /**
     * Heartbeats and the cut-off check use the server's clock, so that a bench PC whose clock is behind
     * never makes another bench's running session look cut off. Read as epoch seconds: a time zone
     * mistake would show as whole hours here.
     */
    @Test
    void theCutOffClockIsTheServersAndIgnoresTimeZones() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            java.util.TimeZone saved = java.util.TimeZone.getDefault();
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Auckland"));
            try (Connection c = DriverManager.getConnection(pg.url()); Statement s = c.createStatement()) {
                s.execute("SET TIME ZONE 'America/Denver'");
                java.time.Instant server = new PostgresDialect().now(c);
                // Generous, since a busy machine may take seconds between the two readings; a time zone
                // mistake is a whole number of hours (Auckland and Denver are 18 or 20 apart).
                assertThat(java.time.Duration.between(server, java.time.Instant.now()).abs())
                        .isLessThan(java.time.Duration.ofMinutes(10));
            } finally {
                java.util.TimeZone.setDefault(saved);
            }
        }
    }

    /**
     * A server that stops answering without closing the connection (a network dropping packets): the
     * writer gives up after the socket timeout and the run stops with the cell off, instead of hanging.
     * The server is frozen with SIGSTOP; the URL shortens the timeout to 2 s (the default is 30 s).
     */
    @Test
    void aServerThatStopsAnsweringStopsTheRunWithTheCellOffAfterTheSocketTimeout() throws Exception {
        Path protocol = anHourAt10Ms();
        try (PostgresServer pg = PostgresServer.start()) {
            StoreLocation defaults = StoreLocation.parse(pg.url(), temp);
            try (Connection c = Dialect.of(defaults).connect(defaults)) {
                assertThat(c.getNetworkTimeout()).as("default socket timeout, ms").isEqualTo(30_000);
            }
            StoreLocation postgres = StoreLocation.parse(pg.url() + "&socketTimeout=2", temp);
            var run = new RunService(SiteConfig.load(Fixtures.HOME)).prepare(RunRequest.simulated(protocol, new Speed(100))
                    .withDatabase(postgres));
            Thread freezer = pg.onceCommitted(3000, PostgresServer::freeze);
            RunOutcome outcome;
            try {
                outcome = run.execute(RunListener.NONE);
            } finally {
                freezer.join();
                pg.thaw();
            }
            assertThat(outcome.status()).as(outcome.reason()).isEqualTo(SessionStatus.FAILED);
            assertThat(outcome.reason()).contains("the store");
            assertThat(outcome.result().cellOffConfirmed()).isTrue();
            // Frozen at about 3 000 samples, the step was stopped (after the 2 s socket timeout) before its end.
            // How many samples came in meanwhile depends on how fast the machine is, so it is not counted here.
            assertThat(outcome.result().stepsCompleted()).as("the step was stopped").isZero();
            assertThat(outcome.counters().samplesIn()).isLessThan(PLANNED_SAMPLES);
        }
    }

    /**
     * One CA step of 360 000 samples: 36 s at 100x, far longer than it takes to pull the server away once
     * 3 000 are committed, however busy the machine; a run that did not stop would end COMPLETED.
     */
    private Path anHourAt10Ms() throws java.io.IOException {
        Path protocol = temp.resolve("long.yaml");
        Files.writeString(protocol, "name: long\nsteps:\n  - ca: {potential: -0.5 V vs RHE, duration: 60 min, interval: 10 ms}\n");
        return protocol;
    }

    private static final long PLANNED_SAMPLES = 360_000;

    private static List<List<String>> rows(SessionAnalysis.Result result) {
        return result.steps().stream().map(ResultRows::cells).toList();
    }

    /** SHA-256 over every stored field of a step's samples, in order. */
    private static String digest(SessionStore store, long session, int step) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        ByteBuffer row = ByteBuffer.allocate(8 * 5 + 4);
        long[] count = {0};
        store.forEachSample(session, step, (seq, s) -> {
            row.clear();
            row.putLong(seq).putDouble(s.timeSeconds()).putDouble(s.potentialVolts()).putDouble(s.currentAmperes())
                    .putDouble(s.rangeAmperes()).putInt(s.flags());
            md.update(row.array());
            count[0]++;
        });
        return count[0] + ":" + HexFormat.of().formatHex(md.digest());
    }
}
