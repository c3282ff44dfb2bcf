package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.StepOutcome;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.driver.OpenCircuitRequest;
import org.norrlab.driver.Speed;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.report.StepAnalysis;
import org.norrlab.safety.SafetyEnvelope;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.ScriptedPotentiostat;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a step ends is told as it happened: the watchdog gives a slow step its intervals and still catches a
 * silent one, in instrument time; a step the instrument ended early is not "completed"; a safety breach
 * seen after the step had run to its end does not claim the step was stopped.
 */
class StepEndTest {
    @TempDir
    Path temp;

    private final SiteConfig site = loadSite();

    private static SiteConfig loadSite() {
        try {
            return SiteConfig.load(Fixtures.HOME);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Path protocol(String safety, String step) throws Exception {
        Path file = temp.resolve("p" + System.nanoTime() + ".yaml");
        Files.writeString(file, (safety.isEmpty() ? "" : "safety: " + safety + "\n") + "steps:\n  - ca: {potential: -0.5 V vs RHE, "
                + step + "}\n");
        return file;
    }

    private RunOutcome simulated(Path protocol, Speed speed, Path db) throws Exception {
        return new RunService(site).prepare(RunRequest.simulated(protocol, speed).withDatabase(db)).execute(RunListener.NONE);
    }

    private RunOutcome scripted(Path protocol, Speed speed, ScriptedPotentiostat instrument, Path db) throws Exception {
        RunService service = new RunService(site);
        var plan = service.loadPlan(protocol);
        return service.prepareWith(plan, "scripted", instrument, RunRequest.simulated(plan.file(), speed).withDatabase(db),
                Optional.empty()).execute(RunListener.NONE);
    }

    @Test
    void aFortySecondIntervalRunsUnderTheShippedThirtySecondWatchdog() throws Exception {
        assertThat(SafetyEnvelope.of(site).watchdog()).as("the shipped site file's watchdog").contains(Duration.ofSeconds(30));
        Path db = temp.resolve("slow.db");
        RunOutcome outcome = simulated(protocol("", "duration: 2 min, interval: 40 s"), new Speed(200), db);
        assertThat(outcome.status()).as(outcome.reason()).isEqualTo(SessionStatus.COMPLETED);
        try (SessionStore store = SessionStore.open(db)) {
            StoredStep step = store.steps(outcome.sessionId()).get(0);
            assertThat(step.outcome()).contains(StepOutcome.COMPLETED);
            assertThat(step.sampleCount()).isEqualTo(3);
        }
    }

    @Test
    void theWatchdogGivesAStepThreeIntervalsCountedInInstrumentTime() throws Exception {
        // 500 ms of watchdog, but samples 4 s apart at 2x (2 s of wall time apart): the limit is 3 x 4 s = 12 s
        // of instrument time, 6 s of wall time. A watchdog counting wall time against 500 ms stops this step.
        Path db = temp.resolve("intervals.db");
        RunOutcome outcome = simulated(protocol("{watchdog: 500 ms}", "duration: 8 s, interval: 4 s"), new Speed(2), db);
        assertThat(outcome.status()).as(outcome.reason()).isEqualTo(SessionStatus.COMPLETED);
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.steps(outcome.sessionId()).get(0).sampleCount()).isEqualTo(2);
            assertThat(store.events(outcome.sessionId())).noneMatch(e -> e.event().kind() == EventKind.FAILURE);
        }
    }

    @Test
    void aSilentInstrumentTripsTheWatchdogInInstrumentTime() throws Exception {
        // At 100x the shipped 30 s are 0.3 s of wall time (5 s at the least); the instrument is silent for up to 20 s
        // of wall time and then ends the step as if nothing had happened: a watchdog counting 30 s of wall time
        // would let it.
        Path db = temp.resolve("stall.db");
        ScriptedPotentiostat quiet = new ScriptedPotentiostat("sim", 3, 20, TimeUnit.SECONDS.toNanos(20));
        RunOutcome outcome = scripted(protocol("", "duration: 10 s, interval: 100 ms"), new Speed(100), quiet, db);
        assertThat(quiet.aborted()).isTrue();
        assertThat(outcome.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(outcome.reason()).isEqualTo("watchdog: no sample for 30 s during step 1; the cell was switched off");
        try (SessionStore store = SessionStore.open(db)) {
            StoredStep step = store.steps(outcome.sessionId()).get(0);
            assertThat(step.outcome()).contains(StepOutcome.ABORTED);
            assertThat(step.sampleCount()).isEqualTo(3);
        }
    }

    @Test
    void aStepTheInstrumentEndedEarlyIsNotCompletedAndSaysHowManySamplesItHas() throws Exception {
        Path db = temp.resolve("early.db");
        ScriptedPotentiostat early = new ScriptedPotentiostat("sim", 80, 10, 0);
        RunOutcome outcome = scripted(protocol("", "duration: 100 s, interval: 1 s"), Speed.MAX, early, db);
        assertThat(outcome.reason()).isEqualTo("0 steps completed, 1 ended early by the instrument");
        try (SessionStore store = SessionStore.open(db)) {
            StoredStep step = store.steps(outcome.sessionId()).get(0);
            assertThat(step.outcome()).contains(StepOutcome.ENDED_EARLY);
            assertThat(step.sampleCount()).isEqualTo(80);
            StoredEvent note = store.events(outcome.sessionId()).stream()
                    .filter(e -> e.event().kind() == EventKind.NOTE).findFirst().orElseThrow();
            assertThat(note.event().message()).isEqualTo(
                    "the instrument ended the step early: 80 of 100 planned samples recorded, the last at 80.0 s of 100.0 s");
            StepAnalysis analysed = SessionAnalysis.analyze(store, outcome.sessionId(), SessionAnalysis.Options.DEFAULT)
                    .steps().get(0);
            assertThat(analysed.notes()).contains("step ended early with 80 of 100 planned samples:"
                    + " Q and yield cover only the recorded part");
        }
    }

    @Test
    void aBreachSeenAfterTheStepRanToItsEndDoesNotSayTheStepWasStopped() throws Exception {
        // The whole step arrives before the scheduler's next look, as at --speed max: it cannot be stopped any more.
        Path db = temp.resolve("late.db");
        ScriptedPotentiostat fast = new ScriptedPotentiostat("sim", 100, 20, 0);
        RunOutcome outcome = scripted(protocol("{max_current: 10 mA}", "duration: 10 s, interval: 100 ms"), Speed.MAX, fast, db);
        assertThat(outcome.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(outcome.reason()).isEqualTo(
                "1 steps completed (1 of them broke the safety envelope and ran to their end before they could be stopped)");
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.steps(outcome.sessionId()).get(0).outcome()).contains(StepOutcome.COMPLETED);
            StoredEvent breach = store.events(outcome.sessionId()).stream()
                    .filter(e -> e.event().kind() == EventKind.ENVELOPE_BREACH).findFirst().orElseThrow();
            assertThat(breach.event().message()).endsWith("; the step ran to its end (100 of 100 samples) before it could be stopped")
                    .doesNotContain("was stopped");
        }
    }
}
