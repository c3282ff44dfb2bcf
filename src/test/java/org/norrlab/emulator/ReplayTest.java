package org.norrlab.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.StepOutcome;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.Sample;
import org.norrlab.driver.Speed;
import org.norrlab.run.PreparedRun;
import org.norrlab.run.ReplayService;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;
import org.norrlab.transport.WireLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A replayed recording reproduces the original's samples exactly, through the same driver, core and store. */
class ReplayTest {
    @TempDir
    Path temp;

    private Path protocol() throws Exception {
        Path file = temp.resolve("short.yaml");
        Files.writeString(file, """
                steps:
                  - ocp: {duration: 3 s, interval: 500 ms}
                  - sweep:
                      potentials: [-0.5 V vs RHE, -0.6 V vs RHE]
                      duration: 20 s
                      interval: 100 ms
                """);
        return file;
    }

    private static List<String> samples(SessionStore store, long session) throws Exception {
        List<String> rows = new ArrayList<>();
        for (StoredStep step : store.steps(session)) {
            rows.add("step " + step.index() + " " + step.kind() + " " + step.outcome().map(StepOutcome::dbName).orElse("?") + " " + step.sampleCount());
            store.forEachSample(session, step.index(), (seq, s) -> rows.add(step.index() + "/" + seq + " " + describe(s)));
        }
        return rows;
    }

