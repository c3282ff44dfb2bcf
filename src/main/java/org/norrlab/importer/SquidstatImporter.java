package org.norrlab.importer;

import org.norrlab.config.Potential;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Admiral Instruments Squidstat User Interface CSV exports, as SOURCES.md's squidstat notes describe them: one header
 * line of exactly nine columns (quoted or not; the '²' a Latin-1 byte, or UTF-8 after Excel), then rows whose
 * {@code Step number} ({@code 1_1}, {@code 2_1}) and {@code Step name} ({@code Constant Potential} → ca,
 * {@code Cyclic Voltammetry} → cv) say which step they belong to. Current is in mA; {@code Elapsed Time (s)} counts
 * from the experiment's start, so each step begins at its first sample. The electrode area and each step's
 * potential are not in the CSV but in {@code Experiment settings and notes.txt} beside it, read when present.
 * The file is read twice a line at a time: once to check every row and learn its steps, once to hand them on.
 */
public final class SquidstatImporter implements Importer {
    static final List<String> COLUMNS = List.of("Step number", "Step name", "Elapsed Time (s)", "Working Electrode (V)",
            "Working Electrode vs. NHE (V)", "Current (mA)", "Current Density (mA/cm²)", "Cumulative Charge (mAh)",
            "Counter Electrode (V)");
    static final String SETTINGS = "Experiment settings and notes.txt";
    private static final int STEP = 0;
    private static final int NAME = 1;
    private static final int TIME = 2;
    private static final int WORKING = 3;
    private static final int CURRENT = 5;
    private static final Map<String, String> KINDS = Map.of("Constant Potential", "ca", "Cyclic Voltammetry", "cv");
    private static final Pattern STEP_NUMBER = Pattern.compile("(\\d+)_(\\d+)");

    @Override
    public String format() {
        return "squidstat";
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return HeadLine.of(head).replace("\"", "").startsWith("Step number,Step name,Elapsed Time (s),");
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        List<Run> runs = new ArrayList<>();
        int cutLine = survey(file, runs);
        Path settingsFile = file.resolveSibling(SETTINGS);
        Optional<Settings> settings = Files.isRegularFile(settingsFile) ? Optional.of(Settings.read(settingsFile))
                : Optional.empty();
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(r -> names.add(r.name));
        Map<String, String> metadata = new LinkedHashMap<>();
        settings.flatMap(s -> s.software).ifPresent(v -> metadata.put("software", v));
        metadata.put("steps", String.join(", ", runs.stream().map(r -> r.number + " " + r.name).toList()));
        StatedCell cell = settings.flatMap(s -> s.area).map(a -> StatedCell.area(a.value(), a.source()))
                .orElse(StatedCell.NONE);
        sink.file(new FileFacts(format(), String.join(", ", names), new InstrumentIdentity("imported", "squidstat",
                "Admiral Instruments Squidstat", settings.flatMap(s -> s.software).orElse("unknown"), "unknown"),
                metadata, cell));
        if (settings.isPresent()) {
            for (String note : settings.get().notes) {
                sink.note(note);
            }
        } else {
            sink.note("no '" + SETTINGS + "' beside the file: the electrode area and the set potential of each CA step"
                    + " are not known (give --area)");
        }
        List<Optional<Potential>> potentials = new ArrayList<>();
        for (Run run : runs) {
            potentials.add(run.kind().equals("ca") && settings.isPresent() ? settings.get().potentialOf(run, sink)
                    : Optional.empty());
        }
        try (TextLines lines = TextLines.open(file)) {
            lines.next();
            int index = -1;
            Run run = null;
            int left = 0;
            double first = 0;
            while (true) {
                if (left == 0) {
                    if (run != null) {
                        sink.endStep();
                    }
                    if (++index == runs.size()) {
                        break;
                    }
                    run = runs.get(index);
                    left = run.rows;
                    first = run.firstTime;
                    sink.beginStep(new StepFacts(run.kind(), run.number + " " + run.name + " (Elapsed Time from "
                            + first + " s of the experiment)", potentials.get(index), Double.NaN));
                }
                String line = lines.next();
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = cells(file, lines.lineNumber(), line);
                sink.sample(new Sample(number(file, lines.lineNumber(), cells, TIME) - first,
                        number(file, lines.lineNumber(), cells, WORKING),
                        amperes(number(file, lines.lineNumber(), cells, CURRENT)), Double.NaN, 0));
                left--;
            }
        }
        if (cutLine > 0) {
            sink.note("the last row (line " + cutLine + ") is cut short (truncated file?): "
                    + runs.stream().mapToInt(r -> r.rows).sum() + " complete rows kept");
        }
    }

