package org.norrlab.core;

import java.util.Map;
import java.util.Objects;

/**
 * Something worth knowing that happened at a time within a step.
 *
 * @param timeSeconds seconds since the start of the step it belongs to
 * @param values      the numbers behind the message (offending values, products, ...), named with their unit
 */
public record Event(EventKind kind, double timeSeconds, String message, Map<String, Double> values) {
    public Event {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        values = Map.copyOf(values);
    }

    public static Event of(EventKind kind, double timeSeconds, String message) {
        return new Event(kind, timeSeconds, message, Map.of());
    }
}
