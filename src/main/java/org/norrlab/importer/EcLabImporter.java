package org.norrlab.importer;

import org.norrlab.core.Technique;
import org.norrlab.config.Potential;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BioLogic EC-Lab text export (.mpt), read a line at a time: "EC-Lab ASCII FILE", "Nb header lines : N", a header
 * whose line 4 names the technique and whose last line holds the tab-separated column names with units after '/',
 * then data rows. Windows-1252 or UTF-8, LF or CRLF, decimal point or comma per the PC's locale (all through
 * {@link TextLines} and {@link VendorText}); current in mA. Columns are found by name, never by position, because
 * EC-Lab versions order them differently and one (yadg issue 95) even names a column "|Energy|/W.h".
 *
 * <p>A new step begins wherever the sequence column {@code Ns} changes and wherever the header's "Loop k from point
 * number a to b" says a loop (a repeat of the technique) begins: EC-Lab's time runs on across both, so each step's
 * time counts from its first sample and the file time it began at is in its label. A chronoamperometry step's set
 * potential is the header's {@code Ei (V)} for its sequence, taken only when the following {@code vs.} row says
 * {@code Ref}; EC-Lab does not write the value of Eoc or Emeas, so a potential set against one is left empty.
 *
 * <p>The binary .mpr ("BIO-LOGIC MODULAR FILE") is recognised so it can be refused with what to do instead.
 */
public final class EcLabImporter implements Importer {
    private static final String TEXT_MAGIC = "EC-Lab ASCII FILE";
    private static final String BINARY_MAGIC = "BIO-LOGIC MODULAR FILE";
    private static final Pattern HEADER_LINES = Pattern.compile("Nb header lines\\s*:\\s*(\\d{1,6})\\b");
    private static final Pattern LOOP = Pattern.compile("Loop (\\d{1,9}) from point number (\\d{1,9}) to (\\d{1,9})");
    private static final Pattern AREA = Pattern.compile("Electrode surface area\\s*:\\s*(\\S+)\\s*(\\S*)");
    /** The column EC-Lab writes the resistance it compensated during the run (ZIR/MIR iR compensation) into. */
    static final String COMPENSATION_COLUMN = "Rcmp/Ohm";

    /** EC-Lab writes its technique parameters as a table of 20-character columns: the name, then one per sequence. */
    private static final int PARAMETER_WIDTH = 20;
    /** EC-Lab's spellings of the working-electrode potential (mean values in brackets since v11.50). */
    private static final List<String> POTENTIAL_COLUMNS = List.of("Ewe/V", "<Ewe>/V", "<Ewe/V>");
    private static final List<String> CURRENT_COLUMNS = List.of("I/mA", "<I>/mA", "<I/mA>");
    /** EC-Lab's own charge column, in C or mA·h (1 mA·h = 3.6 C): not stored, compared in a note with norrlab's. */
    private static final String CHARGE_COLUMN_C = "(Q-Qo)/C";
    private static final String CHARGE_COLUMN_MAH = "(Q-Qo)/mA.h";
    /** The area EC-Lab writes when none was entered: indistinguishable from a real 0.001 cm² electrode. */
    private static final double DEFAULT_AREA_CM2 = 0.001;
    /** A number cell as EC-Lab writes one: an integer, or a mantissa and a three-digit exponent. */
    private static final Pattern COMPLETE_NUMBER = Pattern.compile("-?\\d+|-?\\d[.,]\\d+E[+-]\\d{3}");

    @Override
    public String format() {
        return "eclab";
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        String start = new String(head, StandardCharsets.ISO_8859_1);
        return start.startsWith(TEXT_MAGIC) || start.startsWith(BINARY_MAGIC);
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        refuseBinary(file);
        try (TextLines lines = TextLines.open(file)) {
            String first = lines.next();
            if (first == null || !first.startsWith(TEXT_MAGIC)) {
                throw new ImportException(file, 1, "expected '" + TEXT_MAGIC + "' (a BioLogic EC-Lab text export)");
            }
            String count = lines.next();
            Matcher m = count == null ? null : HEADER_LINES.matcher(count);
            if (m == null || !m.find()) {
                throw new ImportException(file, 2, "expected 'Nb header lines : N'; this EC-Lab version's header is not one we read");
            }
            int headerLines = Integer.parseInt(m.group(1));
            if (headerLines < 4) {
                throw new ImportException(file, 2, "announces " + headerLines + " header lines; an EC-Lab header has at least 4"
                        + " (title, count, technique, column names)");
            }
            Header header = Header.read(lines, headerLines);
            new Rows(file, header, sink).read(lines);
        }
    }

