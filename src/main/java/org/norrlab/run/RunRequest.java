package org.norrlab.run;

import org.norrlab.config.CellBlock;
import org.norrlab.core.SampleEntry;
import org.norrlab.driver.Speed;
import org.norrlab.store.StoreLocation;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator asked for.
 *
 * @param instrument a profile name in drivers/
 * @param database   the session store; empty for the site's (config/site.yaml)
 * @param cell       the cell values the operator confirmed before the run (the GUI's run form); each wins over the
 *                   protocol's cell block and config/site.yaml. Empty: the files alone decide
 * @param sample     the sample, operator and notes stored with the session
 */
public record RunRequest(Path protocol, String instrument, Speed speed, Optional<Long> seed, Optional<String> preset,
                         Optional<String> port, Optional<StoreLocation> database, Optional<CellBlock> cell,
                         SampleEntry sample) {
    public RunRequest {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(sample, "sample");
    }

    public RunRequest(Path protocol, String instrument, Speed speed, Optional<Long> seed, Optional<String> preset,
                      Optional<String> port, Optional<StoreLocation> database) {
        this(protocol, instrument, speed, seed, preset, port, database, Optional.empty(), SampleEntry.NONE);
    }

    /** The same request with the cell the operator confirmed. */
    public RunRequest withCell(CellBlock entered) {
        return new RunRequest(protocol, instrument, speed, seed, preset, port, database, Optional.of(entered), sample);
    }

    /** The same request with the sample, operator and notes to store. */
    public RunRequest withSample(SampleEntry given) {
        return new RunRequest(protocol, instrument, speed, seed, preset, port, database, cell, given);
    }

    public static RunRequest simulated(Path protocol, Speed speed) {
        return new RunRequest(protocol, "sim", speed, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public RunRequest withDatabase(StoreLocation store) {
        return new RunRequest(protocol, instrument, speed, seed, preset, port, Optional.of(store), cell, sample);
    }

    public RunRequest withDatabase(Path file) {
        return withDatabase(StoreLocation.file(file));
    }

    public RunRequest withSeed(long value) {
        return new RunRequest(protocol, instrument, speed, Optional.of(value), preset, port, database, cell, sample);
    }

    public RunRequest withPreset(String name) {
        return new RunRequest(protocol, instrument, speed, seed, Optional.of(name), port, database, cell, sample);
    }
}
