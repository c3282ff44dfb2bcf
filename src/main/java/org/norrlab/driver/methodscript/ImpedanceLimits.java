package org.norrlab.driver.methodscript;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Dimension;
import org.norrlab.config.Quantities;
import org.norrlab.config.YamlNode;

/**
 * What a MethodSCRIPT instrument's impedance loop may be asked, from the {@code eis:} block of its profile: the
 * frequency range and the AC amplitude (rms). The driver refuses a request outside them before sending anything, so
 * {@code plan} shows the refusal before a session starts.
 */
public record ImpedanceLimits(double highestHz, double lowestHz, double minAmplitudeVoltsRms,
                              double maxAmplitudeVoltsRms) {

    static ImpedanceLimits read(YamlNode.Mapping block) throws ConfigException {
        block.allowOnly("highest_frequency_hz", "lowest_frequency_hz", "amplitude_rms");
        YamlNode highestNode = block.require("highest_frequency_hz");
        double highest = highestNode.asScalar().number("the highest frequency in Hz, e.g. 200000");
        YamlNode lowestNode = block.require("lowest_frequency_hz");
        double lowest = lowestNode.asScalar().number("the lowest frequency in Hz, e.g. 0.1");
        if (!(lowest > 0) || Double.isInfinite(lowest)) {
            throw lowestNode.error("the lowest frequency must be a finite number of Hz above 0, not " + lowest);
        }
        if (!(highest > lowest) || Double.isInfinite(highest)) {
            throw highestNode.error("the highest frequency must be a finite number of Hz above the lowest (" + lowest
                    + " Hz), not " + highest);
        }
        YamlNode.Mapping amplitude = block.require("amplitude_rms").asMapping();
        amplitude.allowOnly("min", "max");
        double min = Quantities.positive(amplitude.require("min"), Dimension.POTENTIAL);
        YamlNode maxNode = amplitude.require("max");
        double max = Quantities.positive(maxNode, Dimension.POTENTIAL);
        if (max < min) {
            throw maxNode.error("the largest amplitude must not be below the smallest (" + min + " V)");
        }
        return new ImpedanceLimits(highest, lowest, min, max);
    }
}
