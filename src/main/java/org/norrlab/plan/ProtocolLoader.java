package org.norrlab.plan;

import org.norrlab.config.CellBlock;
import org.norrlab.config.ConfigException;
import org.norrlab.config.Dimension;
import org.norrlab.config.Potential;
import org.norrlab.config.Quantities;
import org.norrlab.config.SiteConfig;
import org.norrlab.config.YamlFiles;
import org.norrlab.config.YamlNode;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.RheScale;
import org.norrlab.safety.SafetyEnvelope;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads protocols/*.yaml. Step kinds: {@code ocp} (rest at open circuit), {@code ca}
 * (chronoamperometry at one potential) and {@code sweep} (a CA at each potential of a list, with an
 * optional open-circuit rest before each). The file format is documented in the shipped protocols.
 */
public final class ProtocolLoader {
    private static final String ALLOWED_STEPS = "ocp, ca, sweep";

    private ProtocolLoader() {
    }

    public static Plan load(Path file, SiteConfig site) throws ConfigException {
        return parse(file, YamlFiles.readText(file), site);
    }

    /** A protocol from its text, e.g. as stored with a session; {@code file} names it in messages. */
    public static Plan parse(Path file, String text, SiteConfig site) throws ConfigException {
        YamlNode.Mapping root = YamlFiles.parse(file, text).asMapping();
        root.allowOnly("name", "description", "cell", "safety", "on_interruption", "steps");
        String name = root.text("name").orElse(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        String description = root.text("description").orElse("");
        CellBlock cellBlock = root.get("cell").isPresent() ? CellBlock.read(root.require("cell"))
                : CellBlock.empty(root.location());
        if (cellBlock.idlePotential().isPresent()) {
            throw new ConfigException(cellBlock.idlePotential().get().location(), "cell.idle_potential",
                    "belongs in config/site.yaml: it is what the bench holds between runs, not part of a protocol");
        }
        CellSettings cell = cellBlock.over(site.cell()).resolve();
        RheScale scale = cell.rheScale();

        YamlNode.Seq stepNodes = root.require("steps").asSeq();
        if (stepNodes.items().isEmpty()) {
            throw stepNodes.error("the protocol has no steps; add at least one of: " + ALLOWED_STEPS);
        }
        List<PlannedStep> steps = new ArrayList<>();
        List<PlanWarning> warnings = new ArrayList<>();
        for (YamlNode item : stepNodes.items()) {
            readStep(item, scale, steps, warnings);
        }
        warnings.addAll(PlanWarnings.signSlips(steps));
        SafetyEnvelope safety = (root.get("safety").isPresent()
                ? SafetyEnvelope.read(root.require("safety")) : SafetyEnvelope.NONE)
                .over(SafetyEnvelope.of(site));
        Plan.OnInterruption onInterruption = Plan.OnInterruption.CONTINUE;
        if (root.get("on_interruption").isPresent()) {
            YamlNode node = root.require("on_interruption");
            if (node.isEmpty()) {
                throw node.error("is empty; write one of: restart, continue, skip");
            }
            onInterruption = switch (node.asScalar().text().trim()) {
                case "restart" -> Plan.OnInterruption.RESTART;
                case "continue" -> Plan.OnInterruption.CONTINUE;
                case "skip" -> Plan.OnInterruption.SKIP;
                default -> throw node.error("'" + node.asScalar().text() + "' is not allowed; allowed: restart, continue, skip");
            };
        }
        return new Plan(name, description, file, text, cell, steps, safety, onInterruption, warnings);
    }

    private static void readStep(YamlNode item, RheScale scale, List<PlannedStep> out, List<PlanWarning> warnings)
            throws ConfigException {
        YamlNode.Mapping wrapper = item.asMapping();
        if (wrapper.fields().size() != 1) {
            throw item.error("each step is one of " + ALLOWED_STEPS + ", written as '- ca: {...}'; found "
                    + (wrapper.fields().isEmpty() ? "nothing" : String.join(", ", wrapper.keys())));
        }
        Map.Entry<String, YamlNode> only = wrapper.fields().entrySet().iterator().next();
        YamlNode.Mapping body = only.getValue().asMapping();
        switch (only.getKey()) {
            case "ocp" -> {
                body.allowOnly("label", "duration", "interval");
                Timing timing = Timing.read(body);
                out.add(new PlannedStep.OpenCircuit(out.size() + 1, body.text("label").orElse("OCP rest"),
                        timing.interval, timing.duration, item.location()));
            }
            case "ca" -> {
                body.allowOnly("label", "potential", "duration", "interval", "current_range");
                Potential potential = Quantities.potential(body.require("potential"));
                out.add(chronoamperometry(out.size() + 1, body, potential, scale, item));
            }
            case "sweep" -> {
                body.allowOnly("potentials", "duration", "interval", "current_range", "rest_before");
                YamlNode.Seq potentials = body.require("potentials").asSeq();
                if (potentials.items().isEmpty()) {
                    throw potentials.error("the sweep lists no potentials; write e.g. [-0.4 V vs RHE, -0.5 V vs RHE]");
                }
                Timing rest = null;
                if (body.get("rest_before").isPresent()) {
                    YamlNode.Mapping restNode = body.require("rest_before").asMapping();
                    restNode.allowOnly("duration", "interval");
                    rest = Timing.read(restNode);
                }
                List<Potential> written = new ArrayList<>();
                for (YamlNode potentialNode : potentials.items()) {
                    Potential potential = Quantities.potential(potentialNode);
                    written.add(potential);
                    if (rest != null) {
                        out.add(new PlannedStep.OpenCircuit(out.size() + 1, "OCP rest before " + potential,
                                rest.interval, rest.duration, potentialNode.location()));
                    }
                    out.add(chronoamperometry(out.size() + 1, body, potential, scale, potentialNode));
                }
                PlanWarnings.mixedScales(item.location(), written).ifPresent(warnings::add);
            }
            default -> throw new ConfigException(wrapper.location(), only.getValue().path(),
                    "is not a step kind; allowed: " + ALLOWED_STEPS);
        }
    }

    private static PlannedStep.Chronoamperometry chronoamperometry(int index, YamlNode.Mapping body, Potential potential,
                                                                   RheScale scale, YamlNode where) throws ConfigException {
        Timing timing = Timing.read(body);
        double vsRhe = potential.scale() == Potential.Scale.RHE ? potential.volts() : scale.toRhe(potential.volts());
        double vsRe = potential.scale() == Potential.Scale.RE ? potential.volts() : scale.toReference(potential.volts());
        CurrentRangeChoice range = CurrentRangeChoice.AUTO;
        if (body.get("current_range").isPresent()) {
            YamlNode rangeNode = body.require("current_range");
            String written = rangeNode.asScalar().text().trim();
            range = written.equalsIgnoreCase("auto") ? CurrentRangeChoice.AUTO
                    : CurrentRangeChoice.fixed(Quantities.positive(rangeNode, Dimension.CURRENT));
        }
        String label = body.text("label").orElse("CA " + potential);
        return new PlannedStep.Chronoamperometry(index, label, potential, vsRhe, vsRe, timing.interval,
                timing.duration, range, where.location());
    }

    private record Timing(Duration duration, Duration interval) {
        static Timing read(YamlNode.Mapping body) throws ConfigException {
            Duration duration = Quantities.duration(body.require("duration"));
            YamlNode intervalNode = body.require("interval");
            Duration interval = Quantities.duration(intervalNode);
            if (interval.compareTo(duration) > 0) {
                throw intervalNode.error("the interval (" + intervalNode.asScalar().text()
                        + ") is longer than the step's duration; it must be at most the duration");
            }
            return new Timing(duration, interval);
        }
    }
}
