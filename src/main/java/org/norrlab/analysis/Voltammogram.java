package org.norrlab.analysis;

import org.norrlab.core.Gas;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.Technique;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One recorded potential sweep (LSV or CV) ready for the sweep analysis: its samples with a usable current, the
 * offset that puts their potentials (vs the reference electrode) on the RHE scale, and the electrode area that
 * turns currents into current densities.
 *
 * @param step                   the step's index in its session, for messages
 * @param technique              {@link Technique#LINEAR_SWEEP} or {@link Technique#CYCLIC_VOLTAMMETRY}
 * @param gas                    the gas the electrolyte was saturated with, where known
 * @param statedScanRate         the scan rate the protocol or the imported file gave, V/s; NaN when unknown (then
 *                               {@link ScanRate#of} measures it from the data, never assumes one)
 * @param rheOffsetVolts         E(RHE) − E(RE): for a stored step, its {@code voltsVsRhe − voltsVsReference}
 * @param electrodeAreaCm2       geometric area of the working electrode
 * @param samples                the samples in time order, those without a current or with a clipped (overload)
 *                               current already left out (see {@link #usable})
 * @param leftOut                how many samples {@link #usable} left out
 */
public record Voltammogram(int step, String label, Technique technique, Optional<Gas> gas, double statedScanRate,
                           double rheOffsetVolts, double electrodeAreaCm2, List<Sample> samples, int leftOut) {

    public Voltammogram {
        if (technique != Technique.LINEAR_SWEEP && technique != Technique.CYCLIC_VOLTAMMETRY) {
            throw new IllegalArgumentException("a voltammogram is an LSV or a CV, not " + technique.written());
        }
        if (!(electrodeAreaCm2 > 0)) {
            throw new IllegalArgumentException("the electrode area must be > 0 cm², was " + electrodeAreaCm2);
        }
        if (!Double.isFinite(rheOffsetVolts)) {
            throw new IllegalArgumentException("step " + step + " has no RE→RHE offset (" + rheOffsetVolts + " V)");
        }
        samples = List.copyOf(samples);
    }

    /**
     * The sweep of {@code recorded} samples, keeping only those whose current is a measurement: a sample without a
     * current carries none, and an overloaded one is clipped at the range's full scale, which would move an onset or
     * a Δj to wherever the range happened to end.
     */
    public static Voltammogram usable(int step, String label, Technique technique, Optional<Gas> gas,
                                      double statedScanRate, double rheOffsetVolts, double electrodeAreaCm2,
                                      List<Sample> recorded) {
        List<Sample> kept = new ArrayList<>(recorded.size());
        for (Sample s : recorded) {
            if (s.hasCurrent() && !s.has(SampleFlag.OVERLOAD)) {
                kept.add(s);
            }
        }
        return new Voltammogram(step, label, technique, gas, statedScanRate, rheOffsetVolts, electrodeAreaCm2, kept,
                recorded.size() - kept.size());
    }

    /** The step for messages: "LSV step 5 (Ar)". */
    public String describe() {
        return (technique == Technique.LINEAR_SWEEP ? "LSV" : "CV") + " step " + step
                + gas.map(g -> " (" + g.written() + ")").orElse("");
    }

    public double voltsVsRhe(Sample s) {
        return s.potentialVolts() + rheOffsetVolts;
    }

    public double amperesPerCm2(Sample s) {
        return s.currentAmperes() / electrodeAreaCm2;
    }

    /** Potentials vs RHE of {@code part}, in its order. */
    public double[] voltsVsRhe(List<Sample> part) {
        return part.stream().mapToDouble(this::voltsVsRhe).toArray();
    }

    /** Current densities (A/cm², cathodic negative) of {@code part}, in its order. */
    public double[] amperesPerCm2(List<Sample> part) {
        return part.stream().mapToDouble(this::amperesPerCm2).toArray();
    }

    /** The scan numbers present, in order (an LSV: 1; samples recorded without a cycle: 0). */
    public List<Integer> cycles() {
        TreeSet<Integer> cycles = new TreeSet<>();
        samples.forEach(s -> cycles.add(s.cycle()));
        return List.copyOf(cycles);
    }

    /** The samples of one scan, in time order. */
    public List<Sample> cycle(int cycle) {
        return samples.stream().filter(s -> s.cycle() == cycle).toList();
    }

    /**
     * The linear parts of one scan as the instrument or the file marked them (segment 1, 2, 3 of a CV), each in time
     * order. Parts are not split where the potential turns back: a measured potential's noise turns back all the time.
     */
    public List<List<Sample>> parts(int cycle) {
        Map<Integer, List<Sample>> bySegment = new TreeMap<>();
        for (Sample s : cycle(cycle)) {
            bySegment.computeIfAbsent(s.segment(), k -> new ArrayList<>()).add(s);
        }
        return List.copyOf(bySegment.values());
    }
}
