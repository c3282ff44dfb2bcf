package org.norrlab.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The alert as one JSON object, the same bytes for every channel that carries JSON (the webhook's POST body, the MQTT
 * payload), so that a receiver written for one reads the other. {@code text} holds the whole message; the other fields
 * are there for receivers that route or filter (kind, bench, session).
 */
final class AlertJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {
    }

    /** The JSON object: the message as {@code text}, and each of the alert's fields by name (null when absent). */
    static byte[] of(Alert alert) throws JsonProcessingException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", alert.text());
        fields.put("kind", alert.kind().name().toLowerCase(Locale.ROOT));
        fields.put("bench", alert.bench());
        fields.put("session", alert.session().orElse(null));
        fields.put("what", alert.what());
        fields.put("cell_state", alert.cellState());
        fields.put("time", DateTimeFormatter.ISO_INSTANT.format(alert.time()));
        fields.put("table", alert.table().orElse(null));
        return JSON.writeValueAsBytes(fields);
    }
}