    /** Pass one: the header checked, every row checked, the steps as they follow one another; the cut line or 0. */
    private static int survey(Path file, List<Run> runs) throws ImportException {
        try (TextLines lines = TextLines.open(file)) {
            header(file, lines.next());
            String line = lines.next();
            Run run = null;
            double last = 0;
            while (line != null) {
                int number = lines.lineNumber();
                String following = lines.next();
                if (!line.isBlank()) {
                    String[] cells;
                    double time;
                    try {
                        cells = cells(file, number, line);
                        time = number(file, number, cells, TIME);
                        number(file, number, cells, WORKING);
                        number(file, number, cells, CURRENT);
                    } catch (ImportException e) {
                        if (following == null && !lines.lastLineEnded()) {
                            if (runs.isEmpty()) {
                                throw e;
                            }
                            return number;
                        }
                        throw e;
                    }
                    if (run == null || !run.number.equals(cells[STEP]) || !run.name.equals(cells[NAME])) {
                        run = new Run(cells[STEP], cells[NAME], time);
                        runs.add(run);
                    } else if (time < last) {
                        throw new ImportException(file, number, "column 'Elapsed Time (s)': " + time + " s comes after "
                                + last + " s within step " + run.number + "; time must not run backwards");
                    }
                    last = time;
                    run.rows++;
                }
                line = following;
            }
        }
        if (runs.isEmpty()) {
            throw new ImportException(file, 2, "Squidstat CSV with no data rows after its header");
        }
        return 0;
    }

