package org.norrlab.driver;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Dimension;
import org.norrlab.config.Quantities;
import org.norrlab.config.YamlFiles;
import org.norrlab.config.YamlNode;
import org.norrlab.core.Capabilities;
import org.norrlab.core.Technique;
import org.norrlab.transport.PortFinder;
import org.norrlab.transport.SerialSettings;
import org.norrlab.transport.TransportException;
import org.norrlab.transport.UsbMatch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An instrument profile from drivers/NAME.yaml: the fields every family shares, plus the block named
 * after the family (e.g. {@code sim:}) as its provider parsed it (empty for a family this build does
 * not speak, which {@link DriverRegistry#open} refuses).
 */
public record InstrumentProfile(String name, String family, String model, Capabilities capabilities,
                                Duration readTimeout, Optional<SerialSettings> serial, Optional<UsbMatch> usb,
                                Optional<FamilySettings> familySettings, Path file) {

    static final List<String> COMMON_FIELDS = List.of("family", "model", "potential_window", "current_ranges",
            "min_interval", "read_timeout", "open_circuit", "techniques", "serial", "usb");

    public static InstrumentProfile load(Path file) throws ConfigException {
        return parse(file, YamlFiles.readText(file));
    }

    /** A profile from its text, e.g. as stored with a session; {@code file} names it in messages. */
    public static InstrumentProfile parse(Path file, String text) throws ConfigException {
        YamlNode.Mapping root = YamlFiles.parse(file, text).asMapping();
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
        YamlNode timeoutNode = root.require("read_timeout");
        Duration readTimeout = Quantities.duration(timeoutNode);
        if (readTimeout.compareTo(Duration.ofMillis(100)) < 0 || readTimeout.compareTo(Duration.ofSeconds(1)) > 0) {
            throw timeoutNode.error("must lie between 100 ms and 1 s: long silences during a measurement are handled"
                    + " above the port, a short read timeout keeps Ctrl-C and lost links prompt");
        }
        boolean openCircuit = root.get("open_circuit").isEmpty() || root.require("open_circuit").asScalar().bool();
        Optional<SerialSettings> serial = Optional.empty();
        if (root.get("serial").isPresent()) {
            serial = Optional.of(serial(root.require("serial").asMapping(), readTimeout));
        }
        Optional<UsbMatch> usb = Optional.empty();
        if (root.get("usb").isPresent()) {
            usb = Optional.of(usb(root.require("usb").asMapping()));
        }
        Optional<YamlNode.Mapping> block = Optional.empty();
        if (root.get(family).isPresent()) {
            block = Optional.of(root.require(family).asMapping());
        }
        Optional<FamilySettings> settings = Optional.empty();
        Optional<PotentiostatProvider> provider = DriverRegistry.provider(family);
        if (provider.isPresent()) {
            settings = Optional.of(provider.get().readSettings(block, file));
        }
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return new InstrumentProfile(name, family, root.text("model").orElse(name),
                new Capabilities(min, max, ranges, minInterval, techniques(root, openCircuit)), readTimeout, serial, usb,
                settings, file);
    }

    /**
     * The profile's {@code techniques: [ca, ocp, lsv, cv, cp]}; without the list, what every instrument did before
     * sweeps existed: it holds a potential, and records one at open circuit unless {@code open_circuit: false}.
     */
    private static Set<Technique> techniques(YamlNode.Mapping root, boolean openCircuit) throws ConfigException {
        Set<Technique> techniques = EnumSet.of(Technique.CHRONOAMPEROMETRY);
        if (root.get("techniques").isEmpty()) {
            if (openCircuit) {
                techniques.add(Technique.OPEN_CIRCUIT);
            }
            return techniques;
        }
        techniques.clear();
        YamlNode.Seq list = root.require("techniques").asSeq();
        for (YamlNode node : list.items()) {
            String name = node.asScalar().text();
            techniques.add(Technique.named(name).orElseThrow(() -> node.error("'" + name + "' is not a technique norrlab"
                    + " runs (allowed: " + Technique.allowed() + ")")));
        }
        if (techniques.isEmpty()) {
            throw list.error("list at least one technique, e.g. [ca, ocp]");
        }
        if (!openCircuit && techniques.contains(Technique.OPEN_CIRCUIT)) {
            throw list.error("lists ocp but the profile says open_circuit: false; keep one of the two");
        }
        return techniques;
    }

    /** The family block as the type its provider parsed it into; only that provider (and its tools) ask. */
    public <S extends FamilySettings> S familySettings(Class<S> type) {
        return familySettings.filter(type::isInstance).map(type::cast).orElseThrow(() -> new IllegalStateException(
                "profile " + name + " (family " + family + ") has no " + type.getSimpleName()));
    }

    private static SerialSettings serial(YamlNode.Mapping block, Duration readTimeout) throws ConfigException {
        block.allowOnly("baud", "data_bits", "parity", "stop_bits", "flow_control");
        YamlNode baudNode = block.require("baud");
        long baud = baudNode.asScalar().integer("a baud rate such as 230400");
        long dataBits = block.get("data_bits").isPresent() ? block.require("data_bits").asScalar().integer("7 or 8") : 8;
        long stopBits = block.get("stop_bits").isPresent() ? block.require("stop_bits").asScalar().integer("1 or 2") : 1;
        SerialSettings.Parity parity = choice(block, "parity", SerialSettings.Parity.class, SerialSettings.Parity.NONE);
        SerialSettings.FlowControl flow = choice(block, "flow_control", SerialSettings.FlowControl.class,
                SerialSettings.FlowControl.NONE);
        try {
            return new SerialSettings((int) baud, (int) dataBits, parity, (int) stopBits, flow, readTimeout);
        } catch (IllegalArgumentException e) {
            throw block.error(e.getMessage());
        }
    }

    private static <E extends Enum<E>> E choice(YamlNode.Mapping block, String key, Class<E> type, E fallback)
            throws ConfigException {
        Optional<String> text = block.text(key);
        if (text.isEmpty()) {
            return fallback;
        }
        String wanted = text.get().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace('/', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(wanted)) {
                return value;
            }
        }
        throw block.require(key).error("'" + text.get() + "' is not allowed; allowed: "
                + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                .map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList()));
    }

    private static UsbMatch usb(YamlNode.Mapping block) throws ConfigException {
        block.allowOnly("vendor_id", "product_id", "description");
        return new UsbMatch(hexId(block, "vendor_id"), hexId(block, "product_id"), descriptionPattern(block));
    }

    private static Optional<java.util.regex.Pattern> descriptionPattern(YamlNode.Mapping block) throws ConfigException {
        Optional<String> text = block.text("description");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.util.regex.Pattern.compile(text.get()));
        } catch (java.util.regex.PatternSyntaxException e) {
            throw block.require("description").error("'" + text.get() + "' is not a valid pattern (" + e.getDescription()
                    + " at character " + (e.getIndex() + 1) + "); write alternatives as 'EmStat|ESPico', and a literal"
                    + " character such as ( . + with a backslash before it");
        }
    }

    private static Optional<Integer> hexId(YamlNode.Mapping block, String key) throws ConfigException {
        Optional<String> text = block.text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text.get().replaceFirst("^0[xX]", ""), 16));
        } catch (NumberFormatException e) {
            throw block.require(key).error("'" + text.get() + "' is not a USB id; write 4 hex digits in quotes, e.g. '0403'");
        }
    }

    /** What a port for this instrument looks like, for {@link PortFinder}. */
    public PortFinder.Wanted portWanted() {
        return new PortFinder.Wanted(name, usb, file.getFileName().toString());
    }

    /** The port to open: the one given, or with "auto" (or none), the single port this profile matches. */
    public String resolvePort(Optional<String> requested) throws TransportException {
        return PortFinder.resolve(requested, portWanted());
    }
}
