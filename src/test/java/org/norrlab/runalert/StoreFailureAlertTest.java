package org.norrlab.runalert;

import org.junit.jupiter.api.Test;
import org.norrlab.acquisition.AcquisitionCore;
import org.norrlab.acquisition.AcquisitionFailedException;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.acquisition.RecordConsumer;
import org.norrlab.alert.Alert;
import org.norrlab.alert.AlertChannel;
import org.norrlab.alert.Retry;
import org.norrlab.core.Sample;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that fails during a run is alerted at the moment of the failure, saying what failed and up to which sample
 * the data are stored (the whole batches before the failing one), with no secret of the store's URL; the acquisition
 * core tells the other consumers of the failure as it happens.
 */
class StoreFailureAlertTest {
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
    }), Retry.DEFAULT, "bench 7", () -> 12, true, Optional.empty());

    private static AcquisitionRecord sample(int step, long seq, double t) {
        return new AcquisitionRecord.SampleTaken(step, seq, new Sample(t, -0.5, -1e-3, 1e-2, 0));
    }

    @Test
    void theAlertSaysWhatFailedAndThatTheWholeBatchesBeforeItAreStored() {
        // two whole batches (3 + 2 samples), then a batch whose commit fails after 2 samples
        alerts.accept(sample(1, 0, 0.1), false);
        alerts.accept(sample(1, 1, 0.2), false);
        alerts.accept(sample(1, 2, 0.3), true);
        alerts.accept(sample(2, 0, 0.1), false);
        alerts.accept(sample(2, 1, 0.2), true);
        alerts.accept(sample(2, 2, 0.3), false);
        alerts.accept(sample(2, 3, 0.4), false);
        alerts.otherFailed("writing to the session store postgresql://lab/norr", new Exception(
                "I/O error: connection to postgresql://norr:hunter2@lab:5432/norr?password=hunter2 reset"));
        RunAlerts.closeAll(List.of(alerts));

        assertThat(sent).hasSize(1);
        Alert alert = sent.get(0);
        assertThat(alert.kind()).isEqualTo(Alert.Kind.STORE_FAILURE);
        assertThat(alert.session()).contains(12L);
        assertThat(alert.what()).isEqualTo("writing to the session store postgresql://lab/norr failed: I/O error:"
                + " connection to postgresql://lab:5432/… reset; the 5 samples recorded up to step 2 at t = 0.2 s are"
                + " stored and safe; the run stops");
        assertThat(alert.what()).doesNotContain("hunter2");
        assertThat(alert.cellState()).startsWith("not confirmed");
    }

    @Test
    void aFailureOfAnotherPartMakesNoStoreAlert() {
        alerts.otherFailed("showing the live chart", new IllegalStateException("bug"));
        RunAlerts.closeAll(List.of(alerts));
        assertThat(sent).isEmpty();
    }

    @Test
    void theCoreTellsTheOtherConsumersWhenOneFailsOnce() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        RecordConsumer failing = new RecordConsumer() {
            @Override
            public void accept(AcquisitionRecord record, boolean endOfBatch) throws Exception {
                throw new java.io.IOException("disk full");
            }

            @Override
            public String name() {
                return "writing to the session store x.db";
            }
        };
        RecordConsumer watcher = new RecordConsumer() {
            @Override
            public void accept(AcquisitionRecord record, boolean endOfBatch) {
            }

            @Override
            public void otherFailed(String failed, Exception why) {
                told.add(failed + ": " + why.getMessage());
            }
        };
        AcquisitionCore core = new AcquisitionCore(64, List.of(failing, watcher));
        try {
            core.publish(new AcquisitionRecord.SampleTaken(1, 0, new Sample(0.1, -0.5, -1e-3, 1e-2, 0)));
        } catch (AcquisitionFailedException alreadyFailed) {
            // the record was queued; the dispatcher may have failed on it before publish looked (a race, seen in CI)
        }
        core.close();
        assertThat(core.failure()).isPresent();
        assertThat(told).containsExactly("writing to the session store x.db: disk full");
    }
}
