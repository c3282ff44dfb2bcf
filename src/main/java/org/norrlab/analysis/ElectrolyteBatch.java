package org.norrlab.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What each step of one accumulating batch of catholyte made of one dissolved product, from the concentrations
 * assayed after its steps and the aliquots taken out of it (norr-science-notes §1.3 (b), generalised).
 *
 * <h2>The model</h2>
 * The batch starts with volume V₀ (the session's electrolyte volume) and no product. After CA step j the
 * aliquots taken (total volume s_j) remove c_j·s_j of product, c_j being the concentration assayed after
 * step j. An aliquot that is replaced (fresh electrolyte put back) keeps the volume; one that is not lowers it,
 * so the volume during step k is V_k = V₀ − Σ v_a over the unreplaced aliquots a taken before step k.
 * <ul>
 *   <li>in the cell after step k, before its aliquot: A_k = c_k·V_k</li>
 *   <li>made since the batch started: P_k = c_k·V_k + Σ_{j&lt;k} c_j·s_j (what earlier aliquots took away)</li>
 *   <li>made since the last assayed step p: n = P_k − P_p = c_k·V_k − c_p·(V_p − s_p) + Σ_{p&lt;j&lt;k} c_j·s_j.
 *       The c_j of aliquots before p cancel, so an aliquot before p without an assay does not matter; one
 *       between p and k does, and then n is not available. With every step assayed (p = k−1) this is
 *       n_k = c_k·V_k − c_{k−1}·(V_{k−1} − s_{k−1}); with no aliquot at all, n = (c_k − c_p)·V.</li>
 * </ul>
 *
 * <h2>Uncertainty</h2>
 * First-order propagation over independent base quantities: V₀ (σ from {@code volumeRelativeSigma}), each
 * aliquot's volume v_a (same relative σ, volumetric pipette) and each assayed concentration c_j (σ from the
 * calibration fit, dilution, replicates). The volumes V_k are not independent of each other (they share V₀
 * and earlier aliquots), so they are expanded into the base quantities before differentiating; σ²(n) = Σ
 * (∂n/∂x · σ_x)² with, for n over (p, k]:
 * <pre>
 *   ∂n/∂c_k = V_k        ∂n/∂c_p = −(V_p − s_p)        ∂n/∂c_j = s_j  (p &lt; j &lt; k)
 *   ∂n/∂V₀  = c_k − c_p
 *   ∂n/∂v_a = −(1 − r_a)·c_k   [a before k]   (r_a = 1 when replaced: only the volume V_k depends on it)
 *           + (1 − r_a)·c_p    [a before p]   (through V_p)
 *           + c_p              [a after p]    (through s_p)
 *           + c_j              [a after j, p &lt; j &lt; k]
 * </pre>
 * With every step assayed and all volumes exact this is σ²(n_k) = (V_k·σ_ck)² + ((V_{k−1} − s_{k−1})·σ_c(k−1))²,
 * so an accumulating step is less certain than a fresh one (which has only the first term). Two absorbances
 * read through the same calibration share its slope error; counting them as independent overstates σ(n)
 * slightly (the correlated part cancels in the difference), the safe side.
 *
 * <h2>Detection</h2>
 * n below the assay's limit of detection in the cell (LOD·dilution·V_k, where the calibration gives one) is
 * reported below LOD; without a known LOD (a concentration typed in), n below 2σ(n) is. Either way the
 * segment's {@link AssayFlag#BELOW_LOD} hides the number and its FE.
 */
public final class ElectrolyteBatch {
    private ElectrolyteBatch() {
    }

    /** An aliquot taken after a step of the batch. */
    public record Aliquot(double volumeMl, boolean replaced) {
        public Aliquot {
            if (!(volumeMl > 0) || !Double.isFinite(volumeMl)) {
                throw new IllegalArgumentException("an aliquot's volume must be positive, was " + volumeMl + " mL");
            }
        }
    }

