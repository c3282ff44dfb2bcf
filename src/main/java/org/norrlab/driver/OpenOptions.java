package org.norrlab.driver;

import org.norrlab.config.Potential;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.transport.TransportOpener;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider may need to open an instrument, beyond its profile. Real instruments use the port;
 * the simulator uses the cell it sits in, the speed, the seed and the catalyst preset. {@code transports}
 * opens the byte pipe of serial families: a plain port, or one that records or replays.
 * {@code idlePotential} is the site's {@code cell.idle_potential}: what an instrument that cannot
 * disconnect its electrodes holds when its cell is "off".
 */
public record OpenOptions(CellSettings cell, Speed speed, Optional<Long> seed, Optional<String> port,
                          Optional<String> preset, Path home, TransportOpener transports, Optional<Potential> idlePotential) {
    public OpenOptions(CellSettings cell, Speed speed, Optional<Long> seed, Optional<String> port, Optional<String> preset,
                       Path home, TransportOpener transports) {
        this(cell, speed, seed, port, preset, home, transports, Optional.empty());
    }

    public OpenOptions(CellSettings cell, Speed speed, Optional<Long> seed, Optional<String> port, Optional<String> preset,
                       Path home) {
        this(cell, speed, seed, port, preset, home, TransportOpener.SERIAL);
    }

    public OpenOptions {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(transports, "transports");
        Objects.requireNonNull(idlePotential, "idlePotential");
    }
}
