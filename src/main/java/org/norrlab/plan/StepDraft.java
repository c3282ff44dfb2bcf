package org.norrlab.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a {@link ProtocolDraft} as written, before any rule is applied: its kind, its fields as text (nested
 * blocks with dotted keys, lists as comma-separated text) and, for a {@code repeat} block, its own steps. A field
 * left empty is not written.
 */
public record StepDraft(String kind, Map<String, String> fields, List<StepDraft> inner) {
    public StepDraft {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        inner = List.copyOf(inner);
    }

    /** A new step of {@code kind} with the catalogue's example values; potentials vs RHE. */
    public static StepDraft fresh(String kind) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ProtocolFields.Field field : ProtocolFields.of(kind)) {
            if (!field.example().isEmpty()) {
                fields.put(field.key(), switch (field.type()) {
                    case POTENTIAL -> field.example() + " vs RHE";
                    case POTENTIAL_LIST -> String.join(", ", field.example().split(",\\s*")).replaceAll("(V)(,|$)", "$1 vs RHE$2");
                    default -> field.example();
                });
            }
        }
        return new StepDraft(kind, fields, kind.equals("repeat") ? List.of(fresh("ca")) : List.of());
    }

    public String field(String key) {
        return fields.getOrDefault(key, "");
    }

    /** The same step with {@code key} set to {@code value} (removed when blank). */
    public StepDraft with(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        if (value == null || value.isBlank()) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return new StepDraft(kind, changed, inner);
    }

    public StepDraft withInner(List<StepDraft> steps) {
        return new StepDraft(kind, fields, new ArrayList<>(steps));
    }
}
