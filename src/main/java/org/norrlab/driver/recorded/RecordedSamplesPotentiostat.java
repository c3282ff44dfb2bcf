package org.norrlab.driver.recorded;

import org.norrlab.core.Capabilities;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.CompletableMeasurement;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.OpenCircuitRequest;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.driver.Speed;
import org.norrlab.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays recorded steps in order: each measurement request takes the next recorded step and streams
 * its samples (an EIS step: its impedance points) at their recorded times divided by the speed. A request of the
 * wrong kind (a CA where the recording has an OCP) is refused rather than answered with the wrong data.
 */
public final class RecordedSamplesPotentiostat implements Potentiostat {
    private static final Logger log = LoggerFactory.getLogger(RecordedSamplesPotentiostat.class);

    /**
     * One recorded step: its kind ("ca", "ocp", …, "eis"), its samples (read as they are played) and its impedance
     * spectrum (EIS steps).
     */
    public record RecordedStep(String kind, RecordedSamples samples, List<ImpedancePoint> spectrum) {
        public RecordedStep {
            spectrum = List.copyOf(spectrum);
        }

        public RecordedStep(String kind, List<Sample> samples, List<ImpedancePoint> spectrum) {
            this(kind, RecordedSamples.of(samples), spectrum);
        }

        /** A step of samples held in memory, without a spectrum. */
        public RecordedStep(String kind, List<Sample> samples) {
            this(kind, samples, List.of());
        }

        /** A step of samples read as they are played, without a spectrum. */
        public RecordedStep(String kind, RecordedSamples samples) {
            this(kind, samples, List.of());
        }
    }

    private final InstrumentIdentity identity;
    private final Capabilities capabilities;
    private final Deque<RecordedStep> steps;
    private final Speed speed;
    private volatile boolean abort;
    private Thread player;

    public RecordedSamplesPotentiostat(InstrumentIdentity identity, Capabilities capabilities, List<RecordedStep> steps,
                                       Speed speed) {
        this.identity = identity;
        this.capabilities = capabilities;
        this.steps = new ArrayDeque<>(steps);
        this.speed = speed;
    }

    @Override
    public InstrumentIdentity identify() {
        return identity;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void setCellOn(boolean on) {
        // nothing to switch: the cell is a recording
    }

    @Override
    public Measurement start(MeasurementRequest request, SampleSink sink) throws DriverException {
        return request.match(ca -> play("ca", sink), ocp -> play("ocp", sink), lsv -> play("lsv", sink),
                cv -> play("cv", sink), cp -> play("cp", sink), eis -> play("eis", sink));
    }

    private synchronized Measurement play(String kind, SampleSink sink) throws DriverException {
        RecordedStep step = steps.poll();
        if (step == null) {
            throw new DriverException("the recording has no more steps to play");
        }
        if (!step.kind().equals(kind)) {
            throw new DriverException("the recording's next step is a " + step.kind() + ", the plan asks for a " + kind);
        }
        abort = false;
        CompletableMeasurement measurement = new CompletableMeasurement();
        player = new Thread(LogContext.carried(() -> measurement.complete(stream(step, sink))), "recorded-samples");
        player.setDaemon(true);
        player.start();
        return measurement;
    }

    private MeasurementEnd stream(RecordedStep step, SampleSink sink) {
        long start = System.nanoTime();
        // the player's tally: how many samples went out, the time of the last, whether it was stopped before the end
        long[] count = {0};
        double[] last = {0};
        boolean[] stopped = {false};
        try {
            step.samples().play(sample -> {
                if (!waitFor(start, sample.timeSeconds())) {
                    // stopped before the sample's time came: it is not played
                    stopped[0] = true;
                    return false;
                }
                sink.sample(sample);
                count[0]++;
                last[0] = sample.timeSeconds();
                return true;
            });
            if (stopped[0]) {
                return new MeasurementEnd(MeasurementEnd.Outcome.ABORTED, count[0], last[0], Optional.empty());
            }
            // an EIS step's points come as the instrument gave them; they are not samples, so the count stays 0
            for (ImpedancePoint point : step.spectrum()) {
                if (!waitFor(start, point.timeSeconds())) {
                    return new MeasurementEnd(MeasurementEnd.Outcome.ABORTED, count[0], last[0], Optional.empty());
                }
                sink.impedance(point);
                last[0] = point.timeSeconds();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MeasurementEnd(MeasurementEnd.Outcome.ABORTED, count[0], last[0], Optional.empty());
        } catch (DriverException e) {
            // the recording could not be read (its store went away, a stored sample is unusable): the step fails
            log.error("replay of recorded samples stopped after {} samples", count[0], e);
            return new MeasurementEnd(MeasurementEnd.Outcome.FAILED, count[0], last[0], Optional.of(e));
        } catch (RuntimeException e) {
            // the acquisition refused the sample (its store or dispatcher failed): end the step, never leave it hanging
            log.error("replay of recorded samples stopped after {} samples", count[0], e);
            return new MeasurementEnd(MeasurementEnd.Outcome.FAILED, count[0], last[0],
                    Optional.of(new DriverException("the replay stopped: " + e.getMessage(), e)));
        }
        return new MeasurementEnd(MeasurementEnd.Outcome.COMPLETED, count[0], last[0], Optional.empty());
    }

    /** Waits until {@code seconds} of step time (divided by the speed) have passed; false when aborted first. */
    private boolean waitFor(long startNanos, double seconds) {
        if (abort) {
            return false;
        }
        if (!speed.isMax()) {
            long due = startNanos + (long) (seconds / speed.factor() * 1e9);
            while (!abort && System.nanoTime() < due) {
                LockSupport.parkNanos(Math.min(due - System.nanoTime(), 20_000_000));
            }
        }
        return !abort;
    }

    @Override
    public void abort() {
        abort = true;
    }

    @Override
    public void close() {
        abort = true;
    }
}
