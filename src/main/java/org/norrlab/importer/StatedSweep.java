package org.norrlab.importer;

import org.norrlab.core.StepSettings;

import java.util.function.DoubleUnaryOperator;

/**
 * What a file states of a sweep step (LSV or CV) before its samples: each value NaN (cycles 0) where the file does not
 * state it. Potentials are vs the reference electrode, as the files write them; the import converts them to the RHE
 * scale with the session's cell. {@link SweepSink} completes it from the samples (segments, the scan rate measured as
 * dE/dt, the start and vertices the data reached) and marks it {@link #resolved}.
 *
 * @param scanRateVoltsPerSecond the scan rate the file states; NaN when it states none
 * @param scanRateSource         where it states it ("SCANRATE 2.00000E+000 mV/s (line 13)"), or how it was measured
 * @param stepVolts              the potential step the file states; NaN when none
 * @param startVsReference       the sweep's start (a CV's begin)
 * @param vertex1VsReference     a CV's first vertex
 * @param vertex2VsReference     a CV's second vertex
 * @param endVsReference         an LSV's end (a CV ends at its begin)
 * @param cycles                 the cycles the file states (0 when it states none)
 * @param resolved               whether {@link SweepSink} has completed it (or the file was norrlab's own, complete)
 */
public record StatedSweep(double scanRateVoltsPerSecond, String scanRateSource, double stepVolts, double startVsReference,
                          double vertex1VsReference, double vertex2VsReference, double endVsReference, int cycles,
                          boolean resolved) {
    /**
     * A file that states nothing of its sweep. Its samples' time is in seconds: an importer refuses a sweep whose file
     * gives neither a time nor a scan rate rather than number its rows for a time (dE/d(row) is no scan rate).
     */
    public static final StatedSweep NONE = new StatedSweep(Double.NaN, "", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 0, false);

    public StatedSweep {
        scanRateSource = scanRateSource == null ? "" : scanRateSource;
    }

    public StatedSweep withScanRate(double voltsPerSecond, String source) {
        return new StatedSweep(voltsPerSecond, source, stepVolts, startVsReference, vertex1VsReference, vertex2VsReference,
                endVsReference, cycles, resolved);
    }

    public StatedSweep withStep(double volts) {
        return new StatedSweep(scanRateVoltsPerSecond, scanRateSource, volts, startVsReference, vertex1VsReference,
                vertex2VsReference, endVsReference, cycles, resolved);
    }

    public StatedSweep withPotentials(double start, double vertex1, double vertex2, double end) {
        return new StatedSweep(scanRateVoltsPerSecond, scanRateSource, stepVolts, start, vertex1, vertex2, end, cycles,
                resolved);
    }

    public StatedSweep withCycles(int count) {
        return new StatedSweep(scanRateVoltsPerSecond, scanRateSource, stepVolts, startVsReference, vertex1VsReference,
                vertex2VsReference, endVsReference, count, resolved);
    }

    /**
     * The same, complete: {@link SweepSink} hands such a step on untouched. For a file whose samples already carry
     * their cycle and segment and whose settings are known (norrlab's own export read back).
     */
    public StatedSweep asResolved() {
        return new StatedSweep(scanRateVoltsPerSecond, scanRateSource, stepVolts, startVsReference, vertex1VsReference,
                vertex2VsReference, endVsReference, cycles, true);
    }

    /**
     * The step settings of a sweep of this kind, on the RHE scale: {@code rhe} converts a potential vs the reference
     * electrode. A CV ends where it began.
     */
    StepSettings settings(String kind, DoubleUnaryOperator rhe) {
        double start = rhe.applyAsDouble(startVsReference);
        if (kind.equals("cv")) {
            return StepSettings.cyclicVoltammetry(start, rhe.applyAsDouble(vertex1VsReference),
                    rhe.applyAsDouble(vertex2VsReference), cycles, stepVolts, scanRateVoltsPerSecond);
        }
        return StepSettings.linearSweep(start, rhe.applyAsDouble(endVsReference), stepVolts, scanRateVoltsPerSecond);
    }
}
