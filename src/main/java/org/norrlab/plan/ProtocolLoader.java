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
import org.norrlab.core.Gas;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.RheScale;
import org.norrlab.safety.SafetyEnvelope;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Reads protocols/*.yaml. Step kinds: {@code ocp} (rest at open circuit), {@code ca}
 * (chronoamperometry at one potential), {@code ca_series} (a CA at each potential of a list, with an
 * optional open-circuit rest before each and an operator hold after each; old name {@code sweep}),
 * {@code lsv} (linear sweep), {@code cv} (cyclic voltammetry), {@code cp} (chronopotentiometry at a set
 * current), {@code eis} (an impedance spectrum, for R_u), {@code hold} (wait for the operator) and {@code repeat} (a block of steps run several times,
 * each time a cycle of its own). {@code gas: Ar | NO} in the cell block is the gas of every measuring step,
 * and a step's own {@code gas:} overrides it. The file format is documented in the shipped protocols
 * (norr-sweep.yaml for CA, norr-study.yaml for the sweeps, CP and EIS).
 */
public final class ProtocolLoader {
    private static final String ALLOWED_STEPS = "ocp, ca, ca_series, lsv, cv, cp, eis, hold, repeat";
    private static final String ALLOWED_IN_REPEAT = "ocp, ca, ca_series, lsv, cv, cp, eis, hold";
    private static final Duration DEFAULT_HOLD_INTERVAL = Duration.ofSeconds(1);

    private ProtocolLoader() {
    }

    public static Plan load(Path file, SiteConfig site) throws ConfigException {
        return parse(file, YamlFiles.readText(file), site);
    }

    /**
     * The protocol run in the cell the operator confirmed before the run (the GUI's run form): each value of
     * {@code entered} wins over the protocol's cell block and config/site.yaml, and its potentials vs RHE are converted
     * with the cell that results.
     */
    public static Plan load(Path file, SiteConfig site, Optional<CellBlock> entered) throws ConfigException {
        return parse(file, YamlFiles.readText(file), site, entered);
    }

    /**
     * The protocol's cell block laid over config/site.yaml's, not resolved: every value still names the line it came
     * from (the run form shows where each default came from). Missing fields stay missing.
     */
    public static CellBlock cellDefaults(Path file, SiteConfig site) throws ConfigException {
        return protocolCell(YamlFiles.parse(file, YamlFiles.readText(file)).asMapping()).over(site.cell());
    }

    /** A protocol from its text, e.g. as stored with a session; {@code file} names it in messages. */
    public static Plan parse(Path file, String text, SiteConfig site) throws ConfigException {
        return parse(file, text, site, Optional.empty());
    }

