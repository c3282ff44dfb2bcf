package org.norrlab.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.Standard;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A session's assays and the calibrations they are read through, as lines of norrlab's JSON Lines export, written
 * and read back in one place so the two cannot drift apart. Every assay goes, those superseded or removed by a
 * correction too (the trail names them by uid, so the uid goes along); a calibration goes once, named by the id it
 * has in the exporting store, which only links the lines of one file. Control links do not go: they name another
 * session of the exporting store, which the export does not carry.
 */
public final class AssayExportLines {
    /** A calibration read from an export, with the id the exporting store gave it (the assays' lines name it). */
    public record ExportedCalibration(long exportedId, Calibration calibration) {
    }

    /** An assay read from an export: its uid there, and the exporting store's id of its calibration, if any. */
    public record ExportedAssay(String uid, Assay assay) {
        /** The exporting store's id of the calibration the assay is read through, if any. */
        public Optional<Long> exportedCalibration() {
            return assay.calibrationId();
        }
    }

    private AssayExportLines() {
    }

    /** Writes a {@code calibration} line per calibration the session's assays use, then an {@code assay} line each. */
    public static void write(JsonGenerator json, AssayStore store, long sessionId) throws IOException, StoreException {
        List<Assay> assays = store.assays(sessionId);
        Map<Long, String> uids = store.assayUids(sessionId);
        Set<Long> used = new LinkedHashSet<>();
        assays.forEach(a -> a.calibrationId().ifPresent(used::add));
        for (long id : used) {
            Calibration c = store.calibration(id).orElseThrow(() -> new IllegalStateException(
                    "an assay of session " + sessionId + " names calibration " + id + ", which the store does not have"));
            writeCalibration(json, c);
        }
        for (Assay a : assays) {
            writeAssay(json, uids.get(a.id()), a);
        }
    }

    private static void writeCalibration(JsonGenerator json, Calibration c) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "calibration");
        json.writeNumberField("id", c.id());
        json.writeStringField("created_utc", c.created().toString());
        json.writeStringField("operator", c.operator());
        json.writeStringField("note", c.note());
        json.writeStringField("product", c.product().name());
        json.writeStringField("method", c.method());
        json.writeNumberField("wavelength_nm", c.wavelengthNm());
        json.writeStringField("unit", c.unit());
        json.writeStringField("source_file", c.sourceFile());
        json.writeArrayFieldStart("standards");
        for (Standard s : c.standards()) {
            json.writeStartArray();
            json.writeNumber(s.concentration());
            json.writeNumber(s.absorbance());
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("blanks");
        for (double blank : c.blankAbsorbances()) {
            json.writeNumber(blank);
        }
        json.writeEndArray();
        json.writeBooleanField("accepted_poor_fit", c.acceptedPoorFit());
        json.writeEndObject();
    }

    private static void writeAssay(JsonGenerator json, String uid, Assay a) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "assay");
        json.writeStringField("uid", uid);
        json.writeNumberField("step", a.stepIndex());
        json.writeStringField("product", a.product().name());
        json.writeStringField("kind", a.kind().name().toLowerCase(Locale.ROOT));
        json.writeStringField("place", a.place().written());
        json.writeNumberField("value", a.value().value());
        json.writeNumberField("value_sd", a.value().sigma());
        json.writeStringField("unit", a.unit());
        if (a.calibrationId().isPresent()) {
            json.writeNumberField("calibration", a.calibrationId().get());
        } else {
            json.writeNullField("calibration");
        }
        json.writeNumberField("dilution", a.dilution());
        json.writeNumberField("dilution_rel_sd", a.dilutionRelativeSigma());
        optional(json, "volume_mL", a.volumeMl().map(Measure::value));
        optional(json, "volume_sd_mL", a.volumeMl().map(Measure::sigma));
        optional(json, "gas_flow_mL_min", a.gasFlowMlPerMinute());
        optional(json, "gas_minutes", a.gasMinutes());
        json.writeStringField("operator", a.operator());
        json.writeStringField("note", a.note());
        json.writeStringField("created_utc", a.created().toString());
        json.writeEndObject();
    }

    private static void optional(JsonGenerator json, String field, Optional<Double> value) throws IOException {
        if (value.isPresent()) {
            json.writeNumberField(field, value.get());
        } else {
            json.writeNullField(field);
        }
    }

    /**
     * A {@code calibration} line read back. Throws IllegalArgumentException (or the analysis' BadInputException) naming
     * what is wrong; the importer adds file and line.
     */
    public static ExportedCalibration readCalibration(JsonNode node) {
        List<Standard> standards = new ArrayList<>();
        for (JsonNode pair : node.path("standards")) {
            if (pair.size() != 2) {
                throw new IllegalArgumentException("field 'standards' holds [concentration, absorbance] pairs");
            }
            standards.add(new Standard(pair.get(0).asDouble(), pair.get(1).asDouble()));
        }
        List<Double> blanks = new ArrayList<>();
        node.path("blanks").forEach(b -> blanks.add(b.asDouble()));
        return new ExportedCalibration(required(node, "id").asLong(), new Calibration(0, instant(node),
                node.path("operator").asText(""), node.path("note").asText(""), product(node),
                node.path("method").asText(""), required(node, "wavelength_nm").asDouble(), required(node, "unit").asText(),
                node.path("source_file").asText(""), standards, blanks, node.path("accepted_poor_fit").asBoolean(false)));
    }

    /**
     * An {@code assay} line read back; its calibration id is still the exporting store's (see
     * {@link AssayStore#addImported}). Throws IllegalArgumentException naming what is wrong.
     */
    public static ExportedAssay readAssay(JsonNode node) {
        String uid = required(node, "uid").asText();
        Assay.Kind kind;
        try {
            kind = Assay.Kind.valueOf(required(node, "kind").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'kind' is '" + node.path("kind").asText()
                    + "'; allowed: absorbance, concentration, amount, gc", e);
        }
        Optional<Double> volume = number(node, "volume_mL");
        Optional<Double> volumeSd = number(node, "volume_sd_mL");
        return new ExportedAssay(uid, new Assay(0, required(node, "step").asInt(), product(node), kind,
                new Measure(required(node, "value").asDouble(), node.path("value_sd").asDouble(0)),
                node.path("unit").asText(""), number(node, "calibration").map(Double::longValue),
                node.path("dilution").asDouble(1), node.path("dilution_rel_sd").asDouble(0),
                volume.map(v -> new Measure(v, volumeSd.orElse(0.0))), number(node, "gas_flow_mL_min"),
                number(node, "gas_minutes"), node.path("operator").asText(""), node.path("note").asText(""), instant(node),
                Assay.Place.parse(required(node, "place").asText())));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    private static Optional<Double> number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asDouble());
    }

    private static Product product(JsonNode node) {
        String name = required(node, "product").asText();
        try {
            return Product.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'product' is '" + name + "', not a product norrlab knows", e);
        }
    }

    private static Instant instant(JsonNode node) {
        try {
            return Instant.parse(required(node, "created_utc").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field 'created_utc': " + e.getMessage(), e);
        }
    }
}
