package org.norrlab.scheduler;

import org.norrlab.core.Capabilities;
import org.norrlab.core.Technique;
import org.norrlab.core.Units;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedPotential;
import org.norrlab.plan.PlannedStep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Refuses a plan the instrument cannot run or the safety envelope forbids, before anything touches the cell:
 * the instrument's potential window, minimum interval and techniques, what its driver would refuse a step's request
 * for before sending it (e.g. a sweep the Rodeostat cannot time), the envelope's potential window and step limit.
 * {@code run} and {@code plan} both reach it through {@code RunService.check}, so they refuse alike.
 */
public final class PlanCheck {
    private PlanCheck() {
    }

    /**
     * Every problem found on {@code profile}'s instrument, its driver's refusals included ({@link DriverRegistry#refusals}),
     * each naming the step, its protocol line and the value; empty when the plan fits. Nothing is opened.
     */
    public static List<String> problems(Plan plan, InstrumentProfile profile) {
        return problems(plan, profile.capabilities(), profile.name(), request -> DriverRegistry.refusals(profile, request));
    }

    /** {@link #problems(Plan, InstrumentProfile)} from the capabilities alone, for an instrument whose driver refuses nothing. */
    public static List<String> problems(Plan plan, Capabilities capabilities, String instrumentName) {
        return problems(plan, capabilities, instrumentName, request -> List.of());
    }

    /**
     * @param driverRefusals what the instrument's driver would refuse a request for before sending it, in its words; a
     *                       technique the capabilities lack is reported in the driver's words when it gives any
     */
    public static List<String> problems(Plan plan, Capabilities capabilities, String instrumentName,
                                        Function<MeasurementRequest, List<String>> driverRefusals) {
        List<String> problems = new ArrayList<>();
        for (PlannedStep step : plan.steps()) {
            String where = "step " + step.index() + " (" + step.label() + ", " + step.source() + ")";
            boolean measures = asksTheInstrument(step);
            if (measures && step.interval().compareTo(capabilities.minSampleInterval()) < 0) {
                problems.add(String.format(Locale.ROOT, "%s: %s is shorter than %s's minimum of %s%s", where,
                        intervalText(step), instrumentName, Units.formatDuration(capabilities.minSampleInterval()),
                        step.isSweep() ? "; choose a larger potential step or a slower scan rate" : ""));
            }
            if (measures) {
                MeasurementRequest request = Scheduler.request(step, step.duration());
                Technique technique = request.technique();
                List<String> refusals = driverRefusals.apply(request);
                if (!capabilities.supports(technique) && refusals.isEmpty()) {
                    problems.add(where + ": " + instrumentName + " cannot " + technique.ability() + ";"
                            + " remove the " + step.kind() + " step or run it on another instrument");
                }
                // Checked here rather than met at the step: run would otherwise fail the session there, earlier steps done.
                refusals.forEach(refusal -> problems.add(where + " on " + instrumentName + ": " + refusal));
            }
            var stepLimit = plan.safety().maxStepDuration();
            if (stepLimit.isPresent() && step.duration().compareTo(stepLimit.get()) > 0) {
                // Checked before the first step starts: the safety monitor would otherwise stop this step only after
                // it had run for the whole limit, with every earlier step already done.
                problems.add(where + ": the duration " + Units.formatDuration(step.duration()) + " is longer than the"
                        + " step limit max_step_duration " + Units.formatDuration(stepLimit.get()) + " (config/site.yaml or"
                        + " the protocol's safety block); split the step into several of at most the limit, or raise it");
            }
            step.match(ocp -> List.<String>of(), ca -> List.<String>of(), hold -> List.<String>of(), lsv -> List.<String>of(),
                    cv -> List.<String>of(), cp -> setCurrentProblems(cp, where, plan), eis -> List.<String>of())
                    .forEach(problems::add);
            for (PlannedPotential applied : appliedPotentials(step)) {
                problems.addAll(potentialProblems(applied.voltsVsRhe(), applied.voltsVsReference(), where, plan,
                        capabilities, instrumentName));
            }
        }
        return problems;
    }

    /** The step's sample interval in the words of its kind: a sweep's comes from its potential step and scan rate. */
    private static String intervalText(PlannedStep step) {
        String interval = Units.formatDuration(step.interval());
        return step.match(ocp -> "interval " + interval, ca -> "interval " + interval, hold -> "interval " + interval,
                lsv -> sweepInterval(lsv.stepVolts(), lsv.scanRateVoltsPerSecond(), interval),
                cv -> sweepInterval(cv.stepVolts(), cv.scanRateVoltsPerSecond(), interval),
                cp -> "interval " + interval,
                eis -> "slowest point " + interval + " (at " + PlannedStep.frequencyText(eis.frequenciesHz().stream()
                        .mapToDouble(Double::doubleValue).min().orElseThrow()) + "), which");
    }