    /** The .mpr is checked by its first bytes, before any text is read: it is binary and may hold no line end for megabytes. */
    private static void refuseBinary(Path file) throws ImportException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(BINARY_MAGIC.length());
        } catch (IOException e) {
            throw ImportException.unreadable(file, e);
        }
        if (new String(head, StandardCharsets.ISO_8859_1).equals(BINARY_MAGIC)) {
            throw new ImportException(file, 0, "is an EC-Lab binary .mpr file (\"" + BINARY_MAGIC + "\"), which norrlab does"
                    + " not read: export it as text (.mpt) from EC-Lab (File > Export as text) and import that");
        }
    }

    static String kind(String technique) {
        String t = technique.toLowerCase(Locale.ROOT);
        if (t.contains("chronoamperometry")) {
            return "ca";
        }
        if (t.contains("chronopotentiometry") || t.equals("constant current")) {
            return "cp";
        }
        if (t.contains("cyclic voltammetry")) {
            return "cv";
        }
        if (t.contains("open circuit")) {
            return "ocp";
        }
        if (t.contains("linear sweep")) {
            return "lsv";
        }
        return "other";
    }

    private static boolean isImpedance(String technique) {
        String t = technique.toLowerCase(Locale.ROOT);
        return t.contains("impedance") || t.matches(".*\\b[pg]eis\\b.*");
    }

    /** What the header says: technique, cell, the per-sequence parameters norrlab uses, the loops, the column names. */
    private record Header(Path file, String technique, int columnLine, String[] columns, Map<String, String> metadata,
                          String device, StatedCell cell, List<String> notes, List<String> initialPotentials,
                          List<String> initialPotentialsVs, int initialPotentialLine, List<Integer> loopStarts,
                          Map<String, Parameter> parameters) {

        static Header read(TextLines lines, int headerLines) throws ImportException {
            Path file = lines.file();
            Map<String, String> metadata = new LinkedHashMap<>();
            List<String> notes = new ArrayList<>();
            String technique = null;
            String device = "BioLogic";
            StatedCell cell = StatedCell.NONE;
            List<String> ei = List.of();
            List<String> eiVs = List.of();
            List<Integer> loopStarts = new ArrayList<>();
            boolean afterEi = false;
            int eiLine = 0;
            Map<String, Parameter> parameters = new HashMap<>();
            Parameter previous = null;
            while (lines.lineNumber() < headerLines - 1) {
                String line = lines.next();
                if (line == null) {
                    throw new ImportException(file, 2, "announces " + headerLines + " header lines but the file has only "
                            + lines.lineNumber() + " lines (truncated?)");
                }
                int number = lines.lineNumber();
                if (number == 4) {
                    technique = line.trim();
                }
                if (afterEi && line.startsWith("vs.")) {
                    eiVs = parameterValues(line);
                }
                if (previous != null && line.startsWith("vs.")) {
                    parameters.put(previous.name(), previous.withVs(parameterValues(line)));
                } else if (line.length() > PARAMETER_WIDTH && !line.contains(":")) {
                    previous = new Parameter(line.substring(0, PARAMETER_WIDTH).trim(), parameterValues(line), List.of(),
                            number);
                    parameters.putIfAbsent(previous.name(), previous);
                }
                afterEi = line.startsWith("Ei (V)");
                Matcher area = AREA.matcher(line);
                Matcher loop = LOOP.matcher(line);
                if (afterEi) {
                    ei = parameterValues(line);
                    eiLine = number;
                } else if (area.lookingAt()) {
                    cell = area(file, number, line, area, notes);
                } else if (loop.lookingAt()) {
                    loopStarts.add(Integer.parseInt(loop.group(2)));
                } else if (line.startsWith("Run on channel")) {
                    metadata.put("channel", afterColon(line));
                } else if (line.startsWith("EC-Lab for windows") || line.startsWith("EC-Lab for Windows")
                        || line.contains("EC-LAB")) {
                    metadata.put("software", line.trim());
                } else if (line.startsWith("Acquisition started on")) {
                    metadata.put("acquisition_started", afterColon(line));
                } else if (line.startsWith("Device")) {
                    device = afterColon(line);
                }
            }
            if (technique == null || technique.isEmpty()) {
                throw new ImportException(file, 4, "expected the technique's name on line 4 of an EC-Lab header");
            }
            metadata.put("technique", technique);
            String names = lines.next();
            if (names == null) {
                throw new ImportException(file, 2, "announces " + headerLines + " header lines but the file has only "
                        + lines.lineNumber() + " lines (truncated?)");
            }
            String[] columns = names.split("\t", -1);
            int named = columns.length;
            while (named > 0 && columns[named - 1].isEmpty()) {
                named--;
            }
            return new Header(file, technique, lines.lineNumber(), Arrays.copyOf(columns, named), metadata, device,
                    cell, notes, ei, eiVs, eiLine, loopStarts, parameters);
        }

        private static StatedCell area(Path file, int number, String line, Matcher area, List<String> notes)
                throws ImportException {
            String unit = area.group(2);
            String source = "file: '" + line.trim() + "' (line " + number + ")";
            if (!unit.equals("cm²") && !unit.equals("cm2")) {
                notes.add(file.getFileName() + ":" + number + ": the electrode area is given in '" + unit
                        + "', not cm²; not used (give --area)");
                return StatedCell.NONE;
            }
            double cm2 = VendorText.parse(area.group(1), file, number, "Electrode surface area");
            if (!(cm2 > 0)) {
                notes.add(file.getFileName() + ":" + number + ": the electrode area is stated as " + area.group(1)
                        + " cm², which is no area; not used (give --area)");
                return StatedCell.NONE;
            }
            if (cm2 == DEFAULT_AREA_CM2) {
                notes.add(file.getFileName() + ":" + number + ": the electrode area " + area.group(1) + " cm² is also what"
                        + " EC-Lab writes when none was entered: if the electrode area was not entered in EC-Lab, give --area");
            }
            return StatedCell.area(cm2, source);
        }

        /** The values of a parameter row, one per sequence (blank where a sequence has none). */
        private static List<String> parameterValues(String line) {
            List<String> values = new ArrayList<>();
            for (int at = PARAMETER_WIDTH; at < line.length(); at += PARAMETER_WIDTH) {
                values.add(line.substring(at, Math.min(line.length(), at + PARAMETER_WIDTH)).trim());
            }
            return values;
        }

        private static String afterColon(String line) {
            return line.substring(line.indexOf(':') + 1).trim();
        }

        int column(List<String> spellings) {
            for (String spelling : spellings) {
                for (int i = 0; i < columns.length; i++) {
                    if (columns[i].trim().equals(spelling)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        /**
         * What the header states of a sweep of sequence {@code ns}: dE/dt with its unit row, the potentials Ei, E1, E2
         * (LSV: Ei → EL) taken only where their "vs." row says Ref (vs Eoc or Emeas the file does not state the value
         * they are relative to), and never the cycle count (EC-Lab's "nc cycles" counts repeats, the data's cycle
         * column the cycles).
         */
        StatedSweep sweep(int ns) throws ImportException {
            int index = Math.max(ns, 0);
            StatedSweep stated = StatedSweep.NONE;
            Parameter rate = parameters.get("dE/dt");
            Parameter unit = parameters.get("dE/dt unit");
            String rateText = rate == null ? "" : rate.value(index);
            String unitText = unit == null ? "" : unit.value(index);
            if (!rateText.isEmpty()) {
                double perSecond = switch (unitText) {
                    case "mV/s" -> 1e-3;
                    case "V/s" -> 1;
                    default -> Double.NaN;
                };
                if (Double.isNaN(perSecond)) {
                    throw new ImportException(file, unit == null ? rate.line() : unit.line(), "EC-Lab \"" + technique
                            + "\": dE/dt " + rateText + " comes with the unit '" + unitText + "'; norrlab reads mV/s and"
                            + " V/s");
                }
                stated = stated.withScanRate(VendorText.parse(rateText, file, rate.line(), "dE/dt") * perSecond,
                        "dE/dt " + rateText + " " + unitText + ", line " + rate.line());
            }
            return stated.withPotentials(vsReference("Ei (V)", index), vsReference("E1 (V)", index),
                    vsReference("E2 (V)", index), vsReference("EL (V)", index));
        }

        private double vsReference(String name, int index) throws ImportException {
            Parameter p = parameters.get(name);
            if (p == null || p.value(index).isEmpty() || !p.vs(index).equals("Ref")) {
                return Double.NaN;
            }
            return VendorText.parse(p.value(index), file, p.line(), name);
        }

        /** The set potential of a chronoamperometry step of sequence {@code ns}, or empty with a note saying why. */
        Optional<Potential> setPotential(int ns, Set<String> stepNotes) throws ImportException {
            String sequence = ns >= 0 ? "sequence Ns " + ns : "the technique";
            int index = Math.max(ns, 0);
            if (index >= initialPotentials.size() || initialPotentials.get(index).isEmpty()) {
                stepNotes.add(file.getFileName() + ": the header states no 'Ei (V)' for " + sequence
                        + ": the file does not state its set potential");
                return Optional.empty();
            }
            String vs = index < initialPotentialsVs.size() ? initialPotentialsVs.get(index) : "";
            String ei = initialPotentials.get(index);
            if (!vs.equals("Ref")) {
                stepNotes.add(file.getFileName() + ": " + sequence + " holds Ei = " + ei + " V vs. "
                        + (vs.isEmpty() ? "(not stated)" : vs) + ", and the file does not state the potential that is"
                        + " relative to, so it does not state the set potential vs the reference electrode");
                return Optional.empty();
            }
            return Optional.of(new Potential(VendorText.parse(ei, file, initialPotentialLine, "Ei (V)"), Potential.Scale.RE));
        }
    }

    /** A technique parameter row of the header: its values per sequence and those of the "vs." row below it. */
    private record Parameter(String name, List<String> values, List<String> vsValues, int line) {
        Parameter withVs(List<String> vs) {
            return new Parameter(name, values, vs, line);
        }

        String value(int index) {
            return index < values.size() ? values.get(index) : "";
        }

        String vs(int index) {
            return index < vsValues.size() ? vsValues.get(index) : "";
        }
    }

    /** The data rows, handed on as they are read, split into steps by sequence (Ns) and loop. */
    private static final class Rows {
        private final Path file;
        private final Header header;
        private final ImportSink sink;
        private final String kind;
        private final int time;
        private final int potential;
        private final int current;
        private final int sequence;
        /** The "cycle number" column (from 1), read for sweeps only; -1 without one. */
        private final int cycle;
        private final int charge;
        /** EC-Lab's compensation resistance column (Rcmp/Ohm), -1 without one, and the range of its values. */
        private final int compensation;
        private double compensationMin = Double.POSITIVE_INFINITY;
        private double compensationMax = Double.NEGATIVE_INFINITY;
        private long compensationRows;
        private final String chargeColumn;
        private final Set<String> notes = new LinkedHashSet<>();
        /** The open step's label, its first and last value of the file's charge column, and norrlab's trapezoid so far. */
        private String stepLabel;
        private double fileChargeFirst = Double.NaN;
        private double fileChargeLast = Double.NaN;
        private double trapezoidCoulombs;
        private double previousSeconds = Double.NaN;
        private double previousAmperes = Double.NaN;
        private int row = -1;
        private int kept;
        private int loop = -1;
        private int openSequence = Integer.MIN_VALUE;
        private double stepStart = Double.NaN;
        private String previousLast;

        Rows(Path file, Header header, ImportSink sink) throws ImportException {
            this.file = file;
            this.header = header;
            this.sink = sink;
            String technique = header.technique();
            int line = header.columnLine();
            if (isImpedance(technique) || header.column(List.of("freq/Hz")) >= 0) {
                throw new ImportException(file, line, "is an EC-Lab \"" + technique + "\" file: it holds impedance spectra,"
                        + " which norrlab does not read from EC-Lab files (no example file was available to test"
                        + " EC-Lab's -Im(Z) column against): export Z' and Z'' with their frequency as CSV");
            }
            kind = kind(technique);
            time = header.column(List.of("time/s"));
            potential = header.column(POTENTIAL_COLUMNS);
            current = header.column(CURRENT_COLUMNS);
            sequence = header.column(List.of("Ns"));
            cycle = Technique.isSweep(kind) ? header.column(List.of("cycle number")) : -1;
            int inCoulombs = header.column(List.of(CHARGE_COLUMN_C));
            charge = inCoulombs >= 0 || current < 0 ? inCoulombs : header.column(List.of(CHARGE_COLUMN_MAH));
            compensation = header.column(List.of(COMPENSATION_COLUMN));
            chargeColumn = charge < 0 ? "" : header.columns()[charge].trim();
            if (time < 0 || potential < 0 || (current < 0 && !kind.equals("ocp"))) {
                throw new ImportException(file, line, "EC-Lab \"" + technique + "\": expected the columns time/s, "
                        + String.join(" or ", POTENTIAL_COLUMNS) + (kind.equals("ocp") ? "" : " and "
                        + String.join(" or ", CURRENT_COLUMNS)) + "; found: " + String.join(", ", header.columns())
                        + " (export those columns from EC-Lab)");
            }
        }

        void read(TextLines lines) throws ImportException {
            sink.file(new FileFacts("eclab", header.technique(), new InstrumentIdentity("imported", "eclab", header.device(),
                    header.metadata().getOrDefault("software", "EC-Lab"), "unknown"), header.metadata(), header.cell()));
            for (String note : header.notes()) {
                sink.note(note);
            }
            String line = lines.next();
            while (line != null) {
                int number = lines.lineNumber();
                boolean ended = lines.lastLineEnded();
                String next = lines.next();
                if (!line.isBlank()) {
                    row(line, number, next == null, ended);
                }
                line = next;
            }
            if (row < 0) {
                throw new ImportException(file, header.columnLine() + 1, "EC-Lab \"" + header.technique()
                        + "\": has no data rows after its header");
            }
            endStep();
            for (String note : notes) {
                sink.note(note);
            }
            if (compensationRows > 0) {
                sink.note(compensationNote());
            }
        }

        /**
         * What the Rcmp/Ohm column says: the resistance EC-Lab compensated during the run (ZIR/MIR), so the file's
         * potentials already have that part of the iR drop removed. The file states neither R_u nor the compensated
         * fraction, so neither is assumed or recorded; the note keeps what it says.
         */
        private String compensationNote() {
            String values = compensationMin == compensationMax ? VendorText.asWritten(compensationMin) + " ohm on all "
                    + compensationRows + " rows" : "from " + VendorText.asWritten(compensationMin) + " to "
                    + VendorText.asWritten(compensationMax) + " ohm over " + compensationRows + " rows";
            return "WARNING: " + file.getFileName() + ": the " + COMPENSATION_COLUMN + " column (EC-Lab's compensation"
                    + " resistance) holds " + values + ": the run compensated that much of the iR drop, so the file's"
                    + " potentials are already partly iR-corrected; the file states neither R_u nor the compensated"
                    + " fraction, so norrlab records neither: give both (norrlab ru) before correcting these potentials";
        }

        private void row(String line, int number, boolean last, boolean ended) throws ImportException {
            String[] cells = line.split("\t", -1);
            if (cells.length < header.columns().length || (last && !ended && cutShort(cells))) {
                if (last) {
                    notes.add(file.getFileName() + ":" + number + ": the last row is cut short (truncated file?): "
                            + kept + " complete rows kept");
                    return;
                }
                throw new ImportException(file, number, "EC-Lab \"" + header.technique() + "\": the row has "
                        + cells.length + " cells where the header names " + header.columns().length
                        + "; only the last row of a truncated file may be short");
            }
            row++;
            double t = VendorText.parse(cells[time], file, number, "time/s");
            int ns = sequence < 0 ? -1 : (int) VendorText.parse(cells[sequence], file, number, "Ns");
            int loopHere = loopOf(row);
            if (ns != openSequence || loopHere != loop) {
                if (openSequence != Integer.MIN_VALUE) {
                    endStep();
                }
                openSequence = ns;
                loop = loopHere;
                stepStart = t;
                begin(ns, t);
            }
            double e = VendorText.parse(cells[potential], file, number, header.columns()[potential]);
            double since = t - stepStart;
            if (since < 0) {
                throw new ImportException(file, number, "EC-Lab \"" + header.technique() + "\": time/s " + cells[time].trim()
                        + " is before the step's first sample at " + stepStart + " s; a step's time must not run backwards");
            }
            if (current < 0) {
                sink.sample(Sample.potentialOnly(since, e));
            } else {
                double amperes = VendorText.movePointLeft(VendorText.parse(cells[current], file, number,
                        header.columns()[current]), 3);
                Sample sample = new Sample(since, e, amperes, Double.NaN, 0);
                int scan = cycle < 0 ? 0 : (int) VendorText.parse(cells[cycle], file, number, "cycle number");
                sink.sample(scan > 0 ? sample.inSweep(scan, 1) : sample);
                integrate(since, amperes, cells, number);
            }
            if (compensation >= 0) {
                double ohms = VendorText.parse(cells[compensation], file, number, COMPENSATION_COLUMN);
                compensationMin = Math.min(compensationMin, ohms);
                compensationMax = Math.max(compensationMax, ohms);
                compensationRows++;
            }
            kept++;
            previousLast = cells[cells.length - 1];
        }

        /** Adds the row to norrlab's trapezoid of the step's current and keeps the file's charge at the row. */
        private void integrate(double seconds, double amperes, String[] cells, int number) throws ImportException {
            if (!Double.isNaN(previousSeconds)) {
                trapezoidCoulombs += 0.5 * (previousAmperes + amperes) * (seconds - previousSeconds);
            }
            previousSeconds = seconds;
            previousAmperes = amperes;
            if (charge >= 0) {
                double q = VendorText.parse(cells[charge], file, number, chargeColumn);
                fileChargeLast = chargeColumn.equals(CHARGE_COLUMN_C) ? q : q * 3.6;
                if (Double.isNaN(fileChargeFirst)) {
                    fileChargeFirst = fileChargeLast;
                }
            }
        }

        /**
         * Ends the open step; the file's own charge column is not stored (norrlab integrates the current itself), so a
         * note gives its change over the step beside norrlab's trapezoid, for the chemist to compare.
         */
        private void endStep() throws ImportException {
            sink.endStep();
            if (!Double.isNaN(fileChargeFirst)) {
                notes.add(file.getFileName() + ": step '" + stepLabel + "': the file's " + chargeColumn + " changes by "
                        + VendorText.plain(fileChargeLast - fileChargeFirst) + " C over the step; it is not stored:"
                        + " norrlab integrates the sampled current (trapezoid) instead, which gives "
                        + VendorText.plain(trapezoidCoulombs) + " C");
            }
            fileChargeFirst = Double.NaN;
            fileChargeLast = Double.NaN;
            trapezoidCoulombs = 0;
            previousSeconds = Double.NaN;
            previousAmperes = Double.NaN;
        }

        /** The final row of a file without a last line end may stop inside a number: its last cell looks unlike the row above. */
        private boolean cutShort(String[] cells) {
            String lastCell = cells[cells.length - 1];
            return previousLast != null && COMPLETE_NUMBER.matcher(previousLast).matches()
                    && !COMPLETE_NUMBER.matcher(lastCell).matches();
        }

        private int loopOf(int dataRow) {
            int index = -1;
            for (int i = 0; i < header.loopStarts().size(); i++) {
                if (header.loopStarts().get(i) <= dataRow) {
                    index = i;
                }
            }
            return index;
        }

        private void begin(int ns, double fileTime) throws ImportException {
            StringBuilder label = new StringBuilder(header.technique());
            if (ns >= 0) {
                label.append(", Ns ").append(ns);
            }
            if (header.loopStarts().size() > 1) {
                label.append(", loop ").append(loop);
            }
            label.append(" (from file time ").append(VendorText.asWritten(fileTime)).append(" s)");
            Optional<Potential> set = kind.equals("ca") ? header.setPotential(ns, notes) : Optional.empty();
            stepLabel = label.toString();
            sink.beginStep(Technique.isSweep(kind) ? new StepFacts(kind, stepLabel, Double.NaN, header.sweep(ns))
                    : new StepFacts(kind, stepLabel, set, Double.NaN));
        }
    }
}
