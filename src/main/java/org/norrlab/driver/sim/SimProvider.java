package org.norrlab.driver.sim;

import org.norrlab.Version;
import org.norrlab.config.ConfigException;
import org.norrlab.config.YamlNode;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.PotentiostatProvider;
import org.norrlab.driver.UnknownPresetException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Opens {@code family: sim} profiles. */
public final class SimProvider implements PotentiostatProvider {

    @Override
    public String family() {
        return "sim";
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public SimSettings readSettings(Optional<YamlNode.Mapping> block, Path file) throws ConfigException {
        return SimSettings.read(block, file);
    }

    @Override
    public Potentiostat open(InstrumentProfile profile, OpenOptions options) throws ConfigException {
        SimSettings settings = profile.familySettings(SimSettings.class);
        Path catalystsFile = options.home().resolve(DriverRegistry.DRIVERS_DIRECTORY).resolve(settings.catalysts());
        Map<String, CatalystPreset> presets = CatalystPresets.load(catalystsFile);
        String presetName = options.preset().orElse(settings.defaultCatalyst());
        CatalystPreset preset = presets.get(presetName);
        if (preset == null) {
            String problem = "'" + presetName + "' is not a preset in " + catalystsFile.getFileName() + "; known: "
                    + String.join(", ", presets.keySet());
            if (options.preset().isPresent()) {
                throw new UnknownPresetException(problem);   // the run's own choice: the caller names where it was given
            }
            throw new ConfigException(settings.defaultCatalystAt(), "catalyst", problem);
        }
        long seed = options.seed().orElse(settings.seed());

        SplittableRandom root = new SplittableRandom(seed);
        SimulatedCell cell = new SimulatedCell(preset, options.cell().electrodeAreaCm2(), root.split());
        CurrentMeter meter = new CurrentMeter(profile.capabilities().currentRangesAmperes(), settings.whiteNoise(),
                settings.adcBits(), root.split());
        InstrumentIdentity identity = new InstrumentIdentity(profile.name(), family(),
                profile.model() + ", catalyst " + preset.name(), "norrlab " + Version.current(), "SIM-" + seed);
        RandomGenerator potentialNoise = root.split();
        // Split last, so that the samples of CA, sweeps and CP stay what they were for a seed before spectra existed.
        RandomGenerator impedanceNoise = root.split();
        return new SimulatedPotentiostat(identity, profile.capabilities(), options.cell().rheScale(), cell, meter,
                potentialNoise, settings.potentialNoise(), settings.impedanceNoise(), impedanceNoise,
                new Pacer(options.speed()), profile.readTimeout(), settings.gas());
    }
}