    private static String sweepInterval(double stepVolts, double voltsPerSecond, String interval) {
        return "one point per " + plain(stepVolts * 1e3) + " mV at " + plain(voltsPerSecond * 1e3) + " mV/s, i.e. every "
                + interval + ", which";
    }

    /** A number to four significant digits without trailing zeros: 1, 2000, 0.25. */
    private static String plain(double value) {
        return new BigDecimal(String.format(Locale.ROOT, "%.4g", value)).stripTrailingZeros().toPlainString();
    }

    /** Whether the step starts a measurement: all do but a hold with the cell off, which only waits for the operator. */
    private static boolean asksTheInstrument(PlannedStep step) {
        return step.asHold().map(hold -> hold.cell() == PlannedStep.Hold.HoldCell.OCP).orElse(true);
    }

    /**
     * Every potential the step makes the instrument apply: a CA set point, an LSV's ends, a CV's begin and vertices, an
     * EIS step's DC potential (its AC amplitude is millivolts; one taken at open circuit applies none known in advance).
     */
    private static List<PlannedPotential> appliedPotentials(PlannedStep step) {
        return step.match(ocp -> List.of(),
                ca -> List.of(new PlannedPotential(ca.asWritten(), ca.voltsVsRhe(), ca.voltsVsReference())),
                hold -> List.of(), lsv -> List.of(lsv.start(), lsv.end()),
                cv -> List.of(cv.begin(), cv.vertex1(), cv.vertex2()), cp -> List.of(),
                eis -> eis.dcPotential().map(List::of).orElse(List.of()));
    }

    /**
     * A CP step sets its current, so what the safety monitor would stop it for is known before it starts: a current
     * above max_current (stopped at its first sample) or a charge |I| × duration above max_charge_per_step (stopped
     * part-way, every earlier step already done).
     */
    private static List<String> setCurrentProblems(PlannedStep.Chronopotentiometry cp, String where, Plan plan) {
        List<String> problems = new ArrayList<>();
        var safety = plan.safety();
        double amperes = Math.abs(cp.currentAmperes());
        if (safety.maxAbsAmperes().isPresent() && amperes > safety.maxAbsAmperes().get()) {
            problems.add(String.format(Locale.ROOT, "%s: the set current %s (%s) is above the safety limit max_current %s"
                            + " (config/site.yaml or the protocol's safety block)", where, cp.currentAsWritten(),
                    Units.formatCurrent(cp.currentAmperes()), Units.formatCurrent(safety.maxAbsAmperes().get())));
        }
        double coulombs = amperes * cp.duration().toNanos() / 1e9;
        if (safety.maxChargeCoulombs().isPresent() && coulombs > safety.maxChargeCoulombs().get()) {
            problems.add(String.format(Locale.ROOT, "%s: %s for %s passes %.4g C, more than the safety limit"
                            + " max_charge_per_step %.4g C (config/site.yaml or the protocol's safety block); shorten the step"
                            + " or split it", where, Units.formatCurrent(cp.currentAmperes()),
                    Units.formatDuration(cp.duration()), coulombs, safety.maxChargeCoulombs().get()));
        }
        return problems;
    }

    private static List<String> potentialProblems(double voltsVsRhe, double voltsVsReference, String where, Plan plan,
                                                  Capabilities capabilities, String instrumentName) {
        List<String> problems = new ArrayList<>();
        var safety = plan.safety();
        if (safety.minVoltsVsRhe().isPresent() && voltsVsRhe < safety.minVoltsVsRhe().get()
                || safety.maxVoltsVsRhe().isPresent() && voltsVsRhe > safety.maxVoltsVsRhe().get()) {
            problems.add(String.format(Locale.ROOT, "%s: %.3f V vs RHE is outside the safety window %.3f .. %.3f V vs RHE"
                            + " (config/site.yaml or the protocol's safety block)", where, voltsVsRhe,
                    safety.minVoltsVsRhe().orElse(Double.NEGATIVE_INFINITY),
                    safety.maxVoltsVsRhe().orElse(Double.POSITIVE_INFINITY)));
        }
        if (!capabilities.canApply(voltsVsReference)) {
            problems.add(String.format(Locale.ROOT,
                    "%s: %.3f V vs RHE is %.3f V vs the reference electrode, outside %s's window %.3f .. %.3f V",
                    where, voltsVsRhe, voltsVsReference, instrumentName,
                    capabilities.minPotentialVolts(), capabilities.maxPotentialVolts()));
        }
        return problems;
    }
}
