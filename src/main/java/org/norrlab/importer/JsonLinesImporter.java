package org.norrlab.importer;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.store.AssayExportLines;
import org.norrlab.store.CellSourceLines;
import org.norrlab.store.ImpedanceExportLines;
import org.norrlab.store.StoredResistance;
import org.norrlab.store.StepSettingsJson;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredAliquot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.norrlab.config.Potential;
import org.norrlab.core.Gas;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleEntry;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.StepSettings;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;
import org.norrlab.store.StoredCorrection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * norrlab's JSON Lines export, read back a line at a time: the session line (cell, instrument), every step line, then
 * each step's samples in step order, as {@code export} writes them; the cell, its steps and every sample come back
 * exactly. Then the aliquots, the calibrations and assays (see {@link AssayExportLines}), a note the export left (e.g.
 * control links it could not carry) and the corrections' trail, each handed to the sink, which stores them with the
 * session.
 */
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

    /** A step line, kept until its samples come. */
    private record Declared(int index, StepFacts facts) {
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        List<Declared> steps = new ArrayList<>();
        boolean sessionRead = false;
        int next = 0;
        Declared current = null;
        Set<Long> calibrations = new HashSet<>();
        int events = 0;
        int firstEventLine = 0;
        try (TextLines lines = TextLines.open(file)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                int number = lines.lineNumber();
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    if (VendorText.restIsBlank(lines)) {
                        sink.note(file.getFileName() + ":" + number + ": the last line is cut short (truncated file?); the lines"
                                + " before it are kept");
                        break;
                    }
                    throw new ImportException(file, number, "is not one JSON object; only a file's last line may be cut short");
                }
                String type = node.path("type").asText();
                if (!sessionRead && !type.equals("session")) {
                    throw new ImportException(file, number, "expected a first line of type 'session'");
                }
                switch (type) {
                    case "session" -> {
                        if (sessionRead) {
                            throw new ImportException(file, number, "a second line of type 'session'; an export holds one session");
                        }
                        sink.file(facts(file, number, node));
                        sessionRead = true;
                    }
                    case "step" -> {
                        if (next > 0) {
                            throw new ImportException(file, number, "a step line after samples; an export lists its steps first");
                        }
                        JsonNode vsRe = node.get("E_set_vs_RE_V");
                        steps.add(new Declared(node.path("index").asInt(), new StepFacts(node.path("kind").asText(),
                                node.path("label").asText(), vsRe == null || vsRe.isNull() ? Optional.empty()
                                : Optional.of(new Potential(vsRe.asDouble(), Potential.Scale.RE)), node.path("interval_s").asDouble(),
                                // cycle and batch as SessionExporter writes them; absent in older exports and outside a block
                                new StepFacts.Context(node.path("block").asText(""), node.path("cycle").asInt(0),
                                        node.path("cycles").asInt(0), node.path("batch").asInt(0), gas(file, number, node)),
                                // schema 13: absent in older exports and for CA and OCP steps
                                settings(file, number, node)).withStatedVsRhe(node.path("E_set_vs_RHE_V").isNumber()
                                ? node.path("E_set_vs_RHE_V").asDouble() : Double.NaN)));
                    }
                    case "sample", "impedance" -> {
                        int step = node.path("step").asInt();
                        if (current == null || current.index() != step) {
                            int at = next;
                            while (at < steps.size() && steps.get(at).index() != step) {
                                at++;
                            }
                            if (at == steps.size()) {
                                throw new ImportException(file, number, type + " of step " + step + " is not among the step"
                                        + " lines that follow " + (current == null ? "the session" : "step " + current.index())
                                        + "; an export writes each step's samples (and spectrum) in the steps' order");
                            }
                            if (current != null) {
                                sink.endStep();
                            }
                            while (next < at) {
                                sink.beginStep(steps.get(next++).facts());
                                sink.endStep();
                            }
                            current = steps.get(next++);
                            sink.beginStep(current.facts());
                        }
                        if (type.equals("sample")) {
                            sink.sample(sample(file, number, step, node));
                        } else {
                            sink.impedance(point(file, number, step, node));
                        }
                    }
                    case "resistance" -> {
                        StoredResistance row = resistance(file, number, node);
                        sink.resistance(row.resistance(), row.uid());
                    }
                    case "event" -> {
                        if (events++ == 0) {
                            firstEventLine = number;
                        }
                    }
                    case "aliquot" -> sink.aliquot(aliquot(file, number, node));
                    case "correction" -> sink.correction(correction(file, number, node));
                    case "calibration" -> {
                        AssayExportLines.ExportedCalibration calibration = calibration(file, number, node);
                        calibrations.add(calibration.exportedId());
                        sink.calibration(calibration);
                    }
                    case "assay" -> sink.assay(assay(file, number, node, calibrations));
                    case "note" -> sink.note(file.getFileName() + ":" + number + ": " + node.path("text").asText());
                    default -> throw new ImportException(file, number, "has type '" + type
                            + "'; expected session, step, resistance, sample, impedance, event, aliquot, calibration, assay,"
                            + " note or correction");
                }
            }
        }
        if (!sessionRead) {
            throw new ImportException(file, 1, "expected a first line of type 'session'");
        }
        if (events > 0) {
            // said, not dropped without a word: among them a simulated session's truth of what it compensated
            sink.note(file.getFileName() + ":" + firstEventLine + ": " + events + (events == 1 ? " event line (from here on)"
                    + " is" : " event lines (from here on) are") + " not imported: the imported session has none of the"
                    + " exported session's events (alerts, operator notes, the simulator's truth, including how much of R_u"
                    + " it compensated: give --compensated to 'norrlab ru' for this session)");
        }
        if (current != null) {
            sink.endStep();
        }
        while (next < steps.size()) {
            sink.beginStep(steps.get(next++).facts());
            sink.endStep();
        }
    }

    /** A row of the session's R_u history, with the uid it had in the exporting store. */
    private static StoredResistance resistance(Path file, int line, JsonNode node) throws ImportException {
        try {
            return ImpedanceExportLines.readResistance(node);
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, line, "a resistance line: " + e.getMessage());
        }
    }

    /** A point of the spectrum of an EIS step, Z'' as measured (the export never writes -Z''). */
    private static ImpedancePoint point(Path file, int line, int step, JsonNode node) throws ImportException {
        try {
            return ImpedanceExportLines.readPoint(node);
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, line, "impedance point of step " + step + ": " + e.getMessage());
        }
    }

    private static AssayExportLines.ExportedCalibration calibration(Path file, int line, JsonNode node)
            throws ImportException {
        try {
            return AssayExportLines.readCalibration(node);
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, line, "a calibration line: " + e.getMessage());
        }
    }

    /** An assay line; the calibration it names must be among the calibration lines before it, as export writes them. */
    private static AssayExportLines.ExportedAssay assay(Path file, int line, JsonNode node, Set<Long> calibrations)
            throws ImportException {
        AssayExportLines.ExportedAssay assay;
        try {
            assay = AssayExportLines.readAssay(node);
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, line, "an assay line: " + e.getMessage());
        }
        Optional<Long> calibration = assay.exportedCalibration();
        if (calibration.isPresent() && !calibrations.contains(calibration.get())) {
            throw new ImportException(file, line, "an assay line names calibration " + calibration.get()
                    + ", which no calibration line before it lists; an export writes the calibrations first");
        }
        return assay;
    }

    /** A line of the session's audit trail; the store gives it a uid of its own, as the imported session has one. */
    private static StoredCorrection correction(Path file, int line, JsonNode node) throws ImportException {
        try {
            String reason = node.path("reason").asText();
            if (reason.isBlank()) {
                throw new ImportException(file, line, "a correction without a reason; the export always writes one");
            }
            return new StoredCorrection(0, text(node, "assay_uid"), Optional.empty(), text(node, "replacement_uid"),
                    Optional.empty(), node.path("field").asText(), node.path("old_value").asText(),
                    node.path("new_value").asText(), reason, node.path("operator").asText(),
                    Instant.parse(node.path("created_utc").asText()), "");
        } catch (DateTimeParseException e) {
            throw new ImportException(file, line, "field 'created_utc' of a correction: " + e.getMessage());
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /** A step line's "gas" (Ar, NO); empty where the export states none. */
    private static Optional<Gas> gas(Path file, int line, JsonNode step) throws ImportException {
        JsonNode gas = step.get("gas");
        if (gas == null || gas.isNull()) {
            return Optional.empty();
        }
        Optional<Gas> named = Gas.named(gas.asText());
        if (named.isEmpty()) {
            throw new ImportException(file, line, "field 'gas': '" + gas.asText() + "' is not one norrlab knows ("
                    + Gas.allowed() + ")");
        }
        return named;
    }

    /** A step line's "settings" object, as the store's settings_json holds it; NONE where the export has none. */
    private static StepSettings settings(Path file, int line, JsonNode step) throws ImportException {
        JsonNode settings = step.get("settings");
        if (settings == null || settings.isNull()) {
            return StepSettings.NONE;
        }
        if (!settings.isObject()) {
            throw new ImportException(file, line, "field 'settings' must be an object of numbers (scan_rate_v_s, ...)");
        }
        try {
            return StepSettingsJson.read(settings.toString());
        } catch (StoreException e) {
            throw new ImportException(file, line, "field 'settings': " + e.getMessage());
        }
    }

    private static Sample sample(Path file, int line, int step, JsonNode node) throws ImportException {
        JsonNode current = node.get("I_A");
        JsonNode range = node.get("range_A");
        int flags = node.path("flags").asInt();
        boolean noCurrent = current == null || current.isNull();
        try {
            // cycle and segment only on a sweep's samples (schema 13); 0 and 0 (no sweep) otherwise
            return new Sample(node.path("t_s").asDouble(), node.path("E_V").asDouble(), noCurrent ? Double.NaN : current.asDouble(),
                    range == null || range.isNull() ? Double.NaN : range.asDouble(),
                    noCurrent ? flags | SampleFlag.NO_CURRENT.bit() : flags, node.path("cycle").asInt(0),
                    node.path("segment").asInt(0));
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, line, "sample of step " + step + ": " + e.getMessage());
        }
    }

    private FileFacts facts(Path file, int line, JsonNode session) throws ImportException {
        CellSettings cell = cell(file, line, session.path("cell"));
        JsonNode i = session.path("instrument");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("exported_session", session.path("id").asText());
        if (session.path("electrolyte").asText("refresh").equals("accumulate")) {
            metadata.put(FileFacts.ELECTROLYTE, "accumulate");
        }
        if (session.path("cell_sources").isTextual()) {
            metadata.put(CellSourceLines.EXPORTED, session.path("cell_sources").asText());   // as the CSV's line
        }
        return new FileFacts(format(), session.path("protocol_name").asText(), new InstrumentIdentity("imported",
                i.path("family").asText(), i.path("model").asText(), i.path("firmware").asText(), i.path("serial_number").asText()),
                metadata,
                StatedCell.all(cell, CellSourceLines.EXPORT_HEADER), sample(file, line, session));
    }

    /** The session's sample, operator and notes; empty for an export from before schema 15, which has none. */
    private static SampleEntry sample(Path file, int line, JsonNode session) throws ImportException {
        try {
            return new SampleEntry(session.path("sample").asText(""), session.path("operator").asText(""),
                    session.path("notes").asText(""));
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, line, "the session line: " + e.getMessage());
        }
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

    private static StoredAliquot aliquot(Path file, int number, JsonNode node) throws ImportException {
        try {
            return StoredAliquot.written(node.path("after_step").asInt(), node.path("volume_mL").asDouble(),
                    node.path("replaced").asBoolean(), node.path("taken_by").asText(),
                    Instant.parse(node.path("created_utc").asText()), node.path("note").asText(""));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new ImportException(file, number, "an aliquot line needs after_step, volume_mL > 0, replaced, taken_by"
                    + " (operator or autosampler) and created_utc: " + e.getMessage());
        }
    }
}