    /** The bytes each way, in order, without their times and without link records. */
    private static String conversation(SessionStore store, long session) throws Exception {
        StringBuilder text = new StringBuilder();
        for (var chunk : store.wire(session)) {
            if (chunk.direction() != WireLog.Direction.LINK) {
                text.append(chunk.direction() == WireLog.Direction.HOST ? "> " : "< ")
                        .append(new String(chunk.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    /** Events as the session tells them: step, instrument time, kind, message and values (not the wall time). */
    private static List<String> events(SessionStore store, long session) throws Exception {
        List<String> rows = new ArrayList<>();
        for (StoredEvent e : store.events(session)) {
            rows.add(e.stepIndex() + " " + e.event().timeSeconds() + " " + e.event().kind() + " " + e.event().message()
                    + " " + new java.util.TreeMap<>(e.event().values()));
        }
        return rows;
    }

    @Test
    void aRecoveredLostLinkReplaysExactly() throws Exception {
        Path db = temp.resolve("recovered.db");
        Path protocol = temp.resolve("long.yaml");
        // 250 ms intervals: the stall limit (20 intervals, 5 s) leaves the test time to pull the plug after the emulator went quiet.
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 10 s, interval: 250 ms}\n");
        SiteConfig site = SiteConfig.load(Fixtures.HOME);
        RunService service = new RunService(new SiteConfig(site.home(), site.dataDirectory(), site.cell(), site.safety(),
                java.time.Duration.ofSeconds(30)));
        PtyPair pty = new PtyPair(temp);
        // The emulator goes quiet after 20 samples, the cable is pulled (socat killed), and the same instrument
        // (same serial number) comes back on the port.
        Emulators.Running first = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(), Fixtures.cellAtPh7(),
                new Speed(4), Optional.of("NiNC"), 8, Faults.NONE.withVanishAfter(20));
        PreparedRun run = service.prepare(new RunRequest(protocol, "emstat4-hr", Speed.REAL_TIME, Optional.empty(), Optional.empty(),
                Optional.of(pty.host()), Optional.of(StoreLocation.file(db))));
        java.util.concurrent.CompletableFuture<RunOutcome> running = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute(RunListener.NONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        first.thread().join(60_000);
        first.close();
        pty.restart();
        RunOutcome original;
        try (Emulators.Running again = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(), Fixtures.cellAtPh7(),
                new Speed(4), Optional.of("NiNC"), 8, Faults.NONE)) {
            original = running.get(120, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pty.close();
        }
        assertThat(original.status()).as(original.reason()).isEqualTo(SessionStatus.COMPLETED);

        RunOutcome replayed;
        try (SessionStore store = SessionStore.open(db)) {
            replayed = ReplayService.prepare(service, store, original.sessionId(), Speed.MAX,
                    StoreLocation.file(db)).execute(RunListener.NONE);
        }
        assertThat(replayed.status()).as(replayed.reason()).isEqualTo(SessionStatus.COMPLETED);
        try (SessionStore store = SessionStore.open(db)) {
            List<String> events = events(store, original.sessionId());
            assertThat(events).anyMatch(e -> e.contains(" GAP link lost")).anyMatch(e -> e.contains(" RECONNECT reconnected after"));
            List<String> before = samples(store, original.sessionId());
            assertThat(before.size()).as("samples on both sides of the gap").isGreaterThan(20 + 1);
            assertThat(events(store, replayed.sessionId())).isEqualTo(events);
            assertThat(samples(store, replayed.sessionId())).isEqualTo(before);
        }
    }

    private static String describe(Sample s) {
        return s.timeSeconds() + " " + s.potentialVolts() + " " + s.currentAmperes() + " " + s.rangeAmperes() + " " + s.flags();
    }

    private RunOutcome record(Path db, PtyPair pty) throws Exception {
        RunRequest request = new RunRequest(protocol(), "emstat4-hr", Speed.REAL_TIME, Optional.empty(), Optional.empty(),
                Optional.of(pty.host()), Optional.of(StoreLocation.file(db)));
        SiteConfig site = SiteConfig.load(Fixtures.HOME);
        // A short reconnect window: the lost-link test must not wait the site's five minutes.
        SiteConfig quick = new SiteConfig(site.home(), site.dataDirectory(), site.cell(), site.safety(), java.time.Duration.ofSeconds(2));
        return new RunService(quick).prepare(request).execute(RunListener.NONE);
    }

    @Test
    void aSerialRecordingReplaysToTheSameSamples() throws Exception {
        Path db = temp.resolve("rec.db");
        RunOutcome original;
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(), Fixtures.cellAtPh7(),
                     new Speed(40), Optional.of("NiNC"), 8, Faults.NONE.withMaxChunk(7))) {
            original = record(db, pty);
        }
        assertThat(original.status()).as(original.reason()).isEqualTo(SessionStatus.COMPLETED);
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
        PreparedRun replay;
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.wire(original.sessionId())).hasSizeGreaterThan(100);
            replay = ReplayService.prepare(service, store, original.sessionId(), Speed.MAX, StoreLocation.file(db));
        }
        RunOutcome replayed = replay.execute(RunListener.NONE);
        assertThat(replayed.status()).as(replayed.reason()).isEqualTo(SessionStatus.COMPLETED);

        try (SessionStore store = SessionStore.open(db)) {
            List<String> before = samples(store, original.sessionId());
            assertThat(before).hasSize(3 + 6 + 200 + 200);
            assertThat(samples(store, replayed.sessionId())).isEqualTo(before);
            // The replay exchanged exactly what the run did, its close included: every command had its recorded answer.
            assertThat(conversation(store, replayed.sessionId())).isEqualTo(conversation(store, original.sessionId()));
            assertThat(replayed.result().cellOffConfirmed()).isTrue();
            assertThat(store.session(replayed.sessionId()).orElseThrow().replayOf()).contains(original.sessionId());
            assertThat(store.session(replayed.sessionId()).orElseThrow().instrument().firmware()).startsWith("es4_hr1500#");
        }
    }

