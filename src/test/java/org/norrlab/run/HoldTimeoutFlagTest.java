package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.Plausibility;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.driver.sim.SimulatedPotentiostat;
import org.norrlab.plan.Plan;
import org.norrlab.report.AnalysisExport;
import org.norrlab.report.ResultText;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.report.StepAnalysis;
import org.norrlab.scheduler.OperatorGate;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hold that should have brought fresh catholyte but that nobody continued (its timeout ran out, or the run was
 * unattended) while the run went on: the next CA step may have run in used catholyte, so its FE is flagged.
 */
class HoldTimeoutFlagTest {
    /** Refresh: CA 1, hold 2, CA 3, hold 4, CA 5 (every CA step is meant to start in fresh catholyte). */
    private static final String REFRESH = """
            steps:
              - ca: {potential: -0.5 V vs RHE, duration: 5 s, interval: 100 ms}
              - hold: {message: Replace the catholyte, timeout: 30 min, on_timeout: continue}
              - ca: {potential: -0.6 V vs RHE, duration: 5 s, interval: 100 ms}
              - hold: {message: Replace the catholyte again, timeout: 30 min, on_timeout: continue}
              - ca: {potential: -0.7 V vs RHE, duration: 5 s, interval: 100 ms}
            """;
    /** Accumulate: hold 2 takes an aliquot only (same batch), hold 4 starts a new batch. */
    private static final String ACCUMULATE = """
            electrolyte: accumulate
            steps:
              - ca: {potential: -0.5 V vs RHE, duration: 5 s, interval: 100 ms}
              - hold: {message: Take an aliquot, timeout: 30 min, on_timeout: continue}
              - ca: {potential: -0.6 V vs RHE, duration: 5 s, interval: 100 ms}
              - hold: {message: New catholyte, timeout: 30 min, on_timeout: continue, new_electrolyte: true}
              - ca: {potential: -0.7 V vs RHE, duration: 5 s, interval: 100 ms}
            """;

    @TempDir
    Path temp;

    private SessionAnalysis.Result run(String protocolText, OperatorGate gate, boolean unattended) throws Exception {
        Path protocol = temp.resolve("p.yaml");
        Files.writeString(protocol, protocolText);
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
        Plan plan = service.loadPlan(protocol);
        SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 7, Speed.MAX, plan.cell());
        Path database = temp.resolve("p.db");
        Files.deleteIfExists(database);
        PreparedRun run = service.prepareWith(plan, "sim", sim, RunRequest.simulated(protocol, Speed.MAX)
                .withDatabase(database), Optional.empty());
        if (gate != null) {
            run.holdsFollow(gate);
        }
        if (unattended) {
            run.runUnattended();
        }
        RunOutcome outcome = run.execute(RunListener.NONE);
        try (SessionStore store = SessionStore.open(StoreLocation.file(database))) {
            return SessionAnalysis.analyze(store, outcome.sessionId(), SessionAnalysis.Options.DEFAULT);
        }
    }

    private static List<List<Plausibility>> kinds(SessionAnalysis.Result result) {
        return result.steps().stream().map(s -> s.flags().stream().map(Plausibility.Flag::kind).toList()).toList();
    }

    private static List<String> notConfirmed(StepAnalysis step) {
        return step.flags().stream().filter(f -> f.kind() == Plausibility.ELECTROLYTE_NOT_CONFIRMED)
                .map(Plausibility.Flag::note).toList();
    }

    @Test
    void refreshStepsAfterATimedOutHoldAreFlaggedWhereverFlagsAppear() throws Exception {
        // hold 2 times out, hold 4 is continued by the operator: only CA step 3 is in doubt
        SessionAnalysis.Result result = run(REFRESH, (hold, timeout, abort) -> hold.index() == 2
                ? OperatorGate.ContinuedBy.TIMEOUT : OperatorGate.ContinuedBy.OPERATOR, false);
        assertThat(result.steps()).extracting(s -> s.step().index()).containsExactly(1, 3, 5);
        StepAnalysis third = result.steps().get(1);
        assertThat(notConfirmed(result.steps().get(0))).isEmpty();
        assertThat(notConfirmed(result.steps().get(2))).isEmpty();
        String note = "the hold at step 2 ('Replace the catholyte') was not continued by the operator (its timeout ran"
                + " out): the catholyte may not have been replaced, so this step's NH3 may include earlier steps' —"
                + " check before trusting this FE";
        assertThat(notConfirmed(third)).containsExactly(note);
        assertThat(third.marked(Plausibility.Marked.FE_NH3)).isTrue();
        assertThat(third.marked(Plausibility.Marked.YIELD)).isTrue();
        assertThat(third.marked(Plausibility.Marked.CHARGE)).isFalse();

        assertThat(ResultText.flagNotes(result.steps())).contains("step 3: * " + note);
        assertThat(AnalysisExport.json(result)).contains("\"flag\" : \"electrolyte_not_confirmed\"");
    }

    @Test
    void anUnattendedRefreshRunFlagsEveryStepAfterAHold() throws Exception {
        SessionAnalysis.Result result = run(REFRESH, null, true);
        assertThat(notConfirmed(result.steps().get(0))).isEmpty();
        assertThat(notConfirmed(result.steps().get(1))).singleElement().asString()
                .startsWith("the hold at step 2 ('Replace the catholyte') was not continued by the operator (the run"
                        + " was unattended: nobody waited)");
        assertThat(notConfirmed(result.steps().get(2))).singleElement().asString()
                .startsWith("the hold at step 4 ('Replace the catholyte again')");
    }

    @Test
    void accumulatingOnlyFlagsTheNewBatchAfterATimedOutNewElectrolyteHold() throws Exception {
        SessionAnalysis.Result result = run(ACCUMULATE, (hold, timeout, abort) -> OperatorGate.ContinuedBy.TIMEOUT,
                false);
        // hold 2 keeps the batch (step 3 is meant to be in the same catholyte): nothing to flag there
        assertThat(notConfirmed(result.steps().get(0))).isEmpty();
        assertThat(notConfirmed(result.steps().get(1))).isEmpty();
        assertThat(notConfirmed(result.steps().get(2))).containsExactly("the hold at step 4 ('New catholyte'), which"
                + " starts a new batch, was not continued by the operator (its timeout ran out): the new catholyte may"
                + " not have been put in, so this step's NH3 may include the previous batch's — check before trusting"
                + " this FE");
    }

    @Test
    void holdsTheOperatorContinuedFlagNothing() throws Exception {
        SessionAnalysis.Result result = run(REFRESH, (hold, timeout, abort) -> OperatorGate.ContinuedBy.OPERATOR, false);
        assertThat(kinds(result)).allSatisfy(k -> assertThat(k).doesNotContain(Plausibility.ELECTROLYTE_NOT_CONFIRMED));
    }
}
