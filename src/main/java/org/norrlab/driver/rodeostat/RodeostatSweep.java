package org.norrlab.driver.rodeostat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.norrlab.core.Sample;
import org.norrlab.driver.CyclicVoltammetryRequest;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.LinearSweepRequest;
import org.norrlab.protocol.rodeostat.RodeostatMessages;

import java.time.Duration;
import java.util.Locale;

/**
 * A potential sweep as one of the Rodeostat's tests: {@code linearSweep} for an LSV, {@code cyclic} (a triangle wave)
 * for a CV, the parameters its {@code setParam} takes, the sample period, and where in the known waveform each sample
 * lies (its cycle and segment, from the sample's time).
 * <p>
 * The firmware sweeps continuously (its set point moves every 200 µs) and reports the set point every sample period,
 * starting one period after the start: a sweep's first sample is one step past its start potential. Times are whole
 * milliseconds on the wire, so a sweep whose duration (LSV) or period (CV) is not within {@link #RATE_TOLERANCE} of a
 * whole number of milliseconds, or whose step is not a sample period of 1 to 1000 ms within {@link #STEP_TOLERANCE},
 * is refused with what is allowed.
 * <p>
 * A CV maps onto the triangle exactly: amplitude and offset from the vertices, period from the scan rate, and the
 * phase {@code shift} that puts the wave at the begin potential heading for vertex 1 at the start; every begin between
 * the vertices (which the request already requires) can be expressed. One period of the wave is then one CV cycle,
 * begin → vertex 1 → vertex 2 → begin, and the test ends after {@code numCycles} periods back at begin.
 */
final class RodeostatSweep {
    /** How far the scan rate may move when the firmware's duration or period is rounded to whole milliseconds. */
    static final double RATE_TOLERANCE = 1e-3;
    /** How far the potential step may move when its sample period is rounded to whole milliseconds. */
    static final double STEP_TOLERANCE = 0.01;
    static final long MIN_SAMPLE_PERIOD_MS = 1;
    static final long MAX_SAMPLE_PERIOD_MS = 1000;

    private final String test;
    private final ObjectNode param;
    private final long samplePeriodMillis;
    private final long cycleMillis;
    private final int cycles;
    private final double segment1EndMillis;
    private final double segment2EndMillis;
    private final double largestMagnitudeVolts;

    private RodeostatSweep(String test, ObjectNode param, long samplePeriodMillis, long cycleMillis, int cycles,
                           double segment1EndMillis, double segment2EndMillis, double largestMagnitudeVolts) {
        this.test = test;
        this.param = param;
        this.samplePeriodMillis = samplePeriodMillis;
        this.cycleMillis = cycleMillis;
        this.cycles = cycles;
        this.segment1EndMillis = segment1EndMillis;
        this.segment2EndMillis = segment2EndMillis;
        this.largestMagnitudeVolts = largestMagnitudeVolts;
    }

    /** An LSV as {@code linearSweep}: no quiet period (quietValue is the start, so nothing moves if one were run). */
    static RodeostatSweep linear(LinearSweepRequest request) throws DriverException {
        double start = microvolts(request.startVoltsVsReference());
        double end = microvolts(request.endVoltsVsReference());
        double rate = request.scanRateVoltsPerSecond();
        long duration = wholeMillis("a linear sweep", Math.abs(end - start), rate);
        long samplePeriod = samplePeriod(request.stepVolts(), rate);
        ObjectNode param = RodeostatMessages.object().put("quietValue", start).put("quietTime", 0)
                .put("startValue", start).put("finalValue", end).put("duration", duration);
        return new RodeostatSweep("linearSweep", param, samplePeriod, duration, 1, duration, duration,
                Math.max(Math.abs(start), Math.abs(end)));
    }

