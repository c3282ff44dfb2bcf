package org.norrlab.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The file's text, or an operator-facing error when it is missing or unreadable. */
    public static String readText(Path file) throws ConfigException {
        try {
            return Files.readString(file);
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
            YamlNode root = readValue(parser, file, "");
            if (parser.nextToken() != null) {
                throw new ConfigException(here(file, parser.currentTokenLocation()), "",
                        "holds more than one YAML document; keep one per file");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String reason = e.getOriginalMessage().split("\n")[0];
            throw new ConfigException(at == null ? new Location(file, 0, 0) : here(file, at), "",
                    "is not valid YAML: " + reason);
        } catch (IOException e) {
            throw new ConfigException(new Location(file, 0, 0), "", "cannot be read: " + e.getMessage());
        }
    }

    private static YamlNode readValue(JsonParser parser, Path file, String path) throws IOException, ConfigException {
        Location at = here(file, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyAt = here(file, parser.currentTokenLocation());
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (fields.containsKey(key)) {
                        throw new ConfigException(keyAt, childPath, "is given twice in the same block");
                    }
                    parser.nextToken();
                    fields.put(key, readValue(parser, file, childPath));
                }
                return new YamlNode.Mapping(fields, at, path);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, file, path + "[" + (index++ + 1) + "]"));
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

    private static Location here(Path file, JsonLocation at) {
        return new Location(file, Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1));
    }
}