    @Test
    void aLostLinkHappensAgainAtTheSamePlace() throws Exception {
        Path db = temp.resolve("lost.db");
        RunOutcome original;
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(), Fixtures.cellAtPh7(),
                     new Speed(10), Optional.of("NiNC"), 8, Faults.NONE)) {
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(1500);
                    pty.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.start();
            original = record(db, pty);
            killer.join();
        }
        assertThat(original.status()).isEqualTo(SessionStatus.INTERRUPTED);
        assertThat(original.reason()).contains("link lost").contains("the link stayed lost for").contains("reconnect_for 2 s");
        RunOutcome replayed;
        try (SessionStore store = SessionStore.open(db)) {
            replayed = ReplayService.prepare(new RunService(SiteConfig.load(Fixtures.HOME)), store, original.sessionId(),
                    Speed.MAX, StoreLocation.file(db)).execute(RunListener.NONE);
        }
        // The replay reconnects as the run did, and gives up at once where the recording never got the instrument back.
        assertThat(replayed.status()).isEqualTo(SessionStatus.INTERRUPTED);
        assertThat(replayed.reason()).contains("link lost").contains("(replayed) the recorded run did not get the instrument back");
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(samples(store, replayed.sessionId())).isEqualTo(samples(store, original.sessionId()));
            assertThat(events(store, replayed.sessionId())).isEqualTo(events(store, original.sessionId()));
        }
    }

    @Test
    void aRecordedDeviceErrorHappensAgainAfterTheSameSamples() throws Exception {
        Path db = temp.resolve("error.db");
        RunOutcome original;
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(), Fixtures.cellAtPh7(),
                     new Speed(40), Optional.of("NiNC"), 8, Faults.NONE.withErrorAfter(31))) {
            original = record(db, pty);
        }
        assertThat(original.reason()).contains("error 0032");
        RunOutcome replayed;
        try (SessionStore store = SessionStore.open(db)) {
            replayed = ReplayService.prepare(new RunService(SiteConfig.load(Fixtures.HOME)), store, original.sessionId(),
                    Speed.MAX, StoreLocation.file(db)).execute(RunListener.NONE);
        }
        assertThat(replayed.reason()).isEqualTo(original.reason());
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(samples(store, replayed.sessionId())).isEqualTo(samples(store, original.sessionId()));
        }
    }

    @Test
    void aSimulatorSessionRunsAgainFromItsSeed() throws Exception {
        Path db = temp.resolve("sim.db");
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
        RunOutcome original = service.prepare(RunRequest.simulated(protocol(), Speed.MAX).withDatabase(db).withPreset("CoS1-x"))
                .execute(RunListener.NONE);
        RunOutcome replayed;
        try (SessionStore store = SessionStore.open(db)) {
            replayed = ReplayService.prepare(service, store, original.sessionId(), Speed.MAX, StoreLocation.file(db)).execute(RunListener.NONE);
        }
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(samples(store, replayed.sessionId())).isEqualTo(samples(store, original.sessionId()));
            assertThat(store.session(replayed.sessionId()).orElseThrow().runOptions()).containsEntry("catalyst_preset", "CoS1-x");
        }
    }

    @Test
    void aChangedProtocolIsReportedInsteadOfPretending() throws Exception {
        Path db = temp.resolve("changed.db");
        RunOutcome original;
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(), Fixtures.cellAtPh7(),
                     new Speed(40), Optional.of("NiNC"), 8, Faults.NONE)) {
            original = record(db, pty);
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.executeUpdate("UPDATE sessions SET protocol_text = replace(protocol_text, '-0.6 V vs RHE', '-0.65 V vs RHE')");
        }
        RunOutcome replayed;
        try (SessionStore store = SessionStore.open(db)) {
            replayed = ReplayService.prepare(new RunService(SiteConfig.load(Fixtures.HOME)), store, original.sessionId(),
                    Speed.MAX, StoreLocation.file(db)).execute(RunListener.NONE);
        }
        assertThat(replayed.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(replayed.reason()).contains("the replayed run differs from the recorded one")
                .contains("this run sends '…\\nset_range_minmax da -1261115u").contains("the recording has '…\\nset_range_minmax da -1211115u")
                .contains("change neither");
    }

    @Test
    void aSessionThatDoesNotExistIsNamed() throws Exception {
        Path db = temp.resolve("none.db");
        try (SessionStore store = SessionStore.open(db)) {
            assertThatThrownBy(() -> ReplayService.prepare(new RunService(SiteConfig.load(Fixtures.HOME)), store, 9,
                    Speed.MAX, StoreLocation.file(db))).hasMessageContaining("there is no session 9");
        }
    }
}
