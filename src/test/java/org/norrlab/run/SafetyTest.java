package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.driver.OpenCircuitRequest;
import org.norrlab.driver.Speed;
import org.norrlab.emulator.Emulators;
import org.norrlab.emulator.Faults;
import org.norrlab.safety.Breach;
import org.norrlab.safety.SafetyEnvelope;
import org.norrlab.safety.SafetyMonitor;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredEvent;
import org.norrlab.testing.CollectingSink;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;
import org.norrlab.testing.ScriptedPotentiostat;
import org.norrlab.testing.WireTranscripts;
import org.norrlab.transport.WireLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The safety envelope stops a step and switches the cell off; the watchdog catches a stalled instrument. */
class SafetyTest {
    @TempDir
    Path temp;

    private Path protocol(String safety) throws Exception {
        Path file = temp.resolve("p.yaml");
        Files.writeString(file, "safety: " + safety + "\nsteps:\n"
                + "  - ca: {potential: -0.5 V vs RHE, duration: 2 min, interval: 100 ms}\n"
                + "  - ca: {potential: -0.4 V vs RHE, duration: 1 min, interval: 100 ms}\n");
        return file;
    }

    @Test
    void aCurrentAboveTheLimitStopsTheStepRecordsTheValuesAndTheRunGoesOn() throws Exception {
        Path db = temp.resolve("s.db");
        RunOutcome outcome = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(protocol("{max_current: 10 mA}"), new Speed(200)).withDatabase(db))
                .execute(RunListener.NONE);
        assertThat(outcome.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(outcome.reason()).isEqualTo("1 steps completed, 1 stopped by the safety envelope");
        try (SessionStore store = SessionStore.open(db)) {
            var steps = store.steps(outcome.sessionId());
            assertThat(steps.get(0).outcome()).contains(StepOutcome.ABORTED);
            assertThat(steps.get(0).sampleCount()).isLessThan(1200);
            assertThat(steps.get(1).outcome()).contains(StepOutcome.COMPLETED);
            StoredEvent breach = store.events(outcome.sessionId()).stream()
                    .filter(e -> e.event().kind() == EventKind.ENVELOPE_BREACH).findFirst().orElseThrow();
            assertThat(breach.stepIndex()).isEqualTo(1);
            assertThat(breach.event().message()).contains("|I| = 0.014").contains("above the envelope's 0.01000 A");
            assertThat(breach.event().values().get("current_A")).isCloseTo(-0.0145, within(0.0005));
            assertThat(breach.event().values().get("limit_A")).isEqualTo(0.01);
        }
    }

