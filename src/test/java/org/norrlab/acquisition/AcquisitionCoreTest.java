package org.norrlab.acquisition;

import org.junit.jupiter.api.Test;
import org.norrlab.core.Sample;
import org.norrlab.driver.SampleSink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcquisitionCoreTest {

    /**
     * Records what it gets, slowly, and how many batches it was told about. It holds on to the first
     * record until the producer thread waits (a full queue), and notes how many samples the producer
     * had handed over by then.
     */
    static final class SlowRecorder implements RecordConsumer {
        final List<Long> sequences = new ArrayList<>();
        final AtomicLong produced = new AtomicLong();
        volatile Thread producer;
        long producedWhenTheProducerWaited = -1;
        Thread.State producerState;
        int batches;

        @Override
        public void accept(AcquisitionRecord record, boolean endOfBatch) throws InterruptedException {
            if (record instanceof AcquisitionRecord.SampleTaken taken) {
                if (taken.sequence() == 0) {
                    awaitTheProducer();
                }
                sequences.add(taken.sequence());
                if (taken.sequence() % 100 == 0) {
                    Thread.sleep(1);
                }
            }
            if (endOfBatch) {
                batches++;
            }
        }

        private void awaitTheProducer() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            do {
                producerState = producer.getState();
                Thread.sleep(1);
            } while (producerState != Thread.State.TIMED_WAITING && producerState != Thread.State.TERMINATED
                    && System.nanoTime() < deadline);
            producedWhenTheProducerWaited = produced.get();
        }
    }

    @Test
    void aSlowConsumerMakesTheProducerWaitButLosesNothing() throws Exception {
        SlowRecorder recorder = new SlowRecorder();
        int capacity = 64;
        AcquisitionCore core = new AcquisitionCore(capacity, List.of(recorder));
        SampleSink sink = core.sinkFor(1);
        Exception[] failed = {null};
        Thread producer = new Thread(() -> {
            try {
                for (int k = 0; k < 20_000; k++) {
                    sink.sample(new Sample(k * 0.01, -1.0, -0.001, 0.01, 0));
                    recorder.produced.incrementAndGet();
                }
            } catch (InterruptedException e) {
                failed[0] = e;
            }
        }, "producer");
        recorder.producer = producer;
        producer.start();
        producer.join();
        core.close();
        assertThat(failed[0]).isNull();
        // While the consumer held the first batch, the producer filled the queue and then waited (a queue that
        // did not hold it back would have let it run through all 20 000): the first batch (at most a full
        // queue and the one taken) plus a full queue behind it.
        assertThat(recorder.producerState).as("the producer, while the consumer is stuck").isEqualTo(Thread.State.TIMED_WAITING);
        assertThat(recorder.producedWhenTheProducerWaited).isBetween((long) capacity, 2L * capacity + 1);
        assertThat(recorder.sequences).hasSize(20_000);
        for (int k = 0; k < 20_000; k++) {
            assertThat(recorder.sequences.get(k)).isEqualTo(k);
        }
        AcquisitionCore.Counters counters = core.counters();
        assertThat(counters.samplesIn()).isEqualTo(20_000);
        assertThat(counters.samplesDelivered()).isEqualTo(20_000);
        // The dispatcher found the queue full once the first batch was through, and the counter says so.
        assertThat(counters.queueHighWater()).isEqualTo(capacity);
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
    void aFailingConsumerIsNamedAsAPersonReadsItNotByItsClass() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(AcquisitionCore.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            AcquisitionCore core = new AcquisitionCore(16, List.of(new RecordConsumer() {
                @Override
                public void accept(AcquisitionRecord record, boolean endOfBatch) throws Exception {
                    throw new java.sql.SQLException("disk full");
                }

                @Override
                public String name() {
                    return "writing to the session store lab.db";
                }
            }));
            SampleSink sink = core.sinkFor(1);
            assertThatThrownBy(() -> {
                for (int k = 0; k < 10_000; k++) {
                    sink.sample(new Sample(k, 0, 0, 1, 0));
                }
            }).isInstanceOf(AcquisitionFailedException.class);
            core.close();
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .containsExactly("writing to the session store lab.db failed, the run will stop: disk full");
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
