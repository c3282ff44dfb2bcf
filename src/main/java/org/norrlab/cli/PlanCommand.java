package org.norrlab.cli;

import org.norrlab.core.Units;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.Speed;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.report.TextTable;
import org.norrlab.run.RunService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Prints every step of a protocol with both potentials and the total duration, and applies the checks"
                + " 'run' applies (against the instrument profile, without opening it).")
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions homeOptions;

    @Parameters(index = "0", paramLabel = "PROTOCOL", description = "Protocol file.")
    Path protocol;

    @Option(names = "--instrument", defaultValue = "sim", paramLabel = "PROFILE",
            description = "Instrument profile in drivers/ whose potential window, minimum interval and techniques the plan"
                    + " is checked against, as 'run --instrument' would (default: ${DEFAULT-VALUE}).")
    String instrument;

    @Option(names = "--strict", description = "Refuse the protocol (exit 3) when it has warnings, as 'run --strict' does.")
    boolean strict;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "N|max",
            description = "The speed the run would use, as 'run --speed' (default: ${DEFAULT-VALUE}, real time); the PC's"
                    + " sleep is warned about for a run longer than an hour on the clock.")
    String speed;

    @Override
    public Integer call() throws Exception {
        RunService service = new RunService(homeOptions.site());
        Plan plan = service.loadPlan(protocol);
        InstrumentProfile profile = service.profile(instrument);
        // the PC's checks too, against the store 'run' would write into (--db or the site's): free space, sleep
        plan = service.checkOnThisHost(plan, profile, Speed.parse(speed), homeOptions.store(), strict);
        PrintWriter out = spec.commandLine().getOut();
        var cell = plan.cell();
        out.printf(Locale.ROOT, "Protocol %s (%s)%n", plan.name(), plan.file());
        if (!plan.description().isEmpty()) {
            out.println(plan.description());
        }
        out.println(CellText.describe(cell));
        List<StepContext> contexts = plan.steps().stream().map(PlannedStep::context).toList();
        boolean cycles = CycleColumn.wanted(contexts);
        SettingColumns settings = SettingColumns.of(plan.steps());
        TextTable table = new TextTable(CycleColumn.insert(cycles, CycleColumn.HEADER, settings.headers("step", "kind",
                "E vs RHE (V)", "E vs RE (V)", "duration", "interval", "samples", "range", "line")));
        for (PlannedStep step : plan.steps()) {
            String rhe = step.potentialsText(true);
            String re = step.potentialsText(false);
            String range = step.currentRangeChoice().map(Object::toString).orElse("—");
            String duration = step.asHold().map(hold -> hold.timeout().map(t -> "≤ " + Units.formatDuration(t))
                    .orElse("until continued")).orElse(durationText(step));
            table.row(CycleColumn.insert(cycles, CycleColumn.text(step.context()), settings.row(step,
                    String.valueOf(step.index()), step.kind(), rhe, re, duration,
                    // a hold with the cell off records nothing: it has no interval
                    step.asHold().map(hold -> hold.cell() == PlannedStep.Hold.HoldCell.OCP
                            ? Units.formatDuration(hold.interval()) : "—").orElse(intervalText(step)),
                    String.valueOf(step.plannedSamples()), range, String.valueOf(step.source().line()))));
        }
        table.print(out);
        CycleColumn.legend(contexts).forEach(out::println);
        if (plan.steps().stream().anyMatch(s -> s.asImpedance().isPresent())) {
            out.println(IMPEDANCE_NOTE);
        }
        printHolds(out, plan);
        out.printf(Locale.ROOT, "Total: %d steps, %s, %d samples%n", plan.steps().size(), total(plan),
                plan.totalPlannedSamples());
        out.printf(Locale.ROOT, "Checked as 'run' checks it: the safety envelope (potential window, step limit), the"
                        + " instrument profile %s%s (potential window, minimum interval, techniques) and this PC (free space"
                        + " for the store %s, sleep).%n", profile.name(),
                DriverRegistry.simulated(profile) ? ", the simulator" : ", read from its file; the instrument was not opened",
                homeOptions.store());
        RunCommand.printWarnings(out, plan);
        out.flush();
        return ExitCodes.OK;
    }

    /** Under the table of a plan with EIS steps: what their "≤" durations and intervals are. */
    static final String IMPEDANCE_NOTE = "EIS: samples are impedance points, one per frequency; a spectrum takes up to"
            + " its duration as norrlab plans it (0.5 s settling and 3 periods per frequency, the interval is its slowest"
            + " point: 30.5 s at 0.1 Hz); instruments differ, and the watchdog allows 3 slowest points without one.";

    /** A step's duration; an EIS step's with "≤" (its planning estimate, see {@link #IMPEDANCE_NOTE}). */
    static String durationText(PlannedStep step) {
        boolean spectrum = step.asImpedance().isPresent();
        String duration = shown(step.duration(), spectrum);
        return spectrum ? "≤ " + duration : duration;
    }

    /**
     * A step's sample interval; a sweep's (potential step / scan rate) to the microsecond, since 1 mV at 60 mV/s is
     * 16.666667 ms and the nanoseconds say nothing to the operator.
     */
    static String intervalText(PlannedStep step) {
        Duration interval = step.interval();
        if (step.asImpedance().isPresent()) {
            // the slowest point, to the millisecond (0.5 s + 3 / f)
            return "≤ " + Units.formatDuration(Duration.ofMillis(Math.round(interval.toNanos() / 1e6)));
        }
        return Units.formatDuration(step.isSweep() && interval.toNanos() >= 1_000_000
                ? Duration.ofNanos(Math.round(interval.toNanos() / 1e3) * 1_000) : interval);
    }

    /** Each hold's message, timeout and what follows it; nothing for a plan without holds. */
    static void printHolds(PrintWriter out, Plan plan) {
        if (plan.holds().isEmpty()) {
            return;
        }
        out.println(plan.unattended() ? "Holds (the protocol is unattended: each follows its on_timeout at once):"
                : "Holds (the run waits for the operator; with --unattended each follows its on_timeout at once):");
        for (PlannedStep.Hold hold : plan.holds()) {
            out.printf(Locale.ROOT, "  step %d (line %d): '%s'; cell %s; timeout %s; on_timeout %s%n", hold.index(),
                    hold.source().line(), hold.message(), hold.cell().written(),
                    hold.timeout().map(Units::formatDuration).orElse("none"),
                    hold.onTimeout().map(PlannedStep.Hold.OnTimeout::written)
                            .orElse(hold.timeout().isPresent() ? "not given (abort)" : "not given"));
        }
    }

    /**
     * The plan's duration: with holds it is "up to" (a hold ends when the operator continues, at the latest at its
     * timeout), and "at least" when a hold has no timeout.
     */
    static String total(Plan plan) {
        // an EIS step's duration is norrlab's estimate, which it plans as the longest, to a tenth of a second
        boolean spectra = plan.steps().stream().anyMatch(s -> s.asImpedance().isPresent());
        String duration = shown(plan.totalDuration(), spectra);
        if (plan.holds().isEmpty()) {
            return spectra ? "up to " + duration : duration;
        }
        if (plan.unattended()) {
            // unattended holds do not wait: their timeouts take no time
            return (spectra ? "up to " : "") + shown(plan.holds().stream().map(PlannedStep::duration)
                    .reduce(plan.totalDuration(), Duration::minus), spectra);
        }
        return plan.holds().stream().anyMatch(h -> h.timeout().isEmpty())
                ? "at least " + duration + " (a hold without a timeout waits until continued)" : "up to " + duration;
    }

    /** A duration as written; with EIS steps to a tenth of a second (0.5 s + 3 / f is no whole number of anything). */
    private static String shown(Duration duration, boolean spectra) {
        return Units.formatDuration(spectra ? Duration.ofMillis(Math.round(duration.toNanos() / 1e8) * 100) : duration);
    }
}
