package org.norrlab.gui;

import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.SampleFlag;
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
 * An EIS step and its spectrum built by hand for the GUI tests (the simulator's impedance is another part's work): a
 * Randles cell without diffusion, Z = R_u + R_ct / (1 + jωR_ctC), R_u = 20 Ω, R_ct = 100 Ω, C = 20 µF, at
 * {@link #FREQUENCIES}; the fourth is where ωR_ctC = 1, so Z = 20 + 100 / (1 + j) = 70 − 50j Ω. The sixth frequency
 * came back as NaN (flag NO_IMPEDANCE), as MethodSCRIPT sends it when a point fails.
 */
final class ScriptedSpectra {
    static final double RU = 20;
    static final double RCT = 100;
    static final double CDL = 20e-6;
    /** 1 / (2π · 100 Ω · 20 µF) = 79.577 Hz: ωR_ctC = 1. */
    static final double CORNER_HZ = 1 / (2 * Math.PI * RCT * CDL);
    static final List<Double> FREQUENCIES = List.of(1e5, 1e4, 1e3, CORNER_HZ, 10.0, 5.0, 1.0, 0.1);
    static final int MISSING = 5;

    private ScriptedSpectra() {
    }

    static PlannedStep.Impedance step(int index, double dcVsRhe) {
        return step(index, dcVsRhe, FREQUENCIES);
    }

    static PlannedStep.Impedance step(int index, double dcVsRhe, List<Double> frequencies) {
        PlannedPotential dc = new PlannedPotential(new Potential(dcVsRhe, Potential.Scale.RHE), dcVsRhe,
                dcVsRhe - SimulatedSweeps.RE_OFFSET);
        return new PlannedStep.Impedance(index, "EIS", Optional.of(dc), 0, 0.010, frequencies, CurrentRangeChoice.AUTO,
                new Location(Path.of("eis.yaml"), index, 1), StepContext.NONE);
    }

    /** The Randles cell's points, one per frequency, at 1 s intervals; the sixth missing. */
    static List<ImpedancePoint> spectrum() {
        List<ImpedancePoint> points = new ArrayList<>();
        for (int i = 0; i < FREQUENCIES.size(); i++) {
            double f = FREQUENCIES.get(i);
            if (i == MISSING) {
                points.add(ImpedancePoint.missing(i + 1, f, SampleFlag.OVERLOAD.bit()));
                continue;
            }
            double x = 2 * Math.PI * f * RCT * CDL;   // ωR_ctC
            // R_ct / (1 + jx) = R_ct (1 − jx) / (1 + x²)
            points.add(ImpedancePoint.of(i + 1, f, RU + RCT / (1 + x * x), -RCT * x / (1 + x * x)));
        }
        return points;
    }

    static AcquisitionRecord started(PlannedStep step, double sessionOffsetSeconds) {
        return new AcquisitionRecord.StepStarted(step, Instant.EPOCH, sessionOffsetSeconds);
    }

    static List<AcquisitionRecord> measured(int stepIndex, List<ImpedancePoint> points) {
        List<AcquisitionRecord> records = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            records.add(new AcquisitionRecord.ImpedanceMeasured(stepIndex, i, points.get(i)));
        }
        return records;
    }

    static AcquisitionRecord ended(int stepIndex, List<ImpedancePoint> points) {
        return new AcquisitionRecord.StepEnded(stepIndex, StepOutcome.COMPLETED, 0,
                points.get(points.size() - 1).timeSeconds(), Double.NaN, Instant.EPOCH);
    }
}
