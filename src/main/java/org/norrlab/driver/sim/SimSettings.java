package org.norrlab.driver.sim;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Dimension;
import org.norrlab.config.Location;
import org.norrlab.config.Quantities;
import org.norrlab.config.YamlNode;
import org.norrlab.core.Gas;
import org.norrlab.driver.FamilySettings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code sim:} block of a profile.
 *
 * @param catalysts          the catalyst preset file, relative to drivers/
 * @param defaultCatalyst    the preset a run uses when it names none
 * @param defaultCatalystAt  where the profile names it, for a preset the file lacks
 * @param whiteNoise         relative white noise on the current (a fraction)
 * @param adcBits            the simulated ADC's resolution
 * @param potentialNoise     noise on the recorded potential in volts
 * @param impedanceNoise     relative noise on Z' and Z'' of a spectrum, one sigma as a share of |Z| above 1 Hz
 *                           ({@code impedance_noise:}, 0.2 % when not given; 0 switches it off)
 * @param seed               the random seed a run uses when it gives none
 * @param gas                what the electrolyte holds until a protocol states a gas ({@code gas:}, NO when not
 *                           given, as every run before gases could be stated)
 */
public record SimSettings(String catalysts, String defaultCatalyst, Location defaultCatalystAt, double whiteNoise,
                          int adcBits, double potentialNoise, double impedanceNoise, long seed, Gas gas) implements FamilySettings {

    /** A real instrument's scatter on Z above 1 Hz, one sigma: 0.1–1 % of |Z| (more at low frequency). */
    static final double DEFAULT_IMPEDANCE_NOISE = 0.002;

    static SimSettings read(Optional<YamlNode.Mapping> found, Path file) throws ConfigException {
        YamlNode.Mapping settings = found.orElseThrow(() -> new ConfigException(
                new Location(file, 1, 1), "sim", "the sim profile needs a 'sim:' block"));
        settings.allowOnly("catalysts", "default_catalyst", "white_noise", "adc_bits", "potential_noise", "impedance_noise",
                "seed", "gas");
        String catalysts = settings.requireText("catalysts");
        String defaultCatalyst = settings.requireText("default_catalyst");
        double noise = Quantities.parse(settings.require("white_noise"), Dimension.PERCENT);
        YamlNode bitsNode = settings.require("adc_bits");
        long bits = bitsNode.asScalar().integer("the ADC resolution in bits, 8 to 32");
        if (bits < 8 || bits > 32) {
            throw bitsNode.error("must lie between 8 and 32 bits");
        }
        double potentialNoise = Quantities.parse(settings.require("potential_noise"), Dimension.POTENTIAL);
        double impedanceNoise = DEFAULT_IMPEDANCE_NOISE;
        Optional<YamlNode> impedanceNode = settings.get("impedance_noise");
        if (impedanceNode.isPresent()) {
            impedanceNoise = Quantities.parse(impedanceNode.get(), Dimension.PERCENT);
            if (!(impedanceNoise >= 0 && impedanceNoise <= 0.1)) {
                throw impedanceNode.get().error("must lie between 0 % (no noise) and 10 %");
            }
        }
        long seed = settings.require("seed").asScalar().integer("a whole-number random seed");
        Gas gas = Gas.NITRIC_OXIDE;
        Optional<YamlNode> gasNode = settings.get("gas");
        if (gasNode.isPresent()) {
            String written = gasNode.get().asScalar().text();
            gas = Gas.named(written).orElseThrow(() -> gasNode.get().error("'" + written
                    + "' is not a gas the simulated cell knows (allowed: " + Gas.allowed() + ")"));
        }
        return new SimSettings(catalysts, defaultCatalyst, settings.require("default_catalyst").location(), noise,
                (int) bits, potentialNoise, impedanceNoise, seed, gas);
    }
}
