package org.norrlab.run;

import org.norrlab.config.CellBlock;
import org.norrlab.config.ConfigException;
import org.norrlab.config.Location;
import org.norrlab.config.Quantities;
import org.norrlab.config.SiteConfig;
import org.norrlab.config.YamlFiles;
import org.norrlab.config.YamlNode;
import org.norrlab.driver.Speed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A lab file (config/lab.yaml): the benches that run at once, each an instrument, its port, a
 * protocol and the cell it holds. Errors name the file, line and field.
 */
public final class LabFile {
    public static final String DEFAULT = "config/lab.yaml";
    static final List<String> FIELDS = List.of("name", "instrument", "port", "protocol", "speed", "catalyst", "seed",
            "cell", "reconnect_for");

    /**
     * One bench as written.
     *
     * @param site the site settings as this bench sees them: its cell block over the site's, its own
     *             reconnect time if it gives one
     */
    /** @param catalystAt where the bench's catalyst: is written, to name it when the simulator does not know it */
    public record Bench(String name, RunRequest request, SiteConfig site, Optional<Location> catalystAt) {
    }

    private LabFile() {
    }

    /** Reads the lab file; relative protocol paths are relative to norrlab's home, as on the command line. */
    public static List<Bench> read(Path file, SiteConfig site) throws ConfigException {
        YamlNode.Mapping root = YamlFiles.read(file).asMapping();
        root.allowOnly("benches");
        YamlNode.Seq list = root.require("benches").asSeq();
        if (list.items().isEmpty()) {
            throw list.error("lists no benches; give at least one (name, instrument, protocol)");
        }
        List<Bench> benches = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> ports = new HashSet<>();
        for (YamlNode node : list.items()) {
            YamlNode.Mapping b = node.asMapping();
            b.allowOnly(FIELDS);
            String name = b.requireText("name");
            if (!names.add(name)) {
                throw b.require("name").error("bench name '" + name + "' is used twice; every bench needs its own");
            }
            Optional<String> port = b.text("port");
            if (port.isPresent() && !port.get().equals("auto") && !ports.add(port.get())) {
                throw b.require("port").error("port " + port.get() + " is given to two benches; one instrument per port");
            }
            Path protocol = Path.of(b.requireText("protocol"));
            Speed speed = Speed.REAL_TIME;
            if (b.get("speed").isPresent()) {
                try {
                    speed = Speed.parse(b.requireText("speed"));
                } catch (IllegalArgumentException e) {
                    throw b.require("speed").error(e.getMessage());
                }
            }
            Optional<Long> seed = b.get("seed").isPresent()
                    ? Optional.of(b.require("seed").asScalar().integer("a whole number")) : Optional.empty();
            RunRequest request = new RunRequest(protocol.isAbsolute() ? protocol : site.home().resolve(protocol),
                    b.text("instrument").orElse("sim"), speed, seed, b.text("catalyst"), port, Optional.empty());
            CellBlock cell = b.get("cell").isPresent() ? CellBlock.read(b.require("cell")).over(site.cell()) : site.cell();
            Duration reconnect = b.get("reconnect_for").isPresent() ? Quantities.duration(b.require("reconnect_for"))
                    : site.reconnectFor();
            benches.add(new Bench(name, request, new SiteConfig(site.home(), site.dataDirectory(), cell, site.safety(),
                    reconnect), b.get("catalyst").map(YamlNode::location)));
        }
        return benches;
    }
}
