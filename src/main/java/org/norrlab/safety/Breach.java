package org.norrlab.safety;

import java.util.Map;

/** A limit broken during a step: which, with the offending values named with their units. */
public record Breach(int stepIndex, double timeSeconds, String what, Map<String, Double> values) {
    public Breach {
        values = Map.copyOf(values);
    }
}
