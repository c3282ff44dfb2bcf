package org.norrlab.acquisition;

import org.norrlab.core.Event;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Sample;
import org.norrlab.driver.SampleSink;
import org.norrlab.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** See the package documentation for the threading and backpressure policy. */
public final class AcquisitionCore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AcquisitionCore.class);
    public static final int DEFAULT_CAPACITY = 1 << 16;
    private static final int MAX_BATCH = 8192;
    /** How many were lost is for the counters to say (samples in versus delivered), not a guess made here. */
    private static final String NOT_DELIVERED = "the records it had not delivered yet, and any published since, are not stored";
    private static final AcquisitionRecord END = new AcquisitionRecord.SampleTaken(-1, -1, Sample.potentialOnly(0, 0));

    private final BlockingQueue<AcquisitionRecord> queue;
    private final int capacity;
    private final List<RecordConsumer> consumers;
    private final Thread dispatcher;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong samplesIn = new AtomicLong();
    private final Object progress = new Object();
    private long delivered;
    private long samplesDelivered;
    private long discardedAfterFailure;
    private int highWater;
    private volatile Exception failure;
    private volatile RecordConsumer failedConsumer;
    private volatile boolean closed;
    private volatile boolean dispatcherStopped;

    public AcquisitionCore(int capacity, List<RecordConsumer> consumers) {
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.consumers = List.copyOf(consumers);
        // Its warnings name the bench of a lab run, as the thread creating the core does.
        this.dispatcher = new Thread(LogContext.carried(this::dispatch), "acquisition-dispatcher");
        this.dispatcher.start();
    }

    /** A sink for one step's measurement; it numbers the samples, and apart from them the impedance points, from 0. */
    public SampleSink sinkFor(int stepIndex) {
        return new SampleSink() {
            private long sequence;
            private long impedanceSequence;

            @Override
            public void impedance(ImpedancePoint point) throws InterruptedException {
                publish(new AcquisitionRecord.ImpedanceMeasured(stepIndex, impedanceSequence++, point));
            }

            @Override
            public void sample(Sample sample) throws InterruptedException {
                publish(new AcquisitionRecord.SampleTaken(stepIndex, sequence++, sample));
                samplesIn.incrementAndGet();
            }

            @Override
            public void event(Event event) throws InterruptedException {
                publish(new AcquisitionRecord.EventSeen(stepIndex, event, Instant.now()));
            }
        };
    }

    /** Queues a record, waiting while the queue is full. Refuses once a consumer has failed. */
    public void publish(AcquisitionRecord record) throws InterruptedException {
        while (!queue.offer(record, 100, TimeUnit.MILLISECONDS)) {
            checkHealthy();
        }
        checkHealthy();
        published.incrementAndGet();
    }

    private void checkHealthy() {
        if (failure != null) {
            throw new AcquisitionFailedException(failure);
        }
        if (closed) {
            throw new IllegalStateException("the acquisition core is closed");
        }
    }

    /** Waits until every record published so far has reached every consumer. */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = published.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (delivered + discardedAfterFailure < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || dispatcherStopped) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
        return true;
    }

    public Optional<Exception> failure() {
        return Optional.ofNullable(failure);
    }

    public Counters counters() {
        synchronized (progress) {
            return new Counters(samplesIn.get(), samplesDelivered, highWater, capacity, discardedAfterFailure);
        }
    }

    /** Samples received from drivers and delivered to consumers, and how full the queue ever got. */
    public record Counters(long samplesIn, long samplesDelivered, int queueHighWater, int queueCapacity,
                           long recordsDiscardedAfterFailure) {
    }

    /**
     * The dispatcher thread. However it stops, producers must learn of it: a dispatcher that dies silently
     * leaves a driver blocked on a full queue for ever, with the cell on.
     */
    private void dispatch() {
        try {
            dispatchUntilClosed();
        } catch (InterruptedException e) {
            stopped(new DispatcherStoppedException("the acquisition dispatcher was interrupted; " + NOT_DELIVERED, e));
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            stopped(new DispatcherStoppedException("the acquisition dispatcher stopped (" + e + "); " + NOT_DELIVERED, e));
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;   // out of memory: let the JVM's own handling see it too
            }
        }
    }

    private void stopped(DispatcherStoppedException why) {
        log.error("{}; the run will stop", why.getMessage(), why.getCause());
        synchronized (progress) {
            if (failure == null) {
                failure = why;
            }
            dispatcherStopped = true;
            progress.notifyAll();
        }
    }

    /**
     * Where the closing marker is in {@code batch}, or -1: found by identity. {@code List.indexOf} would call the
     * records' equals on every record of every batch (a sample's fields compared one by one) to find one object.
     */
    static int indexOfEnd(List<AcquisitionRecord> batch) {
        for (int i = 0, n = batch.size(); i < n; i++) {
            if (batch.get(i) == END) {
                return i;
            }
        }
        return -1;
    }

    private void dispatchUntilClosed() throws InterruptedException {
        List<AcquisitionRecord> batch = new ArrayList<>(MAX_BATCH);
        boolean running = true;
        while (running) {
            int depth = Math.max(1, queue.size());
            batch.add(queue.take());
            queue.drainTo(batch, MAX_BATCH - 1);
            int end = indexOfEnd(batch);
            if (end >= 0) {
                running = false;
                if (end < batch.size() - 1) {
                    log.error("{} records were published after the core closed; they are not delivered",
                            batch.size() - 1 - end);
                }
                batch.subList(end, batch.size()).clear();
            }
            int last = batch.size() - 1;
            long samples = 0;
            for (int i = 0; i <= last; i++) {
                AcquisitionRecord record = batch.get(i);
                if (record instanceof AcquisitionRecord.SampleTaken) {
                    samples++;
                }
                deliver(record, i == last);
            }
            synchronized (progress) {
                if (failure == null) {
                    delivered += last + 1;
                    samplesDelivered += samples;
                } else {
                    discardedAfterFailure += last + 1;
                }
                highWater = Math.max(highWater, depth);
                progress.notifyAll();
            }
            batch.clear();
            logCountersEveryMinute();
        }
        for (RecordConsumer consumer : consumers) {
            if (consumer == failedConsumer) {
                // It failed once already; asked again, a store that stopped answering would hold the end of the run
                // for another timeout, only to fail the same way.
                continue;
            }
            try {
                consumer.finish();
            } catch (Exception e) {
                fail(consumer, e);
            }
        }
    }

    private long lastCountersLog = System.nanoTime();

    /** Overnight runs show in the log that data still flows, and how full the queue got. */
    private void logCountersEveryMinute() {
        long now = System.nanoTime();
        if (now - lastCountersLog >= 60_000_000_000L) {
            lastCountersLog = now;
            Counters c = counters();
            log.info("acquisition: {} samples in, {} delivered, queue high-water {} of {}", c.samplesIn(),
                    c.samplesDelivered(), c.queueHighWater(), c.queueCapacity());
        }
    }

    private void deliver(AcquisitionRecord record, boolean endOfBatch) {
        if (failure != null) {
            return;
        }
        for (RecordConsumer consumer : consumers) {
            try {
                consumer.accept(record, endOfBatch);
            } catch (Exception e) {
                fail(consumer, e);
                return;
            }
        }
    }

    private void fail(RecordConsumer consumer, Exception e) {
        log.error("{} failed, the run will stop: {}", consumer.name(), e.getMessage(), e);
        if (failure == null) {
            failedConsumer = consumer;
            failure = e;
            // The others hear of it now (an alert to a person), not when the run has wound down.
            for (RecordConsumer other : consumers) {
                if (other != consumer) {
                    try {
                        other.otherFailed(consumer.name(), e);
                    } catch (RuntimeException notice) {
                        log.error("{} could not take the news that {} failed", other.name(), consumer.name(), notice);
                    }
                }
            }
        }
    }

    /** Delivers what is queued, lets consumers finish, and stops the dispatcher. */
    @Override
    public void close() throws InterruptedException {
        if (!closed) {
            // A stopped dispatcher drains nothing: do not wait for room in its queue.
            while (!dispatcherStopped && dispatcher.isAlive() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                log.debug("waiting for room in the acquisition queue to close it");
            }
            closed = true;
        }
        dispatcher.join();
        logClosed();
    }

    /**
     * As {@link #close()}, waiting at most {@code wait} for the consumers to take what is queued (a store that
     * stopped answering must not hold the end of a run for ever). False if they have not finished by then;
     * {@link #close()} then waits for the rest.
     */
    public boolean close(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        if (!closed) {
            while (!dispatcherStopped && dispatcher.isAlive() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
            }
            closed = true;
        }
        TimeUnit.NANOSECONDS.timedJoin(dispatcher, Math.max(1, deadline - System.nanoTime()));
        if (dispatcher.isAlive()) {
            return false;
        }
        logClosed();
        return true;
    }

    private boolean closeLogged;

    private void logClosed() {
        if (closeLogged) {
            return;
        }
        closeLogged = true;
        Counters c = counters();
        log.info("acquisition closed: {} samples in, {} delivered to {} consumers, queue high-water {} of {}{}",
                c.samplesIn(), c.samplesDelivered(), consumers.size(), c.queueHighWater(), c.queueCapacity(),
                c.recordsDiscardedAfterFailure() > 0 ? ", " + c.recordsDiscardedAfterFailure()
                        + " records not stored after a consumer failed" : "");
    }
}