    /** A CV as {@code cyclic}: see the class comment. */
    static RodeostatSweep cyclic(CyclicVoltammetryRequest request) throws DriverException {
        double begin = microvolts(request.beginVolts());
        double vertex1 = microvolts(request.vertex1Volts());
        double vertex2 = microvolts(request.vertex2Volts());
        double lowest = Math.min(vertex1, vertex2);
        double highest = Math.max(vertex1, vertex2);
        double rate = request.scanRateVoltsPerSecond();
        // One period climbs from the lowest to the highest vertex and comes back down.
        long period = wholeMillis("a CV cycle", 2 * (highest - lowest), rate);
        long samplePeriod = samplePeriod(request.stepVolts(), rate);
        // Where the firmware's wave (0 at its minimum, rising for half a period) is at the begin potential and heading
        // for vertex 1: on the rising half when vertex 1 is the higher vertex, on the falling half otherwise.
        double risen = (begin - lowest) / (2 * (highest - lowest));
        double shift = vertex1 > vertex2 ? risen : 1 - risen;
        if (shift >= 1) {
            shift = 0;
        }
        shift = microvolts(shift);
        ObjectNode param = RodeostatMessages.object().put("quietValue", begin).put("quietTime", 0)
                .put("amplitude", microvolts((highest - lowest) / 2)).put("offset", microvolts((highest + lowest) / 2))
                .put("period", period).put("numCycles", request.cycles()).put("shift", shift);
        double perVolt = period / (2 * (highest - lowest));
        double segment1End = Math.abs(vertex1 - begin) * perVolt;
        return new RodeostatSweep("cyclic", param, samplePeriod, period, request.cycles(), segment1End,
                segment1End + (highest - lowest) * perVolt, Math.max(Math.abs(lowest), Math.abs(highest)));
    }

    /** Potentials (and the unitless shift) to the microvolt: far below the DAC's step, and the JSON stays readable. */
    private static double microvolts(double volts) {
        return Math.rint(volts * 1e6) / 1e6;
    }

    private static long wholeMillis(String what, double spanVolts, double rate) throws DriverException {
        double exact = spanVolts / rate * 1000;
        long whole = Math.round(exact);
        if (whole < 1 || Math.abs(whole - exact) > RATE_TOLERANCE * exact) {
            throw new DriverException(String.format(Locale.ROOT, "the Rodeostat times %s in whole milliseconds:"
                            + " %s V at %s V/s takes %.3f ms, and %d ms would change the scan rate by %.2f %%; choose a scan"
                            + " rate for which %s V takes a whole number of milliseconds (within %.1f %%)", what,
                    plain(spanVolts), plain(rate), exact, whole, 100 * Math.abs(whole - exact) / exact, plain(spanVolts),
                    100 * RATE_TOLERANCE));
        }
        return whole;
    }

    private static long samplePeriod(double stepVolts, double rate) throws DriverException {
        double exact = stepVolts / rate * 1000;
        long whole = Math.round(exact);
        if (whole < MIN_SAMPLE_PERIOD_MS || whole > MAX_SAMPLE_PERIOD_MS || Math.abs(whole - exact) > STEP_TOLERANCE * exact) {
            throw new DriverException(String.format(Locale.ROOT, "the Rodeostat samples every 1 to 1000 whole"
                            + " milliseconds: a step of %s V at %s V/s needs one sample every %.3f ms; choose a step"
                            + " between %s V and %s V that is the scan rate times a whole number of milliseconds"
                            + " (within %.0f %%)", plain(stepVolts), plain(rate), exact, plain(rate * MIN_SAMPLE_PERIOD_MS / 1000),
                    plain(rate * MAX_SAMPLE_PERIOD_MS / 1000), 100 * STEP_TOLERANCE));
        }
        return whole;
    }

    private static String plain(double value) {
        return RodeostatMessages.number(value);
    }

    String test() {
        return test;
    }

    /** The {@code param} object of {@code setParam}, in the firmware's key order. */
    ObjectNode param() {
        return param.deepCopy();
    }

    long samplePeriodMillis() {
        return samplePeriodMillis;
    }

    Duration interval() {
        return Duration.ofMillis(samplePeriodMillis);
    }

    /** When the firmware ends the test: {@code numCycles} periods (a CV) or the duration (an LSV). */
    Duration duration() {
        return Duration.ofMillis(cycleMillis * cycles);
    }

    /** The largest potential magnitude the waveform reaches, for the voltage range. */
    double largestMagnitudeVolts() {
        return largestMagnitudeVolts;
    }

    /**
     * The sample placed in the waveform by its time: cycle {@code ceil(t / period)} (from 1), and the segment by the
     * time into that cycle. A sample exactly at a vertex ends the segment that reaches it.
     */
    Sample place(Sample sample, long tMillis) {
        int cycle = (int) Math.min(cycles, Math.max(1, (tMillis + cycleMillis - 1) / cycleMillis));
        double into = tMillis - (double) (cycle - 1) * cycleMillis;
        int segment;
        if (test.equals("linearSweep")) {
            segment = 1;
        } else if (segment1EndMillis > 0 && into <= segment1EndMillis + 1e-9) {
            segment = 1;
        } else if (into <= segment2EndMillis + 1e-9) {
            segment = 2;
        } else {
            segment = 3;
        }
        return sample.inSweep(cycle, segment);
    }
}
