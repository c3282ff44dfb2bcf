package org.norrlab.importer;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gamry .DTA (EXPLAIN format): "EXPLAIN", "TAG technique", parameter lines NAME, TYPE, value…, then
 * tables "CURVE[n] TABLE [rows]" or "OCVCURVE TABLE rows": a row of column names, a row of units,
 * data rows starting with a TAB. Each table becomes a step; T (s), Vf (V vs. Ref.) and, where
 * present, Im (A) are read. Impedance tables (ZCURVE) are skipped with a warning.
 */
public final class GamryImporter implements Importer {
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
        read(file).replayInto(sink);
    }

    @Override
    public ImportedSession read(Path file) throws ImportException {
        List<String> lines = VendorText.latin1Lines(file);
        if (lines.isEmpty() || !lines.get(0).trim().equals("EXPLAIN")) {
            throw new ImportException(file, 1, "expected 'EXPLAIN' (a Gamry .DTA file)");
        }
        if (lines.size() < 2 || !lines.get(1).startsWith("TAG\t")) {
            throw new ImportException(file, 2, "expected 'TAG<tab>technique'");
        }
        String tag = lines.get(1).substring(4).trim();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("technique", tag);
        List<ImportedSession.Step> steps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        double setVolts = Double.NaN;
        int i = 2;
        while (i < lines.size()) {
            String[] parts = lines.get(i).split("\t", -1);
            String name = parts[0];
            if (parts.length >= 2 && parts[1].equals("TABLE")) {
                i = readTable(file, lines, i, name, parts, tag, setVolts, steps, warnings);
                continue;
            }
            if (parts.length >= 3) {
                switch (name) {
                    case "VSTEP1" -> setVolts = VendorText.parse(parts[2], file, i + 1, "VSTEP1");
                    case "AREA", "PSTAT", "DATE", "TIME", "TITLE", "SAMPLETIME", "PSTATSERIALNO" ->
                            metadata.put(name.toLowerCase(java.util.Locale.ROOT), parts[2].trim());
                    default -> {
                    }
                }
                if (name.equals("FRAMEWORKVERSION") || name.equals("INSTRUMENTVERSION")) {
                    metadata.put(name.toLowerCase(java.util.Locale.ROOT), parts[2].trim());
                }
            }
            i++;
        }
        if (steps.isEmpty()) {
            throw new ImportException(file, lines.size(), "holds no data table (CURVE … TABLE) that norrlab can read");
        }
        InstrumentIdentity identity = new InstrumentIdentity("imported", "gamry", "Gamry " + metadata.getOrDefault("pstat", "?"),
                metadata.getOrDefault("frameworkversion", "?"), metadata.getOrDefault("pstatserialno", metadata.getOrDefault("pstat", "?")));
        return new ImportedSession(format(), tag, identity, metadata, steps, warnings, Optional.empty());
    }

    private int readTable(Path file, List<String> lines, int at, String name, String[] parts, String tag, double setVolts,
                          List<ImportedSession.Step> steps, List<String> warnings) throws ImportException {
        int declared = parts.length >= 3 && !parts[2].isBlank() ? (int) VendorText.parse(parts[2], file, at + 1, "rows") : -1;
        if (at + 2 >= lines.size()) {
            throw new ImportException(file, at + 1, "table " + name + " ends before its column names and units");
        }
        String[] columns = lines.get(at + 1).split("\t", -1);
        int time = index(columns, "T");
        int volts = index(columns, "Vf");
        int current = index(columns, "Im");
        int row = at + 3;
        if (time < 0 || volts < 0) {
            warnings.add(file.getFileName() + ":" + (at + 1) + ": table " + name + " has no T and Vf columns (" + String.join(", ",
                    java.util.Arrays.stream(columns).filter(c -> !c.isBlank()).toList()) + "); skipped");
            while (row < lines.size() && lines.get(row).startsWith("\t")) {
                row++;
            }
            return row;
        }
        List<Sample> samples = new ArrayList<>();
        int needed = Math.max(time, Math.max(volts, current)) + 1;
        while (row < lines.size() && lines.get(row).startsWith("\t")) {
            String[] cells = lines.get(row).split("\t", -1);
            if (cells.length < needed) {
                throw new ImportException(file, row + 1, "table " + name + " row has " + cells.length + " cells, expected "
                        + needed + " (cut short: truncated file?)");
            }
            double t = VendorText.parse(cells[time], file, row + 1, "T");
            double e = VendorText.parse(cells[volts], file, row + 1, "Vf");
            samples.add(current < 0 ? Sample.potentialOnly(Math.max(0, t), e)
                    : new Sample(Math.max(0, t), e, VendorText.parse(cells[current], file, row + 1, "Im"), Double.NaN, 0));
            row++;
        }
        if (declared >= 0 && declared != samples.size()) {
            warnings.add(file.getFileName() + ":" + (at + 1) + ": table " + name + " declares " + declared + " rows but "
                    + samples.size() + " are present (truncated file?); imported what is there");
        }
        String kind = name.equals("OCVCURVE") ? "ocp" : switch (tag) {
            case "CHRONOA" -> "ca";
            case "CV" -> "cv";
            case "CORPOT" -> "ocp";
            case "CHRONOP" -> "cp";
            default -> tag.toLowerCase(java.util.Locale.ROOT);
        };
        if (kind.equals("ocp") && current >= 0) {
            List<Sample> potentialOnly = new ArrayList<>();
            samples.forEach(s -> potentialOnly.add(Sample.potentialOnly(s.timeSeconds(), s.potentialVolts())));
            samples = potentialOnly;
        }
        if (!samples.isEmpty()) {
            steps.add(new ImportedSession.Step(kind, name, kind.equals("ca") ? setVolts : Double.NaN,
                    VendorText.medianInterval(samples), samples));
        }
        return row;
    }

    private static int index(String[] columns, String name) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].trim().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
