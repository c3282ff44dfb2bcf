package org.norrlab.importer;

import org.norrlab.config.Potential;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;

import org.norrlab.store.StoredSession;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Gamry .DTA (EXPLAIN format), read a line at a time: "EXPLAIN", "TAG technique", parameter lines
 * {@code NAME<tab>TYPE<tab>value…}, then tables "CURVE[n] TABLE [rows]" or "OCVCURVE TABLE rows": a row of column
 * names, a row of units, data rows starting with a TAB. T (s), Vf (V vs. Ref.) and, except at open circuit, Im (A,
 * anodic positive as CONVENTION 1 says) are read.
 *
 * <p>Time: a chronoamperometry (CHRONOA, and the generator of COLLECTCHRONOA) or chronopotentiometry (CHRONOP)
 * table runs through the pre-step (T ≤ 0), step 1 (to TSTEP1) and step 2: each becomes its own step, its time counted
 * from when the file's TPRESTEP/TSTEP1 say it began, and its set potential the file's VPRESTEP/VSTEP1/VSTEP2. A row
 * belongs to the step whose end it closes (the row at T = 0 is the pre-step's last sample: its Sig is still VPRESTEP).
 * Every other table (CVs' CURVEn, OCVCURVE, CORPOT) is one step whose time counts from its first sample, because
 * Gamry's T runs on across tables. A CV's CURVEn tables are the cycles of one cv step (cycle n from the n-th CURVE table,
 * segments from the potential's turns), timed from the first table's first T, with what the header states of the scan: SCANRATE (mV/s), STEPSIZE (mV), VINIT,
 * VLIMIT1, VLIMIT2 (converted like the chrono set potentials below) and CYCLES; a file without SCANRATE has its rate
 * measured from the data.
 *
 * <p>A potential Gamry sets "vs open circuit" (the T after the value on a POTEN line) is converted to one vs the
 * reference only with the file's measured EOC; Gamry writes a bare "EOC 0" when it measured none, and then the set
 * potential is left empty with a note.
 */
public final class GamryImporter implements Importer {
    /** TAGs of impedance spectra norrlab does not read: no file of them was seen (galvanostatic, monitored EIS). */
    private static final List<String> IMPEDANCE = List.of("EISGALV", "EISMON");
    /** Potentiostatic EIS: its ZCURVE table is an eis step, an OCVCURVE before it an ocp step. */
    private static final String EISPOT = "EISPOT";
    private static final List<String> READ = List.of("CHRONOA", "COLLECTCHRONOA", "CHRONOP", "CV", "CORPOT", EISPOT);

    @Override
    public String format() {
        return "gamry";
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return new String(head, StandardCharsets.ISO_8859_1).startsWith("EXPLAIN");
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        try (TextLines lines = TextLines.open(file)) {
            String first = lines.next();
            if (first == null || !first.trim().equals("EXPLAIN")) {
                throw new ImportException(file, 1, "expected 'EXPLAIN' (a Gamry .DTA file)");
            }
            String tagLine = lines.next();
            if (tagLine == null || !tagLine.startsWith("TAG\t")) {
                throw new ImportException(file, 2, "expected 'TAG<tab>technique'");
            }
            String tag = tagLine.substring(4).trim();
            if (IMPEDANCE.contains(tag)) {
                throw new ImportException(file, 2, "is a Gamry " + tag + " file: impedance spectra norrlab does not read"
                        + " (it reads potentiostatic EIS, EISPOT, only): export the ZCURVE table as CSV");
            }
            if (!READ.contains(tag)) {
                throw new ImportException(file, 2, "is a Gamry " + tag + " file, a technique norrlab does not read (it reads "
                        + String.join(", ", READ) + "): export its table as CSV and import that with --technique");
            }
            new Reading(file, tag, sink).read(lines);
        }
    }

    /** One parameter line: its number and its tab-separated fields (name, type, value…). */
    private record Parameter(int line, String[] fields) {
        String value() {
            return fields.length > 2 ? fields[2].trim() : "";
        }

        String text() {
            return String.join(" ", fields).trim().replaceAll("\\s+", " ");
        }
    }

    /** The state of one file's reading: the parameters seen so far and the table being read. */
    private static final class Reading {
        private final Path file;
        private final String tag;
        private final ImportSink sink;
        private final Map<String, Parameter> parameters = new HashMap<>();
        private final List<String> notes = new ArrayList<>();
        private boolean factsGiven;
        private Table table;
        private int steps;
        /** What the header states of a CV's scan, read at its first CURVE table (the header is read by then). */
        private StatedSweep sweep;
        /** The file time the open CV step began at (its first CURVE table's first T); NaN while none is open. */
        private double sweepStart = Double.NaN;
        private int curves;

        Reading(Path file, String tag, ImportSink sink) {
            this.file = file;
            this.tag = tag;
            this.sink = sink;
        }

        void read(TextLines lines) throws ImportException {
            int notesToSkip = 0;
            String line = lines.next();
            while (line != null) {
                int number = lines.lineNumber();
                boolean ended = lines.lastLineEnded();
                String next = lines.next();
                if (notesToSkip > 0) {
                    notesToSkip--;
                } else if (table != null && line.startsWith("\t")) {
                    table.line(line, number, next == null && !ended);
                } else {
                    endTable();
                    String[] fields = line.split("\t", -1);
                    if (fields.length >= 2 && fields[1].trim().equals("TABLE")) {
                        giveFacts();
                        if (!fields[0].trim().startsWith("CURVE")) {
                            endSweep();
                        }
                        table = new Table(this, fields[0].trim(), number, declaredRows(fields, number));
                    } else if (fields.length >= 3 && !fields[0].isBlank()) {
                        parameters.putIfAbsent(fields[0].trim(), new Parameter(number, fields));
                        if (fields[1].trim().equals("NOTES")) {
                            notesToSkip = (int) VendorText.parse(fields[2], file, number, "NOTES");
                        }
                    }
                }
                line = next;
            }
            endTable();
            endSweep();
            if (steps == 0) {
                throw new ImportException(file, lines.lineNumber(), "Gamry " + tag + ": holds no data table (CURVE … TABLE)"
                        + " with rows that norrlab can read");
            }
            for (String note : notes) {
                sink.note(note);
            }
        }

        private int declaredRows(String[] fields, int number) throws ImportException {
            return fields.length >= 3 && !fields[2].isBlank() ? (int) VendorText.parse(fields[2], file, number, "rows") : -1;
        }

        private void endTable() throws ImportException {
            if (table != null) {
                table.end();
                table = null;
            }
        }

        /** What the header states of a CV's scan, the potentials vs the reference electrode; NaN where it does not. */
        /** Ends the open CV step, whose CURVE tables have all been read. */
        private void endSweep() throws ImportException {
            if (!Double.isNaN(sweepStart)) {
                sink.endStep();
                sweepStart = Double.NaN;
            }
        }

        private StatedSweep sweep() throws ImportException {
            if (sweep == null) {
                sweep = readSweep();
            }
            return sweep;
        }

        private StatedSweep readSweep() throws ImportException {
            StatedSweep stated = StatedSweep.NONE;
            Parameter rate = parameters.get("SCANRATE");
            if (rate != null && rate.text().contains("(mV/s)")) {
                stated = stated.withScanRate(quantity("SCANRATE") / 1000, "SCANRATE " + rate.value() + " mV/s, line "
                        + rate.line());
            } else if (rate != null) {
                notes.add(file.getFileName() + ":" + rate.line() + ": the scan rate is not given in mV/s ('" + rate.text()
                        + "'); measured from the data instead");
            }
            Parameter step = parameters.get("STEPSIZE");
            if (step != null && step.text().contains("(mV)")) {
                stated = stated.withStep(quantity("STEPSIZE") / 1000);
            }
            Parameter cycles = parameters.get("CYCLES");
            return stated.withPotentials(scanPotential("VINIT"), scanPotential("VLIMIT1"), scanPotential("VLIMIT2"),
                    Double.NaN).withCycles(cycles == null ? 0 : (int) quantity("CYCLES"));
        }

        /** A scan potential of the header vs the reference, NaN (then taken from the data) where it cannot be. */
        private double scanPotential(String name) throws ImportException {
            return parameters.containsKey(name) ? setPotential(name).map(Potential::volts).orElse(Double.NaN) : Double.NaN;
        }

        private void giveFacts() throws ImportException {
            if (factsGiven) {
                return;
            }
            factsGiven = true;
            Parameter convention = parameters.get("CONVENTION");
            if (convention != null && !convention.value().equals("1")) {
                throw new ImportException(file, convention.line(), "Gamry " + tag + ": CONVENTION " + convention.value()
                        + " is a current sign convention norrlab does not read; it reads CONVENTION 1 (anodic currents"
                        + " positive): record with that setting or export the data as CSV with the sign you know");
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("technique", tag);
            for (String name : List.of("TITLE", "DATE", "TIME", "PSTAT", "PSTATSERIALNO", "FRAMEWORKVERSION",
                    "INSTRUMENTVERSION", "SAMPLETIME")) {
                Parameter p = parameters.get(name);
                if (p != null) {
                    metadata.put(name.toLowerCase(Locale.ROOT), p.value());
                }
            }
            if (metadata.containsKey("date") && metadata.containsKey("time")) {
                // the instrument PC's clock, in its own zone and date order, as written: stated, not converted
                metadata.put(StoredSession.STATED_START_OPTION, metadata.get("date") + " " + metadata.get("time")
                        + " (its DATE and TIME, the instrument PC's clock)");
            }
            // a collection experiment names two potentiostats; the generator's is the one whose table is imported
            String pstat = metadata.getOrDefault("pstat", parameters.containsKey("PSTAT GENERATOR")
                    ? parameters.get("PSTAT GENERATOR").value() : "?");
            InstrumentIdentity identity = new InstrumentIdentity("imported", "gamry", "Gamry " + pstat,
                    metadata.getOrDefault("frameworkversion", "?"), metadata.getOrDefault("pstatserialno", pstat));
            sink.file(new FileFacts("gamry", tag, identity, metadata, cell()));
            compensation();
        }

        /**
         * iR compensation the header states for the run: IRCOMP (a selector whose 0 is none) and positive feedback
         * (POSFEEDENABLE T with POSFEEDRESISTANCE ohm). A run that compensated has potentials already partly
         * iR-corrected by an amount of R_u the file does not state: said in a warning, never assumed or recorded.
         */
        private void compensation() {
            Parameter mode = parameters.get("IRCOMP");
            Parameter feedback = parameters.get("POSFEEDENABLE");
            List<String> stated = new ArrayList<>();
            if (mode != null && !mode.value().isEmpty() && !mode.value().equals("0")) {
                Parameter correction = parameters.get("PFCOR");
                stated.add("IRCOMP " + mode.value() + " (line " + mode.line() + ")" + (correction == null ? ""
                        : ", PFCOR " + correction.value() + " (line " + correction.line() + ")"));
            }
            if (feedback != null && feedback.value().equals("T")) {
                Parameter resistance = parameters.get("POSFEEDRESISTANCE");
                stated.add("POSFEEDENABLE T (line " + feedback.line() + ")" + (resistance == null ? ""
                        : ", POSFEEDRESISTANCE " + resistance.value() + " ohm (line " + resistance.line() + ")"));
            }
            if (!stated.isEmpty()) {
                notes.add("WARNING: " + file.getFileName() + ": the header states iR compensation during the run ("
                        + String.join("; ", stated) + "), so the file's potentials are already partly iR-corrected; it"
                        + " does not state R_u and the compensated fraction, so norrlab records neither: give both"
                        + " (norrlab ru) before correcting these potentials");
            }
        }

        private StatedCell cell() throws ImportException {
            Parameter area = parameters.get("AREA");
            if (area == null) {
                return StatedCell.NONE;
            }
            String label = area.fields().length > 3 ? area.fields()[3] : "";
            if (!label.contains("(cm^2)")) {
                notes.add(file.getFileName() + ":" + area.line() + ": the electrode area is not given in cm^2 ('"
                        + area.text() + "'); not used (give --area)");
                return StatedCell.NONE;
            }
            double cm2 = VendorText.parse(area.value(), file, area.line(), "AREA");
            if (!(cm2 > 0)) {
                notes.add(file.getFileName() + ":" + area.line() + ": the electrode area is stated as " + area.value()
                        + " cm², which is no area; not used (give --area)");
                return StatedCell.NONE;
            }
            return StatedCell.area(cm2, "file: '" + area.text() + "' (line " + area.line() + ")");
        }

        /** A number the header states, or NaN when it does not. */
        double quantity(String name) throws ImportException {
            Parameter p = parameters.get(name);
            return p == null || p.value().isEmpty() ? Double.NaN : VendorText.parse(p.value(), file, p.line(), name);
        }

        /** A POTEN parameter as a set potential vs the reference electrode, or empty with a note saying why. */
        Optional<Potential> setPotential(String name) throws ImportException {
            Parameter p = parameters.get(name);
            if (p == null) {
                notes.add(file.getFileName() + ": Gamry " + tag + " states no " + name + ": that step's set potential is"
                        + " left empty");
                return Optional.empty();
            }
            double volts = VendorText.parse(p.value(), file, p.line(), name);
            String vsOpenCircuit = p.fields().length > 3 ? p.fields()[3].trim() : "";
            if (vsOpenCircuit.equals("F")) {
                return Optional.of(new Potential(volts, Potential.Scale.RE));
            }
            if (!vsOpenCircuit.equals("T")) {
                throw new ImportException(file, p.line(), "Gamry " + tag + ": " + name + " has '" + vsOpenCircuit
                        + "' where T or F (vs open circuit or not) is expected");
            }
            Parameter eoc = parameters.get("EOC");
            if (eoc == null || eoc.value().equals("0") || eoc.value().isEmpty()) {
                notes.add(file.getFileName() + ":" + p.line() + ": " + name + " " + p.value() + " V is set vs open circuit"
                        + " and the file states no measured open-circuit potential (EOC) before the data: that step's set"
                        + " potential is left empty");
                return Optional.empty();
            }
            Potential vsReference = new Potential(volts + VendorText.parse(eoc.value(), file, eoc.line(), "EOC"),
                    Potential.Scale.RE);
            notes.add(file.getFileName() + ":" + p.line() + ": " + name + " " + p.value() + " V is set vs open circuit;"
                    + " with the file's EOC " + eoc.value() + " V (line " + eoc.line() + ") it is " + vsReference);
            return Optional.of(vsReference);
        }
    }

    /** One table, read a row at a time and handed on as one or more steps. */
    private static final class Table {
        private final Reading reading;
        private final Path file;
        private final String name;
        private final int at;
        private final int declared;
        private String[] columns;
        private boolean unitsRead;
        private int time;
        private int potential;
        private int current;
        private int rows;
        private boolean cut;
        /** The step kinds and split of this table; null for a table that is dropped (a ring electrode's). */
        private Layout layout;
        /** An EISPOT file's ZCURVE table; null for every other table. */
        private GamrySpectrum spectrum;
        private int openSegment = -1;
        private double stepStart;
        /** A CV's CURVE table's cycle: the count of CURVE tables of the file so far, from 1; 0 before its first row. */
        private int cycle;

        Table(Reading reading, String name, int at, int declared) {
            this.reading = reading;
            this.file = reading.file;
            this.name = name;
            this.at = at;
            this.declared = declared;
        }

        void line(String line, int number, boolean lastAndCut) throws ImportException {
            String[] cells = line.split("\t", -1);
            if (columns == null) {
                int named = cells.length;
                while (named > 1 && cells[named - 1].isBlank()) {
                    named--;
                }
                columns = Arrays.copyOf(cells, named);
                start(number);
                return;
            }
            if (!unitsRead) {
                unitsRead = true;
                return;
            }
            if (cells.length < columns.length) {
                if (lastAndCut) {
                    cut = true;
                    reading.notes.add(file.getFileName() + ":" + number + ": the last row is cut short (truncated file?): "
                            + rows + " complete rows of table " + name + " kept");
                    return;
                }
                throw new ImportException(file, number, "Gamry " + reading.tag + ": table " + name + " row has "
                        + cells.length + " cells where its header names " + columns.length
                        + "; only the last row of a truncated file may be short");
            }
            rows++;
            if (spectrum != null) {
                spectrum.row(cells, number);
                return;
            }
            if (layout == null) {
                return;
            }
            double t = VendorText.parse(cells[time], file, number, "T");
            double e = VendorText.parse(cells[potential], file, number, "Vf");
            if (layout.kind.equals("cv")) {
                cvRow(t, e, cells, number);
                return;
            }
            int segment = layout.segment(t, number);
            if (segment != openSegment) {
                if (openSegment >= 0) {
                    reading.sink.endStep();
                }
                openSegment = segment;
                stepStart = layout.start(segment, t);
                reading.sink.beginStep(layout.step(segment, t));
                reading.steps++;
            }
            double since = t - stepStart;
            if (since < 0) {
                throw new ImportException(file, number, "Gamry " + reading.tag + ": table " + name + ": T " + cells[time].trim()
                        + " s is before its step began at " + VendorText.asWritten(stepStart) + " s (the header's step times say so)");
            }
            reading.sink.sample(current < 0 ? Sample.potentialOnly(since, e)
                    : new Sample(since, e, VendorText.parse(cells[current], file, number, "Im"), Double.NaN, 0));
        }

        /** A row of a CV's CURVEn table: a sample of cycle n of the one cv step, timed from the first table's start. */
        private void cvRow(double t, double e, String[] cells, int number) throws ImportException {
            if (Double.isNaN(reading.sweepStart)) {
                reading.sweepStart = t;
                reading.sink.beginStep(new StepFacts("cv", "CV, CURVE tables from file time " + VendorText.asWritten(t)
                        + " s", Double.NaN, reading.sweep()));
                reading.steps++;
            }
            if (cycle == 0) {
                cycle = ++reading.curves;
            }
            double since = t - reading.sweepStart;
            if (since < 0) {
                throw new ImportException(file, number, "Gamry " + reading.tag + ": table " + name + ": T "
                        + cells[time].trim() + " s is before the CV's first table began at "
                        + VendorText.asWritten(reading.sweepStart) + " s; the CURVE tables of a CV run on in time");
            }
            reading.sink.sample(new Sample(since, e, VendorText.parse(cells[current], file, number, "Im"), Double.NaN, 0)
                    .inSweep(cycle, 1));
        }

        private void start(int number) throws ImportException {
            time = index("T");
            potential = index("Vf");
            current = index("Im");
            String tag = reading.tag;
            if (index("Zreal") >= 0 || index("Freq") >= 0) {
                if (!tag.equals(EISPOT) || !name.equals("ZCURVE")) {
                    throw new ImportException(file, number, "Gamry " + tag + ": table " + name + " holds impedance spectra"
                            + " outside an EISPOT file's ZCURVE table, which is the only one norrlab reads");
                }
                spectrum = new GamrySpectrum(reading, name, columns, number);
                return;
            }
            if (tag.equals("COLLECTCHRONOA") && name.equals("CURVE DETECTOR")) {
                return;
            }
            boolean openCircuit = name.equals("OCVCURVE") || tag.equals("CORPOT");
            if (time < 0 || potential < 0 || (current < 0 && !openCircuit)) {
                throw new ImportException(file, number, "Gamry " + tag + ": table " + name + " lacks the columns T, Vf"
                        + (openCircuit ? "" : " and Im") + " (found: " + String.join(", ",
                        Arrays.stream(columns).filter(c -> !c.isBlank()).toList()) + "); norrlab reads no other");
            }
            if (openCircuit) {
                layout = Layout.whole(this, "ocp", reading.tag.equals("CORPOT") ? reading.quantity("SAMPLETIME") : Double.NaN);
            } else if (tag.equals("CV")) {
                layout = Layout.whole(this, "cv", Double.NaN);
            } else {
                layout = Layout.stepped(this, tag.equals("CHRONOP") ? "cp" : "ca");
            }
        }

        private int index(String column) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i].trim().equals(column)) {
                    return i;
                }
            }
            return -1;
        }

        void end() throws ImportException {
            if (!unitsRead) {
                throw new ImportException(file, at, "Gamry " + reading.tag + ": table " + name
                        + " ends before its column names and units (truncated file?)");
            }
            if (spectrum != null) {
                spectrum.end(rows);
            }
            if (layout == null && spectrum == null && columns != null) {
                reading.notes.add(file.getFileName() + ":" + at + ": table " + name + " (" + rows + " rows) is the ring"
                        + " electrode's (a second working electrode, held at VRING); norrlab keeps one working electrode"
                        + " per session, so only the generator's table is imported");
            }
            if (openSegment >= 0) {
                reading.sink.endStep();
            }
            if (declared >= 0 && declared != rows + (cut ? 1 : 0)) {
                reading.notes.add(file.getFileName() + ":" + at + ": table " + name + " declares " + declared + " rows but "
                        + rows + " are present (truncated file?); imported what is there");
            }
        }
    }

    /**
     * How a table's rows become steps: the whole table as one step timed from its first sample, or a chrono table
     * split at the header's step times into pre-step, step 1 and step 2.
     */
    private static final class Layout {
        private static final String[] STEP_NAMES = {"PRESTEP", "STEP1", "STEP2"};
        private final Table table;
        private final String kind;
        private final boolean stepped;
        private final double interval;
        private final double preStep;
        private final double step1;
        private final double step2;
        private final double tolerance;

        private Layout(Table table, String kind, boolean stepped, double interval, double preStep, double step1,
                       double step2) {
            this.table = table;
            this.kind = kind;
            this.stepped = stepped;
            this.interval = interval;
            this.preStep = preStep;
            this.step1 = step1;
            this.step2 = step2;
            // A row's T can be off its nominal time by a little (Gamry writes 90.0001 for 90 s): a quarter of the
            // sample period tells a step's last row from the next step's first without moving either.
            this.tolerance = Double.isNaN(interval) ? 1e-9 : interval / 4;
        }

        static Layout whole(Table table, String kind, double interval) {
            return new Layout(table, kind, false, interval, 0, 0, 0);
        }

        static Layout stepped(Table table, String kind) throws ImportException {
            Reading reading = table.reading;
            double step1 = reading.quantity("TSTEP1");
            if (Double.isNaN(step1)) {
                throw new ImportException(table.file, table.at, "Gamry " + reading.tag + ": table " + table.name
                        + " comes without the header's TSTEP1, so its steps cannot be told apart; norrlab reads only"
                        + " complete CHRONOA/CHRONOP headers");
            }
            double preStep = reading.quantity("TPRESTEP");
            double step2 = reading.quantity("TSTEP2");
            return new Layout(table, kind, true, reading.quantity("SAMPLETIME"), Double.isNaN(preStep) ? 0 : preStep, step1,
                    Double.isNaN(step2) ? 0 : step2);
        }

        /** The segment a row of time t belongs to: 0 pre-step, 1 step 1, 2 step 2 (always 1 for a whole table). */
        int segment(double t, int line) throws ImportException {
            if (!stepped) {
                return 1;
            }
            if (t <= tolerance && preStep > 0) {
                return 0;
            }
            if (t <= step1 + tolerance) {
                return 1;
            }
            if (step2 > 0) {
                return 2;
            }
            throw new ImportException(table.file, line, "Gamry " + table.reading.tag + ": table " + table.name + ": T "
                    + VendorText.asWritten(t) + " s is after step 1 ends (TSTEP1 " + VendorText.asWritten(step1) + " s) but TSTEP2 is 0");
        }

        /** The file time a segment began at: its first sample for a whole table; the header's step times otherwise. */
        double start(int segment, double firstT) {
            if (!stepped) {
                return firstT;
            }
            return segment == 0 ? -preStep : segment == 1 ? 0 : step1;
        }

        StepFacts step(int segment, double firstT) throws ImportException {
            if (!stepped) {
                return new StepFacts(kind, table.name + " (from file time " + VendorText.asWritten(firstT) + " s)",
                        Optional.empty(), interval);
            }
            String which = STEP_NAMES[segment];
            String set = kind.equals("ca") ? "V" + which : "I" + which;
            String label = table.name + (segment == 0 ? " pre-step" : " step " + segment) + " (" + set + ", from T = "
                    + VendorText.asWritten(start(segment, firstT)) + " s)";
            Optional<Potential> potential = kind.equals("ca") ? table.reading.setPotential(set) : Optional.empty();
            return new StepFacts(kind, label, potential, interval);
        }
    }

    /**
     * The ZCURVE table of a potentiostatic EIS (EISPOT) file, an eis step: columns Pt, Time, Freq, Zreal, Zimag, Zsig,
     * Zmod, Zphz, Idc, Vdc, IERange. Gamry's help for the EIS data curve (help.gamry.com, "The EIS Data Curve") says of
     * Zreal, Zimag, Zmod and Zphz "For a capacitor, Zimag and Zphz are negative": Zimag is Z'' as measured, read as it
     * is (as impedance.py's readGamry reads this very file), and every row's Zphz is checked against atan2(Zimag, Zreal).
     * Time is seconds since the curve's acquisition began (the same help page); Vdc (V vs Ref.) and Idc (A) are the
     * DC level measured during each point. The step's DC potential is VDC (vs open circuit with the file's EOC, as every
     * Gamry set potential), its amplitude VAC where the header gives it in mV rms.
     */
    private static final class GamrySpectrum {
        private static final List<String> NEEDED = List.of("Time", "Freq", "Zreal", "Zimag", "Zphz");
        private final Reading reading;
        private final String name;
        private final int time;
        private final int frequency;
        private final int real;
        private final int imaginary;
        private final int phase;
        private final int dcCurrent;
        private final int dcPotential;
        private boolean begun;

        GamrySpectrum(Reading reading, String name, String[] columns, int line) throws ImportException {
            this.reading = reading;
            this.name = name;
            List<String> names = Arrays.stream(columns).map(String::trim).toList();
            for (String needed : NEEDED) {
                if (!names.contains(needed)) {
                    throw new ImportException(reading.file, line, "Gamry " + reading.tag + ": table " + name + " lacks the"
                            + " column " + needed + " (found: " + String.join(", ", names) + "); norrlab reads a ZCURVE"
                            + " with " + String.join(", ", NEEDED));
                }
            }
            time = names.indexOf("Time");
            frequency = names.indexOf("Freq");
            real = names.indexOf("Zreal");
            imaginary = names.indexOf("Zimag");
            phase = names.indexOf("Zphz");
            dcCurrent = names.indexOf("Idc");
            dcPotential = names.indexOf("Vdc");
        }

        void row(String[] cells, int line) throws ImportException {
            Path file = reading.file;
            if (!begun) {
                begun = true;
                reading.sink.beginStep(SpectrumRows.step(name + " (EISPOT)", reading.setPotential("VDC"), Double.NaN,
                        amplitude(), reading.quantity("FREQINIT"), reading.quantity("FREQFINAL"), 0));
                reading.steps++;
            }
            double re = VendorText.parse(cells[real], file, line, "Zreal");
            double im = VendorText.parse(cells[imaginary], file, line, "Zimag");
            double zphz = VendorText.parse(cells[phase], file, line, "Zphz");
            String format = "Gamry " + reading.tag;
            SpectrumRows.checkPhase(file, line, format, "table " + name + ", line " + line, re, im, zphz,
                    "Zreal " + cells[real].trim() + ", Zimag " + cells[imaginary].trim() + ", Zphz " + cells[phase].trim());
            double volts = dcPotential < 0 ? Double.NaN : VendorText.parse(cells[dcPotential], file, line, "Vdc");
            double amperes = dcCurrent < 0 ? Double.NaN : VendorText.parse(cells[dcCurrent], file, line, "Idc");
            reading.sink.impedance(SpectrumRows.point(file, line, format, VendorText.parse(cells[time], file, line, "Time"),
                    VendorText.parse(cells[frequency], file, line, "Freq"), re, im, volts, amperes));
        }

        /** VAC in V rms where the header gives it in mV rms; NaN with a note where it does not. */
        private double amplitude() throws ImportException {
            Parameter vac = reading.parameters.get("VAC");
            if (vac != null && vac.text().contains("(mV rms)")) {
                return VendorText.parse(vac.value(), reading.file, vac.line(), "VAC") / 1000;
            }
            reading.notes.add(reading.file.getFileName() + (vac == null ? ": the file states no VAC"
                    : ":" + vac.line() + ": VAC is not given in mV rms ('" + vac.text() + "')")
                    + ": the spectrum's amplitude is left unknown");
            return Double.NaN;
        }

        void end(int rows) throws ImportException {
            if (begun) {
                reading.sink.endStep();
            }
            Parameter perDecade = reading.parameters.get("PTSPERDEC");
            reading.notes.add(reading.file.getFileName() + ": table " + name + ": " + rows + " frequencies, Zimag as"
                    + " Gamry writes it (Z'' as measured, negative for a capacitor) and every row's Zphz agreeing with"
                    + " atan2(Zimag, Zreal) within " + SpectrumRows.PHASE_TOLERANCE_DEGREES + "°"
                    + (perDecade == null ? "" : "; the header asks for " + perDecade.value() + " points per decade"));
        }
    }
}
