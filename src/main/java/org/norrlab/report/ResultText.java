package org.norrlab.report;

import org.norrlab.analysis.AssayFlag;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.ProductResult;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** How results read in tables: value ± sigma, "<LOD" instead of a number below the limit of detection. */
public final class ResultText {
    private ResultText() {
    }

    public static String measure(Measure m, double scale, int decimals) {
        if (Double.isNaN(m.value())) {
            return "—";
        }
        // σ exactly 0 means none was given (an amount typed without "±"): "± 0.00" would claim perfect precision
        if (m.sigma() == 0) {
            return String.format(Locale.ROOT, "%." + decimals + "f", m.value() * scale);
        }
        String format = "%." + decimals + "f ± %." + decimals + "f";
        return String.format(Locale.ROOT, format, m.value() * scale, m.sigma() * scale);
    }

    /** The value of a product result, or its flag where the flag forbids a number. */
    public static String flagged(ProductResult result, Measure m, double scale, int decimals) {
        if (result.amount().flags().stream().anyMatch(AssayFlag::hidesValue)) {
            return "<LOD";
        }
        String text = measure(m, scale, decimals);
        return result.amount().flags().isEmpty() ? text : text + " *";
    }

    /** The FE sum, unless a product in it is below its detection limit (then the sum means nothing). */
    public static String sum(java.util.Collection<ProductResult> products, java.util.Optional<Measure> sum) {
        if (sum.isEmpty()) {
            return "—";
        }
        if (products.stream().anyMatch(p -> p.amount().flags().stream().anyMatch(AssayFlag::hidesValue))) {
            return "<LOD";
        }
        String text = measure(sum.get(), 100, 2);
        return products.stream().anyMatch(p -> !p.amount().flags().isEmpty()) ? text + " *" : text;
    }

    /** A plain number of a product result in short form, or its flag. */
    public static String scientific(ProductResult result, double value) {
        if (result.amount().flags().stream().anyMatch(AssayFlag::hidesValue)) {
            return "<LOD";
        }
        if (Double.isNaN(value)) {
            return "—";
        }
        String text = String.format(Locale.ROOT, "%.4g", value);
        return result.amount().flags().isEmpty() ? text : text + " *";
    }

    /**
     * A value with a plausibility flag's {@code *} added ({@link org.norrlab.analysis.Plausibility}); nothing is added to
     * "—" or "<LOD", which are no numbers, nor a second {@code *} to a value an assay flag already marked.
     */
    public static String marked(String text, boolean marked) {
        if (!marked || text.equals("—") || text.equals("<LOD") || text.endsWith(" *")) {
            return text;
        }
        return text + " *";
    }

    /** The plausibility notes of the steps, one line each: "step 2: * FE NH3 = 112.0 %: …". */
    public static List<String> flagNotes(List<StepAnalysis> steps) {
        return steps.stream().flatMap(step -> step.flags().stream().map(f -> "step " + step.step().index() + ": * " + f.note()))
                .toList();
    }

    public static String flags(Set<AssayFlag> flags) {
        return flags.stream().map(AssayFlag::description).collect(Collectors.joining("; "));
    }
}
