package org.norrlab.importer;

import org.norrlab.config.Potential;
import org.norrlab.core.Gas;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleEntry;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.StepSettings;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;
import org.norrlab.store.CellSourceLines;
import org.norrlab.store.ImpedanceExportLines;
import org.norrlab.store.SampleExportLines;
import org.norrlab.store.StepSettingsJson;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.StoredResistance;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * norrlab's own CSV export, read back: its commented header restores the cell and the steps exactly (the round trip
 * of {@code export} and {@code import}); its rows are read one at a time, step after step, as the export wrote them.
 */
final class NorrlabCsv {
    static final String FIRST_LINE = "# norrlab session export";
    private static final String COLUMNS = "step,seq,t_s,E_V_vs_RE,I_A,range_A,flags,cycle,segment";
    /**
     * The column row of a session with an R_u (schema 14): the iR-corrected potential beside the measured one. It is
     * derived (from the R_u lines of the header, which are imported), so it is not read.
     */
    private static final String COLUMNS_WITH_IR = "step,seq,t_s,E_V_vs_RE,E_iR_V_vs_RE,I_A,range_A,flags,cycle,segment";
    /** The column row of exports written before schema 13: no sweep cycle or segment. */
    private static final String COLUMNS_BEFORE_SWEEPS = "step,seq,t_s,E_V_vs_RE,I_A,range_A,flags";
    private static final Pattern STEP = Pattern.compile(
            "^# step (\\d{1,9}): (\\w+), (.*), set (\\S*) V vs RHE = (\\S*) V vs RE, interval (\\S*) s, (\\d{1,18}) samples, (.+)$");
    /** What SessionExporter.contextText appends to a step line: its repeat cycle, then its electrolyte batch. */
    private static final Pattern CONTEXT = Pattern.compile(
            "; cycle (\\d{1,9}) of (\\d{1,9}) of repeat block '(.*?)'(?:; electrolyte batch (\\d{1,9}))?$|; electrolyte batch (\\d{1,9})$");
    /** What SessionExporter.sweepText appends after that: the step's gas, then its settings as the store's JSON. */
    private static final Pattern SETTINGS = Pattern.compile("; settings (\\{[^{}]*})$");
    private static final Pattern GAS = Pattern.compile("; gas (\\S+)$");
    private static final Pattern ALIQUOT = Pattern.compile("# aliquot: after step (\\d+), (\\S+) mL, (replaced|not replaced),"
            + " taken by (operator|autosampler), at (\\S+?)(?:; (.*))?");
    private static final Pattern REFERENCE = Pattern.compile("# reference electrode: (.*), E = (\\S+) V vs SHE \\((.*)\\)");
    private static final Pattern CELL = Pattern.compile("# pH: (\\S+); temperature: (\\S+) C; electrode area: (\\S+) cm2;"
            + " catalyst loading: (\\S+) mg/cm2; electrolyte volume: (\\S+) mL");

    private static final String[] CELL_FIELDS = {"pH", "temperature", "electrode area", "catalyst loading",
            "electrolyte volume"};

    /** A step as the header lists it, with the number of samples the export wrote for it. */
    private record Declared(int index, StepFacts facts, long samples) {
    }

    private final Path file;
    private final ImportSink sink;
    private final List<Declared> steps;
    /** The spectrum sections of the header, by step: each is handed on when its step begins. */
    private final Map<Integer, List<ImpedancePoint>> spectra;
    /** Whether the rows have the derived E_iR_V_vs_RE column (5th), which is skipped. */
    private final boolean irColumn;
    private int next;
    private Declared current;
    private StreamedStep open;
    /** 9 since schema 13 (cycle, segment), 7 before. */
    private final int width;

    private NorrlabCsv(Path file, ImportSink sink, List<Declared> steps, Map<Integer, List<ImpedancePoint>> spectra,
                       String columns) {
        this.file = file;
        this.sink = sink;
        this.steps = steps;
        this.spectra = spectra;
        this.irColumn = columns.equals(COLUMNS_WITH_IR);
        this.width = columns.equals(COLUMNS_BEFORE_SWEEPS) ? 7 : 9;
    }

