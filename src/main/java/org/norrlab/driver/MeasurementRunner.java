package org.norrlab.driver;

import org.norrlab.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The part every streaming serial driver shares: one reader thread per instrument that runs a
 * measurement's read loop, the measurement in progress, a stop command sent at most once, and the
 * close sequence that turns the cell off where the instrument can still hear us.
 */
public final class MeasurementRunner {
    private static final Logger log = LoggerFactory.getLogger(MeasurementRunner.class);

    /** Something sent to the instrument that may fail. */
    @FunctionalInterface
    public interface Command {
        void send() throws DriverException;
    }

    private final String port;
    private final Duration readTimeout;
    private final ExecutorService reader;
    private volatile CompletableMeasurement running;
    private volatile boolean stopSent;

    public MeasurementRunner(String threadName, String port, Duration readTimeout) {
        this.port = port;
        this.readTimeout = readTimeout;
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(LogContext.carried(r), threadName + " " + port);
            t.setDaemon(true);
            return t;
        });
    }

    public void ensureIdle() throws DriverException {
        if (running != null) {
            throw new DriverException("a measurement is still running on " + port + "; abort it first");
        }
    }

    /** Marks a measurement as running (before its first command goes out) and returns its handle. */
    public CompletableMeasurement begin() throws DriverException {
        ensureIdle();
        CompletableMeasurement measurement = new CompletableMeasurement();
        stopSent = false;
        running = measurement;
        return measurement;
    }

    /** Runs the read loop of the measurement {@link #begin} started, on the reader thread. */
    public void read(CompletableMeasurement measurement, Supplier<MeasurementEnd> loop) {
        reader.execute(() -> {
            MeasurementEnd end;
            try {
                end = loop.get();
            } catch (RuntimeException | Error e) {
                // A read loop that throws (the acquisition refused a sample, a fault in a parser) must still end the
                // measurement, or the scheduler would wait for it for ever with the cell on. It stays "running" so
                // that the scheduler's abort sends the stop command. The samples delivered before are counted by
                // the scheduler's own sink, not here.
                log.error("{}: the measurement's read loop stopped", port, e);
                measurement.complete(new MeasurementEnd(MeasurementEnd.Outcome.FAILED, 0, 0, Optional.of(
                        new DriverException("reading the measurement on " + port + " stopped: " + e, e))));
                return;
            }
            running = null;
            measurement.complete(end);
        });
    }

    /** The measurement did not start after all (its first command failed). */
    public void cancel() {
        running = null;
    }

    public boolean isRunning() {
        return running != null;
    }

    /** Whether the running measurement was told to stop (its end is then "aborted", not "completed"). */
    public boolean stopSent() {
        return stopSent;
    }

    /** Sends the stop command once and waits up to one read timeout for the measurement to end. */
    public void abort(Command stop) throws DriverException {
        CompletableMeasurement measurement = running;
        if (measurement == null) {
            return;
        }
        if (!stopSent) {
            stopSent = true;
            stop.send();
        }
        try {
            if (measurement.awaitEnd(readTimeout).isPresent() && running == measurement) {
                running = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** From the reader thread, when the read loop itself gives up: stop the instrument, log if that fails too. */
    public void stopQuietly(Command stop) {
        try {
            stopSent = true;
            stop.send();
        } catch (DriverException e) {
            log.error("{}: could not send the stop command", port, e);
        }
    }

    /** Stops what runs, switches the cell off when the instrument is idle again, then releases the port. */
    public void close(Command stop, Command cellOff, Runnable release) {
        try {
            abort(stop);
            CompletableMeasurement measurement = running;
            if (measurement == null || measurement.awaitEnd(readTimeout.multipliedBy(2)).isPresent()) {
                cellOff.send();
            }
        } catch (DriverException e) {
            log.error("{}: could not confirm that the cell is off on close; check the instrument", port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reader.shutdownNow();
            try {
                reader.awaitTermination(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.run();
        }
    }
}