    /**
     * The concentration in the cell after a step (dilution already applied), with the assay's flags and, where a
     * calibration gives them, its detection and quantification limits in the cell.
     *
     * @param limitSource what the limits are, for the note, e.g. "the LOD of calibration 3"
     */
    public record Reading(Measure molPerLiter, Set<AssayFlag> flags, Optional<Double> lodMolPerLiter,
                          Optional<Double> loqMolPerLiter, String limitSource) {
        public Reading {
            flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        }

        public static Reading of(Measure molPerLiter) {
            return new Reading(molPerLiter, Set.of(), Optional.empty(), Optional.empty(), "");
        }
    }

    /** A step of the batch in run order: its reading (empty when not assayed) and the aliquots taken after it. */
    public record BatchStep(int stepIndex, Optional<Reading> reading, List<Aliquot> aliquotsAfter) {
        public BatchStep {
            aliquotsAfter = List.copyOf(aliquotsAfter);
        }

        double removedMl() {
            return aliquotsAfter.stream().mapToDouble(Aliquot::volumeMl).sum();
        }
    }

    /**
     * One step's place in the batch.
     *
     * @param volumeMl   V_k, the catholyte volume during the step
     * @param inCell     c_k·V_k in mol, when the step was assayed
     * @param cumulative P_k in mol, when the step and every earlier aliquot were assayed
     * @param segment    index into {@link Result#segments()} of the stretch the step's product is counted in;
     *                   -1 when no assay after it or a later step of the batch exists yet
     */
    public record StepAmount(int stepIndex, Measure volumeMl, Optional<Measure> inCell, Optional<Measure> cumulative,
                             int segment) {
    }

    /**
     * The product made over consecutive steps ending at an assayed step and starting after the previous one.
     *
     * @param produced the amount in mol, empty when it cannot be known (see the notes)
     * @param flags    the assays' flags, and {@link AssayFlag#BELOW_LOD}/{@link AssayFlag#BELOW_LOQ} of the difference
     * @param aliquotsInside whether aliquots were taken inside the stretch (only possible without their assay)
     */
    public record Segment(List<Integer> steps, Optional<Measure> produced, Set<AssayFlag> flags, List<String> notes,
                          boolean aliquotsInside) {
        public Segment {
            steps = List.copyOf(steps);
            flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
            notes = List.copyOf(notes);
        }

        public int first() {
            return steps.get(0);
        }

        public int last() {
            return steps.get(steps.size() - 1);
        }
    }

    public record Result(List<StepAmount> steps, List<Segment> segments) {
        public Result {
            steps = List.copyOf(steps);
            segments = List.copyOf(segments);
        }
    }

