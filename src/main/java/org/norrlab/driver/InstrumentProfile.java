package org.norrlab.driver;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Dimension;
import org.norrlab.config.Quantities;
import org.norrlab.config.YamlFiles;
import org.norrlab.config.YamlNode;
import org.norrlab.core.Capabilities;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An instrument profile from drivers/NAME.yaml: the fields every family shares, plus the block named
 * after the family (e.g. {@code sim:}) that only its provider reads.
 */
public record InstrumentProfile(String name, String family, String model, Capabilities capabilities,
                                Duration readTimeout, Optional<YamlNode.Mapping> familySettings, Path file) {

    static final List<String> COMMON_FIELDS = List.of("family", "model", "potential_window", "current_ranges",
            "min_interval", "read_timeout");

    public static InstrumentProfile load(Path file) throws ConfigException {
        YamlNode.Mapping root = YamlFiles.read(file).asMapping();
        String family = root.requireText("family");
        List<String> allowed = new ArrayList<>(COMMON_FIELDS);
        allowed.add(family);
        root.allowOnly(allowed);

        YamlNode.Mapping window = root.require("potential_window").asMapping();
        window.allowOnly("min", "max");
        double min = Quantities.parse(window.require("min"), Dimension.POTENTIAL);
        double max = Quantities.parse(window.require("max"), Dimension.POTENTIAL);
        if (!(min < max)) {
            throw window.error("min must be below max (potentials vs the reference electrode)");
        }
        List<Double> ranges = new ArrayList<>();
        YamlNode.Seq rangeNodes = root.require("current_ranges").asSeq();
        for (YamlNode node : rangeNodes.items()) {
            double range = Quantities.positive(node, Dimension.CURRENT);
            if (!ranges.isEmpty() && range <= ranges.get(ranges.size() - 1)) {
                throw node.error("current ranges must be listed smallest first, each larger than the one before");
            }
            ranges.add(range);
        }
        if (ranges.isEmpty()) {
            throw rangeNodes.error("list at least one current range, e.g. [1 mA, 10 mA, 100 mA]");
        }
        Duration minInterval = Quantities.duration(root.require("min_interval"));
        Duration readTimeout = Quantities.duration(root.require("read_timeout"));
        Optional<YamlNode.Mapping> settings = Optional.empty();
        if (root.get(family).isPresent()) {
            settings = Optional.of(root.require(family).asMapping());
        }
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return new InstrumentProfile(name, family, root.text("model").orElse(name),
                new Capabilities(min, max, ranges, minInterval), readTimeout, settings, file);
    }
}
