package org.norrlab.driver.sim;

import org.norrlab.driver.CyclicVoltammetryRequest;
import org.norrlab.driver.LinearSweepRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * The points of a simulated sweep: one tread per sample, each lasting the time the scan rate gives its step (the
 * potential ramps to the tread's potential over it), the sample taken at its end. The first sample (at t = 0) is
 * the start potential, held for one step's time before it as an equilibration; every later one is a step along
 * the scan. A linear part (segment)
 * whose span is not a whole number of steps ends with a shorter or longer last step that lands exactly on its end
 * potential, held in proportion, so that dE/dt is the scan rate on every tread and the point count is
 * round(span / step) + 1 as {@link LinearSweepRequest#points()} says.
 *
 * @param treads    the treads in order, potentials vs the reference electrode
 * @param scanRate  V/s, for messages
 */
record SweepPath(List<Tread> treads, double scanRate) {

    /**
     * One point of the sweep and the ramp that leads to it.
     *
     * @param voltsVsReference the potential held
     * @param seconds          how long it is held before its sample
     * @param timeSeconds      the sample's time in the step: the potential travelled so far / scan rate
     * @param cycle            from 1
     * @param segment          from 1 (CV: 1 begin → vertex 1, 2 vertex 1 → vertex 2, 3 vertex 2 → begin)
     */
    record Tread(double voltsVsReference, double seconds, double timeSeconds, int cycle, int segment) {
    }

    SweepPath {
        treads = List.copyOf(treads);
    }

    static SweepPath of(LinearSweepRequest lsv) {
        Builder path = new Builder(lsv.startVoltsVsReference(), lsv.stepVolts(), lsv.scanRateVoltsPerSecond());
        path.segment(lsv.endVoltsVsReference(), 1, 1);
        return path.build();
    }

    static SweepPath of(CyclicVoltammetryRequest cv) {
        Builder path = new Builder(cv.beginVolts(), cv.stepVolts(), cv.scanRateVoltsPerSecond());
        for (int cycle = 1; cycle <= cv.cycles(); cycle++) {
            path.segment(cv.vertex1Volts(), cycle, 1);
            path.segment(cv.vertex2Volts(), cycle, 2);
            path.segment(cv.beginVolts(), cycle, 3);
        }
        return path.build();
    }

    /** The lowest and highest potential applied. */
    double minVolts() {
        return treads.stream().mapToDouble(Tread::voltsVsReference).min().orElseThrow();
    }

    double maxVolts() {
        return treads.stream().mapToDouble(Tread::voltsVsReference).max().orElseThrow();
    }

    private static final class Builder {
        private final double step;
        private final double rate;
        private final List<Tread> treads = new ArrayList<>();
        private double volts;
        private double travelled;

        Builder(double start, double step, double rate) {
            this.step = step;
            this.rate = rate;
            this.volts = start;
            treads.add(new Tread(start, step / rate, 0, 1, 1));
        }

        /** Steps from the present potential to {@code end}; nothing when they are equal (a CV begun at a vertex). */
        void segment(double end, int cycle, int segment) {
            double span = Math.abs(end - volts);
            if (span == 0) {
                return;
            }
            double direction = Math.signum(end - volts);
            long steps = Math.max(1, Math.round(span / step));
            double from = volts;
            for (long i = 1; i <= steps; i++) {
                double along = i == steps ? span : i * step;
                double at = i == steps ? end : from + direction * along;
                double size = Math.abs(at - volts);
                treads.add(new Tread(at, size / rate, (travelled + along) / rate, cycle, segment));
                volts = at;
            }
            travelled += span;
        }

        SweepPath build() {
            return new SweepPath(treads, rate);
        }
    }
}
