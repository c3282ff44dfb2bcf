package org.norrlab.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML value with the place it was written. Typed readers pull fields out of it so that every
 * error can point at the line an operator has to fix.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Seq, YamlNode.Mapping {

    Location location();

    /** Dotted path of this value from the document root, e.g. {@code steps[2].ca.duration}. */
    String path();

    default ConfigException error(String problem) {
        return new ConfigException(location(), path(), problem);
    }

    default String kindName() {
        if (this instanceof Scalar s) {
            return s.text() == null ? "an empty value" : "a single value";
        }
        return this instanceof Seq ? "a list" : "a block of fields";
    }

    default Mapping asMapping() throws ConfigException {
        if (this instanceof Mapping m) {
            return m;
        }
        throw error("expected a block of fields (key: value lines), found " + kindName());
    }

    default Seq asSeq() throws ConfigException {
        if (this instanceof Seq s) {
            return s;
        }
        throw error("expected a list ('- item' lines or [a, b]), found " + kindName());
    }

    default Scalar asScalar() throws ConfigException {
        if (this instanceof Scalar s && s.text() != null) {
            return s;
        }
        throw error("expected a single value, found " + kindName());
    }

    /** A single value as written; {@code text} is null for an empty value ({@code key:} with nothing after it). */
    record Scalar(String text, Location location, String path) implements YamlNode {
        public double number(String what) throws ConfigException {
            try {
                return Double.parseDouble(Quantities.normaliseMinus(text.trim()));
            } catch (NumberFormatException e) {
                throw error("'" + text + "' is not a number; expected " + what);
            }
        }

        public boolean bool() throws ConfigException {
            return switch (text.trim().toLowerCase()) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw error("'" + text + "' is not true or false");
            };
        }

        public long integer(String what) throws ConfigException {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw error("'" + text + "' is not a whole number; expected " + what);
            }
        }
    }

    record Seq(List<YamlNode> items, Location location, String path) implements YamlNode {
        public Seq {
            items = List.copyOf(items);
        }
    }

    record Mapping(Map<String, YamlNode> fields, Location location, String path) implements YamlNode {
        public Mapping {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public Optional<YamlNode> get(String key) {
            return Optional.ofNullable(fields.get(key));
        }

        public YamlNode require(String key) throws ConfigException {
            YamlNode node = fields.get(key);
            if (node == null) {
                throw new ConfigException(location, childPath(key), "is missing; it is required here");
            }
            return node;
        }

        public Optional<String> text(String key) throws ConfigException {
            YamlNode node = fields.get(key);
            if (node == null || (node instanceof Scalar s && s.text() == null)) {
                return Optional.empty();
            }
            return Optional.of(node.asScalar().text().trim());
        }

        public String requireText(String key) throws ConfigException {
            return require(key).asScalar().text().trim();
        }

        /** Refuses keys this block does not know, so that a typo is reported instead of silently ignored. */
        public void allowOnly(Collection<String> allowed) throws ConfigException {
            for (Map.Entry<String, YamlNode> entry : fields.entrySet()) {
                if (!allowed.contains(entry.getKey())) {
                    Set<String> sorted = new TreeSet<>(allowed);
                    throw new ConfigException(entry.getValue().location(), childPath(entry.getKey()),
                            "is not a known field here; allowed: " + String.join(", ", sorted));
                }
            }
        }

        public void allowOnly(String... allowed) throws ConfigException {
            allowOnly(List.of(allowed));
        }

        public List<String> keys() {
            return new ArrayList<>(fields.keySet());
        }

        String childPath(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }
}
