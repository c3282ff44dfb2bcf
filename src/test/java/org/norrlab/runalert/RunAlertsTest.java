package org.norrlab.runalert;

import org.junit.jupiter.api.Test;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.alert.Alert;
import org.norrlab.alert.AlertChannel;
import org.norrlab.alert.Retry;
import org.norrlab.config.Location;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.StepOutcome;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which alert each event of a run makes, and what it says of the cell: only what the run knows (a link that did not
 * come back leaves the cell unknown; a link that came back leaves it to the run's own cell-off).
 */
class RunAlertsTest {
    private static final Instant AT = Instant.parse("2026-12-04T02:17:05Z");

    private final List<Alert> sent = new CopyOnWriteArrayList<>();
    private final RunAlerts alerts = new RunAlerts(List.of(new AlertChannel() {
        @Override
        public String name() {
            return "list";
        }

        @Override
        public void send(Alert alert) {
            sent.add(alert);
        }
    }), Retry.DEFAULT, "bench 7", () -> 12, false, Optional.empty());

    private List<Alert> settled() {
        RunAlerts.closeAll(List.of(alerts));
        assertThat(alerts.lines()).singleElement().asString().startsWith("Alerts on list: " + sent.size() + " sent, 0 failed");
        return sent;
    }

    private void event(int step, EventKind kind, String message) {
        alerts.accept(new AcquisitionRecord.EventSeen(step, Event.of(kind, 1, message), AT), false);
    }

    private void ended(int step, StepOutcome outcome) {
        alerts.accept(new AcquisitionRecord.StepEnded(step, outcome, 5, 1, Double.NaN, AT), true);
    }

    @Test
    void aLinkThatDidNotComeBackLeavesTheCellUnknown() {
        event(2, EventKind.GAP, "link lost: read timed out; reconnecting");
        ended(2, StepOutcome.LINK_LOST);
        Alert alert = settled().get(0);
        assertThat(alert.kind()).isEqualTo(Alert.Kind.LINK_LOST);
        assertThat(alert.session()).contains(12L);
        assertThat(alert.bench()).isEqualTo("bench 7");
        assertThat(alert.time()).isEqualTo(AT);
        assertThat(alert.what()).contains("step 2").contains("did not come back");
        assertThat(alert.cellState()).startsWith("unknown");
    }

    @Test
    void aSweepNotContinuedAfterItsLinkCameBackSaysSo() {
        event(3, EventKind.GAP, "link lost: gone; reconnecting");
        event(3, EventKind.RECONNECT, "reconnected after 1.0 s, but the LSV is not continued half-way");
        ended(3, StepOutcome.LINK_LOST);
        Alert alert = settled().get(0);
        assertThat(alert.kind()).isEqualTo(Alert.Kind.LINK_LOST);
        assertThat(alert.what()).contains("it came back");
        assertThat(alert.cellState()).startsWith("not confirmed");
    }

    @Test
    void aFailedStepTheWatchdogAndAHoldEachMakeTheirAlert() {
        event(1, EventKind.FAILURE, "watchdog: no sample for 30 s during step 1; the cell was switched off");
        ended(4, StepOutcome.FAILED);
        alerts.holdStarted(new PlannedStep.Hold(5, "Hold", "Swap the gas", PlannedStep.Hold.HoldCell.OFF,
                Duration.ofSeconds(1), Optional.of(Duration.ofMinutes(30)), Optional.of(PlannedStep.Hold.OnTimeout.CONTINUE),
                false, new Location(Path.of("p.yaml"), 3, 5), StepContext.NONE), Optional.of(Duration.ofMinutes(30)));
        ended(6, StepOutcome.COMPLETED);
        ended(7, StepOutcome.ABORTED);
        List<Alert> all = settled();
        assertThat(all).extracting(Alert::kind).containsExactly(Alert.Kind.WATCHDOG, Alert.Kind.STEP_FAILED,
                Alert.Kind.HOLD_WAITING);
        assertThat(all.get(0).cellState()).startsWith("not known");
        assertThat(all.get(2).what()).contains("Swap the gas").contains("up to 1800 s, then the run goes on")
                .contains("'norrlab continue 12' or Enter");
        assertThat(all.get(2).cellState()).isEqualTo("off (the instrument accepted cell off for the hold)");
    }

    @Test
    void aBreachThatDoesNotEndTheRunSaysTheCellWasSwitchedOffButNotConfirmed() {
        event(2, EventKind.ENVELOPE_BREACH, "current -12 mA is outside the safety envelope (max_current 10 mA)");
        Alert alert = settled().get(0);
        assertThat(alert.kind()).isEqualTo(Alert.Kind.SAFETY_BREACH);
        assertThat(alert.what()).startsWith("step 2").contains("safety envelope");
        assertThat(alert.cellState()).isEqualTo("switched off by the run when it stopped the step, not confirmed by"
                + " the instrument; the run goes on with the next step");
    }

    @Test
    void eventsThatNeedNobodyMakeNone() {
        event(1, EventKind.NOTE, "the instrument ended the step early");
        event(1, EventKind.FAILURE, "something else");
        alerts.accept(new AcquisitionRecord.EventSeen(1, new Event(EventKind.RANGE_CHANGE, 1, "range", Map.of()), AT),
                false);
        assertThat(settled()).isEmpty();
    }
}
