package org.norrlab.plan;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Dimension;
import org.norrlab.config.Quantities;
import org.norrlab.config.YamlNode;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Units;
import org.norrlab.electrochem.RheScale;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code lsv}, {@code cv} and {@code cp} steps of a protocol (for {@link ProtocolLoader}). Potentials carry
 * their scale (vs RHE or vs RE) and are converted as a {@code ca} step's are; scan rates are written in mV/s or V/s,
 * the potential step in mV or V; a CP current in A, mA or µA, or as a current density (mA/cm2) that the electrode
 * area of the cell block turns into a current. Currents follow IUPAC: cathodic (reducing, as NORR) is negative.
 * Every refusal names the file, line and field, and what is allowed.
 */
final class SweepSteps {
    /** More CV cycles than this in one step is a typing slip (a few hundred activation cycles is already a lot). */
    static final long MAX_CV_CYCLES = 10_000;

    private SweepSteps() {
    }

    /** {@code lsv: {start, end, scan_rate, step, current_range, label, gas}}. */
    static PlannedStep.LinearSweep linearSweep(int index, YamlNode.Mapping body, RheScale scale, YamlNode item)
            throws ConfigException {
        body.allowOnly("label", "start", "end", "scan_rate", "step", "current_range", "gas");
        PlannedPotential start = potential(body, "start", scale);
        PlannedPotential end = potential(body, "end", scale);
        double span = Math.abs(end.voltsVsRhe() - start.voltsVsRhe());
        if (span < 1e-9) {
            throw body.require("end").error("is where the sweep starts (" + start.asWritten() + "); an LSV needs an end"
                    + " potential that differs from its start");
        }
        double scanRate = scanRate(body);
        double step = potentialStep(body, span, "the sweep's span from start to end");
        String label = body.text("label").orElse("LSV at " + PlannedStep.scanRateText(scanRate));
        return new PlannedStep.LinearSweep(index, label, start, end, step, scanRate, ProtocolLoader.currentRange(body),
                item.location(), StepContext.NONE);
    }

    /** {@code cv: {begin (default vertex1), vertex1, vertex2, cycles (default 1), scan_rate, step, current_range, label, gas}}. */
    static PlannedStep.CyclicVoltammetry cyclicVoltammetry(int index, YamlNode.Mapping body, RheScale scale, YamlNode item)
            throws ConfigException {
        body.allowOnly("label", "begin", "vertex1", "vertex2", "cycles", "scan_rate", "step", "current_range", "gas");
        PlannedPotential vertex1 = potential(body, "vertex1", scale);
        PlannedPotential vertex2 = potential(body, "vertex2", scale);
        double window = Math.abs(vertex2.voltsVsRhe() - vertex1.voltsVsRhe());
        if (window < 1e-9) {
            throw body.require("vertex2").error("is vertex1 (" + vertex1.asWritten() + "); a CV sweeps between two"
                    + " different vertices");
        }
        PlannedPotential begin = body.get("begin").isPresent() ? potential(body, "begin", scale) : vertex1;
        double low = Math.min(vertex1.voltsVsRhe(), vertex2.voltsVsRhe());
        double high = Math.max(vertex1.voltsVsRhe(), vertex2.voltsVsRhe());
        if (begin.voltsVsRhe() < low - 1e-9 || begin.voltsVsRhe() > high + 1e-9) {
            throw body.require("begin").error(String.format(Locale.ROOT, "%s (%.3f V vs RHE) is outside the vertices"
                            + " %.3f .. %.3f V vs RHE; a CV begins between its vertices (or at one of them; left out, at"
                            + " vertex1)", begin.asWritten(), begin.voltsVsRhe(), low, high));
        }
        int cycles = 1;
        if (body.get("cycles").isPresent()) {
            YamlNode cyclesNode = body.require("cycles");
            long written = cyclesNode.asScalar().integer("a whole number of cycles, e.g. 20");
            if (written < 1 || written > MAX_CV_CYCLES) {
                throw cyclesNode.error(written + " cycles is not allowed; allowed: 1 .. " + MAX_CV_CYCLES);
            }
            cycles = (int) written;
        }
        double scanRate = scanRate(body);
        double step = potentialStep(body, window, "the window between vertex1 and vertex2");
        String label = body.text("label").orElse("CV at " + PlannedStep.scanRateText(scanRate));
        return new PlannedStep.CyclicVoltammetry(index, label, begin, vertex1, vertex2, cycles, step, scanRate,
                ProtocolLoader.currentRange(body), item.location(), StepContext.NONE);
    }

