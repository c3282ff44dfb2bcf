package org.norrlab.driver.sim;

import org.norrlab.core.Capabilities;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.Units;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.CompletableMeasurement;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.OpenCircuitRequest;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.electrochem.RheScale;
import org.norrlab.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * A potentiostat wired to a {@link SimulatedCell}. Each measurement runs on the simulator's own
 * thread and is paced by a virtual clock; the reported current of a sample is the mean over its
 * interval (since the meter's last range switch in it, see {@link CurrentMeter}), as on instruments
 * that integrate between samples.
 */
public final class SimulatedPotentiostat implements Potentiostat {
    private static final Logger log = LoggerFactory.getLogger(SimulatedPotentiostat.class);
    /** Sub-steps per sample while the charging spike and NO depletion settle. */
    private static final int TRANSIENT_SUBSTEPS = 8;
    private static final int TRANSIENT_SAMPLES = 10;

    private final InstrumentIdentity identity;
    private final Capabilities capabilities;
    private final RheScale scale;
    private final SimulatedCell cell;
    private final CurrentMeter meter;
    private final RandomGenerator random;
    private final double potentialNoiseVolts;
    private final Pacer pacer;
    private final Duration readTimeout;
    private final ExecutorService thread;
    private final Object lock = new Object();
    private volatile boolean abortRequested;
    private volatile boolean cellOn;
    private boolean running;
    private double virtualSeconds;

    SimulatedPotentiostat(InstrumentIdentity identity, Capabilities capabilities, RheScale scale, SimulatedCell cell,
                          CurrentMeter meter, RandomGenerator random, double potentialNoiseVolts, Pacer pacer,
                          Duration readTimeout) {
        this.identity = identity;
        this.capabilities = capabilities;
        this.scale = scale;
        this.cell = cell;
        this.meter = meter;
        this.random = random;
        this.potentialNoiseVolts = potentialNoiseVolts;
        this.pacer = pacer;
        this.readTimeout = readTimeout;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(LogContext.carried(r), "sim-instrument");
            t.setDaemon(true);
            return t;
        });
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
        cellOn = on;
    }

    public boolean isCellOn() {
        return cellOn;
    }

    @Override
    public Measurement start(MeasurementRequest request, SampleSink sink) throws DriverException {
        return request.match(ca -> startChronoamperometry(ca, sink), ocp -> startOpenCircuit(ocp, sink),
                lsv -> { throw lsv.notSupportedBy("the simulator"); },
                cv -> { throw cv.notSupportedBy("the simulator"); },
                cp -> { throw cp.notSupportedBy("the simulator"); });
    }

    private Measurement startChronoamperometry(ChronoamperometryRequest request, SampleSink sink) throws DriverException {
        if (!capabilities.canApply(request.voltsVsReference())) {
            throw new DriverException(String.format(Locale.ROOT,
                    "%.3f V vs RE is outside the instrument's window %.3f .. %.3f V", request.voltsVsReference(),
                    capabilities.minPotentialVolts(), capabilities.maxPotentialVolts()));
        }
        checkInterval(request.interval());
        meter.configure(request.currentRange());
        return start(sink, request.interval(), request.duration(), true, request.voltsVsReference());
    }

    private Measurement startOpenCircuit(OpenCircuitRequest request, SampleSink sink) throws DriverException {
        checkInterval(request.interval());
        return start(sink, request.interval(), request.duration(), false, Double.NaN);
    }

    private void checkInterval(Duration interval) throws DriverException {
        if (interval.compareTo(capabilities.minSampleInterval()) < 0) {
            throw new DriverException("sample interval " + Units.formatDuration(interval) + " is shorter than the instrument's minimum of "
                    + Units.formatDuration(capabilities.minSampleInterval()));
        }
    }

    private Measurement start(SampleSink sink, Duration interval, Duration duration, boolean hold, double voltsVsRe)
            throws DriverException {
        synchronized (lock) {
            if (running) {
                throw new DriverException("a measurement is already running on the simulator; abort it first");
            }
            running = true;
            abortRequested = false;
        }
        CompletableMeasurement measurement = new CompletableMeasurement();
        thread.execute(() -> measurement.complete(run(sink, interval, duration, hold, voltsVsRe)));
        return measurement;
    }

    private MeasurementEnd run(SampleSink sink, Duration interval, Duration duration, boolean hold, double voltsVsRe) {
        double dt = interval.toNanos() / 1e9;
        long count = duration.toNanos() / interval.toNanos();
        long delivered = 0;
        double stepStart = virtualSeconds;
        double last = 0;
        MeasurementEnd.Outcome outcome = MeasurementEnd.Outcome.COMPLETED;
        try {
            pacer.begin(stepStart);
            cellOn = hold;
            if (hold) {
                cell.beginHold(scale.toRhe(voltsVsRe));
            } else {
                cell.beginRest();
            }
            for (long k = 1; k <= count; k++) {
                if (abortRequested) {
                    outcome = MeasurementEnd.Outcome.ABORTED;
                    break;
                }
                double t = k * dt;
                // The sample is measured once its time has come: an abort while waiting for it ends the step at
                // the last sample delivered, never with one stamped at a time the cell did not reach.
                pacer.awaitVirtual(stepStart + t, () -> abortRequested);
                if (abortRequested) {
                    outcome = MeasurementEnd.Outcome.ABORTED;
                    break;
                }
                Sample sample = hold ? holdSample(t, dt, k, voltsVsRe) : restSample(t, dt);
                sink.sample(sample);
                delivered++;
                last = t;
            }
            if (hold) {
                ProductTally truth = cell.tally();
                sink.event(new Event(EventKind.SIMULATOR_TRUTH, last, String.format(Locale.ROOT,
                        "simulator truth: Q = %.6g C, NH3 = %.6g mol, FE(NH3) = %.2f %%", truth.chargeCoulombs(),
                        truth.nh3Mol(), truth.nh3FaradaicEfficiency() * 100), truth.asValues()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = MeasurementEnd.Outcome.ABORTED;
        } catch (RuntimeException e) {
            log.error("simulated measurement failed after {} samples", delivered, e);
            return finish(new MeasurementEnd(MeasurementEnd.Outcome.FAILED, delivered, last,
                    Optional.of(new DriverException("the simulator failed: " + e.getMessage(), e))), stepStart, last);
        }
        return finish(new MeasurementEnd(outcome, delivered, last, Optional.empty()), stepStart, last);
    }

    private MeasurementEnd finish(MeasurementEnd end, double stepStart, double last) {
        cellOn = false;
        virtualSeconds = stepStart + last;
        synchronized (lock) {
            running = false;
        }
        return end;
    }

    private Sample holdSample(double t, double dt, long k, double voltsVsRe) {
        int substeps = k <= TRANSIENT_SAMPLES ? TRANSIENT_SUBSTEPS : 1;
        for (int i = 0; i < substeps; i++) {
            meter.pass(cell.hold(dt / substeps), dt / substeps);
        }
        CurrentMeter.Reading reading = meter.read(dt);
        double volts = voltsVsRe + random.nextGaussian() * potentialNoiseVolts;
        return new Sample(t, volts, reading.amperes(), reading.rangeAmperes(), reading.flags());
    }

    private Sample restSample(double t, double dt) {
        double volts = scale.toReference(cell.rest(dt)) + random.nextGaussian() * potentialNoiseVolts;
        return Sample.potentialOnly(t, volts);
    }

    @Override
    public void abort() {
        abortRequested = true;
        cellOn = false;
    }

    @Override
    public void close() {
        abort();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(readTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("simulator thread did not stop within the read timeout ({} ms) of close; interrupting it",
                        readTimeout.toMillis());
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
        cellOn = false;
    }
}
