package org.norrlab.importer;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comma-separated data: norrlab's own CSV export (its commented header restores the cell and the
 * steps: the round trip of {@code export} and {@code import}), a generic CSV whose header names
 * time and current columns with units ("time (s)", "I/mA", "current [uA]"; optional potential and
 * step columns), and the Rodeostat's headerless "t, V, µA" data files.
 */
public final class DelimitedImporter implements Importer {
    /** Units for header columns that name none, given on the command line (--time-unit …); empty: required in the header. */
    public record DefaultUnits(Optional<String> time, Optional<String> current, Optional<String> potential) {
        public static final DefaultUnits NONE = new DefaultUnits(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private final DefaultUnits defaults;

    public DelimitedImporter() {
        this(DefaultUnits.NONE);
    }

    public DelimitedImporter(DefaultUnits defaults) {
        this.defaults = defaults;
    }

    private static final Pattern UNIT = Pattern.compile("^\\s*([A-Za-z_ <>]+?)\\s*(?:[/(\\[]\\s*([^)\\]]*?)\\s*[)\\]]?)?\\s*$");
    private static final Pattern NORRLAB_STEP = Pattern.compile(
            "^# step (\\d+): (\\w+), (.*), set (\\S*) V vs RHE = (\\S*) V vs RE, interval (\\S+) s, (\\d+) samples, (\\S+)$");

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".txt");
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        read(file).replayInto(sink);
    }

