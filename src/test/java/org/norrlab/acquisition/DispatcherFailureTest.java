package org.norrlab.acquisition;

import org.junit.jupiter.api.Test;
import org.norrlab.core.Sample;
import org.norrlab.driver.SampleSink;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * However the dispatcher thread stops, a producer learns of it and is refused with the reason, rather than
 * waiting for ever on a queue no one drains (a driver blocked there would keep the cell on). The time
 * limits only turn such a hang into a failure; nothing here measures how fast the machine is.
 */
class DispatcherFailureTest {
    private static final Duration HANG = Duration.ofSeconds(60);

    private static void publishUntilRefused(AcquisitionCore core) throws InterruptedException {
        SampleSink sink = core.sinkFor(1);
        for (int k = 0; k < 1_000_000; k++) {
            sink.sample(new Sample(k * 0.01, -1.0, -0.001, 0.01, 0));
        }
    }

    @Test
    void anErrorInAConsumerStopsTheProducersWithTheReason() {
        AcquisitionCore core = new AcquisitionCore(4, List.of((record, endOfBatch) -> {
            throw new AssertionError("a consumer's bug");
        }));
        assertTimeoutPreemptively(HANG, () -> {
            assertThatThrownBy(() -> publishUntilRefused(core)).isInstanceOf(AcquisitionFailedException.class)
                    .hasMessageStartingWith("the acquisition dispatcher stopped (java.lang.AssertionError: a consumer's bug); ")
                    .hasMessageEndingWith("; the records it had not delivered yet, and any published since, are not stored");
            assertThat(core.failure()).containsInstanceOf(DispatcherStoppedException.class);
            // A flush does not wait for a dispatcher that is gone: it returns, and the preemptive limit turns a hang
            // into a failure. Whether it says "all delivered" depends on a race that is fine either way: the first
            // record may be taken and fail the dispatcher before its publish was counted, leaving nothing to wait for.
            core.flush(HANG);
            core.close();
        });
    }

    @Test
    void anInterruptedDispatcherStopsTheProducersWithTheReason() throws Exception {
        AtomicReference<Thread> dispatcher = new AtomicReference<>();
        CompletableFuture<Void> firstRecord = new CompletableFuture<>();
        AcquisitionCore core = new AcquisitionCore(4, List.of((record, endOfBatch) -> {
            dispatcher.compareAndSet(null, Thread.currentThread());
            firstRecord.complete(null);
        }));
        core.sinkFor(1).sample(Sample.potentialOnly(0.1, -0.2));
        firstRecord.get();
        dispatcher.get().interrupt();
        assertTimeoutPreemptively(HANG, () -> {
            assertThatThrownBy(() -> publishUntilRefused(core)).isInstanceOf(AcquisitionFailedException.class)
                    .hasMessageStartingWith("the acquisition dispatcher was interrupted; ");
            core.close();
        });
        assertThat(core.counters().samplesDelivered()).isEqualTo(1);
    }
}
