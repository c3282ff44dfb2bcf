package org.norrlab.protocol.oracle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.norrlab.protocol.rodeostat.RodeostatException;
import org.norrlab.protocol.rodeostat.RodeostatMessages.StreamLine;

/**
 * RodeostatMessages.sample as it was before issue 23 (every line through Jackson's tree), kept unchanged as the
 * oracle the hand-written sample scanner is proven against.
 */
public final class OldRodeostatSample {
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private OldRodeostatSample() {
    }

    public static StreamLine sample(String line) throws RodeostatException {
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
}
