package org.norrlab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PalmSens PSTrace session (.pssession): UTF-16LE JSON after a BOM, with a stray character after
 * the object (cut at the last '}'); keys in either case. Each measurement's arrays "time" (s),
 * "potential" (V) and "current" (µA) become one step.
 */
public final class PalmSensImporter implements Importer {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format() {
        return "pssession";
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pssession");
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        read(file).replayInto(sink);
    }

    @Override
    public ImportedSession read(Path file) throws ImportException {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_16LE);
        } catch (IOException e) {
            throw new ImportException(file, 0, "cannot be read: " + e.getMessage());
        }
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new ImportException(file, 0, "expected one JSON object in UTF-16 (a PSTrace session); found none");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.substring(start, end + 1));
        } catch (IOException e) {
            throw new ImportException(file, 0, "is not a readable PSTrace session (JSON: " + e.getMessage().split("\n")[0]
                    + "); the file may be truncated");
        }
        JsonNode measurements = field(root, "measurements");
        if (measurements == null || !measurements.isArray() || measurements.isEmpty()) {
            throw new ImportException(file, 0, "expected a 'Measurements' list in the session; found none");
        }
        List<ImportedSession.Step> steps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode first = measurements.get(0);
        String technique = text(first, "title");
        metadata.put("technique", technique);
        metadata.put("method", text(root, "methodformeasurement").lines().filter(l -> l.startsWith("METHOD_ID=")
                || l.startsWith("TECHNIQUE=") || l.startsWith("T_INTERVAL=") || l.startsWith("T_RUN=")).reduce((a, b) -> a + "; " + b)
                .orElse(""));
        for (JsonNode measurement : measurements) {
            JsonNode values = field(field(measurement, "dataset"), "values");
            if (values == null) {
                warnings.add(file.getFileName() + ": measurement '" + text(measurement, "title") + "' has no data set; skipped");
                continue;
            }
            double[] time = array(values, "time", "-");
            double[] potential = array(values, "potential", "VoltageReading");
            double[] current = array(values, "current", "CurrentReading");
            if (time == null || potential == null || current == null) {
                warnings.add(file.getFileName() + ": measurement '" + text(measurement, "title")
                        + "' has no time, potential and current arrays (impedance?); skipped");
                continue;
            }
            int n = Math.min(time.length, Math.min(potential.length, current.length));
            List<Sample> samples = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                samples.add(new Sample(Math.max(0, time[i]), potential[i], current[i] * 1e-6, Double.NaN, 0));
            }
            String title = text(measurement, "title");
            String kind = title.toLowerCase(Locale.ROOT).contains("chronoamperometry") ? "ca"
                    : title.toLowerCase(Locale.ROOT).contains("cyclic") ? "cv" : "other";
            steps.add(new ImportedSession.Step(kind, title, kind.equals("ca") && n > 0 ? potential[0] : Double.NaN,
                    VendorText.medianInterval(samples), samples));
        }
        if (steps.isEmpty()) {
            throw new ImportException(file, 0, "holds no measurement with time, potential and current");
        }
        InstrumentIdentity identity = new InstrumentIdentity("imported", "palmsens", text(first, "deviceused"),
                text(first, "devicefw"), text(first, "deviceserial"));
        return new ImportedSession(format(), technique, identity, metadata, steps, warnings, Optional.empty());
    }

    /** A field by name in any letter case (PSTrace 5.8 writes lower-case keys, later versions capitalised). */
    static JsonNode field(JsonNode node, String name) {
        if (node == null) {
            return null;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (key.equalsIgnoreCase(name)) {
                return node.get(key);
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value == null ? "" : value.asText();
    }

    /** The array with this description, else the first whose value type ends with {@code type} (CV files name arrays by scan). */
    private static double[] array(JsonNode values, String description, String type) {
        JsonNode found = null;
        for (JsonNode array : values) {
            if (text(array, "description").equalsIgnoreCase(description)) {
                found = array;
                break;
            }
            if (found == null && text(array, "datavaluetype").endsWith(type)) {
                found = array;
            }
        }
        if (found == null) {
            return null;
        }
        JsonNode points = field(found, "datavalues");
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = field(points.get(i), "v").asDouble();
        }
        return out;
    }
}
