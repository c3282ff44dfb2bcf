package org.norrlab.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.StepOutcome;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.driver.Speed;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.run.PreparedRun;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.scheduler.RunState;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredEvent;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;
import org.norrlab.testing.StateLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The socat behind the pty is killed mid-step and started again: the run reconnects and finishes the step. */
class ReconnectTest {
    @TempDir
    Path temp;

    // The emulator runs four times faster than real time: the step's times follow the instrument's clock.
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"emstat4-hr", "rodeostat"})
    void aLostLinkIsRecoveredAndTheStepFinishesWithTheGapRecorded(String profile) throws Exception {
        Path protocol = temp.resolve("p.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 12 s, interval: 100 ms}\n");
        Path db = temp.resolve("rc.db");
        SiteConfig site = SiteConfig.load(Fixtures.HOME);
        PtyPair pty = new PtyPair(temp);
        Emulators.Running emulator = Emulators.start(Fixtures.HOME, profile, pty.device(), Fixtures.cellAtPh7(),
                new Speed(4), Optional.of("NiNC"), 4, Faults.NONE);
        PreparedRun run = new RunService(new SiteConfig(site.home(), site.dataDirectory(), site.cell(), site.safety(),
                Duration.ofSeconds(20))).prepare(new RunRequest(protocol, profile, Speed.REAL_TIME, Optional.empty(),
                Optional.empty(), Optional.of(pty.host()), Optional.of(StoreLocation.file(db))));
        StateLog log = new StateLog();
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute(log);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (run.statistics().snapshot().samples() < 25) {
            Thread.sleep(10);
        }
        pty.kill();
        emulator.close();
        Thread.sleep(1500);
        pty.restart();
        // The same instrument (same serial number) comes back on the same port.
        Emulators.Running again = Emulators.start(Fixtures.HOME, profile, pty.device(), Fixtures.cellAtPh7(),
                new Speed(4), Optional.of("NiNC"), 4, Faults.NONE);
        RunOutcome result = outcome.get(60, TimeUnit.SECONDS);
        again.close();
        pty.close();

        assertThat(result.status()).as(result.reason()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(log.states()).as("the run was RECONNECTING while the link was lost, then ran the step to its end")
                .containsExactly(RunState.RUNNING, RunState.RECONNECTING, RunState.RUNNING, RunState.COMPLETED);
        try (SessionStore store = SessionStore.open(db)) {
            var step = store.steps(result.sessionId()).get(0);
            assertThat(step.outcome()).contains(StepOutcome.COMPLETED);
            List<Double> times = new ArrayList<>();
            store.forEachSample(result.sessionId(), 1, (seq, s) -> times.add(s.timeSeconds()));
            assertThat(times).isSorted();
            assertThat(times.get(times.size() - 1)).isLessThanOrEqualTo(12.0 + 1e-9);
            // The 25 from before the cut, at least one after it, and fewer than 120: the gap lost some. How many
            // came after depends on how long the reconnect took on this machine.
            assertThat(times.size()).isBetween(26, 119);
            // The samples on both sides of the gap are kept, and the gap is longer than two intervals.
            double largest = 0;
            for (int i = 1; i < times.size(); i++) {
                largest = Math.max(largest, times.get(i) - times.get(i - 1));
            }
            assertThat(largest).isGreaterThan(1.0);
            List<StoredEvent> events = store.events(result.sessionId());
            assertThat(events).anyMatch(e -> e.event().kind() == EventKind.GAP && e.event().message().startsWith("link lost"));
            StoredEvent reconnect = events.stream().filter(e -> e.event().kind() == EventKind.RECONNECT).findFirst().orElseThrow();
            assertThat(reconnect.event().values().get("gap_s")).isGreaterThan(1.0);
            var analysis = SessionAnalysis.analyze(store, result.sessionId(), SessionAnalysis.Options.DEFAULT);
            assertThat(analysis.steps().get(0).hasGap()).isTrue();
        }
    }

    /**
     * An instrument whose clock runs 20 times faster than the wall clock (an accelerated emulator): the
     * step's time after the gap goes on from its last sample, never back, and the step keeps its length.
     */
    @Test
    void anAcceleratedInstrumentsStepGoesOnForwardAfterTheGap() throws Exception {
        Path protocol = temp.resolve("fast.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 30 s, interval: 100 ms}\n");
        Path db = temp.resolve("fast.db");
        SiteConfig site = SiteConfig.load(Fixtures.HOME);
        PtyPair pty = new PtyPair(temp);
        Emulators.Running emulator = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(), Fixtures.cellAtPh7(),
                new Speed(20), Optional.of("NiNC"), 4, Faults.NONE);
        PreparedRun run = new RunService(new SiteConfig(site.home(), site.dataDirectory(), site.cell(), site.safety(),
                Duration.ofSeconds(20))).prepare(new RunRequest(protocol, "emstat4-hr", Speed.REAL_TIME, Optional.empty(),
                Optional.empty(), Optional.of(pty.host()), Optional.of(StoreLocation.file(db))));
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute(RunListener.NONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (run.statistics().snapshot().samples() < 100) {
            Thread.sleep(5);
        }
        pty.kill();
        emulator.close();
        pty.restart();
        Emulators.Running again = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(), Fixtures.cellAtPh7(),
                new Speed(20), Optional.of("NiNC"), 4, Faults.NONE);
        RunOutcome result = outcome.get(60, TimeUnit.SECONDS);
        again.close();
        pty.close();

        assertThat(result.status()).as(result.reason()).isEqualTo(SessionStatus.COMPLETED);
        try (SessionStore store = SessionStore.open(db)) {
            List<Double> times = new ArrayList<>();
            store.forEachSample(result.sessionId(), 1, (seq, s) -> times.add(s.timeSeconds()));
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i)).as("sample %d after %s s", i, times.get(i - 1)).isGreaterThan(times.get(i - 1));
            }
            assertThat(times.get(times.size() - 1)).isLessThanOrEqualTo(30.0 + 1e-9);
            assertThat(times.size()).isLessThan(300);
            List<StoredEvent> events = store.events(result.sessionId());
            double lastBefore = events.stream().filter(e -> e.event().kind() == EventKind.GAP).findFirst().orElseThrow()
                    .event().values().get("last_sample_s");
            StoredEvent reconnect = events.stream().filter(e -> e.event().kind() == EventKind.RECONNECT).findFirst().orElseThrow();
            assertThat(reconnect.event().timeSeconds()).isEqualTo(lastBefore + reconnect.event().values().get("gap_s"));
            assertThat(store.tally(result.sessionId(), 1).state().monotonic()).isTrue();
        }
    }
}