    private static void header(Path file, String header) throws ImportException {
        List<String> found = new ArrayList<>();
        for (String name : (header == null ? "" : header).split(",", -1)) {
            String n = name.strip();
            found.add(n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"") ? n.substring(1, n.length() - 1) : n);
        }
        if (!found.equals(COLUMNS)) {
            throw new ImportException(file, 1, "Squidstat CSV header: found " + String.join(", ", found)
                    + "; norrlab reads exactly these 9 columns, quoted or not: " + String.join(", ", COLUMNS));
        }
    }

    private static String[] cells(Path file, int line, String text) throws ImportException {
        String[] cells = text.split(",", -1);
        if (cells.length != COLUMNS.size()) {
            throw new ImportException(file, line, "has " + cells.length + " cells where the header names "
                    + COLUMNS.size() + " columns");
        }
        cells[STEP] = cells[STEP].strip();
        cells[NAME] = cells[NAME].strip();
        if (!STEP_NUMBER.matcher(cells[STEP]).matches()) {
            throw new ImportException(file, line, "column 'Step number': '" + cells[STEP] + "' is not a step number"
                    + " such as 1_1 or 2_1");
        }
        if (!KINDS.containsKey(cells[NAME])) {
            throw new ImportException(file, line, "column 'Step name': Squidstat \"" + cells[NAME] + "\" is not a step"
                    + " norrlab reads; accepted: Constant Potential (ca), Cyclic Voltammetry (cv)");
        }
        return cells;
    }

    /** mA to A by moving the decimal point, so 6.09E-05 mA is the double nearest 6.09E-08 A (÷ 1000 is 1 ulp off). */
    private static double amperes(double milliamperes) {
        return VendorText.movePointLeft(milliamperes, 3);
    }

    private static double number(Path file, int line, String[] cells, int column) throws ImportException {
        return VendorText.parse(cells[column], file, line, COLUMNS.get(column));
    }

    /** One step's rows as they follow one another in the file. */
    private static final class Run {
        final String number;
        final String name;
        final double firstTime;
        int rows;

        Run(String number, String name, double firstTime) {
            this.number = number;
            this.name = name;
            this.firstTime = firstTime;
        }

        String kind() {
            return KINDS.get(name);
        }

        int stepIndex() {
            Matcher m = STEP_NUMBER.matcher(number);
            return m.matches() ? Integer.parseInt(m.group(1)) : -1;
        }
    }

    /**
     * What {@code Experiment settings and notes.txt} states: the software, the electrode area, and each
     * {@code Step n)} block's title and {@code Potential:} line.
     */
    private static final class Settings {
        private static final Pattern STEP_BLOCK = Pattern.compile("Step (\\d+)\\)\\s*(.*)");
        private static final Pattern VS_REFERENCE = Pattern.compile(
                "Potential:\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*V,\\s*with respect to reference");
        private static final String AREA = "Working Electrode Area (cm2):";

        Optional<String> software = Optional.empty();
        Optional<StatedCell.Stated<Double>> area = Optional.empty();
        final List<String> notes = new ArrayList<>();
        final Map<Integer, Block> blocks = new LinkedHashMap<>();

        private record Block(String title, List<Line> potentials) {
        }

        /** A line's text and where it stands, for notes and sources. */
        private record Line(String text, String where) {
        }

        static Settings read(Path file) throws ImportException {
            Settings settings = new Settings();
            String name = file.getFileName().toString();
            Block block = null;
            boolean areaLine = false;
            try (TextLines lines = TextLines.open(file)) {
                String line;
                while ((line = lines.next()) != null) {
                    String text = line.strip();
                    String where = "'" + text + "' (" + name + " line " + lines.lineNumber() + ")";
                    Matcher step = STEP_BLOCK.matcher(text);
                    if (text.startsWith("Software Version:")) {
                        settings.software = Optional.of(text.substring("Software Version:".length()).strip());
                    } else if (text.startsWith(AREA) && !areaLine) {
                        areaLine = true;
                        String value = text.substring(AREA.length()).strip();
                        if (value.isEmpty()) {
                            settings.notes.add("the settings file states no electrode area (" + where + " is empty)");
                        } else {
                            double cm2 = VendorText.parse(value, file, lines.lineNumber(), "Working Electrode Area (cm2)");
                            if (cm2 > 0) {
                                settings.area = Optional.of(new StatedCell.Stated<>(cm2, "file: " + where));
                            } else {
                                settings.notes.add("the settings file's electrode area " + where + " is not an area;"
                                        + " not used");
                            }
                        }
                    } else if (step.matches()) {
                        block = new Block(step.group(2), new ArrayList<>());
                        settings.blocks.put(Integer.parseInt(step.group(1)), block);
                    } else if (text.startsWith("Potential:") && block != null) {
                        block.potentials.add(new Line(text, where));
                    }
                }
            }
            return settings;
        }

        /** A CA step's set potential vs RE, when its block states one with respect to the reference; else a note. */
        Optional<Potential> potentialOf(Run run, ImportSink sink) throws ImportException {
            Block block = blocks.get(run.stepIndex());
            String step = "step " + run.number + " (" + run.name + ")";
            String none = ": the files do not state the set potential";
            if (block == null) {
                sink.note(step + ": the settings file has no 'Step " + run.stepIndex() + ")' block" + none);
                return Optional.empty();
            }
            if (!block.title.toLowerCase(Locale.ROOT).contains("constant potential")) {
                sink.note(step + ": the settings file's 'Step " + run.stepIndex() + ") " + block.title + "' is not a"
                        + " constant-potential step (settings of another experiment?)" + none);
                return Optional.empty();
            }
            if (block.potentials.size() != 1) {
                sink.note(step + ": the settings file's 'Step " + run.stepIndex() + ")' block states "
                        + block.potentials.size() + " 'Potential:' lines" + none);
                return Optional.empty();
            }
            Line stated = block.potentials.get(0);
            Matcher m = VS_REFERENCE.matcher(stated.text());
            if (!m.matches()) {
                sink.note(step + ": " + stated.where() + " is not stated with respect to the reference electrode and the value it"
                        + " is relative to is not in the files" + none);
                return Optional.empty();
            }
            Potential set = new Potential(Double.parseDouble(m.group(1)), Potential.Scale.RE);
            sink.note(step + ": set potential " + set + " from " + stated.where());
            return Optional.of(set);
        }
    }
}
