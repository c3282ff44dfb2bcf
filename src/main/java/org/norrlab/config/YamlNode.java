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

    /** What this value is, in an operator's words; each kind of node names itself, so a new kind must too. */
    String kindName();

    /** Empty ({@code key:} with nothing after it). */
    default boolean isEmpty() {
        return false;
    }

    /** The same value standing under another path (where a YAML alias repeats it); it keeps its own location. */
    YamlNode under(String newPath);

    /** What a {@code <<} merge key takes from this value: a list's items, or the value itself. */
    default List<YamlNode> mergeSources() {
        return List.of(this);
    }

    /** This value as a block of fields; overridden by {@link Mapping}, an error for every other kind. */
    default Mapping asMapping() throws ConfigException {
        throw error("expected a block of fields (key: value lines), found " + kindName());
    }

    /** This value as a list; overridden by {@link Seq}, an error for every other kind. */
    default Seq asSeq() throws ConfigException {
        throw error("expected a list ('- item' lines or [a, b]), found " + kindName());
    }

    /** The text of a single value, empty for a list, a block or an empty value. */
    default Optional<String> scalarText() {
        return Optional.empty();
    }

    /** This value as one non-empty value; overridden by {@link Scalar}, an error for every other kind. */
    default Scalar asScalar() throws ConfigException {
        throw error("expected a single value, found " + kindName());
    }

    /** A single value as written; {@code text} is null for an empty value ({@code key:} with nothing after it). */
    record Scalar(String text, Location location, String path) implements YamlNode {
        @Override
        public String kindName() {
            return text == null ? "an empty value" : "a single value";
        }

        @Override
        public Optional<String> scalarText() {
            return Optional.ofNullable(text);
        }

        @Override
        public Scalar under(String newPath) {
            return new Scalar(text, location, newPath);
        }

        @Override
        public boolean isEmpty() {
            return text == null;
        }

        @Override
        public Scalar asScalar() throws ConfigException {
            if (text == null) {
                throw error("is empty; write a single value after the colon");
            }
            return this;
        }

        public double number(String what) throws ConfigException {
            try {
                return Double.parseDouble(Quantities.normalise(text).trim());
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
                return Long.parseLong(Quantities.normalise(text).trim());
            } catch (NumberFormatException e) {
                throw error("'" + text + "' is not a whole number; expected " + what);
            }
        }

        /**
         * A whole number from {@code min} to {@code max}; outside them the error is the text quoted and then
         * {@code outside}, e.g. "is not a port number; allowed: 1 to 65535".
         */
        public long integer(String what, long min, long max, String outside) throws ConfigException {
            long n = integer(what);
            if (n < min || n > max) {
                throw error("'" + text + "' " + outside);
            }
            return n;
        }
    }

    record Seq(List<YamlNode> items, Location location, String path) implements YamlNode {
        public Seq {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "a list";
        }

        @Override
        public Seq under(String newPath) {
            List<YamlNode> moved = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                moved.add(items.get(i).under(newPath + "[" + (i + 1) + "]"));
            }
            return new Seq(moved, location, newPath);
        }

        @Override
        public List<YamlNode> mergeSources() {
            return items;
        }

        @Override
        public Seq asSeq() {
            return this;
        }
    }

    record Mapping(Map<String, YamlNode> fields, Location location, String path) implements YamlNode {
        public Mapping {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String kindName() {
            return "a block of fields";
        }

        @Override
        public Mapping under(String newPath) {
            Map<String, YamlNode> moved = new LinkedHashMap<>();
            fields.forEach((key, value) -> moved.put(key, value.under(newPath.isEmpty() ? key : newPath + "." + key)));
            return new Mapping(moved, location, newPath);
        }

        @Override
        public Mapping asMapping() {
            return this;
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
            if (node == null || node.isEmpty()) {
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
