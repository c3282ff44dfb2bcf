package org.norrlab.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.analysis.Product;
import org.norrlab.config.Location;
import org.norrlab.core.StepOutcome;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreWriter;
import org.norrlab.testing.HandSessions;
import org.norrlab.testing.StoredSessions;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the index and a session's page say, from a store written by hand: values checked against what was written. */
class StatusDataTest {
    @TempDir
    Path temp;

    @Test
    void theIndexDetailsTheLatestAndRunningSessionsAndListsTheRest() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("index.db"))) {
            for (int k = 0; k < 51; k++) {
                StoredSessions.completedCa(store, 3);
            }
            long hand = HandSessions.session(store, "hand", List.of(HandSessions.Step.of(-0.4, -0.010, Map.of()),
                    HandSessions.Step.of(-0.6, -0.020, Map.of())));   // left running: never finished
            StatusData data = new StatusData(store, Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
            List<StatusData.SessionRow> rows = data.overview().sessions();
            assertThat(rows).hasSize(52);
            // the oldest two are listed only: 52 sessions, the latest 50 detailed
            assertThat(rows.get(0).currentStep()).isNull();
            assertThat(rows.get(0).steps()).isEqualTo(1);
            assertThat(rows.get(1).currentStep()).isNull();
            StatusData.SessionRow imported = rows.get(2);
            assertThat(imported.currentStep().index()).isEqualTo(1);
            assertThat(imported.lastCurrentAmperes()).isEqualTo(-1e-3);
            assertThat(imported.lastSampleSeconds()).isEqualTo(0.02);   // 3 samples 10 ms apart from 0
            assertThat(imported.remainingInStepSeconds()).isNull();     // not running
            assertThat(imported.latestEvents()).extracting(StatusData.EventView::kind, StatusData.EventView::message,
                    StatusData.EventView::alarming).containsExactly(org.assertj.core.groups.Tuple.tuple("NOTE", "a note", false));
            StatusData.SessionRow running = rows.get(51);
            assertThat(running.id()).isEqualTo(hand);
            assertThat(running.status()).isEqualTo("running");
            assertThat(running.currentStep().index()).isEqualTo(2);
            assertThat(running.currentStep().eVsRhe()).isEqualTo(-0.6);
            assertThat(running.lastCurrentAmperes()).isEqualTo(-0.020);
            assertThat(running.lastSampleSeconds()).isEqualTo(100.0);
            assertThat(running.remainingInStepSeconds()).isEqualTo(0.0);   // 100 s planned, the sample at 100 s
            assertThat(running.elapsedSeconds()).isPositive();              // the fixed clock is years after the start
        }
    }

    @Test
    void aRunningSessionAtAHoldSaysItIsWaitingForTheOperatorAndNotOnceTheHoldHasEnded() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("hold.db"))) {
            long id = HandSessions.session(store, "held", List.of(HandSessions.Step.of(-0.4, -0.010, Map.of())));
            PlannedStep.Hold hold = new PlannedStep.Hold(2, "Hold", "Replace the catholyte",
                    PlannedStep.Hold.HoldCell.OFF, Duration.ofSeconds(1), Optional.of(Duration.ofMinutes(30)),
                    Optional.of(PlannedStep.Hold.OnTimeout.ABORT), false, new Location(Path.of("held.yaml"), 9, 5),
                    StepContext.NONE);
            StatusData data = new StatusData(store, Clock.systemUTC(), "NORR bench 2");
            try (StoreWriter writer = store.writer(id)) {
                writer.accept(new AcquisitionRecord.StepStarted(hold, Instant.now(), 100.0), true);
            }
            StatusData.SessionRow waiting = data.overview().sessions().get(0);
            assertThat(waiting.status()).isEqualTo("running");
            assertThat(waiting.state()).isEqualTo("waiting for the operator");
            assertThat(waiting.bench()).as("the alerts' name for this bench").isEqualTo("NORR bench 2");
            assertThat(waiting.currentStep().kind()).isEqualTo("hold");
            assertThat(data.detail(id).orElseThrow().summary().state()).isEqualTo("waiting for the operator");
            try (StoreWriter writer = store.writer(id)) {
                writer.accept(new AcquisitionRecord.StepEnded(2, StepOutcome.COMPLETED, 0, 60, Double.NaN,
                        Instant.now()), true);
            }
            assertThat(data.overview().sessions().get(0).state()).as("the hold is over; the run goes on")
                    .isEqualTo("running");
            store.finishSession(id, SessionStatus.ABORTED, "operator abort");
            assertThat(data.overview().sessions().get(0).state()).isEqualTo("aborted");
        }
    }

    @Test
    void aFinishedSessionHasItsFeTableAsAnalyzePrintsIt() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("fe.db"))) {
            long id = HandSessions.session(store, "fe", List.of(HandSessions.Step.of(-0.4, -0.010, Map.of(Product.NH3, 1.5)),
                    HandSessions.Step.of(-0.6, -0.020, Map.of(Product.NH3, 2.0))));
            StatusData data = new StatusData(store, Clock.systemUTC());
            assertThat(data.detail(id).orElseThrow().analysis()).isNull();
            assertThat(data.detail(id).orElseThrow().analysisAbsent()).startsWith("FE and yield follow when the run has ended");
            assertThat(data.feYieldSvg(id)).isEmpty();
            store.finishSession(id, SessionStatus.COMPLETED, "done");
            StatusData.Detail detail = data.detail(id).orElseThrow();
            assertThat(detail.analysis().headers()).startsWith("step", "E vs RHE (V)", "t (s)", "|Q| (C)", "NH3 (µmol)");
            // Q = 10 mA × 100 s = 1 C and 20 mA × 100 s = 2 C; NO to NH3 takes 5 electrons:
            // FE = n·5·F/Q = 1.5 µmol × 5 × 96485.3 C/mol / 1 C = 72.36 %
            assertThat(detail.analysis().rows()).hasSize(2);
            assertThat(detail.analysis().rows().get(0).subList(0, 4)).containsExactly("1", "-0.400", "100.0", "1.0000");
            assertThat(detail.analysis().rows().get(0).get(5)).startsWith("72.36");
            assertThat(detail.analysis().rows().get(1).subList(0, 4)).containsExactly("2", "-0.600", "100.0", "2.0000");
            assertThat(detail.analysis().rows().get(1).get(5)).startsWith("48.24");   // 2 µmol × 5 × 96485.3 / 2 C
            assertThat(detail.steps()).extracting(StatusData.StepView::samples).containsExactly(100L, 100L);
            assertThat(data.detail(id + 1)).isEmpty();
            // the figure report draws: two bars' potentials on the axis, the yield axis named
            String svg = data.feYieldSvg(id).orElseThrow();
            assertThat(svg).startsWith("<svg").contains("E (V vs RHE)").contains("NH₃ yield").contains("-0.4").contains("-0.6");
            assertThat(data.feYieldSvg(id + 1)).isEmpty();
        }
    }
}
