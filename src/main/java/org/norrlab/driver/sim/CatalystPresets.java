package org.norrlab.driver.sim;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Dimension;
import org.norrlab.config.Potential;
import org.norrlab.config.Quantities;
import org.norrlab.config.YamlFiles;
import org.norrlab.config.YamlNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads drivers/sim/catalysts.yaml: a {@code defaults:} block and one block per preset that overrides it. */
public final class CatalystPresets {
    private static final List<String> PRESET_FIELDS = List.of("description", "published", "norr_tafel_slope",
            "nh3_share_max", "nh3_share_width", "nh3_share_offset", "transport_fraction_at_published",
            "fe_drop_100mV_negative", "double_layer_capacitance", "double_layer_cpe_exponent", "uncompensated_resistance", "compensation",
            "open_circuit_potential", "open_circuit_relaxation", "drift_per_hour", "bubbles_per_minute",
            "bubble_amplitude_max", "bubble_duration_max", "byproducts");

    private CatalystPresets() {
    }

    public static Map<String, CatalystPreset> load(Path file) throws ConfigException {
        YamlNode.Mapping root = YamlFiles.read(file).asMapping();
        root.allowOnly("defaults", "presets");
        YamlNode.Mapping defaults = root.require("defaults").asMapping();
        defaults.allowOnly(PRESET_FIELDS);
        Map<String, CatalystPreset> presets = new LinkedHashMap<>();
        YamlNode.Mapping all = root.require("presets").asMapping();
        for (String name : all.keys()) {
            YamlNode.Mapping block = all.require(name).asMapping();
            block.allowOnly(PRESET_FIELDS);
            presets.put(name, read(name, new Layered(block, defaults)));
        }
        if (presets.isEmpty()) {
            throw all.error("defines no presets");
        }
        return presets;
    }

    /** A preset's field if it gives one, else the default's. */
    private record Layered(YamlNode.Mapping preset, YamlNode.Mapping defaults) {
        YamlNode get(String key) throws ConfigException {
            Optional<YamlNode> own = preset.get(key);
            return own.isPresent() ? own.get() : defaults.require(key);
        }

        double quantity(String key, Dimension dimension) throws ConfigException {
            return Quantities.parse(get(key), dimension);
        }

        /** A field the preset or the defaults may leave out. */
        Optional<YamlNode> optional(String key) {
            Optional<YamlNode> own = preset.get(key);
            return own.isPresent() ? own : defaults.get(key);
        }

        double fraction(String key) throws ConfigException {
            YamlNode node = get(key);
            double value = Quantities.parse(node, Dimension.PERCENT);
            if (value < 0 || value > 1) {
                throw node.error("must lie between 0 % and 100 %");
            }
            return value;
        }
    }

    private static CatalystPreset read(String name, Layered p) throws ConfigException {
        YamlNode.Mapping published = p.preset().require("published").asMapping();
        published.allowOnly("potential", "nh3_rate", "faradaic_efficiency", "source");
        YamlNode potentialNode = published.require("potential");
        Potential potential = Quantities.potential(potentialNode);
        if (potential.scale() != Potential.Scale.RHE) {
            throw potentialNode.error("published potentials are given vs RHE; write e.g. '-0.5 V vs RHE'");
        }
        double rate = Quantities.positive(published.require("nh3_rate"), Dimension.NH3_AREAL_RATE);
        YamlNode feNode = published.require("faradaic_efficiency");
        double fe = Quantities.parse(feNode, Dimension.PERCENT);
        if (!(fe > 0 && fe < 1)) {
            throw feNode.error("must lie between 0 % and 100 %");
        }
        KineticModel.Shape shape = new KineticModel.Shape(
                Quantities.positive(p.get("norr_tafel_slope"), Dimension.POTENTIAL),
                p.fraction("nh3_share_max"),
                Quantities.positive(p.get("nh3_share_width"), Dimension.POTENTIAL),
                p.quantity("nh3_share_offset", Dimension.POTENTIAL),
                p.fraction("transport_fraction_at_published"),
                p.fraction("fe_drop_100mV_negative"));
        KineticModel model;
        try {
            model = KineticModel.fit(potential.volts(), rate, fe, shape);
        } catch (IllegalArgumentException e) {
            throw published.error("cannot be fitted: " + e.getMessage());
        }
        YamlNode.Mapping byproducts = p.get("byproducts").asMapping();
        byproducts.allowOnly("N2O", "NH2OH", "N2");
        CatalystPreset.ByproductShares shares;
        try {
            shares = new CatalystPreset.ByproductShares(
                    Quantities.parse(byproducts.require("N2O"), Dimension.PERCENT),
                    Quantities.parse(byproducts.require("NH2OH"), Dimension.PERCENT),
                    Quantities.parse(byproducts.require("N2"), Dimension.PERCENT));
        } catch (IllegalArgumentException e) {
            throw byproducts.error(e.getMessage());
        }
        YamlNode ocpNode = p.get("open_circuit_potential");
        Potential ocp = Quantities.potential(ocpNode);
        if (ocp.scale() != Potential.Scale.RHE) {
            throw ocpNode.error("give the open-circuit potential vs RHE");
        }
        double cpeExponent = 1;
        Optional<YamlNode> cpeNode = p.optional("double_layer_cpe_exponent");
        if (cpeNode.isPresent()) {
            cpeExponent = cpeNode.get().asScalar().number("a constant-phase exponent, e.g. 0.9 (1: an ideal capacitor)");
            if (!(cpeExponent > 0 && cpeExponent <= 1)) {
                throw cpeNode.get().error("must lie above 0 and at most 1 (1: an ideal capacitor)");
            }
        }
        double perMinute = p.get("bubbles_per_minute").asScalar().number("bubbles per minute, e.g. 3");
        return new CatalystPreset(name, p.preset().text("description").orElse(name),
                published.text("source").orElse(""), potential.volts(), rate, fe, model,
                Quantities.positive(p.get("double_layer_capacitance"), Dimension.CAPACITANCE_PER_AREA), cpeExponent,
                p.quantity("uncompensated_resistance", Dimension.RESISTANCE),
                p.fraction("compensation"), ocp.volts(),
                Quantities.duration(p.get("open_circuit_relaxation")).toNanos() / 1e9,
                p.fraction("drift_per_hour"), perMinute / 60.0, p.fraction("bubble_amplitude_max"),
                Quantities.duration(p.get("bubble_duration_max")).toNanos() / 1e9, shares);
    }
}
