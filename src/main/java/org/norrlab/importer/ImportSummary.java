package org.norrlab.importer;

import org.norrlab.electrochem.CellSettings;
import org.norrlab.store.StoredStep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one import stored, as the store confirmed it (each step read back after its commit): what {@code import}
 * prints for a chemist to check at a glance.
 *
 * @param files   the files of the session, in order, with the format each was read as
 * @param sources where each cell value came from, keyed as the session records them ({@code area_source}, …)
 * @param notes   the notes stored with the session, in order
 */
public record ImportSummary(long sessionId, List<ReadFile> files, CellSettings cell, Map<String, String> sources,
                            List<Step> steps, List<String> notes) {
    public ImportSummary {
        files = List.copyOf(files);
        sources = Map.copyOf(sources);
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /**
     * A file and the format it was read as.
     *
     * @param columns which column was read as what, in which unit (a CSV: "time: 't/s' in s; current: 'I/mA' in mA"),
     *                so a unit slip shows; empty for a format whose columns and units are fixed
     */
    public record ReadFile(Path file, String format, String technique, String columns) {
    }

    /**
     * A stored step, the time span of its stored samples (seconds since the step began; NaN without samples), the
     * mean of its currents as stored (NaN without any: a current a 1000× unit slip made shows here), the file it
     * came from and the impedance points the store holds for it (an EIS step's spectrum; 0 for other kinds).
     */
    public record Step(StoredStep stored, double firstSeconds, double lastSeconds, double meanCurrentAmperes, Path file,
                       int impedancePoints) {
    }

    /** The impedance points stored over all steps. */
    public long impedancePoints() {
        return steps.stream().mapToLong(Step::impedancePoints).sum();
    }
}