    /** Reads the file after its first line, which {@code lines} has just returned. */
    static void read(Path file, TextLines lines, ImportSink sink) throws ImportException {
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Declared> steps = new ArrayList<>();
        ReferenceElectrode electrode = null;
        double[] cell = null;
        String columns = null;
        List<StoredAliquot> aliquots = new ArrayList<>();
        boolean accumulated = false;
        SampleEntry sample = SampleEntry.NONE;
        String assayNote = null;
        List<StoredResistance> resistances = new ArrayList<>();
        Map<Integer, List<ImpedancePoint>> spectra = new LinkedHashMap<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.equals(ImpedanceExportLines.CSV_COLUMNS)) {
                spectrum(file, lines, spectra);
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("#")) {
                columns = line;
                break;
            }
            Matcher step = STEP.matcher(line);
            Matcher reference = REFERENCE.matcher(line);
            Matcher values = CELL.matcher(line);
            int number = lines.lineNumber();
            if (step.matches()) {
                StringBuilder rest = new StringBuilder(step.group(8));
                StepSettings stepSettings = settings(rest, file, number);
                Optional<Gas> gas = gas(rest, file, number);
                steps.add(new Declared(Integer.parseInt(step.group(1)), new StepFacts(step.group(2), step.group(3),
                        step.group(5).isEmpty() ? Optional.empty() : Optional.of(new Potential(
                                VendorText.parse(step.group(5), file, number, "V vs RE"), Potential.Scale.RE)),
                        step.group(6).isEmpty() ? Double.NaN : VendorText.parse(step.group(6), file, number, "interval"),
                        context(rest.toString()).withGas(gas), stepSettings)
                        .withStatedVsRhe(step.group(4).isEmpty() ? Double.NaN
                                : VendorText.parse(step.group(4), file, number, "V vs RHE")),
                        Long.parseLong(step.group(7))));
            } else if (reference.matches()) {
                electrode = new ReferenceElectrode(reference.group(1), VendorText.parse(reference.group(2), file, number,
                        "reference electrode E"), reference.group(3));
            } else if (values.matches()) {
                cell = new double[5];
                for (int i = 0; i < cell.length; i++) {
                    cell[i] = VendorText.parse(values.group(i + 1), file, number, CELL_FIELDS[i]);
                }
            } else if (line.startsWith("# aliquot: ")) {
                Matcher aliquot = ALIQUOT.matcher(line);
                try {
                    if (!aliquot.matches()) {
                        throw new IllegalArgumentException("expected '# aliquot: after step N, V mL, replaced|not replaced,"
                                + " taken by operator|autosampler, at TIME[; note]'");
                    }
                    aliquots.add(StoredAliquot.written(Integer.parseInt(aliquot.group(1)),
                            VendorText.parse(aliquot.group(2), file, number, "aliquot volume"),
                            aliquot.group(3).equals("replaced"), aliquot.group(4), Instant.parse(aliquot.group(5)),
                            aliquot.group(6) == null ? "" : aliquot.group(6)));
                } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                    throw new ImportException(file, number, "an aliquot line of the header: " + e.getMessage());
                }
            } else if (line.startsWith(ImpedanceExportLines.CSV_RESISTANCE)) {
                try {
                    resistances.add(ImpedanceExportLines.readCsvResistance(line));
                } catch (IllegalArgumentException e) {
                    throw new ImportException(file, number, "an R_u line of the header: " + e.getMessage());
                }
            } else if (line.startsWith("# assays: ")) {
                // the CSV carries no assays: the imported session would analyse without FE, so say where they are
                assayNote = file.getFileName() + ":" + number + ": " + line.substring("# assays: ".length())
                        + "; this import has none (import the JSON Lines export to keep them)";
            } else if (SampleExportLines.read(line, SampleEntry.NONE).isPresent()) {
                try {
                    sample = SampleExportLines.read(line, sample).orElseThrow();
                } catch (IllegalArgumentException e) {
                    throw new ImportException(file, number, "a sample line of the header: " + e.getMessage());
                }
            } else if (line.startsWith(CellSourceLines.CSV)) {
                // what the exporting store's import had recorded: kept with this import's own sources
                metadata.put(CellSourceLines.EXPORTED, line.substring(CellSourceLines.CSV.length()));
            } else if (line.equals("# electrolyte: accumulate")) {
                accumulated = true;
            } else if (line.startsWith("# protocol: ") || line.startsWith("# instrument: ") || line.startsWith("# session: ")) {
                metadata.put(line.substring(2, line.indexOf(':')), line.substring(line.indexOf(':') + 2));
            }
        }
        if (columns == null || electrode == null || cell == null) {
            throw new ImportException(file, lines.lineNumber(), "a norrlab export must keep its commented header (reference"
                    + " electrode, pH, steps) and its column row; this one is incomplete");
        }
        if (!columns.equals(COLUMNS) && !columns.equals(COLUMNS_WITH_IR) && !columns.equals(COLUMNS_BEFORE_SWEEPS)) {
            throw new ImportException(file, lines.lineNumber(), "expected the column row '" + COLUMNS + "' of a norrlab"
                    + " export (or '" + COLUMNS_WITH_IR + "' of one with an R_u, or '" + COLUMNS_BEFORE_SWEEPS
                    + "' of one written before sweeps); found: " + columns);
        }
        for (int step : spectra.keySet()) {
            if (steps.stream().noneMatch(d -> d.index() == step)) {
                throw new ImportException(file, 0, "a spectrum section is of step " + step + ", which no '# step' line of"
                        + " the header lists");
            }
        }
        CellSettings settings;
        try {
            settings = new CellSettings(electrode, cell[0], cell[1], cell[2], cell[3], cell[4]);
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, 0, "the header's cell: " + e.getMessage());
        }
        if (accumulated) {
            metadata.put(FileFacts.ELECTROLYTE, "accumulate");
        }
        sink.file(new FileFacts("norrlab-csv", protocolName(metadata.getOrDefault("protocol", "norrlab export")),
                instrument(metadata.getOrDefault("instrument", "?")), metadata,
                StatedCell.all(settings, CellSourceLines.EXPORT_HEADER), sample));
        for (StoredAliquot aliquot : aliquots) {
            sink.aliquot(aliquot);
        }
        for (StoredResistance row : resistances) {
            sink.resistance(row.resistance(), row.uid());
        }
        if (assayNote != null) {
            sink.note(assayNote);
        }
        new NorrlabCsv(file, sink, steps, spectra, columns).rows(lines);
    }

    /**
     * A spectrum section, after its column row: one row per frequency up to the blank line that ends it, kept by step
     * (a spectrum is a few dozen rows) until the step begins.
     */
    private static void spectrum(Path file, TextLines lines, Map<Integer, List<ImpedancePoint>> spectra)
            throws ImportException {
        for (String text = lines.next(); text != null && !text.isEmpty(); text = lines.next()) {
            int line = lines.lineNumber();
            String[] c = VendorText.cells(text, ',');
            try {
                int step = Integer.parseInt(c[0]);
                spectra.computeIfAbsent(step, s -> new ArrayList<>()).add(ImpedanceExportLines.readCsvRow(c));
            } catch (IllegalArgumentException e) {
                throw new ImportException(file, line, "a row of a spectrum section (" + ImpedanceExportLines.CSV_COLUMNS
                        + ", ended by a blank line): " + e.getMessage());
            }
        }
    }

    private void rows(TextLines lines) throws ImportException {
        long rows = 0;
        for (String text = lines.next(); text != null; text = lines.next()) {
            if (text.isBlank()) {
                continue;
            }
            int line = lines.lineNumber();
            boolean ended = lines.lastLineEnded();
            String[] c = VendorText.cells(text, ',');
            if (irColumn && c.length >= 5) {
                c = withoutIrColumn(c);
            }
            boolean cutShort = c.length < width || c.length == width && !ended && !VendorText.isNumber(c[width - 1])
                    && !(width == 9 && c[8].isEmpty() && c[7].isEmpty());
            if (cutShort && VendorText.restIsBlank(lines)) {
                sink.note(VendorText.cutShortNote(file, line, rows));
                break;
            }
            if (c.length != width) {
                throw new ImportException(file, line, "has " + c.length + " cells; a norrlab export row has " + width + " ("
                        + (width == 9 ? COLUMNS : COLUMNS_BEFORE_SWEEPS) + ")");
            }
            int step = (int) VendorText.parse(c[0], file, line, "step");
            double current = c[4].isEmpty() ? Double.NaN : VendorText.parse(c[4], file, line, "I_A");
            double range = c[5].isEmpty() ? Double.NaN : VendorText.parse(c[5], file, line, "range_A");
            int flags = (int) VendorText.parse(c[6], file, line, "flags");
            double t = VendorText.parse(c[2], file, line, "t_s");
            double volts = c[3].isEmpty() ? Double.NaN : VendorText.parse(c[3], file, line, "E_V_vs_RE");
            Sample sample = VendorText.sample(file, line, t, volts, current, range,
                    Double.isNaN(current) ? flags | SampleFlag.NO_CURRENT.bit() : flags);
            if (width == 9 && !(c[7].isEmpty() && c[8].isEmpty())) {
                sample = inSweep(sample, c, line);
            }
            stepFor(step, line).sample(sample);
            rows++;
        }
        end();
        while (next < steps.size()) {
            begin(steps.get(next++));
            end();
        }
    }

    /** A row without its 5th cell, the derived E_iR_V_vs_RE. */
    private static String[] withoutIrColumn(String[] c) {
        String[] kept = new String[c.length - 1];
        System.arraycopy(c, 0, kept, 0, 4);
        System.arraycopy(c, 5, kept, 4, c.length - 5);
        return kept;
    }

    /** The sample placed in the sweep scan and segment its row's last two cells give. */
    private Sample inSweep(Sample sample, String[] c, int line) throws ImportException {
        int cycle = (int) VendorText.parse(c[7], file, line, "cycle");
        int segment = (int) VendorText.parse(c[8], file, line, "segment");
        try {
            return sample.inSweep(cycle, segment);
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, line, "columns 'cycle' and 'segment': " + e.getMessage());
        }
    }

    /** Takes the "; settings {...}" SessionExporter.sweepText ends a step line with off {@code rest}; NONE without. */
    private static StepSettings settings(StringBuilder rest, Path file, int line) throws ImportException {
        Matcher m = SETTINGS.matcher(rest);
        if (!m.find()) {
            return StepSettings.NONE;
        }
        String json = m.group(1);
        rest.setLength(m.start());
        try {
            return StepSettingsJson.read(json);
        } catch (StoreException e) {
            throw new ImportException(file, line, "the step's settings: " + e.getMessage());
        }
    }

    /** Takes the "; gas NO" before the settings off {@code rest}; empty where the export states no gas. */
    private static Optional<Gas> gas(StringBuilder rest, Path file, int line) throws ImportException {
        Matcher m = GAS.matcher(rest);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1);
        rest.setLength(m.start());
        Optional<Gas> gas = Gas.named(name);
        if (gas.isEmpty()) {
            throw new ImportException(file, line, "the step's gas '" + name + "' is not one norrlab knows ("
                    + Gas.allowed() + ")");
        }
        return gas;
    }

    /** The cycle and batch at the end of a step line; NONE for exports written before they were stored. */
    private static StepFacts.Context context(String rest) {
        Matcher m = CONTEXT.matcher(rest);
        if (!m.find()) {
            return StepFacts.Context.NONE;
        }
        if (m.group(1) == null) {
            return new StepFacts.Context("", 0, 0, Integer.parseInt(m.group(5)));
        }
        return new StepFacts.Context(m.group(3), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
    }

    /** The step a row belongs to: the export writes steps in the header's order, so a row never goes back. */
    private StreamedStep stepFor(int index, int line) throws ImportException {
        if (current != null && current.index() == index) {
            return open;
        }
        int at = next;
        while (at < steps.size() && steps.get(at).index() != index) {
            at++;
        }
        if (at == steps.size()) {
            throw new ImportException(file, line, "column 'step': step " + index + (current == null ? "" : " after step "
                    + current.index()) + " is not among the header's '# step' lines that follow; an export lists every"
                    + " step and writes their rows in that order");
        }
        end();
        while (next < at) {
            begin(steps.get(next++));
            end();
        }
        begin(steps.get(next++));
        return open;
    }

    private void begin(Declared step) throws ImportException {
        current = step;
        List<ImpedancePoint> spectrum = spectra.getOrDefault(step.index(), List.of());
        // a step with a spectrum begins on the sink at once, so its points go in: it has no samples to give an interval
        StepFacts facts = !spectrum.isEmpty() && Double.isNaN(step.facts().intervalSeconds())
                ? step.facts().withInterval(0) : step.facts();
        open = StreamedStep.begin(sink, facts);
        for (ImpedancePoint point : spectrum) {
            sink.impedance(point);
        }
    }

    private void end() throws ImportException {
        if (open == null) {
            return;
        }
        open.end();
        if (open.count() != current.samples()) {
            sink.note(file.getFileName() + ": step " + current.index() + ": the header declares " + current.samples()
                    + " samples and the file holds " + open.count());
        }
        open = null;
    }

    /** The export's instrument line: {@code InstrumentIdentity.describe()}, "MODEL (firmware F, serial S, profile P)". */
    private static final Pattern INSTRUMENT = Pattern.compile("^(.*) \\(firmware (.*), serial (.*), profile (.*)\\)$");

    /**
     * The protocol's name from the export's "# protocol: NAME (FILE)" line: the file in the last brackets is where the
     * exporting store ran it from, which the import does not take over (the import's own file is the session's file).
     * Kept whole where the line has no such brackets (an export written by hand). Taking the name alone keeps it the
     * same through any number of round trips, which replicate analysis compares.
     */
    static String protocolName(String line) {
        if (!line.endsWith(")")) {
            return line;
        }
        int depth = 0;
        for (int i = line.length() - 1; i >= 0; i--) {
            char c = line.charAt(i);
            depth += c == ')' ? 1 : c == '(' ? -1 : 0;
            if (depth == 0) {
                return i > 1 && line.charAt(i - 1) == ' ' ? line.substring(0, i - 1) : line;
            }
        }
        return line;
    }

    /**
     * The instrument as the export's line describes it, model, firmware and serial number apart (as the JSON Lines
     * export gives them), so that a second export of the import does not wrap the first one's text again; the whole
     * line as the model where it is not in that form.
     */
    static InstrumentIdentity instrument(String line) {
        Matcher m = INSTRUMENT.matcher(line);
        return m.matches() ? new InstrumentIdentity(InstrumentIdentity.IMPORTED_PROFILE, "norrlab", m.group(1), m.group(2),
                m.group(3)) : new InstrumentIdentity(InstrumentIdentity.IMPORTED_PROFILE, "norrlab", line, "?", "?");
    }
}
