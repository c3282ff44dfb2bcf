package org.norrlab.run;

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
 */
public record RunRequest(Path protocol, String instrument, Speed speed, Optional<Long> seed, Optional<String> preset,
                         Optional<String> port, Optional<StoreLocation> database) {
    public RunRequest {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(speed, "speed");
    }

    public static RunRequest simulated(Path protocol, Speed speed) {
        return new RunRequest(protocol, "sim", speed, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public RunRequest withDatabase(StoreLocation store) {
        return new RunRequest(protocol, instrument, speed, seed, preset, port, Optional.of(store));
    }

    public RunRequest withDatabase(Path file) {
        return withDatabase(StoreLocation.file(file));
    }

    public RunRequest withSeed(long value) {
        return new RunRequest(protocol, instrument, speed, Optional.of(value), preset, port, database);
    }

    public RunRequest withPreset(String name) {
        return new RunRequest(protocol, instrument, speed, seed, Optional.of(name), port, database);
    }
}
