package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.core.StepOutcome;
import org.norrlab.driver.Speed;
import org.norrlab.driver.sim.ProductTally;
import org.norrlab.report.SessionSummaries;
import org.norrlab.report.StepSummary;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A 4-potential sweep on the simulator at full speed, into a fresh database file. */
class EndToEndRunTest {
    @TempDir
    Path temp;

    @Test
    void sweepStoresEverySampleWithStepBoundariesAndTheSimulatorsCharge() throws Exception {
        Path protocol = temp.resolve("sweep.yaml");
        Files.writeString(protocol, """
                name: test sweep
                steps:
                  - ocp: {duration: 30 s, interval: 1 s}
                  - sweep:
                      potentials: [-0.4 V vs RHE, -0.5 V vs RHE, -0.6 V vs RHE, -0.7 V vs RHE]
                      duration: 10 min
                      interval: 200 ms
                """);
        Path database = temp.resolve("sessions.db");
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
        PreparedRun run = service.prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(database)
                .withSeed(5).withPreset("Fe1/MoS2-x"));
        RunOutcome outcome = run.execute(RunListener.NONE);

        assertThat(outcome.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(outcome.counters().samplesIn()).isEqualTo(30 + 4 * 3000);
        assertThat(outcome.counters().samplesDelivered()).isEqualTo(outcome.counters().samplesIn());
        assertThat(outcome.result().lagMillis()).hasSize(4);

        try (SessionStore store = SessionStore.open(database)) {
            StoredSession session = store.session(outcome.sessionId()).orElseThrow();
            assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(session.protocolText()).contains("name: test sweep");
            assertThat(session.cell().pH()).isEqualTo(7.0);
            assertThat(session.instrument().serialNumber()).isEqualTo("SIM-5");
            assertThat(session.runOptions()).containsEntry("catalyst_preset", "Fe1/MoS2-x").containsEntry("speed", "max");

            List<StoredStep> steps = store.steps(outcome.sessionId());
            assertThat(steps).extracting(StoredStep::kind).containsExactly("ocp", "ca", "ca", "ca", "ca");
            assertThat(steps).allSatisfy(s -> assertThat(s.outcome()).contains(StepOutcome.COMPLETED));
            // Each step starts where the previous one ended, in instrument time.
            assertThat(steps).extracting(StoredStep::sessionOffsetSeconds).containsExactly(0.0, 30.0, 630.0, 1230.0, 1830.0);
            assertThat(steps.get(1).voltsVsReference()).isCloseTo(-0.4 - 0.197 - 0.05916 * 7, within(0.0005));

            List<StepSummary> rows = SessionSummaries.of(store, outcome.sessionId());
            assertThat(rows).extracting(StepSummary::samples).containsExactly(30L, 3000L, 3000L, 3000L, 3000L);
            assertThat(rows).allMatch(StepSummary::timeMonotonic);
            assertThat(rows.get(4).durationSeconds()).isCloseTo(600.0, within(1e-9));

            List<ProductTally> truths = new ArrayList<>();
            for (StoredEvent e : store.events(outcome.sessionId())) {
                if (e.event().kind() == EventKind.SIMULATOR_TRUTH) {
                    truths.add(ProductTally.fromValues(e.event().values()));
                }
            }
            assertThat(truths).hasSize(4);
            for (int i = 0; i < 4; i++) {
                double measured = -rows.get(i + 1).coulombs();
                double truth = truths.get(i).chargeCoulombs();
                // Noise averages out; the clipped first sample and the trapezoid's ends cost well under 0.5 %.
                assertThat(measured).as("charge of step %d", i + 2).isCloseTo(truth, within(truth * 0.005));
            }
            // Fe1/MoS2-x passes 46.8 mA at -0.6 V vs RHE for 600 s: about 28 C.
            assertThat(-rows.get(3).coulombs()).isCloseTo(46.813e-3 * 600, within(46.813e-3 * 600 * 0.05));
        }
    }

    @Test
    void aPlanOutsideTheInstrumentWindowIsRefusedBeforeAnythingStarts() throws Exception {
        Path protocol = temp.resolve("too-far.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -5 V vs RE, duration: 1 s, interval: 100 ms}\n");
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
        Path database = temp.resolve("none.db");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        service.prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(database)))
                .isInstanceOf(PlanRejectedException.class)
                .hasMessageContaining("step 1 (CA -5.000 V vs RE, " + protocol + ":2:5)")
                .hasMessageContaining("-5.000 V vs the reference electrode, outside sim's window -4.000 .. 4.000 V");
        assertThat(database).doesNotExist();
    }
}