    /** As {@link #parse(Path, String, SiteConfig)}, in the {@code entered} cell where one is given. */
    public static Plan parse(Path file, String text, SiteConfig site, Optional<CellBlock> entered)
            throws ConfigException {
        YamlNode.Mapping root = YamlFiles.parse(file, text).asMapping();
        root.allowOnly("name", "description", "cell", "safety", "on_interruption", "electrolyte", "unattended", "steps");
        String name = root.text("name").orElse(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        String description = root.text("description").orElse("");
        CellBlock cellBlock = protocolCell(root);
        Optional<Gas> cellGas = root.get("cell").isPresent() ? gas(root.require("cell").asMapping()) : Optional.empty();
        CellSettings cell = entered.map(e -> e.over(cellBlock)).orElse(cellBlock).over(site.cell()).resolve();
        CellDefaults defaults = new CellDefaults(cell.rheScale(), cell.electrodeAreaCm2(), cellGas);

        YamlNode.Seq stepNodes = root.require("steps").asSeq();
        if (stepNodes.items().isEmpty()) {
            throw stepNodes.error("the protocol has no steps; add at least one of: " + ALLOWED_STEPS);
        }
        Electrolyte.Mode mode = Electrolyte.Mode.REFRESH;
        if (root.get("electrolyte").isPresent()) {
            YamlNode node = root.require("electrolyte");
            String written = node.isEmpty() ? "" : node.asScalar().text().trim();
            mode = switch (written) {
                case "refresh" -> Electrolyte.Mode.REFRESH;
                case "accumulate" -> Electrolyte.Mode.ACCUMULATE;
                default -> throw node.error((written.isEmpty() ? "is empty" : "'" + written + "' is not allowed")
                        + "; allowed: refresh (fresh catholyte for every CA step), accumulate (one batch for several steps)");
            };
        }
        boolean unattended = root.get("unattended").isPresent() && root.require("unattended").asScalar().bool();
        Steps steps = new Steps();
        for (YamlNode item : stepNodes.items()) {
            readStep(item, defaults, steps, null);
        }
        List<PlannedStep> planned = steps.withBatches(mode);
        List<PlanWarning> warnings = new ArrayList<>(steps.warnings);
        warnings.addAll(PlanWarnings.signSlips(planned));
        warnings.addAll(PlanWarnings.anodicCurrents(planned));
        warnings.addAll(PlanWarnings.gasSwitches(planned));
        if (unattended) {
            for (PlannedStep.Hold hold : holds(planned)) {
                if (hold.onTimeout().isEmpty()) {
                    throw new ConfigException(hold.source(), "steps[" + hold.index() + "].hold.on_timeout",
                            "is missing: the protocol says 'unattended: true', so this hold ('" + hold.message()
                                    + "') cannot wait for anyone; write on_timeout: continue or on_timeout: abort");
                }
            }
        }
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
        return new Plan(name, description, file, text, cell, planned, safety, onInterruption, warnings,
                new Electrolyte(mode, steps.aliquots), unattended, steps.notes);
    }

    private static List<PlannedStep.Hold> holds(List<PlannedStep> steps) {
        List<PlannedStep.Hold> holds = new ArrayList<>();
        for (PlannedStep step : steps) {
            step.asHold().ifPresent(holds::add);
        }
        return holds;
    }

    /** The steps read so far, with the aliquots they plan and the warnings found; indices count from 1. */
    private static final class Steps {
        final List<PlannedStep> list = new ArrayList<>();
        final List<Electrolyte.PlannedAliquot> aliquots = new ArrayList<>();
        final List<PlanWarning> warnings = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        int next() {
            return list.size() + 1;
        }

        void add(PlannedStep step, StepContext context) {
            list.add(step.with(step.index(), context));
        }

        /**
         * Each step's electrolyte batch. Refresh: every CA step begins a new batch (the steps around it share the
         * batch in the cell at the time). Accumulate: one batch until a hold with new_electrolyte, the next after it.
         */
        List<PlannedStep> withBatches(Electrolyte.Mode mode) {
            List<PlannedStep> out = new ArrayList<>();
            int batch = 1;
            boolean batchHasCa = false;
            boolean newAfterThis = false;
            for (PlannedStep step : list) {
                if (newAfterThis) {
                    batch++;
                    batchHasCa = false;
                    newAfterThis = false;
                }
                boolean isCa = step.isChronoamperometry();
                if (isCa && mode == Electrolyte.Mode.REFRESH && batchHasCa) {
                    batch++;
                }
                batchHasCa |= isCa;
                out.add(step.with(step.index(), step.context().inBatch(batch)));
                newAfterThis = step.asHold().map(PlannedStep.Hold::newElectrolyte).orElse(false)
                        && mode == Electrolyte.Mode.ACCUMULATE;
            }
            return out;
        }
    }
    /**
     * What every step shares from the protocol's cell block: the RHE scale, the electrode area (a CP current
     * density becomes a current with it) and the gas of every measuring step that does not name its own.
     */
    private record CellDefaults(RheScale scale, double electrodeAreaCm2, Optional<Gas> gas) {
        /** The step's gas: its own {@code gas:}, else the cell block's. */
        StepContext measuring(YamlNode.Mapping body, StepContext context) throws ConfigException {
            return context.withGas(ProtocolLoader.gas(body).or(this::gas));
        }
    }

    /** Reads one item of a steps list; {@code cycle} is the repeat block's context when inside one. */
    /** The protocol's own cell block (empty where it has none); idle_potential is refused there. */
    private static CellBlock protocolCell(YamlNode.Mapping root) throws ConfigException {
        CellBlock cellBlock = root.get("cell").isPresent() ? CellBlock.read(root.require("cell"), List.of("gas"))
                : CellBlock.empty(root.location());
        if (cellBlock.idlePotential().isPresent()) {
            throw new ConfigException(cellBlock.idlePotential().get().location(), "cell.idle_potential",
                    "belongs in config/site.yaml: it is what the bench holds between runs, not part of a protocol");
        }
        return cellBlock;
    }

    private static void readStep(YamlNode item, CellDefaults cell, Steps out, StepContext cycle) throws ConfigException {
        RheScale scale = cell.scale();
        StepContext context = cycle == null ? StepContext.NONE : cycle;
        YamlNode.Mapping wrapper = item.asMapping();
        if (wrapper.fields().size() != 1) {
            throw item.error("each step is one of " + ALLOWED_STEPS + ", written as '- ca: {...}'; found "
                    + (wrapper.fields().isEmpty() ? "nothing" : String.join(", ", wrapper.keys())));
        }
        Map.Entry<String, YamlNode> only = wrapper.fields().entrySet().iterator().next();
        YamlNode.Mapping body = only.getValue().asMapping();
        switch (only.getKey()) {
            case "ocp" -> {
                body.allowOnly("label", "duration", "interval", "gas");
                Timing timing = Timing.read(body);
                out.add(new PlannedStep.OpenCircuit(out.next(), body.text("label").orElse("OCP rest"),
                        timing.interval, timing.duration, item.location()), cell.measuring(body, context));
            }
            case "ca" -> {
                body.allowOnly("label", "potential", "duration", "interval", "current_range", "aliquot", "gas");
                Potential potential = Quantities.potential(body.require("potential"));
                out.add(chronoamperometry(out.next(), body, potential, scale, item), cell.measuring(body, context));
                readAliquot(body, out, out.list.size(), Electrolyte.TakenBy.AUTOSAMPLER);
            }
            case "lsv" -> out.add(SweepSteps.linearSweep(out.next(), body, scale, item), cell.measuring(body, context));
            case "cv" -> out.add(SweepSteps.cyclicVoltammetry(out.next(), body, scale, item),
                    cell.measuring(body, context));
            case "cp" -> out.add(SweepSteps.chronopotentiometry(out.next(), body, cell.scale(), cell.electrodeAreaCm2(),
                    item), cell.measuring(body, context));
            case "eis" -> out.add(ImpedanceSteps.impedance(out.next(), body, scale, item), cell.measuring(body, context));
            case "hold" -> readHold(item, body, out, context);
            case "repeat" -> {
                if (cycle != null) {
                    throw new ConfigException(wrapper.location(), only.getValue().path(),
                            "a repeat block inside a repeat block is not supported; write the inner steps out");
                }
                body.allowOnly("times", "label", "steps");
                YamlNode timesNode = body.require("times");
                long times = timesNode.asScalar().integer("a number of cycles");
                if (times < 1 || times > 1000) {
                    throw timesNode.error(times + " cycles is not allowed; allowed: 1 .. 1000");
                }
                String block = body.text("label").orElse("repeat");
                YamlNode.Seq inner = body.require("steps").asSeq();
                if (inner.items().isEmpty()) {
                    throw inner.error("the repeat block has no steps; add at least one of: " + ALLOWED_IN_REPEAT);
                }
                for (int c = 1; c <= times; c++) {
                    for (YamlNode innerItem : inner.items()) {
                        readStep(innerItem, cell, out, StepContext.NONE.inCycle(block, c, (int) times));
                    }
                }
            }
            case "ca_series", "sweep" -> {
                if (only.getKey().equals("sweep")) {
                    out.notes.add(wrapper.location() + ": 'sweep' is the old name of 'ca_series' (a CA step at each"
                            + " potential of a list) and is read as ca_series; rename it, since 'sweep' will mean a"
                            + " potential sweep");
                }
                body.allowOnly("potentials", "duration", "interval", "current_range", "rest_before", "hold_after",
                        "aliquot", "gas");
                StepContext measuring = cell.measuring(body, context);
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
                List<YamlNode> items = potentials.items();
                for (int i = 0; i < items.size(); i++) {
                    YamlNode potentialNode = items.get(i);
                    refuseDecimalComma(potentialNode, i + 1 < items.size() ? Optional.of(items.get(i + 1)) : Optional.empty());
                    Potential potential = Quantities.potential(potentialNode);
                    written.add(potential);
                    if (rest != null) {
                        out.add(new PlannedStep.OpenCircuit(out.next(), "OCP rest before " + potential,
                                rest.interval, rest.duration, potentialNode.location()), measuring);
                    }
                    out.add(chronoamperometry(out.next(), body, potential, scale, potentialNode), measuring);
                    readAliquot(body, out, out.list.size(), Electrolyte.TakenBy.AUTOSAMPLER);
                    if (body.get("hold_after").isPresent()) {
                        YamlNode holdNode = body.require("hold_after");
                        readHold(holdNode, holdNode.asMapping(), out, context);
                    }
                }
                PlanWarnings.mixedScales(item.location(), written).ifPresent(out.warnings::add);
            }
            default -> throw new ConfigException(wrapper.location(), only.getValue().path(),
                    "is not a step kind; allowed: " + ALLOWED_STEPS);
        }
    }

    /**
     * {@code hold: {message, label, cell: off|ocp, interval, timeout, on_timeout: continue|abort, aliquot, new_electrolyte}}.
     * An aliquot taken at a hold is taken from the batch as the step before the hold left it.
     */
    private static void readHold(YamlNode item, YamlNode.Mapping body, Steps out, StepContext context)
            throws ConfigException {
        body.allowOnly("message", "label", "cell", "interval", "timeout", "on_timeout", "aliquot", "new_electrolyte");
        String message = body.requireText("message").trim();
        if (message.isEmpty()) {
            throw body.require("message").error("is empty; write what the operator is asked to do, e.g."
                    + " 'Replace the catholyte and take a 1 mL aliquot'");
        }
        PlannedStep.Hold.HoldCell cell = PlannedStep.Hold.HoldCell.OFF;
        if (body.get("cell").isPresent()) {
            YamlNode node = body.require("cell");
            String written = node.isEmpty() ? "" : node.asScalar().text().trim();
            cell = switch (written) {
                case "off" -> PlannedStep.Hold.HoldCell.OFF;
                case "ocp" -> PlannedStep.Hold.HoldCell.OCP;
                default -> throw node.error((written.isEmpty() ? "is empty" : "'" + written + "' is not allowed")
                        + "; allowed: off (cell switched off), ocp (cell off, open-circuit potential recorded)");
            };
        }
        Duration interval = DEFAULT_HOLD_INTERVAL;
        if (body.get("interval").isPresent()) {
            if (cell != PlannedStep.Hold.HoldCell.OCP) {
                throw body.require("interval").error("only means something with cell: ocp (the potential is recorded"
                        + " at this interval while the run waits); remove it or write cell: ocp");
            }
            interval = Quantities.duration(body.require("interval"));
        }
        java.util.Optional<Duration> timeout = java.util.Optional.empty();
        if (body.get("timeout").isPresent()) {
            timeout = java.util.Optional.of(Quantities.duration(body.require("timeout")));
        }
        java.util.Optional<PlannedStep.Hold.OnTimeout> onTimeout = java.util.Optional.empty();
        if (body.get("on_timeout").isPresent()) {
            YamlNode node = body.require("on_timeout");
            String written = node.isEmpty() ? "" : node.asScalar().text().trim();
            onTimeout = java.util.Optional.of(switch (written) {
                case "continue" -> PlannedStep.Hold.OnTimeout.CONTINUE;
                case "abort" -> PlannedStep.Hold.OnTimeout.ABORT;
                default -> throw node.error((written.isEmpty() ? "is empty" : "'" + written + "' is not allowed")
                        + "; allowed: continue (go on with the next step), abort (end the run, cell off)");
            });
        }
        if (onTimeout.isPresent() && timeout.isEmpty()) {
            throw body.require("on_timeout").error("needs a timeout to follow: add e.g. timeout: 30 min");
        }
        boolean newElectrolyte = body.get("new_electrolyte").isPresent() && body.require("new_electrolyte").asScalar().bool();
        int before = out.list.size();
        out.add(new PlannedStep.Hold(out.next(), body.text("label").orElse("Hold: " + message), message, cell, interval,
                timeout, onTimeout, newElectrolyte, item.location(), StepContext.NONE), context);
        if (before == 0 && body.get("aliquot").isPresent()) {
            throw body.require("aliquot").error("an aliquot at a hold is taken from what the step before it made, and"
                    + " this hold is the first step; move the aliquot to a hold after a CA step");
        }
        readAliquot(body, out, before, Electrolyte.TakenBy.OPERATOR);
    }

    /** {@code aliquot: {volume: 1 mL, replaced: true}}: taken after step {@code afterStep}. */
    private static void readAliquot(YamlNode.Mapping body, Steps out, int afterStep, Electrolyte.TakenBy by)
            throws ConfigException {
        if (body.get("aliquot").isEmpty()) {
            return;
        }
        YamlNode node = body.require("aliquot");
        YamlNode.Mapping aliquot = node.asMapping();
        aliquot.allowOnly("volume", "replaced");
        double volume = Quantities.positive(aliquot.require("volume"), Dimension.VOLUME);
        boolean replaced = aliquot.get("replaced").isPresent() && aliquot.require("replaced").asScalar().bool();
        out.aliquots.add(new Electrolyte.PlannedAliquot(afterStep, volume, replaced, by, node.location()));
    }

    private static PlannedStep.Chronoamperometry chronoamperometry(int index, YamlNode.Mapping body, Potential potential,
                                                                   RheScale scale, YamlNode where) throws ConfigException {
        Timing timing = Timing.read(body);
        PlannedPotential onBothScales = onBothScales(potential, scale);
        String label = body.text("label").orElse("CA " + potential);
        return new PlannedStep.Chronoamperometry(index, label, potential, onBothScales.voltsVsRhe(),
                onBothScales.voltsVsReference(), timing.interval, timing.duration, currentRange(body), where.location());
    }

    /** A potential as written, on the RHE scale and vs the reference electrode (the RHE scale converts the one not written). */
    static PlannedPotential onBothScales(Potential potential, RheScale scale) {
        double vsRhe = potential.scale() == Potential.Scale.RHE ? potential.volts() : scale.toRhe(potential.volts());
        double vsRe = potential.scale() == Potential.Scale.RE ? potential.volts() : scale.toReference(potential.volts());
        return new PlannedPotential(potential, vsRhe, vsRe);
    }

    /** {@code current_range: auto} (also when not written) or a fixed full scale such as {@code 10 mA}. */
    static CurrentRangeChoice currentRange(YamlNode.Mapping body) throws ConfigException {
        if (body.get("current_range").isEmpty()) {
            return CurrentRangeChoice.AUTO;
        }
        YamlNode rangeNode = body.require("current_range");
        String written = rangeNode.asScalar().text().trim();
        return written.equalsIgnoreCase("auto") ? CurrentRangeChoice.AUTO
                : CurrentRangeChoice.fixed(Quantities.positive(rangeNode, Dimension.CURRENT));
    }

    /** {@code gas: Ar | NO} of a step or of the cell block; empty when not written. */
    static Optional<Gas> gas(YamlNode.Mapping body) throws ConfigException {
        Optional<YamlNode> node = body.get("gas");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        String written = node.get().isEmpty() ? "" : node.get().asScalar().text().trim();
        return Optional.of(Gas.named(written).orElseThrow(() -> node.get().error((written.isEmpty() ? "is empty"
                : "'" + written + "' is not a gas norrlab knows") + "; allowed: " + Gas.allowed()
                + " (the gas the electrolyte is saturated with)")));
    }

    record Timing(Duration duration, Duration interval) {
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

    /**
     * "[-0,5 V vs RHE, -0,6 V vs RHE]": in a [ ] list a comma separates items, so a decimal comma splits "-0,5 V vs RHE"
     * into "-0" and "5 V vs RHE"; the first of them would be refused for having no scale, which hides the real slip.
     */
    private static void refuseDecimalComma(YamlNode item, Optional<YamlNode> next) throws ConfigException {
        Optional<String> whole = item.scalarText().map(String::trim).filter(text -> text.matches("[-+\u2212]?\\d+"));
        Optional<String> rest = next.flatMap(YamlNode::scalarText).map(String::trim).filter(text -> text.matches("\\d.*"));
        if (whole.isPresent() && rest.isPresent()) {
            String digits = rest.get().replaceAll("^(\\d+).*", "$1");
            throw item.error("'" + whole.get() + "' does not say what the potential is against; a comma separates items"
                    + " in [ ]: write " + whole.get() + "." + digits + " with a point");
        }
    }
}
