package org.norrlab.driver.rodeostat;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Dimension;
import org.norrlab.config.Location;
import org.norrlab.config.Quantities;
import org.norrlab.config.YamlNode;
import org.norrlab.driver.FamilySettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code rodeostat:} block of a profile.
 *
 * @param voltageRanges     the firmware's voltage ranges in volts, ascending
 * @param maxMalformedLines device lines that may fail to parse before a step is stopped
 */
public record RodeostatSettings(List<Double> voltageRanges, int maxMalformedLines) implements FamilySettings {
    public RodeostatSettings {
        voltageRanges = List.copyOf(voltageRanges);
    }

    static RodeostatSettings read(Optional<YamlNode.Mapping> found, Path file) throws ConfigException {
        YamlNode.Mapping block = found.orElseThrow(() ->
                new ConfigException(new Location(file, 1, 1), "rodeostat", "the profile needs a 'rodeostat:' block"));
        block.allowOnly("voltage_ranges", "max_malformed_lines");
        List<Double> ranges = new ArrayList<>();
        for (YamlNode node : block.require("voltage_ranges").asSeq().items()) {
            ranges.add(Quantities.positive(node, Dimension.POTENTIAL));
        }
        int malformed = (int) block.require("max_malformed_lines").asScalar().integer("a count, e.g. 10");
        return new RodeostatSettings(ranges, malformed);
    }
}
