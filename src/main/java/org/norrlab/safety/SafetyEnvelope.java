package org.norrlab.safety;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Dimension;
import org.norrlab.config.Potential;
import org.norrlab.config.Quantities;
import org.norrlab.config.SiteConfig;
import org.norrlab.config.YamlNode;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits in the operator's own terms; an empty limit is not checked. The protocol's block overrides
 * the site's field by field ({@link #over}).
 *
 * @param maxConsecutiveRangeFlags this many samples in a row flagged overload or underload is a breach
 * @param stopRun                 on a breach stop the whole run (true) or only the step (false)
 * @param watchdog                no sample for this long while a step runs: the cell is switched off
 */
public record SafetyEnvelope(Optional<Double> minVoltsVsRhe, Optional<Double> maxVoltsVsRhe, Optional<Double> maxAbsAmperes,
                             Optional<Double> maxChargeCoulombs, Optional<Duration> maxStepDuration,
                             Optional<Integer> maxConsecutiveRangeFlags, Optional<Boolean> stopRun,
                             Optional<Duration> watchdog) {

    public static final SafetyEnvelope NONE = new SafetyEnvelope(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** The site's envelope: the safety block of config/site.yaml, or none. */
    public static SafetyEnvelope of(SiteConfig site) throws ConfigException {
        return site.safety().isPresent() ? read(site.safety().get()) : NONE;
    }

    public static SafetyEnvelope read(YamlNode node) throws ConfigException {
        YamlNode.Mapping block = node.asMapping();
        block.allowOnly("potential_window", "max_current", "max_charge_per_step", "max_step_duration",
                "max_consecutive_overloads", "on_breach", "watchdog");
        Optional<Double> min = Optional.empty();
        Optional<Double> max = Optional.empty();
        if (block.get("potential_window").isPresent()) {
            YamlNode.Mapping window = block.require("potential_window").asMapping();
            window.allowOnly("min", "max");
            min = Optional.of(rhe(window.require("min")));
            max = Optional.of(rhe(window.require("max")));
            if (!(min.get() < max.get())) {
                throw window.error("min must be below max");
            }
        }
        Optional<Double> current = block.get("max_current").isPresent()
                ? Optional.of(Quantities.positive(block.require("max_current"), Dimension.CURRENT)) : Optional.empty();
        Optional<Double> charge = Optional.empty();
        if (block.get("max_charge_per_step").isPresent()) {
            YamlNode chargeNode = block.require("max_charge_per_step");
            String text = chargeNode.asScalar().text().trim();
            if (!text.endsWith(" C") && !text.endsWith("C")) {
                throw chargeNode.error("'" + text + "' is not a charge; write coulombs, e.g. '500 C'");
            }
            String number = text.substring(0, text.length() - 1).trim();
            try {
                double coulombs = Double.parseDouble(number);
                if (!(coulombs > 0)) {
                    throw chargeNode.error("must be greater than zero");
                }
                charge = Optional.of(coulombs);
            } catch (NumberFormatException e) {
                throw chargeNode.error("'" + text + "' is not a charge; write coulombs, e.g. '500 C'");
            }
        }
        Optional<Duration> duration = block.get("max_step_duration").isPresent()
                ? Optional.of(Quantities.duration(block.require("max_step_duration"))) : Optional.empty();
        Optional<Integer> flags = Optional.empty();
        if (block.get("max_consecutive_overloads").isPresent()) {
            YamlNode n = block.require("max_consecutive_overloads");
            long value = n.asScalar().integer("a count of samples, e.g. 50");
            if (value < 1) {
                throw n.error("must be at least 1");
            }
            flags = Optional.of((int) value);
        }
        Optional<Boolean> stopRun = Optional.empty();
        if (block.get("on_breach").isPresent()) {
            YamlNode n = block.require("on_breach");
            stopRun = Optional.of(switch (n.asScalar().text().trim()) {
                case "stop_step" -> false;
                case "stop_run" -> true;
                default -> throw n.error("'" + n.asScalar().text() + "' is not allowed; allowed: stop_step, stop_run");
            });
        }
        Optional<Duration> watchdog = block.get("watchdog").isPresent()
                ? Optional.of(Quantities.duration(block.require("watchdog"))) : Optional.empty();
        return new SafetyEnvelope(min, max, current, charge, duration, flags, stopRun, watchdog);
    }

    private static double rhe(YamlNode node) throws ConfigException {
        Potential p = Quantities.potential(node);
        if (p.scale() != Potential.Scale.RHE) {
            throw node.error("the safety window is set vs RHE, the scale experiments are designed in; write e.g. '-1.2 V vs RHE'");
        }
        return p.volts();
    }

    /** This envelope's limits where set, the other's elsewhere. */
    public SafetyEnvelope over(SafetyEnvelope base) {
        return new SafetyEnvelope(minVoltsVsRhe.or(base::minVoltsVsRhe), maxVoltsVsRhe.or(base::maxVoltsVsRhe),
                maxAbsAmperes.or(base::maxAbsAmperes), maxChargeCoulombs.or(base::maxChargeCoulombs),
                maxStepDuration.or(base::maxStepDuration), maxConsecutiveRangeFlags.or(base::maxConsecutiveRangeFlags),
                stopRun.or(base::stopRun), watchdog.or(base::watchdog));
    }
}
