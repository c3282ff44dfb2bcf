package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.driver.Speed;
import org.norrlab.driver.sim.SimulatedPotentiostat;
import org.norrlab.plan.Plan;
import org.norrlab.report.SessionSummaries;
import org.norrlab.scheduler.OperatorCall;
import org.norrlab.scheduler.OperatorGate;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler runs holds: it waits through the operator gate, records who continued, and the aliquots taken. */
class HoldRunTest {
    /** CA, hold (operator aliquot of 1 mL), CA with an autosampler aliquot of 0.5 mL. */
    static final String PROTOCOL = """
            electrolyte: accumulate
            steps:
              - ca: {potential: -0.5 V vs RHE, duration: 20 s, interval: 100 ms}
              - hold: {message: Take a 1 mL aliquot, timeout: 30 min, on_timeout: %s, aliquot: {volume: 1 mL}}
              - ca: {potential: -0.6 V vs RHE, duration: 20 s, interval: 100 ms, aliquot: {volume: 0.5 mL, replaced: true}}
            """;

    @TempDir
    Path temp;

    record Ran(RunOutcome outcome, List<StoredStep> steps, List<StoredEvent> holds, List<StoredAliquot> aliquots,
               SimulatedPotentiostat sim) {
        StoredEvent hold() {
            assertThat(holds).hasSize(1);
            return holds.get(0);
        }
    }

    /** A prepared run and the seeded simulator it runs on (for the test to ask whether the cell is off). */
    private record OnSimulator(PreparedRun run, SimulatedPotentiostat sim) {
    }

