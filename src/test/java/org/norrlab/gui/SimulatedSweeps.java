package org.norrlab.gui;

import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Gas;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.plan.PlannedPotential;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sweep steps and their samples built by hand for the GUI tests (the simulator's sweeps are another part's work):
 * potentials vs RE are vs RHE − 0.611 V, as in the test cell at pH 7.
 * <ul>
 *   <li>LSV 0 → −0.5 V vs RHE at 10 mV/s with a 5 mV step: 100 samples at E = −0.005 k V (k = 1..100), a NORR-like
 *       wave I = −2 mA / (1 + exp((E + 0.25 V) / 0.03 V)), so −1 mA at −0.25 V (k = 50);</li>
 *   <li>CV 0.2 → 0.4 → 0.0 → 0.2 V vs RHE, 3 cycles at 50 mV/s with a 5 mV step: 40 + 80 + 40 = 160 samples per
 *       cycle; a double-layer current of ±20 µA × (1 + 0.2 (cycle − 1)), positive going up.</li>
 * </ul>
 */
final class SimulatedSweeps {
    static final double RE_OFFSET = 0.611;
    static final int LSV_POINTS = 100;
    static final int CV_POINTS_PER_CYCLE = 160;
    static final int CV_CYCLES = 3;

    private SimulatedSweeps() {
    }

    private static PlannedPotential rhe(double volts) {
        return new PlannedPotential(new Potential(volts, Potential.Scale.RHE), volts, volts - RE_OFFSET);
    }

    private static Location line(int index) {
        return new Location(Path.of("sweeps.yaml"), index, 1);
    }

    static PlannedStep.LinearSweep lsv(int index, Gas gas) {
        return new PlannedStep.LinearSweep(index, "LSV", rhe(0.0), rhe(-0.5), 0.005, 0.010, CurrentRangeChoice.AUTO,
                line(index), StepContext.NONE.withGas(Optional.of(gas)));
    }

    static double lsvAmperes(double voltsVsRhe) {
        return -2e-3 / (1 + Math.exp((voltsVsRhe + 0.25) / 0.03));
    }

    static List<Sample> lsvSamples() {
        List<Sample> samples = new ArrayList<>();
        for (int k = 1; k <= LSV_POINTS; k++) {
            double rhe = -0.005 * k;
            samples.add(new Sample(k * 0.5, rhe - RE_OFFSET, lsvAmperes(rhe), 0.01, 0, 1, 1));
        }
        return samples;
    }

    static PlannedStep.CyclicVoltammetry cv(int index) {
        return new PlannedStep.CyclicVoltammetry(index, "CV", rhe(0.2), rhe(0.4), rhe(0.0), CV_CYCLES, 0.005, 0.050,
                CurrentRangeChoice.AUTO, line(index), StepContext.NONE);
    }

    static List<Sample> cvSamples() {
        List<Sample> samples = new ArrayList<>();
        long k = 0;
        for (int cycle = 1; cycle <= CV_CYCLES; cycle++) {
            double rhe = 0.2;
            double microamps = 20 * (1 + 0.2 * (cycle - 1));
            int[] lengths = {40, 80, 40};
            double[] directions = {+1, -1, +1};
            for (int segment = 1; segment <= 3; segment++) {
                for (int i = 0; i < lengths[segment - 1]; i++) {
                    rhe += directions[segment - 1] * 0.005;
                    k++;
                    samples.add(new Sample(k * 0.1, rhe - RE_OFFSET, directions[segment - 1] * microamps * 1e-6, 0.001, 0,
                            cycle, segment));
                }
            }
        }
        return samples;
    }

    /** The records a run gives for a step: started, its samples, ended. */
    static List<AcquisitionRecord> records(PlannedStep step, List<Sample> samples, double sessionOffsetSeconds, long firstSequence) {
        List<AcquisitionRecord> records = new ArrayList<>();
        records.add(new AcquisitionRecord.StepStarted(step, Instant.EPOCH, sessionOffsetSeconds));
        long seq = firstSequence;
        for (Sample s : samples) {
            records.add(new AcquisitionRecord.SampleTaken(step.index(), seq++, s));
        }
        double last = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).timeSeconds();
        records.add(new AcquisitionRecord.StepEnded(step.index(), StepOutcome.COMPLETED, samples.size(), last,
                Double.NaN, Instant.EPOCH));
        return records;
    }
}
