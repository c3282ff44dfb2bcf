package org.norrlab.protocol.rodeostat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Encodes commands and decodes replies and samples of the Rodeostat. */
public final class RodeostatMessages {
    /** The firmware prints bare NaN and Infinity, which strict JSON forbids. */
    static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private RodeostatMessages() {
    }

    /** One decoded line of the sample stream; {@code end} marks the closing {@code {}}. */
    public record StreamLine(boolean end, long timeMillis, double volts, double microamps, boolean limitError) {
    }

    /** An empty JSON object, e.g. a test's {@code param}. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static ObjectNode command(String name) {
        return JSON.createObjectNode().put("command", name);
    }

    /**
     * The bytes of a command: compact JSON and LF. A message whose length is a multiple of 64 bytes is
     * not seen by the SAMD boards' USB stack, so it gets one leading space, as the vendor's driver does.
     */
    public static byte[] frame(ObjectNode command) {
        String text;
        try {
            text = JSON.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a Rodeostat command", e);
        }
        String line = text + "\n";
        if (line.length() % 64 == 0) {
            line = " " + line;
        }
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    /** Parses a reply and checks success and the echoed command; returns its {@code response} object. */
    public static JsonNode reply(String line, String expectedCommand) throws RodeostatException {
        JsonNode root = parse(line);
        if (!root.path("success").asBoolean(false)) {
            throw new RodeostatException("the Rodeostat refused '" + expectedCommand + "': "
                    + root.path("message").asText("no reason given"), line);
        }
        JsonNode response = root.path("response");
        String echoed = response.path("command").asText("");
        if (!echoed.equals(expectedCommand)) {
            throw new RodeostatException("the reply answers '" + echoed + "', not '" + expectedCommand + "'", line);
        }
        return response;
    }

    /** The firmware's message when a reply line reports a failure ({@code "success":false}); empty for success. */
    public static Optional<String> refusal(String line) {
        try {
            JsonNode root = parse(line);
            if (root.path("success").asBoolean(true)) {
                return Optional.empty();
            }
            return Optional.of(root.path("message").asText("no reason given"));
        } catch (RodeostatException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Whether a reply line echoes this command. */
    public static boolean answers(String line, String command) {
        try {
            return parse(line).path("response").path("command").asText("").equals(command);
        } catch (RodeostatException e) {
            return false;
        }
    }

    /** Whether a line is a reply ({@code success} key) rather than a sample. */
    public static boolean isReply(String line) {
        return line.contains("\"success\"");
    }

    /**
     * Decodes a line of the sample stream. The lines the firmware writes are read by {@link SampleScanner}; anything
     * it does not answer for (other keys, spacing, a non-finite potential, malformed JSON) by Jackson, which also
     * writes every refusal's message.
     */
    public static StreamLine sample(String line) throws RodeostatException {
        StreamLine scanned = SampleScanner.scan(line);
        return scanned != null ? scanned : sampleByJackson(line);
    }

    private static StreamLine sampleByJackson(String line) throws RodeostatException {
        JsonNode root = parse(line);
        if (root.isObject() && root.isEmpty()) {
            return new StreamLine(true, 0, Double.NaN, Double.NaN, false);
        }
        if (!root.has("t") || !root.has("v") || !root.has("i")) {
            throw new RodeostatException("a sample needs t, v and i", line);
        }
        double volts = root.get("v").asDouble();
        if (!Double.isFinite(volts)) {
            throw new RodeostatException("a sample's potential must be a finite number", line);
        }
        return new StreamLine(false, root.get("t").asLong(), volts, root.get("i").asDouble(),
                root.path("le").asBoolean(false));
    }

    private static JsonNode parse(String line) throws RodeostatException {
        try {
            JsonNode node = JSON.readTree(line.strip());
            if (node == null || !node.isObject()) {
                throw new RodeostatException("expected one JSON object", line);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RodeostatException("not JSON (" + e.getOriginalMessage() + ")", line);
        }
    }

    /** How the firmware names a current range: "100uA", "24000uA", "60nA". */
    public static String rangeName(double amperes) {
        if (amperes >= 1e-6) {
            return Math.round(amperes * 1e6) + "uA";
        }
        return Math.round(amperes * 1e9) + "nA";
    }

    /** Numbers as ArduinoJson 5 prints floats: at most 6 decimals, trailing zeros trimmed, exponent for tiny and huge values. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-5 || magnitude >= 1e7)) {
            String text = String.format(Locale.ROOT, "%.6e", value);
            String[] parts = text.split("e");
            String mantissa = parts[0].replaceFirst("0+$", "").replaceFirst("\\.$", "");
            return mantissa + "e" + Integer.parseInt(parts[1]);
        }
        String text = String.format(Locale.ROOT, "%.6f", value).replaceFirst("0+$", "").replaceFirst("\\.$", "");
        return text.equals("-0") ? "0" : text;
    }

    /** A sample line as the firmware writes it, without the CRLF. */
    public static String sampleLine(long timeMillis, double volts, double microamps) {
        return "{\"t\":" + timeMillis + ",\"v\":" + number(volts) + ",\"i\":" + number(microamps) + "}";
    }
}
