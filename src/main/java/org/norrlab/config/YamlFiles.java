package org.norrlab.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a YAML document into {@link YamlNode}s that keep their line and column. Jackson's tree
 * model drops locations, so the tree is built here from Jackson's token stream.
 */
public final class YamlFiles {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlFiles() {
    }

    public static YamlNode read(Path file) throws ConfigException {
        return parse(file, readText(file));
    }

    /**
     * The file's text in whatever encoding an editor saved it ({@link FileText}), or an operator-facing error when it
     * is missing or unreadable.
     */
    public static String readText(Path file) throws ConfigException {
        try {
            return FileText.decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(new Location(file, 0, 0), "", "file not found");
        } catch (IOException e) {
            throw new ConfigException(new Location(file, 0, 0), "", "cannot be read: " + e.getMessage());
        }
    }

    public static YamlNode parse(Path file, String text) throws ConfigException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ConfigException(new Location(file, 1, 1), "", "the file is empty");
            }
            YamlNode root = new Reader((YAMLParser) parser, file).value("");
            if (parser.nextToken() != null) {
                throw new ConfigException(here(file, parser.currentTokenLocation()), "",
                        "holds more than one YAML document; keep one per file");
            }
            return root;
        } catch (JsonProcessingException e) {
            // The YAML scanner stumbles over a tab somewhere after it (or before, at the key it indents); the tab
            // itself is what to fix.
            Optional<ConfigException> tab = indentingTab(file, text);
            if (tab.isPresent()) {
                throw tab.get();
            }
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                throw syntaxError(file, marked);
            }
            JsonLocation at = e.getLocation();
            String reason = e.getOriginalMessage().split("\n")[0];
            throw new ConfigException(at == null ? new Location(file, 0, 0) : here(file, at), "",
                    "is not valid YAML: " + reason);
        } catch (IOException e) {
            throw new ConfigException(new Location(file, 0, 0), "", "cannot be read: " + e.getMessage());
        }
    }

    /**
     * SnakeYAML's whole complaint, placed at its problem mark (where the parser found what it did not expect; the
     * context mark is only where the block it was reading began), in plain words first and its own words after them.
     */
    static ConfigException syntaxError(Path file, MarkedYAMLException e) {
        Mark problemAt = e.getProblemMark();
        String problem = e.getProblem() == null ? "" : e.getProblem();
        StringBuilder words = new StringBuilder("is not valid YAML: ").append(plainWords(problem)).append(" (the YAML reader: ")
                .append(problem);
        if (e.getContext() != null && e.getContextMark() != null) {
            words.append(", ").append(e.getContext()).append(" that starts at line ").append(e.getContextMark().getLine() + 1)
                    .append(", column ").append(e.getContextMark().getColumn() + 1);
        }
        words.append(")");
        return new ConfigException(new Location(file, problemAt.getLine() + 1, problemAt.getColumn() + 1), "", words.toString());
    }

    /** What a SnakeYAML problem means for someone editing a protocol, for the ones a hand-edited file meets. */
    private static String plainWords(String problem) {
        if (problem.startsWith("expected <block end>")) {
            return "this line is indented differently from the lines above it; line it up with the other keys of its"
                    + " block (or, for a new item of a list, start it with '- ' at the list's indentation)";
        }
        if (problem.startsWith("mapping values are not allowed here")) {
            return "a 'key:' is not allowed here; a key indented deeper than the line above it needs its own block"
                    + " (indent it as that line's keys), and a value holding ': ' must be quoted";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return "a line without 'key: value' where a key was expected (a ':' may be missing, or a quote not closed)";
        }
        if (problem.startsWith("expected ',' or ']'") || problem.startsWith("expected ',' or '}'")) {
            return "a [ ] or { } is not closed where expected; items in it are separated by commas, and a value holding"
                    + " a comma or ': ' must be quoted";
        }
        if (problem.startsWith("found unexpected end of stream")) {
            return "the file ends inside a quoted value or an unclosed [ ] or { }";
        }
        if (problem.startsWith("found undefined alias")) {
            return "an alias (*name) with no anchor (&name) before it";
        }
        return "the text here cannot be read as YAML";
    }

    /**
     * The tab to blame for a file the YAML scanner refused, as the error to report: the first tab in a line's
     * indentation, else the first tab between words outside quotes and comments (SnakeYAML refuses a tab after "ph:" too);
     * empty when no line has such a tab.
     */
    static Optional<ConfigException> indentingTab(Path file, String text) {
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            if (indent < line.length() && line.charAt(indent) == '\t' && !line.isBlank()) {
                return Optional.of(tab(file, i + 1, indent + 1, "a tab is used for indentation; YAML allows spaces only (indent with spaces)"));
            }
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            char quote = 0;
            for (int column = 0; column < line.length(); column++) {
                char c = line.charAt(column);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '#') {
                    break;
                } else if (c == '\t') {
                    return Optional.of(tab(file, i + 1, column + 1, "a tab separates the words here; YAML allows spaces only"));
                }
            }
        }
        return Optional.empty();
    }

    private static ConfigException tab(Path file, int line, int column, String problem) {
        return new ConfigException(new Location(file, line, column), "", "line " + line + " column " + column + ": " + problem);
    }

    /**
     * Builds the tree from the token stream. Anchored blocks and lists ({@code &timing}) are remembered and aliases
     * ({@code *timing}) read as a copy of the anchored value, as any YAML reader does; an alias of a single value is
     * refused (Jackson does not tell its anchor) and never read as the anchor's name; a merge key
     * ({@code <<: *timing}) adds the anchored block's fields that the block does not set itself.
     */
    private static final class Reader {
        private static final String MERGE_KEY = "<<";
        private final YAMLParser parser;
        private final Path file;
        private final Map<String, YamlNode> anchors = new HashMap<>();

        Reader(YAMLParser parser, Path file) {
            this.parser = parser;
            this.file = file;
        }

        YamlNode value(String path) throws IOException, ConfigException {
            Location at = here(file, parser.currentTokenLocation());
            if (parser.isCurrentAlias()) {
                String name = parser.getText();
                YamlNode anchored = anchors.get(name);
                if (anchored == null) {
                    // Jackson does not report anchors on single values, so '*x' there cannot be resolved: refused,
                    // never read as the text "x".
                    throw new ConfigException(at, path, "the alias '*" + name + "' cannot be read: norrlab reuses"
                            + " only blocks and lists anchored above it with '&" + name + "'; write the value itself");
                }
                return anchored.under(path);
            }
            String anchor = parser.getObjectId();
            YamlNode node = read(at, path);
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private YamlNode read(Location at, String path) throws IOException, ConfigException {
            switch (parser.currentToken()) {
                case START_OBJECT -> {
                    Map<String, YamlNode> fields = new LinkedHashMap<>();
                    List<YamlNode> merged = new ArrayList<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        Location keyAt = here(file, parser.currentTokenLocation());
                        String childPath = path.isEmpty() ? key : path + "." + key;
                        if (fields.containsKey(key)) {
                            throw new ConfigException(keyAt, childPath, "is given twice in the same block");
                        }
                        parser.nextToken();
                        YamlNode child = value(childPath);
                        if (MERGE_KEY.equals(key)) {
                            merged.add(child);
                        } else {
                            fields.put(key, child);
                        }
                    }
                    for (YamlNode source : merged) {
                        for (YamlNode block : source.mergeSources()) {
                            // '<<' merges blocks of fields (an alias such as *timing to a block); anything else is refused
                            for (Map.Entry<String, YamlNode> field : block.asMapping().fields().entrySet()) {
                                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                                fields.putIfAbsent(field.getKey(), field.getValue().under(childPath));
                            }
                        }
                    }
                    return new YamlNode.Mapping(fields, at, path);
                }
                case START_ARRAY -> {
                    List<YamlNode> items = new ArrayList<>();
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        items.add(value(path + "[" + (index++ + 1) + "]"));
                    }
                    return new YamlNode.Seq(items, at, path);
                }
                case VALUE_NULL -> {
                    return new YamlNode.Scalar(null, at, path);
                }
                default -> {
                    return new YamlNode.Scalar(parser.getText(), at, path);
                }
            }
        }
    }

    private static Location here(Path file, JsonLocation at) {
        return new Location(file, Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1));
    }
}
