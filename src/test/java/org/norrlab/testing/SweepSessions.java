package org.norrlab.testing;

import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Gas;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.PlannedPotential;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreWriter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A NORR study's sweeps written straight through the store, with currents made from formulas whose onsets, difference
 * and C_dl can be worked out by hand (cell: {@link Fixtures#cellAtPh7}, 1 cm²; potentials below are vs RHE):
 * <ul>
 *   <li>step 1: activation CV, −0.30 … 0.50 V at 100 mV/s, three scans (a different window: not part of the series);</li>
 *   <li>steps 2–5: CVs 0.15 … 0.25 V (begin 0.20) at 10, 20, 50, 100 mV/s, two scans each, 5 mV apart, under Ar:
 *       j = ±C_dl·v + 1e-4·(E − 0.1) + 5e-6·(scans − scan) A/cm² (+ anodic, − cathodic): the last scan is free of the
 *       drift term and Δj/2 = C_dl·v exactly (earlier scans drift, so the figure's cycle colours can be told apart);</li>
 *   <li>step 6: LSV under Ar, 0.30 → −0.50 V at 5 mV/s, 10 mV apart: j = −0.01 mA/cm² down to −0.30 V, then
 *       −0.01 mA/cm² − 10 mA/cm² per V below −0.30 V (hydrogen evolution);</li>
 *   <li>step 7: LSV under NO, the same plus −5 mA/cm² per V below 0.10 V (NO reduction).</li>
 * </ul>
 */
public final class SweepSessions {
    public static final double CDL_FARADS_PER_CM2 = 2e-3;
    private static final Location WHERE = new Location(Path.of("study.yaml"), 1, 1);

    private SweepSessions() {
    }

    public static long study(SessionStore store) throws Exception {
        return study(store, false);
    }

    /** The study, followed (with {@code withCa}) by step 8: 10 s of CA at −0.5 V vs RHE at −2 mA, one sample a second. */
    public static long study(SessionStore store, boolean withCa) throws Exception {
        CellSettings cell = Fixtures.cellAtPh7();
        long id = store.createSession(new NewSession("norr-study", "study.yaml", "", cell,
                new InstrumentIdentity("sim", "sim", "model", "fw", "SN1"), Map.of(), "test", Instant.now(), Map.of(),
                Optional.empty(), Optional.empty(), Electrolyte.Mode.REFRESH));
        double offset = cell.rheScale().offsetVolts();
        try (StoreWriter writer = store.writer(id)) {
            cv(writer, offset, 1, -300, 500, 0.1, 3);
            double[] rates = {0.01, 0.02, 0.05, 0.1};
            for (int k = 0; k < rates.length; k++) {
                cv(writer, offset, 2 + k, 150, 250, rates[k], 2);
            }
            lsv(writer, offset, 6, Gas.ARGON);
            lsv(writer, offset, 7, Gas.NITRIC_OXIDE);
            if (withCa) {
                PlannedPotential ca = potential(-500, offset);
                List<Sample> samples = new ArrayList<>();
                for (int k = 0; k <= 10; k++) {
                    samples.add(new Sample(k, ca.voltsVsReference(), -2e-3, 1e-2, 0));
                }
                write(writer, new PlannedStep.Chronoamperometry(8, "CA", ca.asWritten(), -0.5,
                        ca.voltsVsReference(), Duration.ofSeconds(1), Duration.ofSeconds(10),
                        CurrentRangeChoice.AUTO, WHERE, under(Gas.NITRIC_OXIDE)), samples);
            }
        }
        return id;
    }

    private static PlannedPotential potential(int millivoltsVsRhe, double offset) {
        double rhe = millivoltsVsRhe * 1e-3;
        return new PlannedPotential(new Potential(rhe, Potential.Scale.RHE), rhe, rhe - offset);
    }

    private static StepContext under(Gas gas) {
        return new StepContext("", 0, 0, 0, Optional.of(gas));
    }

    /** A CV from the middle of {@code low … high} (mV vs RHE) up, down and back, 5 mV apart. */
    private static void cv(StoreWriter writer, double offset, int index, int low, int high, double v, int cycles)
            throws Exception {
        int begin = (low + high) / 2;
        PlannedStep step = new PlannedStep.CyclicVoltammetry(index, "CV " + index, potential(begin, offset),
                potential(high, offset), potential(low, offset), cycles, 0.005, v, CurrentRangeChoice.AUTO, WHERE,
                under(Gas.ARGON));
        List<Sample> samples = new ArrayList<>();
        for (CvWalk.Point p : CvWalk.points(begin, high, low, cycles, 5, v)) {
            double e = p.volts();
            double j = p.direction() * CDL_FARADS_PER_CM2 * v + 1e-4 * (e - 0.1) + 5e-6 * (cycles - p.cycle());
            samples.add(new Sample(p.timeSeconds(), e - offset, j, 1e-2, 0).inSweep(p.cycle(), p.segment()));
        }
        write(writer, step, samples);
    }

    private static void lsv(StoreWriter writer, double offset, int index, Gas gas) throws Exception {
        PlannedStep step = new PlannedStep.LinearSweep(index, "LSV " + gas.written(), potential(300, offset),
                potential(-500, offset), 0.01, 0.005, CurrentRangeChoice.AUTO, WHERE, under(gas));
        List<Sample> samples = new ArrayList<>();
        for (int mv = 300, k = 0; mv >= -500; mv -= 10, k++) {
            double e = mv * 1e-3;
            double j = -1e-5 - 1e-2 * Math.max(0, -0.3 - e);
            if (gas == Gas.NITRIC_OXIDE) {
                j -= 5e-3 * Math.max(0, 0.1 - e);
            }
            samples.add(new Sample(2.0 * k, e - offset, j, 1e-2, 0).inSweep(1, 1));
        }
        write(writer, step, samples);
    }

    private static void write(StoreWriter writer, PlannedStep step, List<Sample> samples) throws Exception {
        writer.accept(new AcquisitionRecord.StepStarted(step, Instant.now(), 0), false);
        for (int k = 0; k < samples.size(); k++) {
            writer.accept(new AcquisitionRecord.SampleTaken(step.index(), k, samples.get(k)), false);
        }
        Sample last = samples.get(samples.size() - 1);
        writer.accept(new AcquisitionRecord.StepEnded(step.index(), StepOutcome.COMPLETED, samples.size(),
                last.timeSeconds(), Double.NaN, Instant.now()), true);
    }
}
