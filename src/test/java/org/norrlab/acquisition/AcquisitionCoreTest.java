package org.norrlab.acquisition;

import org.junit.jupiter.api.Test;
import org.norrlab.core.Sample;
import org.norrlab.driver.SampleSink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcquisitionCoreTest {

    /** Records what it gets, slowly, and how many batches it was told about. */
    static final class SlowRecorder implements RecordConsumer {
        final List<Long> sequences = new ArrayList<>();
        int batches;

        @Override
        public void accept(AcquisitionRecord record, boolean endOfBatch) throws InterruptedException {
            if (record instanceof AcquisitionRecord.SampleTaken taken) {
                sequences.add(taken.sequence());
                if (taken.sequence() % 100 == 0) {
                    Thread.sleep(1);
                }
            }
            if (endOfBatch) {
                batches++;
            }
        }
    }

    @Test
    void aSlowConsumerMakesTheProducerWaitButLosesNothing() throws Exception {
        SlowRecorder recorder = new SlowRecorder();
        AcquisitionCore core = new AcquisitionCore(64, List.of(recorder));
        SampleSink sink = core.sinkFor(1);
        for (int k = 0; k < 20_000; k++) {
            sink.sample(new Sample(k * 0.01, -1.0, -0.001, 0.01, 0));
        }
        core.close();
        assertThat(recorder.sequences).hasSize(20_000);
        for (int k = 0; k < 20_000; k++) {
            assertThat(recorder.sequences.get(k)).isEqualTo(k);
        }
        AcquisitionCore.Counters counters = core.counters();
        assertThat(counters.samplesIn()).isEqualTo(20_000);
        assertThat(counters.samplesDelivered()).isEqualTo(20_000);
        assertThat(counters.queueHighWater()).isLessThanOrEqualTo(64).isGreaterThan(1);
        // Batches group samples: far fewer end-of-batch calls than samples.
        assertThat(recorder.batches).isLessThan(20_000);
    }

    @Test
    void flushWaitsUntilConsumersHaveEverything() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        AcquisitionCore core = new AcquisitionCore(1024, List.of((record, end) -> {
            Thread.sleep(0, 200_000);
            seen.incrementAndGet();
        }));
        SampleSink sink = core.sinkFor(1);
        for (int k = 0; k < 500; k++) {
            sink.sample(new Sample(k, 0, 0, 1, 0));
        }
        assertThat(core.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(seen.get()).isEqualTo(500);
        core.close();
    }

    @Test
    void aFailingConsumerStopsTheProducerWithTheReason() throws Exception {
        AcquisitionCore core = new AcquisitionCore(16, List.of((record, end) -> {
            if (record instanceof AcquisitionRecord.SampleTaken taken && taken.sequence() == 10) {
                throw new java.sql.SQLException("disk full");
            }
        }));
        SampleSink sink = core.sinkFor(1);
        assertThatThrownBy(() -> {
            for (int k = 0; k < 10_000; k++) {
                sink.sample(new Sample(k, 0, 0, 1, 0));
            }
        }).isInstanceOf(AcquisitionFailedException.class).hasMessageContaining("disk full");
        assertThat(core.failure()).isPresent();
        core.close();
    }

    @Test
    void statisticsFollowTheCurrentStep() throws Exception {
        RunStatistics statistics = new RunStatistics();
        AcquisitionCore core = new AcquisitionCore(1024, List.of(statistics));
        SampleSink sink = core.sinkFor(2);
        for (int k = 1; k <= 10; k++) {
            sink.sample(new Sample(k, -1.0, -0.002, 0.01, 0));
        }
        core.close();
        RunStatistics.Snapshot snapshot = statistics.snapshot();
        assertThat(snapshot.samples()).isEqualTo(10);
        assertThat(snapshot.meanAmperes()).isCloseTo(-0.002, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(snapshot.coulombs()).isCloseTo(-0.020, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(snapshot.latest()).map(Sample::timeSeconds).contains(10.0);
    }
}
