package org.norrlab.analysis;

import org.norrlab.core.Sample;
import org.norrlab.core.UncompensatedResistance;

import java.util.ArrayList;
import java.util.List;

/**
 * iR-corrected potentials, E_corrected = E − I·R_u·(1 − c) ({@link UncompensatedResistance#corrected}), for the
 * samples and the steps of a session. The R_u used travels with every result, so whatever prints a corrected potential
 * can say what it was corrected with. Potentials in are vs the physical reference electrode, as samples carry them;
 * the RHE values add the session's offset E_RHE − E_RE, which the caller knows from the cell.
 */
public final class IrCorrection {
    private IrCorrection() {
    }

    /**
     * One sample, as measured and corrected.
     *
     * @param timeSeconds    the sample's time in its step
     * @param measuredVolts  E as measured, vs the reference electrode
     * @param correctedVolts E − I·R_u·(1 − c), vs the reference electrode
     * @param currentAmperes I, cathodic negative
     */
    public record CorrectedSample(double timeSeconds, double measuredVolts, double correctedVolts,
                                  double currentAmperes) {
    }

    /**
     * The potentials of one step, as set and measured and corrected.
     *
     * @param setVoltsVsRe          the set potential vs RE; NaN when the step set none (OCP, CP, an import without one)
     * @param meanMeasuredVoltsVsRe the mean of the measured potentials
     * @param meanCurrentAmperes    the mean current over the step (charge / time for evenly spaced samples)
     * @param steadyCurrentAmperes  the mean current over the second half of the step, after the charging transient:
     *                              the current a Tafel plot takes from a CA step; NaN when corrected from the step's
     *                              kept sums ({@link UsableSums}), which a Tafel plot does not use
     * @param samplesUsed           samples with a current and a potential
     * @param rheOffsetVolts        E_RHE − E_RE for the session
     * @param ru                    the R_u the correction used, with its source
     */
    public record CorrectedStep(double setVoltsVsRe, double meanMeasuredVoltsVsRe, double meanCurrentAmperes,
                                double steadyCurrentAmperes, int samplesUsed, double rheOffsetVolts,
                                UncompensatedResistance ru) {

        /** The set potential corrected with the step's mean current, vs RE; NaN when the step set none. */
        public double correctedSetVoltsVsRe() {
            return ru.corrected(setVoltsVsRe, meanCurrentAmperes);
        }

        /** The mean measured potential corrected with the mean current, vs RE. */
        public double correctedMeanVoltsVsRe() {
            return ru.corrected(meanMeasuredVoltsVsRe, meanCurrentAmperes);
        }

        /** The set potential corrected with the steady current (the Tafel point of a CA step), vs RE. */
        public double correctedSteadyVoltsVsRe() {
            return ru.corrected(setVoltsVsRe, steadyCurrentAmperes);
        }

        public double setVoltsVsRhe() {
            return setVoltsVsRe + rheOffsetVolts;
        }

        public double meanMeasuredVoltsVsRhe() {
            return meanMeasuredVoltsVsRe + rheOffsetVolts;
        }

        public double correctedSetVoltsVsRhe() {
            return correctedSetVoltsVsRe() + rheOffsetVolts;
        }

        public double correctedMeanVoltsVsRhe() {
            return correctedMeanVoltsVsRe() + rheOffsetVolts;
        }

        public double correctedSteadyVoltsVsRhe() {
            return correctedSteadyVoltsVsRe() + rheOffsetVolts;
        }

        /** The iR drop taken off, I·R_u·(1 − c) with the mean current, in volts (negative for a cathodic current). */
        public double dropVolts() {
            return meanCurrentAmperes * ru.remainingOhms();
        }
    }

    /** Every sample with a current and a finite potential, corrected; the others (no current) are left out. */
    public static List<CorrectedSample> samples(List<Sample> samples, UncompensatedResistance ru) {
        List<CorrectedSample> corrected = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
            if (usable(sample)) {
                corrected.add(new CorrectedSample(sample.timeSeconds(), sample.potentialVolts(),
                        ru.corrected(sample.potentialVolts(), sample.currentAmperes()), sample.currentAmperes()));
            }
        }
        return corrected;
    }

    /**
     * What a step's correction takes from its usable samples (a current and a finite potential): how many, and the sums
     * of their potentials and currents, added in sample order from 0. The store's tally keeps them as samples arrive
     * ({@link StepTally#usable()}), so that a 24 h step is corrected without reading its samples again.
     */
    public record UsableSums(long samples, double sumVolts, double sumAmperes) {
    }

    /** A step's potentials corrected; {@code setVoltsVsRe} NaN when the step set no potential. */
    public static CorrectedStep step(double setVoltsVsRe, List<Sample> samples, UncompensatedResistance ru,
                                     double rheOffsetVolts) {
        List<Sample> usable = samples.stream().filter(IrCorrection::usable).toList();
        if (usable.isEmpty()) {
            return new CorrectedStep(setVoltsVsRe, Double.NaN, Double.NaN, Double.NaN, 0, rheOffsetVolts, ru);
        }
        double potential = 0;
        double current = 0;
        for (Sample sample : usable) {
            potential += sample.potentialVolts();
            current += sample.currentAmperes();
        }
        double halfTime = (usable.get(0).timeSeconds() + usable.get(usable.size() - 1).timeSeconds()) / 2;
        List<Sample> secondHalf = usable.stream().filter(s -> s.timeSeconds() >= halfTime).toList();
        double steady = secondHalf.stream().mapToDouble(Sample::currentAmperes).average().orElse(Double.NaN);
        return new CorrectedStep(setVoltsVsRe, potential / usable.size(), current / usable.size(), steady,
                usable.size(), rheOffsetVolts, ru);
    }

    /**
     * A step's potentials corrected from its kept sums: the same numbers as {@link #step(double, List,
     * UncompensatedResistance, double)} but the steady current, which needs the samples (the second half of the
     * step is known only once it has ended) and is NaN here; only a Tafel plot of CA steps uses it, and it reads the
     * samples.
     */
    public static CorrectedStep step(double setVoltsVsRe, UsableSums sums, UncompensatedResistance ru,
                                     double rheOffsetVolts) {
        if (sums.samples() == 0) {
            return new CorrectedStep(setVoltsVsRe, Double.NaN, Double.NaN, Double.NaN, 0, rheOffsetVolts, ru);
        }
        // usable.size() above is an int: the same division, by the same value
        int n = Math.toIntExact(sums.samples());
        return new CorrectedStep(setVoltsVsRe, sums.sumVolts() / n, sums.sumAmperes() / n, Double.NaN, n,
                rheOffsetVolts, ru);
    }

    /** A sample an iR correction uses: with a current and a finite potential and current. */
    public static boolean usable(Sample sample) {
        return sample.hasCurrent() && Double.isFinite(sample.potentialVolts())
                && Double.isFinite(sample.currentAmperes());
    }
}