    @Test
    void everyStepThatBreaksTheEnvelopeIsStoppedNotOnlyTheFirst() throws Exception {
        Path db = temp.resolve("two.db");
        RunOutcome outcome = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(protocol("{max_current: 3 mA}"), new Speed(200)).withDatabase(db))
                .execute(RunListener.NONE);
        assertThat(outcome.reason()).isEqualTo("0 steps completed, 2 stopped by the safety envelope");
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.events(outcome.sessionId()).stream().filter(e -> e.event().kind() == EventKind.ENVELOPE_BREACH)
                    .map(StoredEvent::stepIndex)).containsExactly(1, 2);
        }
    }

    @Test
    void aWorkingElectrodeOutsideTheWindowWhileTheCellIsOnIsABreach() throws Exception {
        // The plan's potentials pass the window check, but the instrument reports the electrode 0.2 V away.
        SafetyEnvelope envelope = new SafetyEnvelope(Optional.of(-0.6), Optional.of(0.0),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        List<Breach> breaches = new java.util.ArrayList<>();
        var monitor = new SafetyMonitor(envelope, Fixtures.cellAtPh7().rheScale(), breaches::add);
        var sink = monitor.watch(1, new CollectingSink());
        double scale = Fixtures.cellAtPh7().rheScale().offsetVolts();
        sink.sample(new Sample(0.1, -0.5 - scale, -0.01, 0.1, 0));
        sink.sample(new Sample(0.2, -0.605 - scale, -0.01, 0.1, 0));   // within the 10 mV tolerance
        assertThat(breaches).isEmpty();
        sink.sample(new Sample(0.3, -0.7 - scale, -0.01, 0.1, 0));
        assertThat(breaches).hasSize(1);
        assertThat(breaches.get(0).what()).isEqualTo("E = -0.700 V vs RHE is outside the envelope's -0.600 .. 0.000 V vs RHE");
        sink.sample(Sample.potentialOnly(0.4, 5.0));   // open circuit is not checked, and one breach per step is reported
        assertThat(breaches).hasSize(1);
    }

    @Test
    void stopRunEndsTheRunOnTheFirstBreach() throws Exception {
        Path db = temp.resolve("r.db");
        RunOutcome outcome = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(protocol("{max_charge_per_step: 1 C, on_breach: stop_run}"), new Speed(200))
                        .withDatabase(db)).execute(RunListener.NONE);
        assertThat(outcome.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(outcome.reason()).startsWith("safety envelope, step 1: |Q| = 1.0").contains("above the envelope's 1.000 C per step");
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.steps(outcome.sessionId())).hasSize(1);
        }
    }

    @Test
    void aPotentialOutsideTheSafetyWindowIsRefusedBeforeAnythingStarts() throws Exception {
        Path file = protocol("{potential_window: {min: -0.45 V vs RHE, max: 0 V vs RHE}}");
        assertThatThrownBy(() -> new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(file, Speed.MAX).withDatabase(temp.resolve("n.db"))))
                .isInstanceOf(PlanRejectedException.class)
                .hasMessageContaining("step 1 (CA -0.500 V vs RHE, " + file + ":3:5): -0.500 V vs RHE is outside the safety window"
                        + " -0.450 .. 0.000 V vs RHE");
    }

    @Test
    void theCellOffCommandGoesOutOnTheWireWhenTheEnvelopeBreaks() throws Exception {
        Path db = temp.resolve("w.db");
        RunOutcome outcome;
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(), Fixtures.cellAtPh7(),
                     new Speed(20), Optional.of("NiNC"), 1, Faults.NONE)) {
            RunRequest request = new RunRequest(protocol("{max_current: 10 mA}"), "emstat4-hr", Speed.REAL_TIME, Optional.empty(),
                    Optional.empty(), Optional.of(pty.host()), Optional.of(StoreLocation.file(db)));
            outcome = new RunService(SiteConfig.load(Fixtures.HOME)).prepare(request).execute(RunListener.NONE);
        }
        try (SessionStore store = SessionStore.open(db)) {
            List<WireLog.Chunk> wire = store.wire(outcome.sessionId());
            assertThat(WireTranscripts.abortAfterFirstScript(wire)).as("the abort (Z) after the first CA script").isPositive();
            assertThat(store.steps(outcome.sessionId()).get(0).outcome()).contains(StepOutcome.ABORTED);
        }
    }

    @Test
    void theWatchdogSwitchesAFrozenInstrumentOff() throws Exception {
        Path db = temp.resolve("f.db");
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
        var plan = service.loadPlan(protocol("{watchdog: 1 s}"));
        // A few samples, then nothing, never ending: a frozen instrument (a real one: its clock is the wall's).
        ScriptedPotentiostat frozen = new ScriptedPotentiostat("test", 3, 10, TimeUnit.HOURS.toNanos(1));
        RunOutcome outcome = service.prepareWith(plan, "frozen", frozen,
                RunRequest.simulated(plan.file(), Speed.MAX).withDatabase(db), Optional.empty()).execute(RunListener.NONE);
        assertThat(frozen.aborted()).isTrue();
        assertThat(outcome.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(outcome.reason()).isEqualTo("watchdog: no sample for 1 s during step 1; the cell was switched off");
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.events(outcome.sessionId())).anyMatch(e -> e.event().kind() == EventKind.FAILURE
                    && e.event().message().startsWith("watchdog"));
            assertThat(store.steps(outcome.sessionId()).get(0).sampleCount()).isEqualTo(3);
        }
    }
}
