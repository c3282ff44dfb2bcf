package org.norrlab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** norrlab's JSON Lines export, read back: the session's cell, its steps and every sample exactly. */
public final class JsonLinesImporter implements Importer {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format() {
        return "jsonl";
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return new String(head, StandardCharsets.UTF_8).startsWith("{\"type\":\"session\"");
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        read(file).replayInto(sink);
    }

    @Override
    public ImportedSession read(Path file) throws ImportException {
        JsonNode session = null;
        Map<Integer, JsonNode> stepRows = new LinkedHashMap<>();
        Map<Integer, List<Sample>> samples = new LinkedHashMap<>();
        int lineNumber = 0;
        int sessionLine = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new ImportException(file, lineNumber, "is not one JSON object (truncated file?)");
                }
                switch (node.path("type").asText()) {
                    case "session" -> {
                        session = node;
                        sessionLine = lineNumber;
                    }
                    case "step" -> stepRows.put(node.path("index").asInt(), node);
                    case "sample" -> {
                        int step = node.path("step").asInt();
                        JsonNode current = node.get("I_A");
                        JsonNode range = node.get("range_A");
                        int flags = node.path("flags").asInt();
                        boolean noCurrent = current == null || current.isNull();
                        Sample sample;
                        try {
                            sample = new Sample(node.path("t_s").asDouble(),
                                    node.path("E_V").asDouble(), noCurrent ? Double.NaN : current.asDouble(),
                                    range == null || range.isNull() ? Double.NaN : range.asDouble(),
                                    noCurrent ? flags | SampleFlag.NO_CURRENT.bit() : flags);
                        } catch (IllegalArgumentException e) {
                            throw new ImportException(file, lineNumber, "sample of step " + step + ": " + e.getMessage());
                        }
                        samples.computeIfAbsent(step, k -> new ArrayList<>()).add(sample);
                    }
                    case "event" -> {
                    }
                    default -> throw new ImportException(file, lineNumber, "has type '" + node.path("type").asText()
                            + "'; expected session, step, sample or event");
                }
            }
        } catch (IOException e) {
            throw new ImportException(file, lineNumber, "cannot be read: " + e.getMessage());
        }
        if (session == null) {
            throw new ImportException(file, 1, "expected a first line of type 'session'");
        }
        CellSettings cell = cell(file, sessionLine, session.path("cell"));
        List<ImportedSession.Step> steps = new ArrayList<>();
        for (Map.Entry<Integer, JsonNode> entry : stepRows.entrySet()) {
            JsonNode s = entry.getValue();
            JsonNode vsRe = s.get("E_set_vs_RE_V");
            steps.add(new ImportedSession.Step(s.path("kind").asText(), s.path("label").asText(),
                    vsRe == null || vsRe.isNull() ? Double.NaN : vsRe.asDouble(), s.path("interval_s").asDouble(),
                    samples.getOrDefault(entry.getKey(), List.of())));
        }
        JsonNode i = session.path("instrument");
        return new ImportedSession(format(), session.path("protocol_name").asText(), new InstrumentIdentity("imported",
                i.path("family").asText(), i.path("model").asText(), i.path("firmware").asText(), i.path("serial_number").asText()),
                Map.of("exported_session", session.path("id").asText()), steps, List.of(), Optional.of(cell));
    }

    private static CellSettings cell(Path file, int line, JsonNode c) throws ImportException {
        if (!c.isObject()) {
            throw new ImportException(file, line, "the session line has no 'cell' object; a norrlab export always writes one");
        }
        try {
            return new CellSettings(new ReferenceElectrode(c.path("reference_electrode").asText(),
                    c.path("reference_e0_vs_she_V").asDouble(), c.path("reference_source").asText()), c.path("pH").asDouble(),
                    c.path("temperature_C").asDouble(), c.path("electrode_area_cm2").asDouble(),
                    c.path("catalyst_loading_mg_cm2").asDouble(), c.path("electrolyte_volume_mL").asDouble());
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, line, "field 'cell': " + e.getMessage());
        }
    }
}
