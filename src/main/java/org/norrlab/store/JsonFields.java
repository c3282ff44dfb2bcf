package org.norrlab.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Optional;

/**
 * One text field of a stored JSON object, read by Jackson's streaming parser without mapping the object to a record:
 * what a short command that lists (not uses) sessions needs. Kept apart from {@link Json}, whose object mapper is
 * built when that class is first used.
 */
final class JsonFields {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonFields() {
    }

    /**
     * The text of top-level field {@code name} of the object {@code json}; empty when the object has no such field
     * or it is null. {@code what} names the column for the message when the JSON is not an object of that shape.
     */
    static Optional<String> string(String json, String name, String what) throws StoreException {
        if (json == null) {
            return Optional.empty();
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new StoreException(what + " is stored as JSON that is not an object: " + shortened(json));
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals(name)) {
                    if (value == JsonToken.VALUE_NULL) {
                        return Optional.empty();
                    }
                    if (value != JsonToken.VALUE_STRING) {
                        throw new StoreException(what + " has a '" + name + "' that is not text: " + shortened(json));
                    }
                    return Optional.of(parser.getText());
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException(what + " cannot be read back as JSON: " + e.getMessage(), e);
        }
    }

    private static String shortened(String json) {
        return json.length() <= 120 ? json : json.substring(0, 117) + "...";
    }
}