    @Override
    public ImportedSession read(Path file) throws ImportException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportException(file, 0, "cannot be read as UTF-8 text: " + e.getMessage());
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("# norrlab session export")) {
            return norrlab(file, lines);
        }
        int first = 0;
        while (first < lines.size() && (lines.get(first).isBlank() || lines.get(first).startsWith("#"))) {
            first++;
        }
        if (first >= lines.size()) {
            throw new ImportException(file, 1, "holds no data");
        }
        if (lines.get(first).startsWith("Date and time measurement:")) {
            return psTrace(file, lines, first);
        }
        String[] firstCells = lines.get(first).split(",", -1);
        if (firstCells.length == 3 && isNumber(firstCells[0]) && isNumber(firstCells[1]) && isNumber(firstCells[2])) {
            return rodeostat(file, lines, first);
        }
        return generic(file, lines, first);
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * PalmSens PSTrace CSV export: "Date and time measurement:,…", a title line with the technique,
     * a row of units only ("s,µA" or "V,µA"), then data. Layout from PalmSens' documentation; no real
     * file of this kind was at hand to test against.
     */
    private ImportedSession psTrace(Path file, List<String> lines, int first) throws ImportException {
        int units = first + 1;
        while (units < lines.size() && !lines.get(units).replace(" ", "").matches("(?i)(s|v),(µa|ua|a|ma|na)(,.*)?")) {
            units++;
        }
        if (units >= lines.size()) {
            throw new ImportException(file, first + 2, "expected a row of units such as 's,µA' after the PSTrace header");
        }
        String technique = units > first + 1 ? lines.get(units - 1).split(",")[0].trim() : "PSTrace";
        String[] unitCells = lines.get(units).replace(" ", "").split(",", -1);
        boolean timeAxis = unitCells[0].equalsIgnoreCase("s");
        double currentFactor = switch (unitCells[1]) {
            case "A" -> 1;
            case "mA" -> 1e-3;
            case "nA" -> 1e-9;
            default -> 1e-6;
        };
        List<Sample> samples = new ArrayList<>();
        for (int i = units + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                break;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length < 2) {
                throw new ImportException(file, i + 1, "expected two values (" + lines.get(units) + ")");
            }
            double x = VendorText.parse(cells[0], file, i + 1, unitCells[0]);
            double current = VendorText.parse(cells[1], file, i + 1, unitCells[1]) * currentFactor;
            samples.add(timeAxis ? new Sample(x, 0, current, Double.NaN, 0)
                    : new Sample(samples.size(), x, current, Double.NaN, 0));
        }
        List<String> warnings = new ArrayList<>();
        if (!timeAxis) {
            warnings.add(file.getFileName() + ": a potential scan without a time column; each sample's number stands for its time in s");
        }
        String kind = technique.toLowerCase(Locale.ROOT).contains("chronoamperometry") ? "ca" : "other";
        return new ImportedSession("pstrace-csv", technique, new InstrumentIdentity("imported", "palmsens", "PalmSens (PSTrace CSV)",
                "unknown", "unknown"), Map.of("measured", lines.get(first).substring(lines.get(first).indexOf(',') + 1).trim()),
                List.of(new ImportedSession.Step(kind, technique, Double.NaN, VendorText.medianInterval(samples), samples)), warnings,
                Optional.empty());
    }

    /** The Rodeostat Python library's saved data: t (s), v (V), i (µA) without a header. */
    private ImportedSession rodeostat(Path file, List<String> lines, int first) throws ImportException {
        List<Sample> samples = new ArrayList<>();
        for (int i = first; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != 3) {
                throw new ImportException(file, i + 1, "has " + cells.length + " columns; a Rodeostat data file has 3 (t, V, µA)");
            }
            samples.add(new Sample(VendorText.parse(cells[0], file, i + 1, "t"), VendorText.parse(cells[1], file, i + 1, "V"),
                    VendorText.parse(cells[2], file, i + 1, "µA") * 1e-6, Double.NaN, 0));
        }
        return new ImportedSession("rodeostat", "Rodeostat data", new InstrumentIdentity("imported", "rodeostat",
                "IO Rodeo Rodeostat", "unknown", "unknown"), Map.of("columns", "t (s), v (V), i (µA)"),
                List.of(new ImportedSession.Step("other", "Rodeostat test", Double.NaN, VendorText.medianInterval(samples), samples)),
                List.of(file.getFileName() + ": a headerless 3-column file read as the Rodeostat's t (s), v (V), i (µA)"),
                Optional.empty());
    }

    private ImportedSession generic(Path file, List<String> lines, int headerLine) throws ImportException {
        String[] header = lines.get(headerLine).split(",", -1);
        int time = -1;
        int current = -1;
        int potential = -1;
        int step = -1;
        double timeFactor = 1;
        double currentFactor = 1;
        double potentialFactor = 1;
        for (int c = 0; c < header.length; c++) {
            Matcher m = UNIT.matcher(header[c]);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1).trim().toLowerCase(Locale.ROOT);
            String unit = m.group(2) == null ? "" : m.group(2).trim();
            switch (name) {
                case "t", "time", "t_s", "elapsed time" -> {
                    time = c;
                    timeFactor = factor(file, headerLine, header[c], unit.isEmpty() ? defaults.time().orElse("") : unit,
                            Map.of("s", 1.0, "ms", 1e-3, "min", 60.0, "h", 3600.0));
                }
                case "i", "current", "<i>", "i_a" -> {
                    current = c;
                    currentFactor = factor(file, headerLine, header[c], unit.isEmpty() ? defaults.current().orElse("") : unit,
                            Map.of("A", 1.0, "mA", 1e-3, "uA", 1e-6, "µA", 1e-6, "nA", 1e-9));
                }
                case "e", "ewe", "potential", "v", "e_v", "e_v_vs_re" -> {
                    potential = c;
                    potentialFactor = factor(file, headerLine, header[c], unit.isEmpty() ? defaults.potential().orElse("") : unit,
                            Map.of("V", 1.0, "mV", 1e-3));
                }
                case "step" -> step = c;
                default -> {
                }
            }
        }
        if (time < 0 || current < 0) {
            throw new ImportException(file, headerLine + 1, "expected a header naming a time and a current column with"
                    + " units, e.g. 'time (s),current (mA)' or 't/s,I/A'; found: " + lines.get(headerLine));
        }
        Map<Integer, List<Sample>> byStep = new TreeMap<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank() || lines.get(i).startsWith("#")) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length < header.length) {
                throw new ImportException(file, i + 1, "has " + cells.length + " cells, the header has " + header.length);
            }
            int s = step < 0 ? 1 : (int) VendorText.parse(cells[step], file, i + 1, "step");
            double e = potential < 0 ? 0 : VendorText.parse(cells[potential], file, i + 1, header[potential]) * potentialFactor;
            byStep.computeIfAbsent(s, k -> new ArrayList<>()).add(new Sample(
                    VendorText.parse(cells[time], file, i + 1, header[time]) * timeFactor, e,
                    VendorText.parse(cells[current], file, i + 1, header[current]) * currentFactor, Double.NaN, 0));
        }
        List<ImportedSession.Step> steps = new ArrayList<>();
        byStep.forEach((index, samples) -> steps.add(new ImportedSession.Step("other", "step " + index, Double.NaN,
                VendorText.medianInterval(samples), samples)));
        if (steps.isEmpty()) {
            throw new ImportException(file, headerLine + 2, "has a header but no data rows");
        }
        return new ImportedSession(format(), "CSV", new InstrumentIdentity("imported", "csv", "unknown", "unknown", "unknown"),
                Map.of("columns", lines.get(headerLine)), steps, List.of(), Optional.empty());
    }

    private static double factor(Path file, int line, String column, String unit, Map<String, Double> units) throws ImportException {
        Double factor = units.get(unit);
        if (factor == null) {
            throw new ImportException(file, line + 1, "column '" + column.trim() + "': " + (unit.isEmpty() ? "no unit"
                    : "'" + unit + "' is not a unit here") + "; allowed: " + String.join(", ", units.keySet()));
        }
        return factor;
    }

    /** norrlab's own export: the commented header restores cell and steps exactly. */
    private ImportedSession norrlab(Path file, List<String> lines) throws ImportException {
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<Integer, String[]> stepHeaders = new TreeMap<>();
        String electrode = null;
        double e0 = Double.NaN;
        String source = "";
        double ph = Double.NaN;
        double temperature = 25;
        double area = Double.NaN;
        double loading = 0;
        double volume = Double.NaN;
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("#")) {
                header = i;
                break;
            }
            Matcher step = NORRLAB_STEP.matcher(line);
            if (step.matches()) {
                stepHeaders.put(Integer.parseInt(step.group(1)), new String[] {step.group(2), step.group(3), step.group(5),
                        step.group(6)});
            } else if (line.startsWith("# reference electrode: ")) {
                Matcher m = Pattern.compile("# reference electrode: (.*), E = (\\S+) V vs SHE \\((.*)\\)").matcher(line);
                if (m.matches()) {
                    electrode = m.group(1);
                    e0 = Double.parseDouble(m.group(2));
                    source = m.group(3);
                }
            } else if (line.startsWith("# pH: ")) {
                Matcher m = Pattern.compile("# pH: (\\S+); temperature: (\\S+) C; electrode area: (\\S+) cm2; catalyst loading: (\\S+)"
                        + " mg/cm2; electrolyte volume: (\\S+) mL").matcher(line);
                if (m.matches()) {
                    ph = Double.parseDouble(m.group(1));
                    temperature = Double.parseDouble(m.group(2));
                    area = Double.parseDouble(m.group(3));
                    loading = Double.parseDouble(m.group(4));
                    volume = Double.parseDouble(m.group(5));
                }
            } else if (line.startsWith("# protocol: ") || line.startsWith("# instrument: ") || line.startsWith("# session: ")) {
                metadata.put(line.substring(2, line.indexOf(':')), line.substring(line.indexOf(':') + 2));
            }
        }
        if (header < 0 || electrode == null || Double.isNaN(ph)) {
            throw new ImportException(file, header < 0 ? lines.size() : header + 1, "a norrlab export must keep its commented"
                    + " header (reference electrode, pH, steps) and its column row; this one is incomplete");
        }
        Map<Integer, List<Sample>> byStep = new TreeMap<>();
        for (int i = header + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] c = lines.get(i).split(",", -1);
            if (c.length != 7) {
                throw new ImportException(file, i + 1, "has " + c.length + " cells; a norrlab export row has 7 ("
                        + lines.get(header) + ")");
            }
            double current = c[4].isEmpty() ? Double.NaN : VendorText.parse(c[4], file, i + 1, "I_A");
            double range = c[5].isEmpty() ? Double.NaN : VendorText.parse(c[5], file, i + 1, "range_A");
            int flags = (int) VendorText.parse(c[6], file, i + 1, "flags");
            byStep.computeIfAbsent((int) VendorText.parse(c[0], file, i + 1, "step"), k -> new ArrayList<>()).add(Double.isNaN(current)
                    ? new Sample(VendorText.parse(c[2], file, i + 1, "t_s"), VendorText.parse(c[3], file, i + 1, "E_V_vs_RE"),
                    Double.NaN, range, flags | SampleFlag.NO_CURRENT.bit())
                    : new Sample(VendorText.parse(c[2], file, i + 1, "t_s"), VendorText.parse(c[3], file, i + 1, "E_V_vs_RE"),
                    current, range, flags));
        }
        List<ImportedSession.Step> steps = new ArrayList<>();
        for (Map.Entry<Integer, String[]> entry : stepHeaders.entrySet()) {
            String[] h = entry.getValue();
            steps.add(new ImportedSession.Step(h[0], h[1], h[2].isEmpty() ? Double.NaN : Double.parseDouble(h[2]),
                    Double.parseDouble(h[3]), byStep.getOrDefault(entry.getKey(), List.of())));
        }
        CellSettings cell = new CellSettings(new ReferenceElectrode(electrode, e0, source), ph, temperature, area, loading, volume);
        return new ImportedSession("norrlab-csv", metadata.getOrDefault("protocol", "norrlab export"),
                new InstrumentIdentity("imported", "norrlab", metadata.getOrDefault("instrument", "?"), "?", "?"),
                metadata, steps, List.of(), Optional.of(cell));
    }
}
