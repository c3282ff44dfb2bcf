package org.norrlab.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleEntry;
import org.norrlab.core.StepOutcome;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.store.AssayExportLines;
import org.norrlab.store.CellSourceLines;
import org.norrlab.store.ImpedanceExportLines;
import org.norrlab.store.SampleExportLines;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StepSettingsJson;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredResistance;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a stored session for other software. CSV: a commented header that says what the file is,
 * the units, the reference electrode, pH and area, then one row per sample. JSON: one document
 * with the session, its steps (each with its samples as rows) and its events. Both stream, so a
 * 24 h session never has to fit in memory.
 */
public final class SessionExporter {
    /** cycle and segment (schema 13) place a sweep sample in its scan; empty (JSON: null) for any other sample. */
    public static final List<String> SAMPLE_COLUMNS = List.of("step", "seq", "t_s", "E_V_vs_RE", "I_A", "range_A", "flags",
            "cycle", "segment");
    /**
     * The sample columns of a session with an R_u recorded (schema 14): the iR-corrected potential E − I·R_u·(1 − c),
     * vs the reference electrode, beside the measured one.
     */
    public static final List<String> SAMPLE_COLUMNS_WITH_IR = List.of("step", "seq", "t_s", "E_V_vs_RE", "E_iR_V_vs_RE",
            "I_A", "range_A", "flags", "cycle", "segment");

    /** The CSV header's writer buffer; the sample rows go past it, to the stream, as bytes (CsvSampleRows). */
    private static final int HEADER_CHARS = 16 * 1024;

    /** The export formats; CSV and JSON Lines import back. */
    public enum Format { CSV, JSON, JSONL }

    private SessionExporter() {
    }

    /** Writes the session in {@code format} and flushes; {@code out} stays open (it may be standard output). */
    public static void write(SessionStore store, StoredSession session, Format format, java.io.OutputStream out)
            throws StoreException, java.io.IOException {
        switch (format) {
            case CSV -> csv(store, session, out);
            case JSON -> json(store, session, nonClosing(out));
            case JSONL -> jsonLines(store, session, out);
        }
        out.flush();
    }

