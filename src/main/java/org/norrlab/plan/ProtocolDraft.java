package org.norrlab.plan;

import org.norrlab.config.ConfigException;
import org.norrlab.config.YamlFiles;
import org.norrlab.config.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A protocol as the editor holds it: the protocol-level fields as text ({@code name}, {@code cell.ph},
 * {@code safety.max_current}, ...) and the steps. It is what the file says, not what it means: the
 * {@link ProtocolWriter} turns it into the text {@link ProtocolLoader} reads, and only the loader judges it.
 */
public record ProtocolDraft(Map<String, String> head, List<StepDraft> steps) {
    public ProtocolDraft {
        head = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(head));
        steps = List.copyOf(steps);
    }

    /** A new protocol: a name and one open-circuit rest. */
    public static ProtocolDraft fresh() {
        return new ProtocolDraft(Map.of("name", "New protocol"), List.of(StepDraft.fresh("ocp")));
    }

    public String field(String key) {
        return head.getOrDefault(key, "");
    }

    /** The same draft with the protocol-level field {@code key} set (removed when blank). */
    public ProtocolDraft with(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(head);
        if (value == null || value.isBlank()) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return new ProtocolDraft(changed, steps);
    }

    public ProtocolDraft withSteps(List<StepDraft> newSteps) {
        return new ProtocolDraft(head, newSteps);
    }

    /**
     * The draft of a protocol file's text. Only the structure is read here (blocks, lists, the step kinds' one-key
     * items); whether the values make sense is left to the loader, so that a file the loader refuses can still be
     * opened and mended. Comments and anchors are not kept; a step under the old name {@code sweep} becomes {@code ca_series}.
     */
    public static ProtocolDraft read(Path file, String text) throws ConfigException {
        YamlNode.Mapping root = YamlFiles.parse(file, text).asMapping();
        Map<String, String> head = new LinkedHashMap<>();
        List<StepDraft> steps = new ArrayList<>();
        for (Map.Entry<String, YamlNode> entry : root.fields().entrySet()) {
            if (entry.getKey().equals("steps")) {
                steps.addAll(steps(entry.getValue(), true));
            } else {
                flatten(entry.getKey(), entry.getValue(), head);
            }
        }
        return new ProtocolDraft(head, steps);
    }

    private static List<StepDraft> steps(YamlNode node, boolean topLevel) throws ConfigException {
        List<StepDraft> steps = new ArrayList<>();
        if (node.isEmpty()) {
            return steps;
        }
        for (YamlNode item : node.asSeq().items()) {
            YamlNode.Mapping wrapper = item.asMapping();
            if (wrapper.fields().size() != 1) {
                throw item.error("each step is written as '- kind: {...}' with one kind; found "
                        + (wrapper.fields().isEmpty() ? "nothing" : String.join(", ", wrapper.keys())));
            }
            Map.Entry<String, YamlNode> only = wrapper.fields().entrySet().iterator().next();
            Map<String, String> fields = new LinkedHashMap<>();
            List<StepDraft> inner = new ArrayList<>();
            if (!only.getValue().isEmpty()) {
                for (Map.Entry<String, YamlNode> field : only.getValue().asMapping().fields().entrySet()) {
                    if (topLevel && only.getKey().equals("repeat") && field.getKey().equals("steps")) {
                        inner.addAll(steps(field.getValue(), false));
                    } else {
                        flatten(field.getKey(), field.getValue(), fields);
                    }
                }
            }
            // 'sweep' is the old name of ca_series, which the loader reads as ca_series; the editor writes the new name
            String kind = only.getKey().equals("sweep") ? "ca_series" : only.getKey();
            steps.add(new StepDraft(kind, fields, inner));
        }
        return steps;
    }

    /** Blocks into dotted keys, lists of single values into comma-separated text. */
    private static void flatten(String key, YamlNode node, Map<String, String> into) throws ConfigException {
        if (node.isEmpty()) {
            into.put(key, "");
            return;
        }
        switch (node.kindName()) {
            case "a block of fields" -> {
                for (Map.Entry<String, YamlNode> field : node.asMapping().fields().entrySet()) {
                    flatten(key + "." + field.getKey(), field.getValue(), into);
                }
            }
            case "a list" -> {
                List<String> items = new ArrayList<>();
                for (YamlNode item : node.asSeq().items()) {
                    String text = item.asScalar().text().trim();
                    if (text.contains(",")) {
                        throw item.error("'" + text + "' holds a comma; the protocol editor keeps a list as items"
                                + " separated by commas, so this item cannot be edited there");
                    }
                    items.add(text);
                }
                into.put(key, String.join(", ", items));
            }
            default -> into.put(key, node.asScalar().text().trim());
        }
    }
}
