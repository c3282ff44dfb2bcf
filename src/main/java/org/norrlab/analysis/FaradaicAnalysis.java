package org.norrlab.analysis;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * FE_i = n_i·F·N_i / |Q| for each product, their sum, and the NH3 yield (norr-science.md). Amounts
 * are already net of controls; the charge is that of exactly the step that made them.
 */
public final class FaradaicAnalysis {
    private FaradaicAnalysis() {
    }

    public record Outcome(Map<Product, ProductResult> products, Optional<Measure> faradaicEfficiencySum,
                          Optional<Nh3Yield> nh3Yield) {
    }

    public static Outcome evaluate(Charge charge, double seconds, double areaCm2, double loadingMgPerCm2,
                                   Map<Product, ProductAmount> amounts, Map<Product, Boolean> controlSubtracted) {
        Map<Product, ProductResult> results = new EnumMap<>(Product.class);
        Measure sum = null;
        for (Map.Entry<Product, ProductAmount> entry : amounts.entrySet()) {
            Product product = entry.getKey();
            Measure fe = faradaicEfficiency(product, entry.getValue().amount(), charge);
            results.put(product, new ProductResult(entry.getValue(), fe, controlSubtracted.getOrDefault(product, false)));
            sum = sum == null ? fe : sum.plus(fe);
        }
        Optional<Nh3Yield> yield = Optional.ofNullable(amounts.get(Product.NH3))
                .map(nh3 -> Nh3Yield.of(nh3.amount(), seconds, areaCm2, loadingMgPerCm2));
        return new Outcome(results, Optional.ofNullable(sum), yield);
    }

    public static Measure faradaicEfficiency(Product product, Amount amount, Charge charge) {
        return amount.moles().times(product.electrons() * Product.FARADAY / charge.coulombs());
    }
}
