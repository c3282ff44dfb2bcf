package org.norrlab.driver;

import org.norrlab.config.ConfigException;

/**
 * Opens instruments of one protocol family. Providers are found with {@link java.util.ServiceLoader}
 * (META-INF/services/PotentiostatProvider), so a new family needs no edit here.
 */
public interface PotentiostatProvider {
    /** The family name a profile gives in its {@code family:} field. */
    String family();

    /**
     * Whether its instruments are simulations: no cell is touched, their clock follows the run's speed,
     * and catalyst presets, seeds and simulated assays apply to them only.
     */
    default boolean simulated() {
        return false;
    }

    Potentiostat open(InstrumentProfile profile, OpenOptions options) throws DriverException, ConfigException;
}
