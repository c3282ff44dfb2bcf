package org.norrlab.driver;

import org.norrlab.config.ConfigException;
import org.norrlab.config.YamlNode;

import java.nio.file.Path;
import java.util.List;
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

    /**
     * What its driver would refuse {@code request} for before sending anything, in the driver's own words (empty when
     * it would send it), found without opening a port: {@code plan} and {@code run} check every step with it before
     * the session starts, so a step the instrument cannot run is refused then, not mid-session. A provider implements
     * it by calling the same checks its driver calls in {@link Potentiostat#start}.
     */
    default List<String> refusals(InstrumentProfile profile, MeasurementRequest request) {
        return List.of();
    }
}