    /**
     * @param startVolumeMl       V₀, the batch's volume at its start
     * @param volumeRelativeSigma relative σ of V₀ and of every aliquot volume
     * @param steps               the batch's CA steps in run order
     */
    public static Result evaluate(double startVolumeMl, double volumeRelativeSigma, List<BatchStep> steps) {
        if (!(startVolumeMl > 0)) {
            throw new IllegalArgumentException("a batch's starting volume must be positive, was " + startVolumeMl + " mL");
        }
        Model model = new Model(startVolumeMl, volumeRelativeSigma, steps);
        List<Segment> segments = new ArrayList<>();
        int[] segmentOf = new int[steps.size()];
        int previous = -1;
        for (int k = 0; k < steps.size(); k++) {
            segmentOf[k] = -1;
            if (steps.get(k).reading().isEmpty()) {
                continue;
            }
            segments.add(model.segment(previous, k));
            for (int i = previous + 1; i <= k; i++) {
                segmentOf[i] = segments.size() - 1;
            }
            previous = k;
        }
        List<StepAmount> amounts = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            amounts.add(new StepAmount(steps.get(k).stepIndex(), model.volume(k), model.inCell(k), model.cumulative(k),
                    segmentOf[k]));
        }
        return new Result(amounts, segments);
    }

    /**
     * The batch as linear forms over its base quantities: index 0 is V₀, then one per aliquot, then one per step's
     * concentration (0 where the step was not assayed).
     */
    private static final class Model {
        private final List<BatchStep> steps;
        private final double v0;
        private final double relativeSigma;
        /** aliquot base index → the step (position in {@link #steps}) it was taken after */
        private final List<Integer> aliquotStep = new ArrayList<>();
        private final List<Aliquot> aliquots = new ArrayList<>();
        private final int concentrationBase;

        Model(double v0, double relativeSigma, List<BatchStep> steps) {
            this.steps = List.copyOf(steps);
            this.v0 = v0;
            this.relativeSigma = relativeSigma;
            for (int j = 0; j < steps.size(); j++) {
                for (Aliquot a : steps.get(j).aliquotsAfter()) {
                    aliquots.add(a);
                    aliquotStep.add(j);
                }
            }
            concentrationBase = 1 + aliquots.size();
        }

        private double c(int j) {
            return steps.get(j).reading().map(r -> r.molPerLiter().value()).orElse(0.0);
        }

        private double volumeValue(int k) {
            double v = v0;
            for (int a = 0; a < aliquots.size(); a++) {
                if (aliquotStep.get(a) < k && !aliquots.get(a).replaced()) {
                    v -= aliquots.get(a).volumeMl();
                }
            }
            return v;
        }

        Measure volume(int k) {
            double[] gradient = new double[concentrationBase + steps.size()];
            gradient[0] = 1;
            for (int a = 0; a < aliquots.size(); a++) {
                if (aliquotStep.get(a) < k && !aliquots.get(a).replaced()) {
                    gradient[1 + a] = -1;
                }
            }
            return new Measure(volumeValue(k), sigma(gradient));
        }

        Optional<Measure> inCell(int k) {
            if (steps.get(k).reading().isEmpty()) {
                return Optional.empty();
            }
            double[] gradient = new double[concentrationBase + steps.size()];
            double ck = c(k);
            gradient[0] = ck;
            for (int a = 0; a < aliquots.size(); a++) {
                if (aliquotStep.get(a) < k && !aliquots.get(a).replaced()) {
                    gradient[1 + a] = -ck;
                }
            }
            gradient[concentrationBase + k] = volumeValue(k);
            return Optional.of(moles(ck * volumeValue(k), gradient));
        }

        /** P_k: the amount over (start, k], known when step k and every aliquot before it were assayed. */
        Optional<Measure> cumulative(int k) {
            if (steps.get(k).reading().isEmpty() || firstUnassayedAliquot(-1, k).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(between(-1, k));
        }

        /** The step (position) of the first aliquot taken strictly between positions p and k without an assay. */
        private Optional<Integer> firstUnassayedAliquot(int p, int k) {
            for (int j = p + 1; j < k; j++) {
                if (!steps.get(j).aliquotsAfter().isEmpty() && steps.get(j).reading().isEmpty()) {
                    return Optional.of(j);
                }
            }
            return Optional.empty();
        }

        /** n over (p, k] in mol (p = -1: since the batch started), with the gradient in the class comment. */
        private Measure between(int p, int k) {
            double ck = c(k);
            double cp = p < 0 ? 0 : c(p);
            double[] gradient = new double[concentrationBase + steps.size()];
            double value = ck * volumeValue(k);
            gradient[concentrationBase + k] = volumeValue(k);
            if (p >= 0) {
                double remaining = volumeValue(p) - steps.get(p).removedMl();
                value -= cp * remaining;
                gradient[concentrationBase + p] = -remaining;
            }
            for (int j = p + 1; j < k; j++) {
                value += c(j) * steps.get(j).removedMl();
                gradient[concentrationBase + j] = steps.get(j).removedMl();
            }
            gradient[0] = ck - cp;
            for (int a = 0; a < aliquots.size(); a++) {
                int j = aliquotStep.get(a);
                double unreplaced = aliquots.get(a).replaced() ? 0 : 1;
                double d = 0;
                if (j < k) {
                    d -= unreplaced * ck;
                }
                if (j < p) {
                    d += unreplaced * cp;
                } else if (j == p) {
                    d += cp;
                } else if (j < k) {
                    d += c(j);
                }
                gradient[1 + a] = d;
            }
            return moles(value, gradient);
        }

        Segment segment(int p, int k) {
            List<Integer> indices = new ArrayList<>();
            for (int i = p + 1; i <= k; i++) {
                indices.add(steps.get(i).stepIndex());
            }
            boolean aliquotsInside = false;
            for (int i = p + 1; i < k; i++) {
                aliquotsInside |= !steps.get(i).aliquotsAfter().isEmpty();
            }
            Reading reading = steps.get(k).reading().orElseThrow();
            Set<AssayFlag> flags = EnumSet.noneOf(AssayFlag.class);
            flags.addAll(reading.flags());
            if (p >= 0) {
                flags.addAll(steps.get(p).reading().orElseThrow().flags());
            }
            // The limits of the single readings say nothing about their difference: it is tested below.
            flags.remove(AssayFlag.BELOW_LOD);
            flags.remove(AssayFlag.BELOW_LOQ);
            List<String> notes = new ArrayList<>();
            Optional<Integer> unknown = firstUnassayedAliquot(p, k);
            if (unknown.isPresent()) {
                notes.add("not available: the aliquot taken after step " + steps.get(unknown.get()).stepIndex()
                        + " has no assay, so what it removed is unknown; add it with 'norrlab assay add SESSION --step "
                        + steps.get(unknown.get()).stepIndex() + "'");
                return new Segment(indices, Optional.empty(), flags, notes, true);
            }
            Measure n = between(p, k);
            double liters = volumeValue(k) * 1e-3;
            if (reading.lodMolPerLiter().isPresent()) {
                double lod = reading.lodMolPerLiter().get() * liters;
                double loq = reading.loqMolPerLiter().orElse(Double.NaN) * liters;
                if (n.value() < lod) {
                    flags.add(AssayFlag.BELOW_LOD);
                    notes.add(String.format(Locale.ROOT, "made %.4g ± %.2g µmol, below %s in %.4g mL (%.4g µmol):"
                                    + " shown <LOD, no FE", n.value() * 1e6, n.sigma() * 1e6, reading.limitSource(),
                            volumeValue(k), lod * 1e6));
                } else if (n.value() < loq) {
                    flags.add(AssayFlag.BELOW_LOQ);
                }
            } else if (n.value() < 2 * n.sigma()) {
                flags.add(AssayFlag.BELOW_LOD);
                notes.add(String.format(Locale.ROOT, "made %.4g ± %.2g µmol, below 2σ of the difference (%.4g µmol;"
                                + " no calibration LOD is known for this assay): shown <LOD, no FE", n.value() * 1e6,
                        n.sigma() * 1e6, 2 * n.sigma() * 1e6));
            }
            return new Segment(indices, Optional.of(n), flags, notes, aliquotsInside);
        }

        /** value in mol·mL/L → mol, with σ from the gradient over the base quantities. */
        private Measure moles(double value, double[] gradient) {
            return new Measure(value * 1e-3, sigma(gradient) * 1e-3);
        }

        private double sigma(double[] gradient) {
            double sum = Math.pow(gradient[0] * v0 * relativeSigma, 2);
            for (int a = 0; a < aliquots.size(); a++) {
                sum += Math.pow(gradient[1 + a] * aliquots.get(a).volumeMl() * relativeSigma, 2);
            }
            for (int j = 0; j < steps.size(); j++) {
                double cs = steps.get(j).reading().map(r -> r.molPerLiter().sigma()).orElse(0.0);
                sum += Math.pow(gradient[concentrationBase + j] * cs, 2);
            }
            return Math.sqrt(sum);
        }
    }
}
