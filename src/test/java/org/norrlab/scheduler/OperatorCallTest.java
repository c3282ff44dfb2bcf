package org.norrlab.scheduler;

import org.junit.jupiter.api.Test;
import org.norrlab.config.Location;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's side of a hold: who ends the wait, and that nothing is continued that does not wait. */
class OperatorCallTest {
    static final PlannedStep.Hold HOLD = new PlannedStep.Hold(2, "Hold", "Swap the gas", PlannedStep.Hold.HoldCell.OFF,
            Duration.ofSeconds(1), Optional.of(Duration.ofMinutes(30)), Optional.of(PlannedStep.Hold.OnTimeout.CONTINUE),
            false, new Location(Path.of("p.yaml"), 3, 5), StepContext.NONE);

    @Test
    void anotherThreadContinuesAWaitingHoldAndWatchersAreToldOnce() throws Exception {
        OperatorCall call = new OperatorCall();
        assertThat(call.continueHold()).as("nothing waits yet").isFalse();
        List<String> told = new ArrayList<>();
        call.addWatcher(new OperatorCall.Watcher() {
            @Override
            public void holdStarted(PlannedStep.Hold hold, Optional<Duration> timeout) {
                told.add("started " + hold.index());
            }

            @Override
            public void holdEnded(PlannedStep.Hold hold, OperatorGate.ContinuedBy by) {
                told.add("ended " + by);
            }
        });
        CompletableFuture<OperatorGate.ContinuedBy> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return call.await(HOLD, HOLD.timeout(), () -> false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (call.waiting().isEmpty()) {
            Thread.sleep(5);
        }
        assertThat(call.continueHold()).isTrue();
        assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(OperatorGate.ContinuedBy.OPERATOR);
        assertThat(told).containsExactly("started 2", "ended OPERATOR");
        assertThat(call.waiting()).isEmpty();
    }

    @Test
    void theTimeoutAnAbortAndASignalEachEndTheWait() throws Exception {
        OperatorCall call = new OperatorCall();
        assertThat(call.await(HOLD, Optional.of(Duration.ofMillis(1)), () -> false)).isEqualTo(OperatorGate.ContinuedBy.TIMEOUT);
        assertThat(call.await(HOLD, Optional.empty(), () -> true)).isEqualTo(OperatorGate.ContinuedBy.ABORTED);
        AtomicBoolean fileWritten = new AtomicBoolean(true);
        call.addSignal(fileWritten::get);
        assertThat(call.await(HOLD, Optional.empty(), () -> false)).isEqualTo(OperatorGate.ContinuedBy.OPERATOR);
        // a Continue from before a hold does not continue the next one
        fileWritten.set(false);
        call.continueHold();
        assertThat(call.await(HOLD, Optional.of(Duration.ofMillis(1)), () -> false)).isEqualTo(OperatorGate.ContinuedBy.TIMEOUT);
    }

    @Test
    void theHoldEventNumbersAreTheDocumentedOnes() {
        assertThat(List.of(OperatorGate.ContinuedBy.OPERATOR.code(), OperatorGate.ContinuedBy.TIMEOUT.code(),
                OperatorGate.ContinuedBy.UNATTENDED.code())).containsExactly(0, 1, 2);
        assertThat(OperatorGate.ContinuedBy.ofCode(1.0)).contains(OperatorGate.ContinuedBy.TIMEOUT);
        assertThat(OperatorGate.ContinuedBy.ofCode(7.0)).isEmpty();
    }
}
