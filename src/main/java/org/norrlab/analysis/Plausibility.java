package org.norrlab.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Results a reader should not believe without a second look. Each is shown as {@code *} beside the numbers it
 * concerns and a note saying why, in {@code analyze} (text and JSON), the report and the window: defined here once so
 * that all of them agree, because a silently printed implausible FE is the worst outcome of the analysis.
 */
public enum Plausibility {
    /** more product than the charge can make: an assay, dilution or volume is wrong, or the product came from elsewhere */
    FE_ABOVE_100("FE above 100 %: more product than the charge can make; check the assay, its dilution, the electrolyte"
            + " volume and the controls"),
    /** most of the charge unaccounted for, and the products that would account for it were never assayed */
    FE_SUM_LOW_UNMEASURED("FE sum below 50 % while by-products were not measured"),
    /** the charge covers only part of the step */
    FEW_SAMPLES("fewer than 90 % of the planned samples: Q and yield cover only the recorded part"),
    /** a NORR step is a reduction: its net charge is negative (cathodic); a positive one means the FE of |Q| is meaningless */
    OXIDISING_CHARGE("net oxidising charge on a reduction step (Q > 0 with cathodic current negative): FE and yield from"
            + " |Q| mean nothing until the sign is explained (reversed cell leads, or an oxidising potential)"),
    /**
     * the hold before the step, where the catholyte was to be replaced, ended without the operator (its timeout ran
     * out, or the run was unattended) and the run went on: the step may have run in used catholyte
     */
    ELECTROLYTE_NOT_CONFIRMED("the catholyte may not have been replaced, so this step's NH3 may include earlier"
            + " steps' — check before trusting this FE");

    /** Below this share of the planned samples a step is flagged. */
    public static final double MIN_SAMPLE_SHARE = 0.90;
    /** An FE sum below this, with products not assayed, is flagged. */
    public static final double LOW_FE_SUM = 0.50;

    private final String meaning;

    Plausibility(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** The values of a step's result row a flag puts its {@code *} beside. */
    public enum Marked { CHARGE, FE_NH3, FE_SUM, YIELD }

    /** One flag on one step: which, the values it marks, and the note with this step's numbers. */
    public record Flag(Plausibility kind, Set<Marked> marks, String note) {
        public Flag {
            Objects.requireNonNull(kind, "kind");
            marks = Set.copyOf(marks);
            Objects.requireNonNull(note, "note");
        }
    }

    /** Whether any of the flags puts a {@code *} beside the value. */
    public static boolean marks(List<Flag> flags, Marked value) {
        return flags.stream().anyMatch(f -> f.marks().contains(value));
    }

    /**
     * The flags of one CA step.
     *
     * @param signedCoulombs the step's net charge, cathodic negative (before taking its magnitude for FE)
     * @param samples        samples recorded
     * @param plannedSamples samples the plan asked for; 0 when unknown (some imports), then not checked
     */
    public static List<Flag> check(double signedCoulombs, FaradaicAnalysis.Outcome outcome, long samples,
                                   long plannedSamples) {
        List<Flag> flags = new ArrayList<>();
        if (signedCoulombs > 0) {
            flags.add(new Flag(OXIDISING_CHARGE, EnumSet.allOf(Marked.class),
                    String.format(Locale.ROOT, "Q = %+.5g C: %s", signedCoulombs, OXIDISING_CHARGE.meaning)));
        }
        if (plannedSamples > 0 && samples < MIN_SAMPLE_SHARE * plannedSamples) {
            flags.add(new Flag(FEW_SAMPLES, EnumSet.of(Marked.CHARGE, Marked.YIELD), String.format(Locale.ROOT,
                    "%d of %d planned samples (%.0f %%): %s", samples, plannedSamples, 100.0 * samples / plannedSamples,
                    FEW_SAMPLES.meaning)));
        }
        ProductResult nh3 = outcome.products().get(Product.NH3);
        // a value below its detection limit is shown as <LOD, not as a number: nothing to flag about it
        boolean anyHidden = outcome.products().values().stream().anyMatch(Plausibility::hidden);
        boolean nh3Shown = nh3 != null && !hidden(nh3);
        if (nh3Shown && nh3.faradaicEfficiency().value() > 1) {
            flags.add(new Flag(FE_ABOVE_100, EnumSet.of(Marked.FE_NH3, Marked.FE_SUM), String.format(Locale.ROOT,
                    "FE NH3 = %.1f %%: %s", nh3.faradaicEfficiency().value() * 100, FE_ABOVE_100.meaning)));
        } else if (!anyHidden && outcome.faradaicEfficiencySum().isPresent()
                && outcome.faradaicEfficiencySum().get().value() > 1) {
            flags.add(new Flag(FE_ABOVE_100, EnumSet.of(Marked.FE_SUM), String.format(Locale.ROOT,
                    "FE sum = %.1f %% (%s): %s", outcome.faradaicEfficiencySum().get().value() * 100,
                    names(outcome.products().keySet()), FE_ABOVE_100.meaning)));
        }
        Set<Product> missing = EnumSet.allOf(Product.class);
        missing.removeAll(outcome.products().keySet());
        if (!anyHidden && !missing.isEmpty() && outcome.faradaicEfficiencySum().isPresent()
                && outcome.faradaicEfficiencySum().get().value() < LOW_FE_SUM) {
            flags.add(new Flag(FE_SUM_LOW_UNMEASURED, EnumSet.of(Marked.FE_SUM), String.format(Locale.ROOT,
                    "FE sum = %.1f %% over %s only: %s (not assayed: %s); the rest of the charge is unaccounted for",
                    outcome.faradaicEfficiencySum().get().value() * 100, names(outcome.products().keySet()),
                    FE_SUM_LOW_UNMEASURED.meaning, names(missing))));
        }
        return flags;
    }

    /**
     * The flag of the first CA step after a hold that should have brought fresh catholyte (every hold between steps
     * of a refreshing session; a hold with new_electrolyte in an accumulating one) but that nobody continued.
     *
     * @param holdStep    the hold's step index
     * @param holdMessage what the hold asked the operator to do, as the protocol wrote it
     * @param unattended  true when the run was unattended (did not wait), false when the hold's timeout ran out
     * @param newBatch    true for an accumulating session's new batch (the batch boundary is then doubtful)
     */
    public static Flag electrolyteNotConfirmed(int holdStep, String holdMessage, boolean unattended, boolean newBatch) {
        String why = unattended ? "the run was unattended: nobody waited" : "its timeout ran out";
        String meaning = newBatch ? "the new catholyte may not have been put in, so this step's NH3 may include the"
                + " previous batch's — check before trusting this FE" : ELECTROLYTE_NOT_CONFIRMED.meaning;
        return new Flag(ELECTROLYTE_NOT_CONFIRMED, EnumSet.of(Marked.FE_NH3, Marked.FE_SUM, Marked.YIELD),
                String.format(Locale.ROOT, "the hold at step %d ('%s')%s was not continued by the operator (%s): %s",
                        holdStep, holdMessage, newBatch ? ", which starts a new batch," : "", why, meaning));
    }

    private static boolean hidden(ProductResult result) {
        return result.amount().flags().stream().anyMatch(AssayFlag::hidesValue);
    }

    private static String names(Set<Product> products) {
        return products.stream().map(Product::name).collect(Collectors.joining(", "));
    }
}
