package org.norrlab.run;

import org.norrlab.config.ConfigException;
import org.norrlab.config.YamlFiles;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.sim.SimSettings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The instrument's settings as they were when a session ran, stored with it: the profile's YAML
 * text and, for the simulator, its catalyst file and the effective seed, so that a replay or a
 * regeneration does not depend on files edited since.
 */
final class InstrumentSettings {
    static final String PROFILE = "profile_yaml";
    static final String PROFILE_FILE = "profile_file";
    static final String CATALYSTS = "sim_catalysts_yaml";
    static final String SEED = "seed";

    private InstrumentSettings() {
    }

    static Map<String, String> capture(InstrumentProfile profile, Path home, Optional<Long> seed) throws ConfigException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(PROFILE_FILE, profile.file().getFileName().toString());
        settings.put(PROFILE, YamlFiles.readText(profile.file()));
        if (DriverRegistry.simulated(profile)) {
            SimSettings sim = profile.familySettings(SimSettings.class);
            settings.put(CATALYSTS, YamlFiles.readText(home.resolve(DriverRegistry.DRIVERS_DIRECTORY).resolve(sim.catalysts())));
            settings.put(SEED, String.valueOf(seed.orElse(sim.seed())));
        }
        return settings;
    }
}
