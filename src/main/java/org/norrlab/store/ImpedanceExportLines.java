package org.norrlab.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.UncompensatedResistance;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Impedance spectra and the R_u history (schema 14) as norrlab's exports write them, and read back, in one place so
 * the writer ({@code report/SessionExporter}) and the readers ({@code importer/NorrlabCsv}, {@code JsonLinesImporter})
 * cannot drift apart.
 *
 * <p>CSV: each R_u row is one header line ({@link #csvResistanceLine}); each EIS step's spectrum is a section of its
 * own before the sample table: a comment line naming the step, the column row {@link #CSV_COLUMNS} and one row per
 * frequency, ended by a blank line. Cells of a point the instrument sent as NaN (flag 64) are empty, as is every
 * unknown value; modulus and phase are written for readers without complex numbers and recomputed on import.
 * Doubles are written with {@link Double#toString}, which reads back to the same bits.
 *
 * <p>JSON Lines: a {@code resistance} line per row of the history (oldest first, the last in force), an
 * {@code impedance} line per point after its step's samples; NaN and unknown values are null.
 */
public final class ImpedanceExportLines {
    /** The column row of a spectrum section of the CSV export. */
    public static final String CSV_COLUMNS = "step,seq,t_s,frequency_Hz,Z_real_ohm,Z_imag_ohm,Z_mod_ohm,phase_deg,"
            + "E_dc_V_vs_RE,I_dc_A,range_A,flags";
    /** The start of the comment line that opens a spectrum section. */
    public static final String CSV_SECTION = "# impedance of step ";
    /** The start of an R_u line of the CSV header. */
    public static final String CSV_RESISTANCE = "# R_u: ";
    private static final Pattern RESISTANCE = Pattern.compile("# R_u: (\\S+) ohm, standard error (\\S+?)(?: ohm)?, "
            + "(\\S+?)(?: of the spectrum of step (\\d{1,9}))?, compensated fraction (\\S+), recorded (\\S+), uid ([^;\\s]+)"
            + "(?:; (.*))?");

    private ImpedanceExportLines() {
    }

    /** The R_u in force, read from a history (the newest row); empty when none was recorded. */
    public static Optional<StoredResistance> inForce(List<StoredResistance> history) {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /**
     * "# R_u: 12.5 ohm, standard error 0.04 ohm, randles-fit of the spectrum of step 2, compensated fraction 0.0,
     * recorded 2026-…Z, uid 3f…; note" ("standard error none" where there is none; no step for a typed value; the note's
     * line breaks written as {@code \n} and {@code \r}, its backslashes doubled, so that it comes back as it was).
     */
    public static String csvResistanceLine(StoredResistance row) {
        UncompensatedResistance ru = row.resistance();
        return CSV_RESISTANCE + ru.ohms() + " ohm, standard error "
                + (Double.isNaN(ru.standardErrorOhms()) ? "none" : ru.standardErrorOhms() + " ohm") + ", " + ru.method()
                + (ru.spectrumStep().isPresent() ? " of the spectrum of step " + ru.spectrumStep().getAsInt() : "")
                + ", compensated fraction " + ru.compensatedFraction() + ", recorded " + ru.recordedAt() + ", uid "
                + row.uid() + (ru.note().isEmpty() ? "" : "; " + escaped(ru.note()));
    }

    /** An R_u line of the CSV header read back; the message of the exception says what was expected. */
    public static StoredResistance readCsvResistance(String line) {
        Matcher m = RESISTANCE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected '# R_u: R ohm, standard error SE ohm|none, METHOD[ of the spectrum"
                    + " of step N], compensated fraction C, recorded TIME, uid UID[; note]'");
        }
        try {
            return new StoredResistance(m.group(7), new UncompensatedResistance(Double.parseDouble(m.group(1)),
                    m.group(2).equals("none") ? Double.NaN : Double.parseDouble(m.group(2)), m.group(3),
                    m.group(4) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(4))),
                    Double.parseDouble(m.group(5)), Instant.parse(m.group(6)), m.group(8) == null ? "" : unescaped(m.group(8))));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the time recorded: " + e.getMessage(), e);
        }
    }

    private static String escaped(String note) {
        return note.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescaped(String written) {
        StringBuilder note = new StringBuilder(written.length());
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '\\' && i + 1 < written.length()) {
                char next = written.charAt(++i);
                note.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                note.append(c);
            }
        }
        return note.toString();
    }

    /** The comment line that opens the spectrum section of {@code step}. */
    public static String csvSectionLine(StoredStep step, int points) {
        return CSV_SECTION + step.index() + " (" + step.label() + "): " + points + " frequencies; Z_imag_ohm is Z''"
                + " as measured (Z = Z' + jZ'', capacitive negative; a Nyquist plot draws -Z''); Z_mod_ohm = |Z|;"
                + " phase_deg = atan2(Z'', Z'); E_dc_V_vs_RE and I_dc_A = the DC potential and current during the point;"
                + " empty cells: not measured (flags 64: the instrument sent NaN)";
    }

    /** One row of a spectrum section. */
    public static String csvRow(int step, long seq, ImpedancePoint p) {
        boolean has = p.hasImpedance();
        return String.join(",", Integer.toString(step), Long.toString(seq), Double.toString(p.timeSeconds()),
                Double.toString(p.frequencyHz()), cell(has ? p.realOhms() : Double.NaN),
                cell(has ? p.imaginaryOhms() : Double.NaN), cell(has ? p.modulusOhms() : Double.NaN),
                cell(has ? p.phaseDegrees() : Double.NaN), cell(p.dcPotentialVolts()), cell(p.dcCurrentAmperes()),
                cell(p.rangeAmperes()), Integer.toString(p.flags()));
    }

    /** A row of a spectrum section read back: its step (cell 0) and point; modulus and phase are not read. */
    public static ImpedancePoint readCsvRow(String[] c) {
        if (c.length != 12) {
            throw new IllegalArgumentException("has " + c.length + " cells; a spectrum row has 12 (" + CSV_COLUMNS + ")");
        }
        return new ImpedancePoint(number(c[2], "t_s"), number(c[3], "frequency_Hz"), optional(c[4], "Z_real_ohm"),
                optional(c[5], "Z_imag_ohm"), optional(c[8], "E_dc_V_vs_RE"), optional(c[9], "I_dc_A"),
                optional(c[10], "range_A"), (int) number(c[11], "flags"));
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private static double optional(String cell, String column) {
        return cell.isEmpty() ? Double.NaN : number(cell, column);
    }

    private static double number(String cell, String column) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column '" + column + "': '" + cell + "' is not a number", e);
        }
    }

    /** A {@code resistance} line of the JSON Lines export; {@code inForce} marks the newest. */
    public static void writeResistance(JsonGenerator json, StoredResistance row, boolean inForce) throws IOException {
        UncompensatedResistance ru = row.resistance();
        json.writeStartObject();
        json.writeStringField("type", "resistance");
        json.writeStringField("uid", row.uid());
        json.writeNumberField("ru_ohm", ru.ohms());
        nullable(json, "stderr_ohm", ru.standardErrorOhms());
        json.writeStringField("method", ru.method());
        if (ru.spectrumStep().isPresent()) {
            json.writeNumberField("spectrum_step", ru.spectrumStep().getAsInt());
        } else {
            json.writeNullField("spectrum_step");
        }
        json.writeNumberField("compensated_fraction", ru.compensatedFraction());
        json.writeStringField("created_utc", ru.recordedAt().toString());
        json.writeStringField("note", ru.note());
        json.writeBooleanField("in_force", inForce);
        json.writeEndObject();
    }

    /** A {@code resistance} line read back; the exception's message names the field. */
    public static StoredResistance readResistance(JsonNode node) {
        String uid = node.path("uid").asText("");
        if (uid.isEmpty() || !node.path("ru_ohm").isNumber()) {
            throw new IllegalArgumentException("a resistance line needs a uid and ru_ohm");
        }
        JsonNode step = node.get("spectrum_step");
        try {
            return new StoredResistance(uid, new UncompensatedResistance(node.path("ru_ohm").asDouble(),
                    nullable(node, "stderr_ohm"), node.path("method").asText(),
                    step == null || step.isNull() ? OptionalInt.empty() : OptionalInt.of(step.asInt()),
                    node.path("compensated_fraction").asDouble(), Instant.parse(node.path("created_utc").asText()),
                    node.path("note").asText("")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field 'created_utc': " + e.getMessage(), e);
        }
    }

    /** An {@code impedance} line of the JSON Lines export. */
    public static void writePoint(JsonGenerator json, int step, long seq, ImpedancePoint p) throws IOException {
        boolean has = p.hasImpedance();
        json.writeStartObject();
        json.writeStringField("type", "impedance");
        json.writeNumberField("step", step);
        json.writeNumberField("seq", seq);
        json.writeNumberField("t_s", p.timeSeconds());
        json.writeNumberField("frequency_Hz", p.frequencyHz());
        nullable(json, "Z_real_ohm", has ? p.realOhms() : Double.NaN);
        nullable(json, "Z_imag_ohm", has ? p.imaginaryOhms() : Double.NaN);
        nullable(json, "Z_mod_ohm", has ? p.modulusOhms() : Double.NaN);
        nullable(json, "phase_deg", has ? p.phaseDegrees() : Double.NaN);
        nullable(json, "E_dc_V", p.dcPotentialVolts());
        nullable(json, "I_dc_A", p.dcCurrentAmperes());
        nullable(json, "range_A", p.rangeAmperes());
        json.writeNumberField("flags", p.flags());
        json.writeEndObject();
    }

    /** An {@code impedance} line read back (modulus and phase are not read: they follow from Z' and Z''). */
    public static ImpedancePoint readPoint(JsonNode node) {
        if (!node.path("frequency_Hz").isNumber() || !node.path("t_s").isNumber()) {
            throw new IllegalArgumentException("an impedance line needs t_s and frequency_Hz");
        }
        return new ImpedancePoint(node.path("t_s").asDouble(), node.path("frequency_Hz").asDouble(),
                nullable(node, "Z_real_ohm"), nullable(node, "Z_imag_ohm"), nullable(node, "E_dc_V"),
                nullable(node, "I_dc_A"), nullable(node, "range_A"), node.path("flags").asInt());
    }

    /** "E_iR = E - I * 12.5 ohm * (1 - 0.0)": how the export's iR-corrected potentials were computed. */
    public static String correctionText(StoredResistance row) {
        UncompensatedResistance ru = row.resistance();
        return String.format(Locale.ROOT, "I_A * %s ohm * (1 - %s) with the R_u in force (uid %s, %s)", ru.ohms(),
                ru.compensatedFraction(), row.uid(), ru.method()
                        + (ru.spectrumStep().isPresent() ? " of step " + ru.spectrumStep().getAsInt() : ""));
    }

    private static void nullable(JsonGenerator json, String field, double value) throws IOException {
        if (Double.isNaN(value)) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }

    private static double nullable(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Double.NaN : value.asDouble();
    }
}
