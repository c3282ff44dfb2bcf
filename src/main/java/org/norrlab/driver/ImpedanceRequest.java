package org.norrlab.driver;

import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.ImpedanceTiming;
import org.norrlab.core.Technique;

import java.time.Duration;
import java.util.List;

/**
 * Measure an impedance spectrum: hold a DC potential, add a sine of {@code amplitudeVoltsRms}, and report Z at each of
 * {@code frequenciesHz} in the order given (vendor suites go from high to low). The DC level is
 * {@code dcVoltsVsReference} vs the reference electrode, or, when {@code dcAtOpenCircuit}, the open-circuit potential
 * the instrument measures just before the spectrum plus {@code dcVoltsVsReference} as an offset (usually 0).
 * The driver delivers one {@link org.norrlab.core.ImpedancePoint} per frequency through
 * {@link SampleSink#impedance}; a frequency the instrument could not measure is delivered flagged NO_IMPEDANCE.
 */
public record ImpedanceRequest(double dcVoltsVsReference, boolean dcAtOpenCircuit, double amplitudeVoltsRms,
                               List<Double> frequenciesHz, CurrentRangeChoice currentRange) implements MeasurementRequest {
    public ImpedanceRequest {
        frequenciesHz = List.copyOf(frequenciesHz);
        if (frequenciesHz.isEmpty()) {
            throw new IllegalArgumentException("an impedance spectrum needs at least one frequency");
        }
        for (double f : frequenciesHz) {
            if (!(f > 0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("a frequency must be finite and > 0 Hz, was " + f);
            }
        }
        if (!Double.isFinite(dcVoltsVsReference)) {
            throw new IllegalArgumentException("a DC potential must be finite, was " + dcVoltsVsReference);
        }
        if (!(amplitudeVoltsRms > 0) || Double.isInfinite(amplitudeVoltsRms)) {
            throw new IllegalArgumentException("an AC amplitude must be finite and > 0 V, was " + amplitudeVoltsRms);
        }
    }

    /** The slowest point: the watchdog allows three of these without a point before it calls the instrument silent. */
    @Override
    public Duration interval() {
        return ImpedanceTiming.longestPoint(frequenciesHz);
    }

    @Override
    public Duration duration() {
        return ImpedanceTiming.total(frequenciesHz);
    }

    @Override
    public Technique technique() {
        return Technique.IMPEDANCE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) throws DriverException {
        return visitor.impedance(this);
    }
}
