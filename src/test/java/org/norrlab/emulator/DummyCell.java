package org.norrlab.emulator;

import org.norrlab.core.Capabilities;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.ImpedanceTiming;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.driver.CompletableMeasurement;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.ImpedanceRequest;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A 10 kOhm resistor for emulator tests: a sweep's staircase points, each with I = E / R, and for CP the potential
 * I * R every interval, as fast as it can. A CV's later cycles start one step after begin (the previous cycle ended
 * there); segments as the request documents. It runs no CA. An OCP gives {@link #REST_VOLTS} every interval. For
 * impedance it is another network: {@link #SERIES_OHMS} in series with {@link #PARALLEL_OHMS} parallel to
 * {@link #FARADS} (Z = Rs + Rp / (1 + jωRpC)), one point per frequency, none below {@link #NO_IMPEDANCE_BELOW_HZ}
 * (delivered flagged NO_IMPEDANCE, as a device sends "nan").
 */
final class DummyCell implements Potentiostat {
static final double OHMS = 10_000;
static final double RANGE = 125e-6;
static final double REST_VOLTS = 0.25;
static final double SERIES_OHMS = 100;
static final double PARALLEL_OHMS = 1000;
/** ωRpC = 1 at 100 Hz: C = 1 / (2π · 100 Hz · 1000 Ohm) = 1.5915 µF. */
static final double FARADS = 1 / (2 * Math.PI * 100 * PARALLEL_OHMS);
static final double NO_IMPEDANCE_BELOW_HZ = 2;

    private final Capabilities capabilities;
    final List<MeasurementRequest> requests = new CopyOnWriteArrayList<>();

    DummyCell(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public InstrumentIdentity identify() {
        return new InstrumentIdentity("dummy", "test", "10 kOhm", "0", "0");
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void setCellOn(boolean on) {
    }

    @Override
    public Measurement start(MeasurementRequest request, SampleSink sink) throws DriverException {
        requests.add(request);
        List<Sample> points = request.match(ca -> List.of(), ocp -> {
            List<Sample> out = new ArrayList<>();
            long count = ocp.duration().toNanos() / ocp.interval().toNanos();
            for (long k = 1; k <= count; k++) {
                out.add(Sample.potentialOnly(k * ocp.interval().toNanos() / 1e9, REST_VOLTS));
            }
            return out;
        }, lsv -> {
            List<Sample> out = new ArrayList<>();
            double direction = Math.signum(lsv.endVoltsVsReference() - lsv.startVoltsVsReference());
            for (int k = 0; k < lsv.points(); k++) {
                out.add(point(out.size(), lsv.startVoltsVsReference() + direction * k * lsv.stepVolts(),
                        lsv.stepVolts() / lsv.scanRateVoltsPerSecond()).inSweep(1, 1));
            }
            return out;
        }, cv -> {
            List<Sample> out = new ArrayList<>();
            double dt = cv.stepVolts() / cv.scanRateVoltsPerSecond();
            for (int cycle = 1; cycle <= cv.cycles(); cycle++) {
                double[][] legs = {{cv.beginVolts(), cv.vertex1Volts()}, {cv.vertex1Volts(), cv.vertex2Volts()},
                        {cv.vertex2Volts(), cv.beginVolts()}};
                for (int segment = 1; segment <= 3; segment++) {
                    double from = legs[segment - 1][0];
                    double to = legs[segment - 1][1];
                    long steps = Math.round(Math.abs(to - from) / cv.stepVolts());
                    boolean withStart = cycle == 1 && segment == 1;
                    for (long k = withStart ? 0 : 1; k <= steps; k++) {
                        out.add(point(out.size(), from + Math.signum(to - from) * k * cv.stepVolts(), dt)
                                .inSweep(cycle, segment));
                    }
                }
            }
            return out;
        }, cp -> {
            List<Sample> out = new ArrayList<>();
            long count = cp.duration().toNanos() / cp.interval().toNanos();
            for (long k = 1; k <= count; k++) {
                out.add(new Sample(k * cp.interval().toNanos() / 1e9, cp.currentAmperes() * OHMS, cp.currentAmperes(),
                        RANGE, 0));
            }
            return out;
        }, eis -> List.of());
        List<ImpedancePoint> spectrum = request.match(ca -> List.of(), ocp -> List.of(), lsv -> List.of(),
                cv -> List.of(), cp -> List.of(), DummyCell::spectrum);
        CompletableMeasurement measurement = new CompletableMeasurement();
        Thread thread = new Thread(() -> {
            try {
                for (Sample s : points) {
                    sink.sample(s);
                }
                for (ImpedancePoint point : spectrum) {
                    sink.impedance(point);
                }
                measurement.complete(new MeasurementEnd(MeasurementEnd.Outcome.COMPLETED, points.size(),
                        points.isEmpty() ? 0 : points.get(points.size() - 1).timeSeconds(), Optional.empty()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dummy-cell");
        thread.setDaemon(true);
        thread.start();
        return measurement;
    }

    private static List<ImpedancePoint> spectrum(ImpedanceRequest request) {
        List<ImpedancePoint> out = new ArrayList<>();
        double t = 0;
        for (double f : request.frequenciesHz()) {
            t += ImpedanceTiming.pointSeconds(f);
            if (f < NO_IMPEDANCE_BELOW_HZ) {
                out.add(ImpedancePoint.missing(t, f, 0));
                continue;
            }
            double x = 2 * Math.PI * f * PARALLEL_OHMS * FARADS;   // ωRpC
            double real = SERIES_OHMS + PARALLEL_OHMS / (1 + x * x);
            double imaginary = -PARALLEL_OHMS * x / (1 + x * x);
            out.add(new ImpedancePoint(t, f, real, imaginary, request.dcVoltsVsReference(), Double.NaN, RANGE, 0));
        }
        return out;
    }

    private static Sample point(int index, double volts, double dt) {
        double rounded = Math.rint(volts * 1e9) / 1e9;
        return new Sample(index * dt, rounded, rounded / OHMS, RANGE, 0);
    }

    @Override
    public void abort() {
    }

    @Override
    public void close() {
    }
}