    /**
     * {@code cp: {current, duration, interval, limits: {min, max}, current_range, label, gas}}. The current is
     * cathodic negative ("-10 mA", "-5 mA/cm2"); the limits are potentials (vs RHE or RE) at which the instrument
     * stops the step.
     */
    static PlannedStep.Chronopotentiometry chronopotentiometry(int index, YamlNode.Mapping body, RheScale scale,
                                                               double electrodeAreaCm2, YamlNode item)
            throws ConfigException {
        body.allowOnly("label", "current", "duration", "interval", "limits", "current_range", "gas");
        YamlNode currentNode = body.require("current");
        if (currentNode.isEmpty()) {
            throw currentNode.error("is empty; write the set current after the colon, cathodic negative, e.g. '-10 mA'"
                    + " or '-5 mA/cm2'");
        }
        String written = currentNode.asScalar().text().trim();
        double amperes = written.contains("/")
                ? Quantities.parse(currentNode, Dimension.CURRENT_DENSITY) * electrodeAreaCm2
                : Quantities.parse(currentNode, Dimension.CURRENT);
        if (amperes == 0) {
            throw currentNode.error("is zero: a CP step at 0 A is a rest at open circuit; write an ocp step, or a current"
                    + " (cathodic negative, e.g. '-10 mA')");
        }
        ProtocolLoader.Timing timing = ProtocolLoader.Timing.read(body);
        Optional<PlannedPotential> lower = Optional.empty();
        Optional<PlannedPotential> upper = Optional.empty();
        if (body.get("limits").isPresent()) {
            YamlNode.Mapping limits = body.require("limits").asMapping();
            limits.allowOnly("min", "max");
            if (limits.get("min").isPresent()) {
                lower = Optional.of(potential(limits, "min", scale));
            }
            if (limits.get("max").isPresent()) {
                upper = Optional.of(potential(limits, "max", scale));
            }
            if (lower.isPresent() && upper.isPresent() && lower.get().voltsVsRhe() >= upper.get().voltsVsRhe()) {
                throw limits.require("max").error(String.format(Locale.ROOT, "%s (%.3f V vs RHE) is not above min %s"
                                + " (%.3f V vs RHE); the potential must stay between min and max", upper.get().asWritten(),
                        upper.get().voltsVsRhe(), lower.get().asWritten(), lower.get().voltsVsRhe()));
            }
        }
        CurrentRangeChoice range = ProtocolLoader.currentRange(body);
        if (!range.auto() && Math.abs(amperes) > range.fullScaleAmperes()) {
            YamlNode rangeNode = body.require("current_range");
            throw rangeNode.error("'" + rangeNode.asScalar().text().trim() + "' is smaller than the set current "
                    + written + (written.contains("/") ? " (" + Units.formatCurrent(amperes) + ")" : "")
                    + "; choose a range of at least the current, or auto");
        }
        String label = body.text("label").orElse("CP at " + written);
        return new PlannedStep.Chronopotentiometry(index, label, written, amperes, timing.interval(), timing.duration(),
                lower, upper, range, item.location(), StepContext.NONE);
    }

    private static PlannedPotential potential(YamlNode.Mapping body, String field, RheScale scale) throws ConfigException {
        return ProtocolLoader.onBothScales(Quantities.potential(body.require(field)), scale);
    }

    /** {@code scan_rate}, e.g. 50 mV/s; greater than zero. */
    private static double scanRate(YamlNode.Mapping body) throws ConfigException {
        return Quantities.positive(body.require("scan_rate"), Dimension.SCAN_RATE);
    }

    /** {@code step}, the potential step between points, e.g. 2 mV: greater than zero and at most {@code spanVolts}. */
    private static double potentialStep(YamlNode.Mapping body, double spanVolts, String span) throws ConfigException {
        YamlNode node = body.require("step");
        double step = Quantities.positive(node, Dimension.POTENTIAL);
        if (step > spanVolts + 1e-12) {
            throw node.error("'" + node.asScalar().text().trim() + "' is larger than " + span + " ("
                    + PlannedStep.potentialStepText(spanVolts) + "); the step must be at most that, typically 1 to 10 mV");
        }
        return step;
    }
}
