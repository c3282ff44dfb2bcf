package org.norrlab.importer;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BioLogic EC-Lab text export (.mpt): "EC-Lab ASCII FILE", "Nb header lines : N", a header whose last
 * line holds the tab-separated column names with units after '/', then data rows. Latin-1; decimal
 * point or comma per the PC's locale; current in mA. Time, Ewe and I (or &lt;I&gt;) are required.
 */
public final class EcLabImporter implements Importer {
    private static final Pattern HEADER_LINES = Pattern.compile("Nb header lines\\s*:\\s*(\\d+)");

    @Override
    public String format() {
        return "eclab";
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return new String(head, StandardCharsets.ISO_8859_1).startsWith("EC-Lab ASCII FILE");
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        read(file).replayInto(sink);
    }

    @Override
    public ImportedSession read(Path file) throws ImportException {
        List<String> lines = VendorText.latin1Lines(file);
        if (lines.isEmpty() || !lines.get(0).startsWith("EC-Lab ASCII FILE")) {
            throw new ImportException(file, 1, "expected 'EC-Lab ASCII FILE' (a BioLogic text export)");
        }
        Matcher m = lines.size() > 1 ? HEADER_LINES.matcher(lines.get(1)) : null;
        if (m == null || !m.find()) {
            throw new ImportException(file, 2, "expected 'Nb header lines : N'; this EC-Lab version's header is not one we read");
        }
        int headerLines = Integer.parseInt(m.group(1));
        if (headerLines < 3) {
            throw new ImportException(file, 2, "announces " + headerLines + " header lines; an EC-Lab header has at least 3"
                    + " (title, count, column names)");
        }
        if (headerLines > lines.size()) {
            throw new ImportException(file, 2, "announces " + headerLines + " header lines but the file has only "
                    + lines.size() + " lines (truncated?)");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        String technique = headerLines > 3 ? lines.get(3).trim() : "unknown";
        metadata.put("technique", technique);
        double setVolts = Double.NaN;
        String device = "BioLogic";
        for (int i = 2; i < headerLines - 1; i++) {
            String line = lines.get(i);
            if (line.startsWith("Ei (V)")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                if (parts.length > 0) {
                    setVolts = VendorText.parse(parts[0], file, i + 1, "Ei (V)");
                }
            } else if (line.startsWith("Electrode surface area")) {
                metadata.put("electrode_area", line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("Run on channel")) {
                metadata.put("channel", line.substring(line.indexOf(':') + 1).trim());
            } else if (line.contains("EC-LAB") || line.contains("EC-Lab for Windows")) {
                metadata.put("software", line.trim());
            } else if (line.startsWith("Acquisition started on")) {
                metadata.put("acquisition_started", line.substring(line.indexOf(':') + 1).trim());
            } else if (line.matches("^(VMP|SP|VSP|MPG|BP|HCP|SP-).*") || line.startsWith("Device")) {
                device = line.trim();
            }
        }
        String[] columns = lines.get(headerLines - 1).split("\t", -1);
        int time = find(columns, "time/s");
        int ewe = find(columns, "Ewe/V");
        int current = find(columns, "I/mA");
        if (current < 0) {
            current = find(columns, "<I>/mA");
        }
        if (time < 0 || ewe < 0 || current < 0) {
            throw new ImportException(file, headerLines, "expected the columns time/s, Ewe/V and I/mA (or <I>/mA); found: "
                    + String.join(", ", columns));
        }
        List<Sample> samples = new ArrayList<>();
        double t0 = Double.NaN;
        for (int i = headerLines; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            int needed = Math.max(time, Math.max(ewe, current)) + 1;
            if (cells.length < needed) {
                throw new ImportException(file, i + 1, "has " + cells.length + " cells, expected at least " + needed
                        + " (the row is cut short: truncated file?)");
            }
            double t = VendorText.parse(cells[time], file, i + 1, "time/s");
            if (Double.isNaN(t0)) {
                t0 = t;
            }
            samples.add(new Sample(Math.max(0, t - t0), VendorText.parse(cells[ewe], file, i + 1, "Ewe/V"),
                    VendorText.parse(cells[current], file, i + 1, columns[current]) * 1e-3, Double.NaN, 0));
        }
        if (samples.isEmpty()) {
            throw new ImportException(file, headerLines + 1, "has no data rows after its header");
        }
        String kind = kind(technique);
        metadata.put("time_offset_s", Double.toString(t0));
        return new ImportedSession(format(), technique, new InstrumentIdentity("imported", "eclab", device,
                metadata.getOrDefault("software", "EC-Lab"), "unknown"), metadata,
                List.of(new ImportedSession.Step(kind, technique, kind.equals("ca") ? setVolts : Double.NaN,
                        VendorText.medianInterval(samples), samples)), List.of(), Optional.empty());
    }

    static String kind(String technique) {
        String t = technique.toLowerCase(Locale.ROOT);
        if (t.contains("chronoamperometry")) {
            return "ca";
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

    private static int find(String[] columns, String name) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].trim().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