    /** JSON's generator closes the stream it is given; standard output must stay open. */
    private static java.io.OutputStream nonClosing(java.io.OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws java.io.IOException {
                out.flush();
            }
        };
    }

    /**
     * The CSV export: the commented header in UTF-8 through a writer, then the sample rows, which are ASCII, as bytes
     * straight to {@code stream}; flushed, {@code stream} left open.
     */
    public static void csv(SessionStore store, StoredSession session, OutputStream stream) throws StoreException {
        PrintWriter out = new PrintWriter(new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8), HEADER_CHARS));
        CellSettings cell = session.cell();
        out.println("# norrlab session export (CSV)");
        out.printf(Locale.ROOT, "# session: %d; status: %s (%s)%n", session.id(), session.status().dbName(),
                session.statusReason());
        out.printf(Locale.ROOT, "# protocol: %s (%s)%n", session.protocolName(), session.protocolFile());
        out.printf(Locale.ROOT, "# instrument: %s%n", session.instrument().describe());
        out.printf(Locale.ROOT, "# %s: %s; software: norrlab %s%n", session.beganWord().toLowerCase(Locale.ROOT),
                session.beganWhen(), session.softwareVersion());
        out.printf(Locale.ROOT, "# reference electrode: %s, E = %.4f V vs SHE (%s)%n", cell.referenceElectrode().name(),
                cell.referenceElectrode().e0VsSheVolts(), cell.referenceElectrode().source());
        out.printf(Locale.ROOT, "# pH: %s; temperature: %s C; electrode area: %s cm2; catalyst loading: %s mg/cm2;"
                        + " electrolyte volume: %s mL%n", cell.pH(), cell.temperatureCelsius(), cell.electrodeAreaCm2(),
                cell.catalystLoadingMgPerCm2(), cell.electrolyteVolumeMl());
        // an imported session's cell values may be the site's assumptions, not the file's: say which
        CellSourceLines.of(cell, session.runOptions()).ifPresent(sources -> out.println(CellSourceLines.CSV + sources));
        out.println("# electrolyte: " + session.electrolyte().written());
        SampleExportLines.write(session.sample(), out);
        for (StoredAliquot aliquot : store.aliquots(session.id())) {
            out.printf(Locale.ROOT, "# aliquot: after step %d, %s mL, %s, taken by %s, at %s%s%n", aliquot.afterStep(),
                    number(aliquot.volumeMl()), aliquot.replaced() ? "replaced" : "not replaced", aliquot.takenBy().written(),
                    aliquot.created(), aliquot.note().isEmpty() ? "" : "; " + aliquot.note().replace('\n', ' '));
        }
        int assays = store.assays().assays(session.id()).size();
        if (assays > 0) {
            out.printf(Locale.ROOT, "# assays: %d assay(s) of this session are in the JSON Lines export only"
                    + " (export --format jsonl); this CSV carries none%n", assays);
        }
        out.println("# E vs RHE = E vs RE + " + String.format(Locale.ROOT, "%.4f", cell.rheScale().offsetVolts()) + " V");
        List<StoredStep> steps = store.steps(session.id());
        for (StoredStep step : steps) {
            out.printf(Locale.ROOT, "# step %d: %s, %s, set %s V vs RHE = %s V vs RE, interval %s s, %d samples, %s%s%n",
                    step.index(), step.kind(), step.label(), number(step.voltsVsRhe()), number(step.voltsVsReference()),
                    number(step.intervalSeconds()), step.sampleCount(), step.outcome().map(StepOutcome::dbName).orElse("not finished"),
                    contextText(step) + sweepText(step));
        }
        Optional<StoredResistance> ru = ImpedanceExport.csvSections(store, session.id(), steps, out);
        out.println("# units: t_s = seconds since the step began; E_V_vs_RE = volts vs the reference electrode;"
                + ru.map(r -> " E_iR_V_vs_RE = E_V_vs_RE - " + ImpedanceExportLines.correctionText(r)
                        + ", empty where no current was measured;").orElse("")
                + " I_A = amperes, cathodic negative, empty at open circuit; range_A = full scale of the current range;"
                + " flags = bits 1 overload, 2 underload, 4 overload warning, 8 timing, 16 range changed, 32 no current;"
                + " cycle, segment = a sweep sample's scan (from 1) and linear part of it (from 1), empty for other samples");
        out.println(String.join(",", ru.isPresent() ? SAMPLE_COLUMNS_WITH_IR : SAMPLE_COLUMNS));
        out.flush();   // the header before the rows
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("cannot write the CSV export's header"));
        }
        try {
            CsvSampleRows.write(store, session.id(), steps.stream().map(StoredStep::index).toList(),
                    new SampleText(ru.orElse(null), System.lineSeparator()), stream);
            stream.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For an imported session, "cell_sources": where its cell values came from (the CSV's "# cell values from:"). */
    private static void cellSources(JsonGenerator json, StoredSession session) throws IOException {
        Optional<String> sources = CellSourceLines.of(session.cell(), session.runOptions());
        if (sources.isPresent()) {
            json.writeStringField("cell_sources", sources.get());
        }
    }

    /**
     * For an imported session, "imported_from_file": true after started_utc, whose time is then the import's, not the
     * measurement's (a file's own statement of its start, where kept, is among the run options).
     */
    private static void importedFlag(JsonGenerator json, StoredSession session) throws IOException {
        if (session.instrument().isImported()) {
            json.writeBooleanField("imported_from_file", true);
        }
    }

    private static void writeSample(JsonGenerator json, SampleEntry sample) throws IOException {
        json.writeStringField("sample", sample.sample());
        json.writeStringField("operator", sample.operator());
        json.writeStringField("notes", sample.notes());
    }

    /** E − I·R_u·(1 − c); NaN where the sample has no current or no potential (nothing is assumed for either). */
    static double corrected(StoredResistance ru, Sample s) {
        return s.hasCurrent() ? ru.resistance().corrected(s.potentialVolts(), s.currentAmperes()) : Double.NaN;
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    public static void json(SessionStore store, StoredSession session, OutputStream out) throws StoreException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("format", "norrlab-session");
            json.writeNumberField("format_version", 1);
            json.writeObjectFieldStart("session");
            json.writeNumberField("id", session.id());
            json.writeStringField("status", session.status().dbName());
            json.writeStringField("status_reason", session.statusReason());
            json.writeStringField("protocol_name", session.protocolName());
            json.writeStringField("protocol_file", session.protocolFile());
            json.writeStringField("protocol_text", session.protocolText());
            json.writeStringField("started_utc", session.started().toString());
            importedFlag(json, session);
            json.writeStringField("ended_utc", session.ended().map(Object::toString).orElse(null));
            json.writeStringField("software_version", session.softwareVersion());
            writeCell(json, session.cell());
            cellSources(json, session);
            writeSample(json, session.sample());
            writeInstrument(json, session.instrument());
            json.writeObjectFieldStart("run_options");
            for (Map.Entry<String, String> option : session.runOptions().entrySet()) {
                json.writeStringField(option.getKey(), option.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();

            List<StoredResistance> history = store.impedance().history(session.id());
            Optional<StoredResistance> ru = ImpedanceExportLines.inForce(history);
            Map<Integer, List<ImpedancePoint>> spectra = store.impedance().spectra(session.id());
            json.writeArrayFieldStart("steps");
            for (StoredStep step : store.steps(session.id())) {
                writeStep(json, store, session.id(), step, ru, spectra.getOrDefault(step.index(), List.of()));
            }
            json.writeEndArray();
            if (!history.isEmpty()) {
                // the R_u history, oldest first; the samples' E_iR_V_vs_RE uses the one marked in force
                json.writeArrayFieldStart("resistances");
                for (int i = 0; i < history.size(); i++) {
                    ImpedanceExportLines.writeResistance(json, history.get(i), i == history.size() - 1);
                }
                json.writeEndArray();
            }
            json.writeArrayFieldStart("events");
            for (StoredEvent stored : store.events(session.id())) {
                json.writeStartObject();
                json.writeNumberField("step", stored.stepIndex());
                json.writeNumberField("t_s", stored.event().timeSeconds());
                json.writeStringField("wall_utc", stored.wallTime().toString());
                json.writeStringField("kind", stored.event().kind().name());
                json.writeStringField("message", stored.event().message());
                json.writeObjectFieldStart("values");
                for (Map.Entry<String, Double> value : stored.event().values().entrySet()) {
                    json.writeNumberField(value.getKey(), value.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON export: " + e.getMessage(), e);
        }
    }

    private static void writeInstrument(JsonGenerator json, InstrumentIdentity instrument) throws IOException {
        json.writeObjectFieldStart("instrument");
        json.writeStringField("profile", instrument.profile());
        json.writeStringField("family", instrument.family());
        json.writeStringField("model", instrument.model());
        json.writeStringField("firmware", instrument.firmware());
        json.writeStringField("serial_number", instrument.serialNumber());
        json.writeEndObject();
    }

    private static void writeCell(JsonGenerator json, CellSettings cell) throws IOException {
        json.writeObjectFieldStart("cell");
        json.writeStringField("reference_electrode", cell.referenceElectrode().name());
        json.writeNumberField("reference_e0_vs_she_V", cell.referenceElectrode().e0VsSheVolts());
        json.writeStringField("reference_source", cell.referenceElectrode().source());
        json.writeNumberField("pH", cell.pH());
        json.writeNumberField("temperature_C", cell.temperatureCelsius());
        json.writeNumberField("electrode_area_cm2", cell.electrodeAreaCm2());
        json.writeNumberField("catalyst_loading_mg_cm2", cell.catalystLoadingMgPerCm2());
        json.writeNumberField("electrolyte_volume_mL", cell.electrolyteVolumeMl());
        json.writeEndObject();
    }

    /**
     * The step's repeat cycle and electrolyte batch at the end of its CSV header line, as NorrlabCsv reads them back:
     * "; cycle 2 of 5 of repeat block 'stability'" and "; electrolyte batch 3", each only where known.
     */
    static String contextText(StoredStep step) {
        return (step.inRepeat() ? String.format(Locale.ROOT, "; cycle %d of %d of repeat block '%s'", step.cycle(),
                step.cycles(), step.block()) : "") + (step.batch() > 0 ? "; electrolyte batch " + step.batch() : "");
    }

    /**
     * The step's gas and sweep or constant-current settings (schema 13) at the very end of its CSV header line, as
     * NorrlabCsv reads them back: "; gas NO" where known, "; settings {...}" (the store's settings_json) where the
     * step has settings.
     */
    static String sweepText(StoredStep step) {
        String settings = StepSettingsJson.write(step.settings());
        return step.gas().map(g -> "; gas " + g.written()).orElse("") + (settings == null ? "" : "; settings " + settings);
    }

    /** The same for JSON: gas and settings only where the step has them, as the CSV. */
    private static void writeSweep(JsonGenerator json, StoredStep step) throws IOException {
        if (step.gas().isPresent()) {
            json.writeStringField("gas", step.gas().get().written());
        }
        String settings = StepSettingsJson.write(step.settings());
        if (settings != null) {
            json.writeFieldName("settings");
            json.writeRawValue(settings);
        }
    }

    /** The same for JSON: cycle, cycles and block only inside a repeat block, batch only where known. */
    private static void writeContext(JsonGenerator json, StoredStep step) throws IOException {
        if (step.inRepeat()) {
            json.writeNumberField("cycle", step.cycle());
            json.writeNumberField("cycles", step.cycles());
            json.writeStringField("block", step.block());
        }
        if (step.batch() > 0) {
            json.writeNumberField("batch", step.batch());
        }
    }

    private static void writeStep(JsonGenerator json, SessionStore store, long sessionId, StoredStep step,
                                  Optional<StoredResistance> ru, List<ImpedancePoint> spectrum)
            throws IOException, StoreException {
        json.writeStartObject();
        json.writeNumberField("index", step.index());
        json.writeStringField("kind", step.kind());
        json.writeStringField("label", step.label());
        nullableNumber(json, "E_set_vs_RHE_V", step.voltsVsRhe());
        nullableNumber(json, "E_set_vs_RE_V", step.voltsVsReference());
        json.writeNumberField("interval_s", step.intervalSeconds());
        json.writeNumberField("planned_duration_s", step.plannedDurationSeconds());
        json.writeStringField("current_range", step.currentRange());
        json.writeStringField("source", step.source());
        json.writeNumberField("session_offset_s", step.sessionOffsetSeconds());
        nullableNumber(json, "duration_s", step.durationSeconds());
        json.writeNumberField("sample_count", step.sampleCount());
        json.writeStringField("outcome", step.outcome().map(StepOutcome::dbName).orElse(null));
        writeContext(json, step);
        writeSweep(json, step);
        List<String> columns = ru.isPresent() ? SAMPLE_COLUMNS_WITH_IR : SAMPLE_COLUMNS;
        json.writeArrayFieldStart("sample_columns");
        for (String column : columns.subList(1, columns.size())) {
            json.writeString(column);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("samples");
        store.forEachSample(sessionId, step.index(), (seq, s) -> writeSample(json, seq, s, ru));
        json.writeEndArray();
        if (!spectrum.isEmpty()) {
            // the rows of the CSV's spectrum section, without the step; Z_imag_ohm is Z'' as measured
            json.writeArrayFieldStart("impedance_columns");
            for (String column : ImpedanceExportLines.CSV_COLUMNS.split(",")) {
                if (!column.equals("step")) {
                    json.writeString(column);
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("impedance");
            for (int seq = 0; seq < spectrum.size(); seq++) {
                ImpedancePoint p = spectrum.get(seq);
                boolean has = p.hasImpedance();
                json.writeStartArray();
                json.writeNumber(seq);
                for (double value : new double[] {p.timeSeconds(), p.frequencyHz(), has ? p.realOhms() : Double.NaN,
                        has ? p.imaginaryOhms() : Double.NaN, has ? p.modulusOhms() : Double.NaN,
                        has ? p.phaseDegrees() : Double.NaN, p.dcPotentialVolts(), p.dcCurrentAmperes(), p.rangeAmperes()}) {
                    nullableElement(json, value);
                }
                json.writeNumber(p.flags());
                json.writeEndArray();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void nullableElement(JsonGenerator json, double value) throws IOException {
        if (Double.isNaN(value)) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }

    private static void writeSample(JsonGenerator json, long seq, Sample s, Optional<StoredResistance> ru) {
        try {
            json.writeStartArray();
            json.writeNumber(seq);
            json.writeNumber(s.timeSeconds());
            json.writeNumber(s.potentialVolts());
            if (ru.isPresent()) {
                nullableElement(json, corrected(ru.get(), s));
            }
            if (s.hasCurrent()) {
                json.writeNumber(s.currentAmperes());
            } else {
                json.writeNull();
            }
            if (Double.isNaN(s.rangeAmperes())) {
                json.writeNull();
            } else {
                json.writeNumber(s.rangeAmperes());
            }
            json.writeNumber(s.flags());
            if (s.inSweep()) {
                json.writeNumber(s.cycle());
                json.writeNumber(s.segment());
            } else {
                json.writeNull();
                json.writeNull();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * JSON Lines: one object per line, "type" first: the session (with its cell and instrument), each
     * step, each sample, each event. Streams, and other tools read it line by line.
     */
    public static void jsonLines(SessionStore store, StoredSession session, OutputStream out) throws StoreException {
        JsonFactory factory = new JsonFactory();
        factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            json.writeStartObject();
            json.writeStringField("type", "session");
            json.writeStringField("format", "norrlab-session-jsonl");
            json.writeNumberField("format_version", 1);
            json.writeNumberField("id", session.id());
            json.writeStringField("status", session.status().dbName());
            json.writeStringField("protocol_name", session.protocolName());
            json.writeStringField("protocol_file", session.protocolFile());
            json.writeStringField("protocol_text", session.protocolText());
            json.writeStringField("started_utc", session.started().toString());
            importedFlag(json, session);
            json.writeStringField("software_version", session.softwareVersion());
            json.writeStringField("electrolyte", session.electrolyte().written());
            List<StoredResistance> history = store.impedance().history(session.id());
            Optional<StoredResistance> ru = ImpedanceExportLines.inForce(history);
            if (ru.isPresent()) {
                // the sample lines' E_iR_V is E_V - I_A * R_u * (1 - c) with this row of the history (see the resistance lines)
                json.writeStringField("E_iR_uses_resistance", ru.get().uid());
            }
            writeCell(json, session.cell());
            cellSources(json, session);
            writeSample(json, session.sample());
            writeInstrument(json, session.instrument());
            json.writeEndObject();
            List<StoredStep> steps = store.steps(session.id());
            for (StoredStep step : steps) {
                json.writeStartObject();
                json.writeStringField("type", "step");
                json.writeNumberField("index", step.index());
                json.writeStringField("kind", step.kind());
                json.writeStringField("label", step.label());
                nullableNumber(json, "E_set_vs_RHE_V", step.voltsVsRhe());
                nullableNumber(json, "E_set_vs_RE_V", step.voltsVsReference());
                json.writeNumberField("interval_s", step.intervalSeconds());
                json.writeStringField("outcome", step.outcome().map(StepOutcome::dbName).orElse(null));
                writeContext(json, step);
                writeSweep(json, step);
                json.writeEndObject();
            }
            for (int i = 0; i < history.size(); i++) {
                ImpedanceExportLines.writeResistance(json, history.get(i), i == history.size() - 1);
            }
            Map<Integer, List<ImpedancePoint>> spectra = store.impedance().spectra(session.id());
            for (StoredStep step : steps) {
                store.forEachSample(session.id(), step.index(), (seq, s) -> {
                    try {
                        json.writeStartObject();
                        json.writeStringField("type", "sample");
                        json.writeNumberField("step", step.index());
                        json.writeNumberField("seq", seq);
                        json.writeNumberField("t_s", s.timeSeconds());
                        json.writeNumberField("E_V", s.potentialVolts());
                        if (ru.isPresent()) {
                            nullableNumber(json, "E_iR_V", corrected(ru.get(), s));
                        }
                        nullableNumber(json, "I_A", s.currentAmperes());
                        nullableNumber(json, "range_A", s.rangeAmperes());
                        json.writeNumberField("flags", s.flags());
                        if (s.inSweep()) {
                            json.writeNumberField("cycle", s.cycle());
                            json.writeNumberField("segment", s.segment());
                        }
                        json.writeEndObject();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                List<ImpedancePoint> spectrum = spectra.getOrDefault(step.index(), List.of());
                for (int seq = 0; seq < spectrum.size(); seq++) {
                    ImpedanceExportLines.writePoint(json, step.index(), seq, spectrum.get(seq));
                }
            }
            for (StoredEvent stored : store.events(session.id())) {
                json.writeStartObject();
                json.writeStringField("type", "event");
                json.writeNumberField("step", stored.stepIndex());
                json.writeNumberField("t_s", stored.event().timeSeconds());
                json.writeStringField("kind", stored.event().kind().name());
                json.writeStringField("message", stored.event().message());
                json.writeEndObject();
            }
            for (StoredAliquot aliquot : store.aliquots(session.id())) {
                json.writeStartObject();
                json.writeStringField("type", "aliquot");
                json.writeNumberField("after_step", aliquot.afterStep());
                json.writeNumberField("volume_mL", aliquot.volumeMl());
                json.writeBooleanField("replaced", aliquot.replaced());
                json.writeStringField("taken_by", aliquot.takenBy().written());
                json.writeStringField("created_utc", aliquot.created().toString());
                json.writeStringField("note", aliquot.note());
                json.writeEndObject();
            }
            AssayExportLines.write(json, store.assays(), session.id());
            int controls = store.assays().controls(session.id()).size();
            if (controls > 0) {
                // a control link names another session of this store, which this file does not carry
                json.writeStartObject();
                json.writeStringField("type", "note");
                json.writeStringField("text", controls + " control link(s) of exported session " + session.id()
                        + " are not in this export: they name other sessions of the exporting store; link the imported"
                        + " session to its controls again ('norrlab control')");
                json.writeEndObject();
            }
            SessionTrailLines.write(json, store.corrections().corrections(session.id()));
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON Lines export: " + e.getMessage(), e);
        }
    }

    private static void nullableNumber(JsonGenerator json, String field, double value) throws IOException {
        if (Double.isNaN(value)) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }
}
