package org.norrlab.importer;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.SampleEntry;

import java.util.Map;
import java.util.Objects;

/**
 * What a file says about itself, in norrlab's terms.
 *
 * @param format     the importer's format name ({@code chi}, {@code eclab}, …)
 * @param technique  the technique as the file names it ("Amperometric i-t Curve", "CHRONOA")
 * @param metadata   further facts the file states (dates, software version, …), for the session record
 * @param cell       the cell values the file states, each with where it states it
 * @param sample     the sample, operator and notes the file states (norrlab's own exports; empty for other files)
 */
public record FileFacts(String format, String technique, InstrumentIdentity instrument, Map<String, String> metadata,
                        StatedCell cell, SampleEntry sample) {
    /**
     * The metadata key by which norrlab's own exports say the session accumulated its catholyte ("accumulate"); with
     * the steps' batches, which those exports also keep, the imported session is analysed per batch as the original.
     */
    public static final String ELECTROLYTE = "electrolyte";

    public FileFacts {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(instrument, "instrument");
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(sample, "sample");
    }

    /** A file that says nothing of the sample or its operator (every vendor format). */
    public FileFacts(String format, String technique, InstrumentIdentity instrument, Map<String, String> metadata,
                     StatedCell cell) {
        this(format, technique, instrument, metadata, cell, SampleEntry.NONE);
    }
}
