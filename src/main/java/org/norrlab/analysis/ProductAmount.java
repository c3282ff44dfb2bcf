package org.norrlab.analysis;

import java.util.EnumSet;
import java.util.Set;

/** How much of a product a step made, with the flags of the measurements behind it. */
public record ProductAmount(Product product, Amount amount, Set<AssayFlag> flags) {
    public ProductAmount {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }
}
