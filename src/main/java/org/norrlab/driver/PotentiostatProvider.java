package org.norrlab.driver;

import org.norrlab.config.ConfigException;
import org.norrlab.config.YamlNode;

import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * Parses the profile's block named after the family ({@code block} is empty when the profile has
     * none; {@code file} names the profile in messages). Called when the profile is read.
     */
    FamilySettings readSettings(Optional<YamlNode.Mapping> block, Path file) throws ConfigException;

    Potentiostat open(InstrumentProfile profile, OpenOptions options) throws DriverException, ConfigException;
}