    private static OnSimulator onSimulator(Path protocol, Path database) throws Exception {
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
        Plan plan = service.loadPlan(protocol);
        SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 7, Speed.MAX, plan.cell());
        return new OnSimulator(service.prepareWith(plan, "sim", sim, RunRequest.simulated(protocol, Speed.MAX)
                .withDatabase(database), Optional.empty()), sim);
    }

    private Ran run(String onTimeout, OperatorGate gate, boolean unattended) throws Exception {
        Path protocol = temp.resolve("hold.yaml");
        Files.writeString(protocol, PROTOCOL.formatted(onTimeout));
        Path database = temp.resolve("hold.db");
        OnSimulator prepared = onSimulator(protocol, database);
        PreparedRun run = prepared.run();
        SimulatedPotentiostat sim = prepared.sim();
        if (gate != null) {
            run.holdsFollow(gate);
        }
        if (unattended) {
            run.runUnattended();
        }
        RunOutcome outcome = run.execute(RunListener.NONE);
        try (SessionStore store = SessionStore.open(StoreLocation.file(database))) {
            return new Ran(outcome, store.steps(outcome.sessionId()), store.events(outcome.sessionId()).stream()
                    .filter(e -> e.event().kind() == EventKind.HOLD).toList(), store.aliquots(outcome.sessionId()), sim);
        }
    }

    @Test
    void theOperatorContinuesAndTheAliquotsOfBothKindsAreRecorded() throws Exception {
        Ran ran = run("abort", (hold, timeout, abort) -> {
            Thread.sleep(50);   // the operator takes a moment: the hold's duration is not 0
            return OperatorGate.ContinuedBy.OPERATOR;
        }, false);
        assertThat(ran.outcome().status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(ran.steps()).extracting(StoredStep::kind).containsExactly("ca", "hold", "ca");
        // the hold lasted as long as it waited, in the store and in the step table of 'show' and the run's end
        double waited = ran.hold().event().values().get("waited_s");
        assertThat(waited).isGreaterThanOrEqualTo(0.05);
        assertThat(ran.steps().get(1).durationSeconds()).isEqualTo(waited);
        try (SessionStore store = SessionStore.open(StoreLocation.file(temp.resolve("hold.db")))) {
            assertThat(SessionSummaries.of(store, ran.outcome().sessionId()).get(1).durationSeconds()).isEqualTo(waited);
        }
        assertThat(ran.hold().stepIndex()).isEqualTo(2);
        assertThat(ran.hold().event().values()).containsEntry("continued_by", 0.0).containsKey("waited_s");
        assertThat(ran.hold().event().message()).isEqualTo(
                "hold 'Take a 1 mL aliquot': the operator continued after %.1f s; the run goes on with the next step"
                        .formatted(ran.hold().event().values().get("waited_s")));
        // the operator's aliquot is taken from what step 1 made; the autosampler's after step 3
        assertThat(ran.aliquots()).extracting(StoredAliquot::afterStep, StoredAliquot::volumeMl, StoredAliquot::replaced,
                        a -> a.takenBy().written())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1.0, false, "operator"),
                        org.assertj.core.groups.Tuple.tuple(3, 0.5, true, "autosampler"));
        assertThat(ran.sim().isCellOn()).isFalse();
    }

    @Test
    void aTimeoutWithContinueGoesOnWithoutTheOperatorsAliquot() throws Exception {
        Ran ran = run("continue", (hold, timeout, abort) -> OperatorGate.ContinuedBy.TIMEOUT, false);
        assertThat(ran.outcome().status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(ran.hold().event().values()).containsEntry("continued_by", 1.0);
        assertThat(ran.hold().event().message()).isEqualTo("hold 'Take a 1 mL aliquot': nobody continued: the timeout"
                + " of 1800.0 s ran out; the run goes on with the next step");
        // nobody came, so the operator's aliquot was not taken; the autosampler's was
        assertThat(ran.aliquots()).extracting(a -> a.takenBy().written()).containsExactly("autosampler");
    }

    @Test
    void aTimeoutWithAbortEndsTheRunNamingTheHold() throws Exception {
        Ran ran = run("abort", (hold, timeout, abort) -> OperatorGate.ContinuedBy.TIMEOUT, false);
        assertThat(ran.outcome().status()).isEqualTo(SessionStatus.ABORTED);
        assertThat(ran.outcome().reason()).startsWith("hold at step 2 ('Take a 1 mL aliquot') timed out after ")
                .endsWith(" s: on_timeout is abort");
        assertThat(ran.steps()).extracting(StoredStep::kind).containsExactly("ca", "hold");
        assertThat(ran.hold().event().message()).endsWith("; the run ends aborted (on_timeout: abort)");
        assertThat(ran.aliquots()).isEmpty();
        assertThat(ran.sim().isCellOn()).isFalse();
    }

    @Test
    void unattendedRunsFollowOnTimeoutAtOnceAndNeverAskTheGate() throws Exception {
        Ran ran = run("continue", (hold, timeout, abort) -> {
            throw new AssertionError("an unattended run asked the operator");
        }, true);
        assertThat(ran.outcome().status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(ran.hold().event().values()).containsEntry("continued_by", 2.0);
        assertThat(ran.hold().event().message()).isEqualTo("hold 'Take a 1 mL aliquot': unattended run: did not wait;"
                + " the run goes on with the next step");
        // unattended declares the plan's aliquots as taken: both recorded
        assertThat(ran.aliquots()).extracting(a -> a.takenBy().written()).containsExactly("operator", "autosampler");

        Ran aborting = runAgain("abort");
        assertThat(aborting.outcome().status()).isEqualTo(SessionStatus.ABORTED);
        assertThat(aborting.outcome().reason()).isEqualTo("hold at step 2 ('Take a 1 mL aliquot') cannot wait in an"
                + " unattended run: on_timeout is abort");
        assertThat(aborting.aliquots()).isEmpty();
    }

    /** The hold protocol (on_timeout: continue) prepared as an ordinary simulated run into database. */
    private PreparedRun holdRun(RunService service, Path database) throws Exception {
        Path protocol = temp.resolve("hold.yaml");
        Files.writeString(protocol, PROTOCOL.formatted("continue"));
        return service.prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(database));
    }

    private Ran runAgain(String onTimeout) throws Exception {
        Files.deleteIfExists(temp.resolve("hold.db"));
        return run(onTimeout, null, true);
    }

    @Test
    void anAbortDuringTheWaitEndsTheRunWithTheCellOffAndNoAliquot() throws Exception {
        PreparedRun[] running = new PreparedRun[1];
        OperatorCall call = new OperatorCall();
        call.addWatcher((hold, timeout) -> running[0].requestAbort("operator abort (test)"));
        Path protocol = temp.resolve("hold.yaml");
        Files.writeString(protocol, PROTOCOL.formatted("continue"));
        Path database = temp.resolve("abort.db");
        OnSimulator prepared = onSimulator(protocol, database);
        running[0] = prepared.run();
        SimulatedPotentiostat sim = prepared.sim();
        running[0].holdsFollow(call);
        RunOutcome outcome = running[0].execute(RunListener.NONE);
        assertThat(outcome.status()).isEqualTo(SessionStatus.ABORTED);
        assertThat(outcome.reason()).isEqualTo("operator abort (test)");
        assertThat(outcome.result().cellOffConfirmed()).isTrue();
        assertThat(sim.isCellOn()).isFalse();
        try (SessionStore store = SessionStore.open(StoreLocation.file(database))) {
            List<StoredEvent> holds = store.events(outcome.sessionId()).stream()
                    .filter(e -> e.event().kind() == EventKind.HOLD).toList();
            assertThat(holds).hasSize(1);
            assertThat(holds.get(0).event().values()).containsEntry("continued_by", -1.0);
            assertThat(holds.get(0).event().message()).endsWith("; the run ends aborted");
            assertThat(store.aliquots(outcome.sessionId())).isEmpty();
            assertThat(store.steps(outcome.sessionId())).extracting(StoredStep::kind).containsExactly("ca", "hold");
        }
    }

    @Test
    void anOcpHoldStoresThePotentialAsTheHoldsSamples() throws Exception {
        Path protocol = temp.resolve("ocp.yaml");
        Files.writeString(protocol, """
                steps:
                  - ca: {potential: -0.5 V vs RHE, duration: 10 s, interval: 100 ms}
                  - hold: {message: Purge with Ar, cell: ocp, interval: 1 s, timeout: 30 s, on_timeout: continue}
                """);
        Path database = temp.resolve("ocp.db");
        PreparedRun run = onSimulator(protocol, database).run();
        // The gate lets the simulated open-circuit record (1 sample/s at max speed) run to its own end of 30 s,
        // then says the timeout ran out: 30 s / 1 s = 30 samples. The hold keeps waiting after the record's end.
        run.holdsFollow((hold, timeout, aborted) -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(run.statistics().snapshot().stepIndex() == 2 && run.statistics().snapshot().samples() == 30)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(50);   // a 31st sample, if the record went on, would be counted: there must be none
            return OperatorGate.ContinuedBy.TIMEOUT;
        });
        RunOutcome outcome = run.execute(RunListener.NONE);
        assertThat(outcome.status()).isEqualTo(SessionStatus.COMPLETED);
        try (SessionStore store = SessionStore.open(StoreLocation.file(database))) {
            StoredStep hold = store.steps(outcome.sessionId()).get(1);
            assertThat(hold.kind()).isEqualTo("hold");
            // its duration is the wait, not the 30 s the open-circuit record covered at max speed in less time
            double waited = store.events(outcome.sessionId()).stream().filter(e -> e.event().kind() == EventKind.HOLD)
                    .findFirst().orElseThrow().event().values().get("waited_s");
            assertThat(hold.durationSeconds()).isEqualTo(waited);
            assertThat(SessionSummaries.of(store, outcome.sessionId()).get(1).durationSeconds()).isEqualTo(waited);
            long[] samples = {0};
            store.forEachSample(outcome.sessionId(), 2, (seq, s) -> samples[0]++);
            assertThat(samples[0]).isEqualTo(30);
        }
    }

    @Test
    void aSessionThatStoppedDuringAHoldResumesAtTheHoldAndWaitsAgain() throws Exception {
        // The first run stops inside the hold without ending it, as a crash would leave the journal: the hold's
        // step started, never ended.
        Path database = temp.resolve("resume.db");
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
        PreparedRun crashing = holdRun(service, database);
        crashing.holdsFollow((hold, timeout, abort) -> {
            throw new IllegalStateException("the process died during the hold");
        });
        RunOutcome first = crashing.execute(RunListener.NONE);
        assertThat(first.status()).isEqualTo(SessionStatus.FAILED);
        PreparedRun resumed;
        try (SessionStore store = SessionStore.open(StoreLocation.file(database))) {
            assertThat(store.steps(first.sessionId())).extracting(StoredStep::kind).containsExactly("ca", "hold");
            assertThat(store.steps(first.sessionId()).get(1).outcome()).isEmpty();
            assertThat(store.aliquots(first.sessionId())).isEmpty();
            resumed = ResumeService.prepare(service, store, first.sessionId(), Optional.empty(), Speed.MAX,
                    StoreLocation.file(database));
        }
        assertThat(resumed.plan().steps()).extracting(s -> s.kind()).containsExactly("hold", "ca");
        List<String> asked = new java.util.ArrayList<>();
        resumed.holdsFollow((hold, timeout, abort) -> {
            asked.add(hold.message());
            return OperatorGate.ContinuedBy.OPERATOR;
        });
        RunOutcome outcome = resumed.execute(RunListener.NONE);
        assertThat(outcome.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(asked).as("the resumed run waited at the hold again").containsExactly("Take a 1 mL aliquot");
        try (SessionStore store = SessionStore.open(StoreLocation.file(database))) {
            List<StoredEvent> holds = store.events(outcome.sessionId()).stream()
                    .filter(e -> e.event().kind() == EventKind.HOLD).toList();
            assertThat(holds).extracting(StoredEvent::stepIndex).containsExactly(1);
            assertThat(holds.get(0).event().values()).containsEntry("continued_by", 0.0);
            // The operator's aliquot at the resumed hold takes what step 1 of the FIRST session made: it is recorded
            // there, after its step 1, not in the resumed session after a "step 0" it does not have. The
            // autosampler's is the resumed session's, after its CA step 2.
            assertThat(store.aliquots(outcome.sessionId())).extracting(StoredAliquot::afterStep, a -> a.takenBy().written())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "autosampler"));
            assertThat(store.aliquots(first.sessionId())).extracting(StoredAliquot::afterStep, StoredAliquot::volumeMl,
                            a -> a.takenBy().written())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1.0, "operator"));
            assertThat(store.aliquots(first.sessionId()).get(0).note()).isEqualTo("taken at the hold at step 1 of session "
                    + outcome.sessionId() + ", which resumed this one");
            assertThat(store.events(outcome.sessionId())).noneMatch(e -> e.event().kind() == EventKind.ALIQUOT
                    && e.event().values().get("after_step") == 0.0);
        }
    }

    @Test
    void aReplayFollowsTheRecordedHoldsWithoutWaiting() throws Exception {
        Path database = temp.resolve("replay.db");
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
        PreparedRun original = holdRun(service, database);
        original.holdsFollow((hold, timeout, abort) -> OperatorGate.ContinuedBy.TIMEOUT);
        RunOutcome recorded = original.execute(RunListener.NONE);
        assertThat(recorded.status()).isEqualTo(SessionStatus.COMPLETED);

        PreparedRun replay;
        try (SessionStore store = SessionStore.open(StoreLocation.file(database))) {
            replay = ReplayService.prepare(service, store, recorded.sessionId(), Speed.MAX, StoreLocation.file(database));
        }
        // No gate is given: a replay that waited would wait 30 min here (the test's timeout would fail it first).
        assertThat(replay.waitsForOperator()).isFalse();
        RunOutcome replayed = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> replay.execute(RunListener.NONE));
        assertThat(replayed.status()).isEqualTo(SessionStatus.COMPLETED);
        try (SessionStore store = SessionStore.open(StoreLocation.file(database))) {
            List<StoredEvent> holds = store.events(replayed.sessionId()).stream()
                    .filter(e -> e.event().kind() == EventKind.HOLD).toList();
            assertThat(holds).hasSize(1);
            assertThat(holds.get(0).event().values()).as("as recorded: the timeout ran out").containsEntry("continued_by", 1.0);
            // the timeout leaves the operator's aliquot untaken, in the replay as in the recording
            assertThat(store.aliquots(replayed.sessionId())).extracting(a -> a.takenBy().written())
                    .containsExactly("autosampler");
        }
    }
}
