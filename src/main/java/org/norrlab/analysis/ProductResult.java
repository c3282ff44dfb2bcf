package org.norrlab.analysis;

/** One product of one step: the net amount and its faradaic efficiency (a fraction). */
public record ProductResult(ProductAmount amount, Measure faradaicEfficiency, boolean controlSubtracted) {
    public Product product() {
        return amount.product();
    }
}
