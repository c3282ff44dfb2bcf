package org.norrlab.config;

import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code cell:} block as written in config/site.yaml or in a protocol: every field optional,
 * because a protocol only overrides what differs from the site. {@link #resolve} layers one block
 * over another and insists that the result is complete.
 */
public record CellBlock(Optional<Sourced<ReferenceElectrode>> referenceElectrode, Optional<Sourced<Double>> pH,
                        Optional<Sourced<Double>> temperatureCelsius, Optional<Sourced<Double>> electrodeAreaCm2,
                        Optional<Sourced<Double>> catalystLoadingMgPerCm2, Optional<Sourced<Double>> electrolyteVolumeMl,
                        Location location, Optional<Sourced<Potential>> idlePotential) {

    public CellBlock(Optional<Sourced<ReferenceElectrode>> referenceElectrode, Optional<Sourced<Double>> pH,
                     Optional<Sourced<Double>> temperatureCelsius, Optional<Sourced<Double>> electrodeAreaCm2,
                     Optional<Sourced<Double>> catalystLoadingMgPerCm2, Optional<Sourced<Double>> electrolyteVolumeMl,
                     Location location) {
        this(referenceElectrode, pH, temperatureCelsius, electrodeAreaCm2, catalystLoadingMgPerCm2, electrolyteVolumeMl,
                location, Optional.empty());
    }

    /** A value with the place it came from, so that a resolved setting can still point at its line. */
    public record Sourced<T>(T value, Location location) {
    }

    static final String[] FIELDS = {"reference_electrode", "ph", "temperature", "electrode_area", "catalyst_loading",
            "electrolyte_volume", "idle_potential"};

    /** A complete block from resolved settings, e.g. those stored with a session. */
    public static CellBlock of(CellSettings cell, Location location) {
        return new CellBlock(Optional.of(new Sourced<>(cell.referenceElectrode(), location)),
                Optional.of(new Sourced<>(cell.pH(), location)), Optional.of(new Sourced<>(cell.temperatureCelsius(), location)),
                Optional.of(new Sourced<>(cell.electrodeAreaCm2(), location)),
                Optional.of(new Sourced<>(cell.catalystLoadingMgPerCm2(), location)),
                Optional.of(new Sourced<>(cell.electrolyteVolumeMl(), location)), location);
    }

    public static CellBlock empty(Location location) {
        return new CellBlock(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), location);
    }

    public static CellBlock read(YamlNode node) throws ConfigException {
        return read(node, List.of());
    }

    /**
     * The block, allowing {@code readByCaller} besides its own fields: a protocol's cell block also says which gas
     * the electrolyte is saturated with, which the protocol loader reads and config/site.yaml has no use for.
     */
    public static CellBlock read(YamlNode node, List<String> readByCaller) throws ConfigException {
        YamlNode.Mapping cell = node.asMapping();
        List<String> allowed = new ArrayList<>(List.of(FIELDS));
        allowed.addAll(readByCaller);
        cell.allowOnly(allowed);
        Optional<Sourced<ReferenceElectrode>> re = Optional.empty();
        Optional<YamlNode> reNode = cell.get("reference_electrode");
        if (reNode.isPresent()) {
            re = Optional.of(new Sourced<>(referenceElectrode(reNode.get()), reNode.get().location()));
        }
        Optional<Sourced<Double>> ph = Optional.empty();
        if (cell.get("ph").isPresent()) {
            YamlNode phNode = cell.require("ph");
            double value = phNode.asScalar().number("a pH between -1 and 15, e.g. 7.0");
            if (value < -1 || value > 15) {
                throw phNode.error("pH " + value + " is outside -1 .. 15");
            }
            ph = Optional.of(new Sourced<>(value, phNode.location()));
        }
        Optional<Sourced<Potential>> idle = Optional.empty();
        Optional<YamlNode> idleNode = cell.get("idle_potential");
        if (idleNode.isPresent()) {
            idle = Optional.of(new Sourced<>(Quantities.potential(idleNode.get()), idleNode.get().location()));
        }
        return new CellBlock(re, ph,
                quantity(cell, "temperature", Dimension.TEMPERATURE, false),
                quantity(cell, "electrode_area", Dimension.AREA, true),
                quantity(cell, "catalyst_loading", Dimension.MASS_LOADING, false),
                quantity(cell, "electrolyte_volume", Dimension.VOLUME, true),
                node.location(), idle);
    }

    private static Optional<Sourced<Double>> quantity(YamlNode.Mapping cell, String key, Dimension dimension,
                                                      boolean strictlyPositive) throws ConfigException {
        Optional<YamlNode> node = cell.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        double value = strictlyPositive ? Quantities.positive(node.get(), dimension) : Quantities.parse(node.get(), dimension);
        if (dimension == Dimension.MASS_LOADING && value < 0) {
            throw node.get().error("must not be negative");
        }
        if (dimension == Dimension.TEMPERATURE && (value <= -30 || value >= 150)) {
            throw node.get().error("a cell temperature of " + value + " °C is outside -30 .. 150 °C");
        }
        return Optional.of(new Sourced<>(value, node.get().location()));
    }

    private static ReferenceElectrode referenceElectrode(YamlNode node) throws ConfigException {
        if (node instanceof YamlNode.Mapping custom) {
            custom.allowOnly("name", "e0_vs_she", "source");
            String name = custom.requireText("name");
            double e0 = Quantities.parse(custom.require("e0_vs_she"), Dimension.POTENTIAL);
            String source = custom.text("source").orElse("operator value in " + node.location().file().getFileName());
            return new ReferenceElectrode(name, e0, source);
        }
        String written = node.asScalar().text();
        return ReferenceElectrode.known(written).orElseThrow(() -> node.error("'" + written
                + "' is not a reference electrode we know; use one of: " + ReferenceElectrode.knownNames()
                + ", or give your own as {name: ..., e0_vs_she: 0.205 V}"));
    }

    /** This block's values where given, the other block's elsewhere. */
    public CellBlock over(CellBlock base) {
        return new CellBlock(referenceElectrode.or(base::referenceElectrode), pH.or(base::pH),
                temperatureCelsius.or(base::temperatureCelsius), electrodeAreaCm2.or(base::electrodeAreaCm2),
                catalystLoadingMgPerCm2.or(base::catalystLoadingMgPerCm2),
                electrolyteVolumeMl.or(base::electrolyteVolumeMl), location, idlePotential.or(base::idlePotential));
    }

    /** Complete settings, or an error naming the first field nobody set. Loading and temperature have safe defaults. */
    public CellSettings resolve() throws ConfigException {
        ReferenceElectrode re = referenceElectrode.orElseThrow(() -> missing("reference_electrode",
                "one of " + ReferenceElectrode.knownNames())).value();
        double phValue = pH.orElseThrow(() -> missing("ph", "the measured pH of the electrolyte, e.g. 7.0")).value();
        double area = electrodeAreaCm2.orElseThrow(() -> missing("electrode_area", "e.g. 1 cm2")).value();
        double volume = electrolyteVolumeMl.orElseThrow(() -> missing("electrolyte_volume", "e.g. 35 mL")).value();
        return new CellSettings(re, phValue, temperatureCelsius.map(Sourced::value).orElse(25.0), area,
                catalystLoadingMgPerCm2.map(Sourced::value).orElse(0.0), volume);
    }

    private ConfigException missing(String field, String allowed) {
        return new ConfigException(location, "cell." + field,
                "is not set in the protocol's cell block nor in config/site.yaml; give " + allowed);
    }
}
