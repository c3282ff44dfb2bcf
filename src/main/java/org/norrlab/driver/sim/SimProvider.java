package org.norrlab.driver.sim;

import org.norrlab.Version;
import org.norrlab.config.ConfigException;
import org.norrlab.config.Dimension;
import org.norrlab.config.Quantities;
import org.norrlab.config.YamlNode;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.PotentiostatProvider;

import org.norrlab.config.Location;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

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
    public Potentiostat open(InstrumentProfile profile, OpenOptions options) throws ConfigException {
        YamlNode.Mapping settings = profile.familySettings().orElseThrow(() -> new ConfigException(
                new Location(profile.file(), 1, 1), "sim", "the sim profile needs a 'sim:' block"));
        settings.allowOnly("catalysts", "default_catalyst", "white_noise", "adc_bits", "potential_noise", "seed");
        Path catalystsFile = options.home().resolve(DriverRegistry.DRIVERS_DIRECTORY).resolve(settings.requireText("catalysts"));
        Map<String, CatalystPreset> presets = CatalystPresets.load(catalystsFile);
        String presetName = options.preset().orElse(settings.requireText("default_catalyst"));
        CatalystPreset preset = presets.get(presetName);
        if (preset == null) {
            throw new ConfigException(settings.require("default_catalyst").location(), "catalyst",
                    "'" + presetName + "' is not a preset in " + catalystsFile.getFileName() + "; known: "
                            + String.join(", ", presets.keySet()));
        }
        double noise = Quantities.parse(settings.require("white_noise"), Dimension.PERCENT);
        YamlNode bitsNode = settings.require("adc_bits");
        long bits = bitsNode.asScalar().integer("the ADC resolution in bits, 8 to 32");
        if (bits < 8 || bits > 32) {
            throw bitsNode.error("must lie between 8 and 32 bits");
        }
        double potentialNoise = Quantities.parse(settings.require("potential_noise"), Dimension.POTENTIAL);
        long seed = options.seed().orElse(settings.require("seed").asScalar().integer("a whole-number random seed"));

        SplittableRandom root = new SplittableRandom(seed);
        SimulatedCell cell = new SimulatedCell(preset, options.cell().electrodeAreaCm2(), root.split());
        CurrentMeter meter = new CurrentMeter(profile.capabilities().currentRangesAmperes(), noise, (int) bits, root.split());
        InstrumentIdentity identity = new InstrumentIdentity(profile.name(), family(),
                profile.model() + ", catalyst " + preset.name(), "norrlab " + Version.current(), "SIM-" + seed);
        return new SimulatedPotentiostat(identity, profile.capabilities(), options.cell().rheScale(), cell, meter,
                root.split(), potentialNoise, new Pacer(options.speed()), profile.readTimeout());
    }
}
