package org.norrlab.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes a {@link ProtocolDraft} as the commented YAML that {@link ProtocolLoader} reads ({@code norrlab plan},
 * {@code norrlab run}): each field under a comment saying what it means and what is allowed
 * ({@link ProtocolFields}), the file marked on its first line as written by the protocol editor (so that the editor
 * can tell a file it may rewrite from a hand-written one whose comments a rewrite would lose). Pure: the same draft
 * gives the same text, and every line of it is known to belong to one field ({@link Written#fieldAt}).
 */
public final class ProtocolWriter {
    /** The first line of every file the editor writes. */
    public static final String MARK = "# Written by the norrlab protocol editor.";

    /** The protocol-level blocks and fields in the order they are written; others follow in the draft's order. */
    private static final List<String> HEAD_ORDER = List.of("name", "description", "cell", "safety", "electrolyte",
            "unattended", "on_interruption");
    /** A value that YAML reads as it is written: no quoting needed. */
    private static final Pattern PLAIN = Pattern.compile("[^\\s\\[\\]{}#&*!|>'\"%@`,?:-][^#]*|[-?:][^\\s#][^#]*");
    /** Values YAML would read as "nothing" rather than as text. */
    private static final List<String> NULL_WORDS = List.of("~", "null", "Null", "NULL");

    private ProtocolWriter() {
    }

    /**
     * Which field a written line holds.
     *
     * @param step the step's place: empty for the protocol level, [top] for a step, [top, inner] for a step of a
     *             repeat block; counted from 1 as the loader's {@code steps[n]} are
     * @param key  the field's dotted key, "" for the step's own line
     */
    public record FieldRef(List<Integer> step, String key) {
        public FieldRef {
            step = List.copyOf(step);
        }
    }

    /** The text and, for each line (from 1), the field on it. */
    public record Written(String text, Map<Integer, FieldRef> lines) {
        public Written {
            lines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lines));
        }

        public Optional<FieldRef> fieldAt(int line) {
            return Optional.ofNullable(lines.get(line));
        }
    }

    /** Whether {@code text} is a file this writer wrote (its first line begins with {@link #MARK}). */
    public static boolean isEditorWritten(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.startsWith(MARK);
    }

    public static Written write(ProtocolDraft draft) {
        Out out = new Out();
        out.line(MARK + " Edit it there, or by hand (then the editor");
        out.line("# saves your version to a new file unless told to overwrite it).");
        out.line("# Check it: bin/norrlab plan FILE. Quantities carry units: times in ms, s, min or h; potentials in V or mV");
        out.line("# and \"vs RHE\" (the scale experiments are designed in) or \"vs RE\" (the reference electrode).");
        Map<String, Object> tree = tree(draft.head());
        List<String> order = new ArrayList<>(HEAD_ORDER);
        tree.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        for (String key : order) {
            if (tree.containsKey(key)) {
                out.blank();
                block(out, 0, key, key, tree.get(key), "", List.of());
            }
        }
        out.blank();
        out.line("# The steps, run in this order.");
        out.line("steps:", new FieldRef(List.of(), "steps"));
        steps(out, 2, draft.steps(), List.of());
        return new Written(out.text.toString(), out.lines);
    }

    private static void steps(Out out, int indent, List<StepDraft> steps, List<Integer> parent) {
        for (int i = 0; i < steps.size(); i++) {
            StepDraft step = steps.get(i);
            List<Integer> place = new ArrayList<>(parent);
            place.add(i + 1);
            FieldRef ref = new FieldRef(place, "");
            out.line(" ".repeat(indent) + "# Step " + stepNumber(place) + ": " + ProtocolFields.title(step.kind()), ref);
            Map<String, Object> tree = tree(step.fields());
            boolean hasInner = step.kind().equals("repeat");
            if (tree.isEmpty() && !hasInner) {
                out.line(" ".repeat(indent) + "- " + step.kind() + ": {}", ref);
                continue;
            }
            out.line(" ".repeat(indent) + "- " + step.kind() + ":", ref);
            for (Map.Entry<String, Object> field : ordered(step.kind(), tree).entrySet()) {
                block(out, indent + 4, field.getKey(), field.getKey(), field.getValue(), step.kind(), place);
            }
            if (hasInner) {
                out.line(" ".repeat(indent + 4) + "# The steps of one cycle, run in this order each cycle.", ref);
                out.line(" ".repeat(indent + 4) + "steps:", new FieldRef(place, "steps"));
                steps(out, indent + 6, step.inner(), place);
            }
        }
    }

    private static String stepNumber(List<Integer> place) {
        return place.size() == 1 ? String.valueOf(place.get(0)) : place.get(0) + "." + place.get(1);
    }

    /** A field or a block of fields, with its comment above it. */
    @SuppressWarnings("unchecked")
    private static void block(Out out, int indent, String name, String key, Object value, String kind, List<Integer> step) {
        String pad = " ".repeat(indent);
        FieldRef ref = new FieldRef(step, key);
        if (value instanceof Map<?, ?> nested) {
            ProtocolFields.blockComment(name).ifPresent(comment -> out.line(pad + "# " + comment, ref));
            out.line(pad + name + ":", ref);
            for (Map.Entry<String, Object> child : ((Map<String, Object>) nested).entrySet()) {
                block(out, indent + 2, child.getKey(), key + "." + child.getKey(), child.getValue(), kind, step);
            }
            return;
        }
        String text = (String) value;
        Optional<ProtocolFields.Field> field = ProtocolFields.find(kind, key);
        field.ifPresent(f -> out.line(pad + "# " + f.label() + ": " + f.comment() + ".", ref));
        boolean list = field.map(ProtocolFields.Field::isList).orElse(key.equals("potentials") || key.equals("frequencies"));
        out.line(pad + name + ": " + (list ? flowList(text) : scalar(text, false)), ref);
    }

    /** The fields in the catalogue's order for the kind, unknown ones after them in the draft's order. */
    private static Map<String, Object> ordered(String kind, Map<String, Object> tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ProtocolFields.Field field : ProtocolFields.of(kind)) {
            String top = field.key().split("\\.")[0];
            if (tree.containsKey(top)) {
                out.putIfAbsent(top, tree.get(top));
            }
        }
        tree.forEach(out::putIfAbsent);
        return out;
    }

    /** Dotted keys into nested blocks; blank values are left out (the loader's default applies). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(Map<String, String> flat) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : flat.entrySet()) {
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                continue;
            }
            String[] parts = entry.getKey().split("\\.");
            Map<String, Object> at = root;
            for (int i = 0; i < parts.length - 1; i++) {
                Object next = at.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
                if (!(next instanceof Map<?, ?>)) {
                    // "aliquot: 1 mL" and "aliquot.volume: 1 mL" both written: the block wins, the loader asks for it
                    next = new LinkedHashMap<String, Object>();
                    at.put(parts[i], next);
                }
                at = (Map<String, Object>) next;
            }
            at.put(parts[parts.length - 1], entry.getValue().trim());
        }
        return root;
    }

    private static String flowList(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            items.add(scalar(item.trim(), true));
        }
        return "[" + String.join(", ", items) + "]";
    }

    /** The value as YAML reads it back as the same text: plain where that is safe, else double-quoted. */
    static String scalar(String text, boolean inList) {
        boolean plain = PLAIN.matcher(text).matches() && !text.contains(": ") && !text.endsWith(":")
                && !text.endsWith(" ") && !NULL_WORDS.contains(text)
                && !(inList && (text.contains("[") || text.contains("]") || text.contains("{") || text.contains("}")));
        if (plain) {
            return text;
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The text being written, with the field of every line. */
    private static final class Out {
        final StringBuilder text = new StringBuilder();
        final Map<Integer, FieldRef> lines = new LinkedHashMap<>();
        int line = 0;

        void line(String content) {
            text.append(content).append('\n');
            line++;
        }

        void line(String content, FieldRef ref) {
            line(content);
            lines.put(line, ref);
        }

        void blank() {
            line("");
        }
    }
}
