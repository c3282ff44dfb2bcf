package org.norrlab.driver.methodscript;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Dimension;
import org.norrlab.config.Quantities;
import org.norrlab.config.YamlNode;
import org.norrlab.driver.FamilySettings;
import org.norrlab.protocol.methodscript.ScriptWriter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code methodscript:} block of a profile.
 *
 * @param deviceTypes     firmware reply prefixes that identify this model (e.g. "espico", "es4_lr")
 * @param rangeCodes      range metadata code → full scale in amperes, from the vendor's table for the model
 * @param maxMalformedLines device lines that may fail to parse before a step is stopped
 * @param impedance       the impedance loop's frequency and amplitude limits; empty when the profile has no {@code eis:}
 *                        block (then an eis step is refused)
 */
public record MethodScriptSettings(List<String> deviceTypes, ScriptWriter.Settings script, Map<Integer, Double> rangeCodes,
                                   int maxMalformedLines, Optional<ImpedanceLimits> impedance) implements FamilySettings {

    static MethodScriptSettings read(YamlNode.Mapping block) throws ConfigException {
        block.allowOnly("device_types", "pgstat_mode", "max_bandwidth", "autorange", "range_codes", "max_malformed_lines", "eis");
        List<String> types = new java.util.ArrayList<>();
        for (YamlNode node : block.require("device_types").asSeq().items()) {
            types.add(node.asScalar().text().trim());
        }
        int mode = (int) block.require("pgstat_mode").asScalar().integer("the PGStat mode, e.g. 2");
        int bandwidth = (int) block.require("max_bandwidth").asScalar().integer("the maximum bandwidth in Hz, e.g. 60");
        YamlNode.Mapping autorange = block.require("autorange").asMapping();
        autorange.allowOnly("min", "max");
        double min = Quantities.positive(autorange.require("min"), Dimension.CURRENT);
        double max = Quantities.positive(autorange.require("max"), Dimension.CURRENT);
        Map<Integer, Double> codes = new TreeMap<>();
        YamlNode.Mapping table = block.require("range_codes").asMapping();
        for (String key : table.keys()) {
            int code;
            try {
                code = Integer.parseInt(key.trim());
            } catch (NumberFormatException e) {
                throw table.require(key).error("range codes are whole numbers as the device reports them (decimal), not '" + key + "'");
            }
            codes.put(code, Quantities.positive(table.require(key), Dimension.CURRENT));
        }
        int malformed = (int) block.require("max_malformed_lines").asScalar().integer("a count, e.g. 10");
        Optional<ImpedanceLimits> impedance = block.get("eis").isPresent()
                ? Optional.of(ImpedanceLimits.read(block.require("eis").asMapping())) : Optional.empty();
        return new MethodScriptSettings(List.copyOf(types), new ScriptWriter.Settings(mode, bandwidth, min, max),
                Map.copyOf(codes), malformed, impedance);
    }
}
