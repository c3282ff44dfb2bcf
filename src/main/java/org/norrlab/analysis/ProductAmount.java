package org.norrlab.analysis;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How much of a product a step made, with the flags of the measurements behind it.
 *
 * @param parts what each place contributed (replicates of a place averaged) to an amount made of assays; empty for
 *              an amount given whole
 */
public record ProductAmount(Product product, Amount amount, Set<AssayFlag> flags, Map<Assay.Place, Amount> parts) {
    public ProductAmount {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        parts = parts.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(parts));
    }

    public ProductAmount(Product product, Amount amount, Set<AssayFlag> flags) {
        this(product, amount, flags, Map.of());
    }
}
