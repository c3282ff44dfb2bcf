package org.norrlab.testing;

import org.norrlab.core.Capabilities;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.CompletableMeasurement;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test instrument: delivers {@code samples} samples one interval apart (as fast as it can), then either
 * ends the measurement at once ("completed", whatever the plan asked for) or stays silent for
 * {@code silentNanos} of wall time unless aborted first. It runs CA steps only.
 */
public final class ScriptedPotentiostat implements Potentiostat {
    private final String family;
    private final int samples;
    private final double milliamps;
    private final long silentNanos;
    private final AtomicBoolean aborted = new AtomicBoolean();

    /** @param family "sim" for a clock that runs at the run's speed, anything else for a real instrument's */
    public ScriptedPotentiostat(String family, int samples, double milliamps, long silentNanos) {
        this.family = family;
        this.samples = samples;
        this.milliamps = milliamps;
        this.silentNanos = silentNanos;
    }

    @Override
    public InstrumentIdentity identify() {
        return new InstrumentIdentity("scripted", family, "scripted", "0", "0");
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(-5, 5, List.of(1.0), Duration.ofMillis(1), Capabilities.ALL_TECHNIQUES);
    }

    @Override
    public void setCellOn(boolean on) {
    }

    @Override
    public Measurement start(MeasurementRequest request, SampleSink sink) throws DriverException {
        return request.match(ca -> startChronoamperometry(ca, sink), ocp -> {
            throw new UnsupportedOperationException("the scripted instrument only runs CA steps");
        }, lsv -> {
            throw lsv.notSupportedBy("the scripted instrument");
        }, cv -> {
            throw cv.notSupportedBy("the scripted instrument");
        }, cp -> {
            throw cp.notSupportedBy("the scripted instrument");
        }, eis -> {
            throw eis.notSupportedBy("the scripted instrument");
        });
    }

    private Measurement startChronoamperometry(ChronoamperometryRequest request, SampleSink sink) {
        CompletableMeasurement measurement = new CompletableMeasurement();
        double interval = request.interval().toNanos() / 1e9;
        Thread t = new Thread(() -> {
            try {
                for (int i = 1; i <= samples; i++) {
                    sink.sample(new Sample(i * interval, request.voltsVsReference(), -milliamps / 1000, 1.0, 0));
                }
                long silentUntil = System.nanoTime() + silentNanos;
                while (!aborted.get() && System.nanoTime() < silentUntil) {
                    Thread.sleep(10);
                }
                measurement.complete(new MeasurementEnd(aborted.get() ? MeasurementEnd.Outcome.ABORTED
                        : MeasurementEnd.Outcome.COMPLETED, samples, samples * interval, Optional.empty()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "scripted-instrument");
        t.setDaemon(true);
        if (silentNanos == 0) {
            t.run();   // the whole step before the scheduler's first look at it
        } else {
            t.start();
        }
        return measurement;
    }

    /** Whether the run asked it to stop (abort or close). */
    public boolean aborted() {
        return aborted.get();
    }

    @Override
    public void abort() {
        aborted.set(true);
    }

    @Override
    public void close() {
        aborted.set(true);
    }
}
