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
 * measurement's read loop, the measurement in progress, a stop command sent at most once, the
 * cell-off command sent once per exit path (once after anything that may have switched the cell on:
 * the scheduler's final cell-off makes the close's a no-op), and the close sequence that turns the
 * cell off where the instrument can still hear us, and only once the device was identified as the
 * profile's instrument (an unknown device on the port gets no commands it may misread).
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
    /** Whether the cell-off command went out since the cell could last have been switched on. */
    private volatile boolean cellOffSent;
    private volatile boolean identified;
    private volatile boolean closed;

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
        cellOffSent = false;
        running = measurement;
        return measurement;
    }

    /** The device answered as the profile's instrument (or, false, the link was reopened and it has not yet). */
    public void identified(boolean answered) {
        identified = answered;
        if (!answered) {
            cellOffSent = false; // after a reconnect the cell's state is not known: switch it off again
        }
    }

    /**
     * Sends the cell-off command unless it already went out since the cell could last have been
     * switched on; a failure is passed on once and not tried again by the close.
     */
    public void switchOffOnce(Command cellOff) throws DriverException {
        if (cellOffSent) {
            log.debug("{}: the cell-off command was already sent on this exit path", port);
            return;
        }
        cellOffSent = true;
        cellOff.send();
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
        // A read loop that failed leaves its measurement "running" for this stop command; once it has ended, it is not.
        if (awaitEndThroughInterrupts(measurement, readTimeout).isPresent() && running == measurement) {
            running = null;
        }
    }

    /**
     * Waits for a measurement's end even when the calling thread is interrupted (Ctrl-C, a shutdown):
     * the cell-off that follows must know whether the instrument is idle. The interrupt is kept.
     */
    private static Optional<MeasurementEnd> awaitEndThroughInterrupts(CompletableMeasurement measurement, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return measurement.awaitEnd(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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

    /**
     * Stops what runs, switches the cell off when the instrument is idle again (unless that was done
     * on this exit path already), then releases the port. A second close does nothing.
     */
    public void close(Command stop, Command cellOff, Runnable release) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!identified) {
                log.info("{}: the device was not identified as the profile's instrument; releasing the port without"
                        + " sending it commands", port);
                return;
            }
            abort(stop);
            CompletableMeasurement measurement = running;
            if (measurement == null || awaitEndThroughInterrupts(measurement, readTimeout.multipliedBy(2)).isPresent()) {
                cellOff.send(); // the driver's cell-off, which goes out through switchOffOnce
            } else {
                log.error("{}: the measurement did not stop on close, so the cell could not be switched off; check the"
                        + " instrument", port);
            }
        } catch (DriverException e) {
            log.error("{}: could not confirm that the cell is off on close; check the instrument", port, e);
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
