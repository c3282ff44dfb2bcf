package org.norrlab.plan;

import org.norrlab.config.Location;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.ImpedanceTiming;
import org.norrlab.config.Potential;
import org.norrlab.core.StepSettings;
import org.norrlab.core.SweepTiming;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** One step the scheduler will run, with everything resolved. Indices count from 1, as operators do. */
public sealed interface PlannedStep permits PlannedStep.OpenCircuit, PlannedStep.Chronoamperometry, PlannedStep.Hold,
        PlannedStep.LinearSweep, PlannedStep.CyclicVoltammetry, PlannedStep.Chronopotentiometry, PlannedStep.Impedance {

    int index();

    String label();

    Duration interval();

    /** How long the step runs; for a hold, the longest it waits (its timeout), zero when it waits without limit. */
    Duration duration();

    /** The protocol line this step was written on. */
    Location source();

    /** Its repeat cycle and electrolyte batch. */
    StepContext context();

    /** The same step in another place of the plan (a repeat block's cycle, an electrolyte batch, a resumed run). */
    PlannedStep with(int newIndex, StepContext newContext);

    default long plannedSamples() {
        return duration().toNanos() / interval().toNanos();
    }

    /**
     * The one dispatch on the step's kind: each caller says what to do for every kind, so that a new kind
     * of step does not compile until every place that treats steps differently by kind handles it.
     */
    <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry,
                Function<Hold, R> hold, Function<LinearSweep, R> linearSweep,
                Function<CyclicVoltammetry, R> cyclicVoltammetry, Function<Chronopotentiometry, R> chronopotentiometry,
                Function<Impedance, R> impedance);

    /** Its kind as protocols and the store write it: ocp, ca, hold, lsv, cv, cp, eis. */
    default String kind() {
        return match(ocp -> "ocp", ca -> "ca", hold -> "hold", lsv -> "lsv", cv -> "cv", cp -> "cp", eis -> "eis");
    }

    /** The step as a CA step, for the many places (charge, FE, set point) that only treat CA. */
    default Optional<Chronoamperometry> asChronoamperometry() {
        return match(ocp -> Optional.empty(), Optional::of, hold -> Optional.empty(), lsv -> Optional.empty(),
                cv -> Optional.empty(), cp -> Optional.empty(), eis -> Optional.empty());
    }

    default boolean isChronoamperometry() {
        return asChronoamperometry().isPresent();
    }

    default Optional<Hold> asHold() {
        return match(ocp -> Optional.empty(), ca -> Optional.empty(), Optional::of, lsv -> Optional.empty(),
                cv -> Optional.empty(), cp -> Optional.empty(), eis -> Optional.empty());
    }

    default boolean isHold() {
        return asHold().isPresent();
    }

    /** Whether the step sweeps the potential (LSV, CV): its samples carry a cycle and a segment. */
    default boolean isSweep() {
        return match(ocp -> false, ca -> false, hold -> false, lsv -> true, cv -> true, cp -> false, eis -> false);
    }

    /**
     * Whether the step is measured in one go and, once interrupted, is run again whole rather than continued: a sweep
     * (its potential moves with time, so what is left of it would start where the electrode no longer is) and an
     * impedance spectrum (its points describe one state of the electrode; points from before and after a gap in which
     * the cell drifted would not make one spectrum).
     */
    default boolean runsWhole() {
        return match(ocp -> false, ca -> false, hold -> false, lsv -> true, cv -> true, cp -> false, eis -> true);
    }

    /** The step as an impedance spectrum. */
    default Optional<Impedance> asImpedance() {
        return match(ocp -> Optional.empty(), ca -> Optional.empty(), hold -> Optional.empty(), lsv -> Optional.empty(),
                cv -> Optional.empty(), cp -> Optional.empty(), Optional::of);
    }

    /**
     * The potential the store keeps with the step, vs RHE: CA's set point, a sweep's start (CV: its begin); NaN for
     * OCP, holds, CP and an impedance spectrum taken at open circuit (EIS: its DC potential). With {@link #startVoltsVsReference()} it fixes the step's RE → RHE offset.
     */
    default double startVoltsVsRhe() {
        return startPotential().map(PlannedPotential::voltsVsRhe).orElse(Double.NaN);
    }

    /** {@link #startVoltsVsRhe()} vs the physical reference electrode. */
    default double startVoltsVsReference() {
        return startPotential().map(PlannedPotential::voltsVsReference).orElse(Double.NaN);
    }

    /** CA's set point, a sweep's start (CV: its begin); empty for OCP, holds and CP, which set no potential to start at. */
    private Optional<PlannedPotential> startPotential() {
        return match(ocp -> Optional.empty(), ca -> Optional.of(ca.setPoint()), hold -> Optional.empty(),
                lsv -> Optional.of(lsv.start()), cv -> Optional.of(cv.begin()), cp -> Optional.empty(),
                Impedance::dcPotential);
    }

    /** What the step does, in a few words for status lines and chart titles (the potentials vs RHE). */
    default String summary() {
        return match(ocp -> "open circuit",
                ca -> String.format(Locale.ROOT, "CA at %.3f V vs RHE", ca.voltsVsRhe()),
                hold -> "waiting for operator",
                lsv -> String.format(Locale.ROOT, "LSV %.3f → %.3f V vs RHE at %s", lsv.start().voltsVsRhe(),
                        lsv.end().voltsVsRhe(), scanRateText(lsv.scanRateVoltsPerSecond())),
                cv -> String.format(Locale.ROOT, "CV %.3f → %.3f → %.3f V vs RHE, %d cycle%s at %s", cv.begin().voltsVsRhe(),
                        cv.vertex1().voltsVsRhe(), cv.vertex2().voltsVsRhe(), cv.cycles(), cv.cycles() == 1 ? "" : "s",
                        scanRateText(cv.scanRateVoltsPerSecond())),
                cp -> "CP at " + cp.currentAsWritten(),
                eis -> String.format(Locale.ROOT, "EIS at %s, %s rms, %s → %s (%d frequencies)",
                        eis.dcPotential().map(p -> String.format(Locale.ROOT, "%.3f V vs RHE", p.voltsVsRhe()))
                                .orElse(eis.openCircuitOffsetVolts() == 0 ? "open circuit"
                                        : String.format(Locale.ROOT, "OCP %+.3f V", eis.openCircuitOffsetVolts())),
                        potentialStepText(eis.amplitudeVoltsRms()), frequencyText(eis.frequenciesHz().get(0)),
                        frequencyText(eis.frequenciesHz().get(eis.frequenciesHz().size() - 1)),
                        eis.frequenciesHz().size()));
    }

    /** A scan rate as operators write it: mV/s, to 4 significant digits without trailing zeros ("5 mV/s", "16.67 mV/s"). */
    static String scanRateText(double voltsPerSecond) {
        return compact(voltsPerSecond * 1e3) + " mV/s";
    }

    /** A sweep's potential step as operators write it: mV, as {@link #scanRateText} ("2 mV", "0.5 mV"). */
    static String potentialStepText(double volts) {
        return compact(volts * 1e3) + " mV";
    }

    /** A frequency as operators write it: Hz, kHz or MHz to 4 significant digits ("100 kHz", "0.1 Hz"). */
    public static String frequencyText(double hertz) {
        if (hertz >= 1e6) {
            return compact(hertz / 1e6) + " MHz";
        }
        return hertz >= 1e3 ? compact(hertz / 1e3) + " kHz" : compact(hertz) + " Hz";
    }

    private static String compact(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * The step's potentials as the plan table shows them, vs RHE ({@code rheScale}) or vs the reference electrode:
     * a CA set point, an LSV's start → end, a CV's begin → vertex 1 → vertex 2 → begin (× cycles), a CP step's
     * limits; "—" where the step sets no potential.
     */
    default String potentialsText(boolean rheScale) {
        Function<PlannedPotential, String> f = p -> String.format(Locale.ROOT, "%.3f",
                rheScale ? p.voltsVsRhe() : p.voltsVsReference());
        return match(ocp -> "—", ca -> f.apply(ca.setPoint()), hold -> "—",
                lsv -> f.apply(lsv.start()) + " → " + f.apply(lsv.end()),
                cv -> f.apply(cv.begin()) + " → " + f.apply(cv.vertex1()) + " → " + f.apply(cv.vertex2()) + " → "
                        + f.apply(cv.begin()) + (cv.cycles() > 1 ? " ×" + cv.cycles() : ""),
                // a CP step sets a current: its potentials are the limits it stops at, when it has any
                cp -> cp.lowerLimit().isEmpty() && cp.upperLimit().isEmpty() ? "—"
                        : "limits " + cp.lowerLimit().map(f).orElse("—") + " … " + cp.upperLimit().map(f).orElse("—"),
                eis -> eis.dcPotential().map(f).orElse("OCP"));
    }

    /** The current range the step asks for; empty for OCP and holds, where no current flows. */
    default Optional<CurrentRangeChoice> currentRangeChoice() {
        return match(ocp -> Optional.empty(), ca -> Optional.of(ca.currentRange()), hold -> Optional.empty(),
                lsv -> Optional.of(lsv.currentRange()), cv -> Optional.of(cv.currentRange()),
                cp -> Optional.of(cp.currentRange()), eis -> Optional.of(eis.currentRange()));
    }

    /** The sweep or constant-current settings the store keeps with the step; {@link StepSettings#NONE} for the others. */
    default StepSettings settings() {
        return match(ocp -> StepSettings.NONE, ca -> StepSettings.NONE, hold -> StepSettings.NONE,
                lsv -> StepSettings.linearSweep(lsv.start().voltsVsRhe(), lsv.end().voltsVsRhe(), lsv.stepVolts(),
                        lsv.scanRateVoltsPerSecond()),
                cv -> StepSettings.cyclicVoltammetry(cv.begin().voltsVsRhe(), cv.vertex1().voltsVsRhe(),
                        cv.vertex2().voltsVsRhe(), cv.cycles(), cv.stepVolts(), cv.scanRateVoltsPerSecond()),
                cp -> StepSettings.chronopotentiometry(cp.currentAmperes(),
                        cp.lowerLimit().map(PlannedPotential::voltsVsRhe).orElse(Double.NaN),
                        cp.upperLimit().map(PlannedPotential::voltsVsRhe).orElse(Double.NaN)),
                eis -> StepSettings.impedance(eis.dcPotential().map(PlannedPotential::voltsVsRhe).orElse(Double.NaN),
                        eis.dcPotential().isPresent() ? Double.NaN : eis.openCircuitOffsetVolts(), eis.amplitudeVoltsRms(),
                        eis.frequenciesHz().get(0), eis.frequenciesHz().get(eis.frequenciesHz().size() - 1),
                        eis.frequenciesHz().size()));
    }

    /** Rest at open circuit and record the potential: the cell is off. */
    record OpenCircuit(int index, String label, Duration interval, Duration duration, Location source,
                       StepContext context) implements PlannedStep {
        public OpenCircuit(int index, String label, Duration interval, Duration duration, Location source) {
            this(index, label, interval, duration, source, StepContext.NONE);
        }

        @Override
        public PlannedStep with(int newIndex, StepContext newContext) {
            return new OpenCircuit(newIndex, label, interval, duration, source, newContext);
        }

        @Override
        public <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry,
                           Function<Hold, R> hold, Function<LinearSweep, R> linearSweep,
                           Function<CyclicVoltammetry, R> cyclicVoltammetry,
                           Function<Chronopotentiometry, R> chronopotentiometry, Function<Impedance, R> impedance) {
            return openCircuit.apply(this);
        }
    }

    /**
     * Hold the working electrode at a potential and record the current.
     *
     * @param asWritten the potential as the protocol gave it
     * @param voltsVsRhe the set point on the RHE scale
     * @param voltsVsReference the set point the instrument applies, vs the physical reference electrode
     */
    record Chronoamperometry(int index, String label, Potential asWritten, double voltsVsRhe, double voltsVsReference,
                             Duration interval, Duration duration, CurrentRangeChoice currentRange, Location source,
                             StepContext context) implements PlannedStep {
        public Chronoamperometry(int index, String label, Potential asWritten, double voltsVsRhe, double voltsVsReference,
                                 Duration interval, Duration duration, CurrentRangeChoice currentRange, Location source) {
            this(index, label, asWritten, voltsVsRhe, voltsVsReference, interval, duration, currentRange, source,
                    StepContext.NONE);
        }

        /** The set point as a sweep's potentials are kept, on both scales. */
        public PlannedPotential setPoint() {
            return new PlannedPotential(asWritten, voltsVsRhe, voltsVsReference);
        }

        @Override
        public PlannedStep with(int newIndex, StepContext newContext) {
            return new Chronoamperometry(newIndex, label, asWritten, voltsVsRhe, voltsVsReference, interval, duration,
                    currentRange, source, newContext);
        }

        @Override
        public <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry,
                           Function<Hold, R> hold, Function<LinearSweep, R> linearSweep,
                           Function<CyclicVoltammetry, R> cyclicVoltammetry,
                           Function<Chronopotentiometry, R> chronopotentiometry, Function<Impedance, R> impedance) {
            return chronoamperometry.apply(this);
        }
    }

    /**
     * Wait for the operator (change the electrolyte, take an aliquot, switch the gas) with the cell in a
     * stated state. The scheduler runs it itself: the instrument only sees the cell switched off, or an
     * open-circuit measurement while {@code cell} is {@link HoldCell#OCP}.
     *
     * @param message       what the operator is asked to do, shown as written
     * @param interval      how often the potential is recorded while {@code cell} is OCP
     * @param timeout       the longest the run waits; empty: it waits without limit (refused when unattended)
     * @param onTimeout     what happens when the timeout runs out, or at once when the run is unattended;
     *                      empty when the protocol does not say (refused when unattended)
     * @param newElectrolyte the operator puts in fresh electrolyte here: a new batch begins after this hold
     */
    record Hold(int index, String label, String message, HoldCell cell, Duration interval, Optional<Duration> timeout,
                Optional<OnTimeout> onTimeout, boolean newElectrolyte, Location source, StepContext context)
            implements PlannedStep {

        public enum HoldCell {
            OFF, OCP;

            public String written() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        public enum OnTimeout {
            CONTINUE, ABORT;

            public String written() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        @Override
        public Duration duration() {
            return timeout.orElse(Duration.ZERO);
        }

        /** A hold lasts as long as the operator takes: no sample count is planned for it. */
        @Override
        public long plannedSamples() {
            return 0;
        }

        @Override
        public PlannedStep with(int newIndex, StepContext newContext) {
            return new Hold(newIndex, label, message, cell, interval, timeout, onTimeout, newElectrolyte, source,
                    newContext);
        }

        @Override
        public <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry,
                           Function<Hold, R> hold, Function<LinearSweep, R> linearSweep,
                           Function<CyclicVoltammetry, R> cyclicVoltammetry,
                           Function<Chronopotentiometry, R> chronopotentiometry, Function<Impedance, R> impedance) {
            return hold.apply(this);
        }
    }
    /**
     * Sweep the potential linearly from {@code start} to {@code end} and record the current: the LSV that finds a
     * catalyst's onset (under NO) and its background (under Ar).
     *
     * @param stepVolts              the potential step between points, positive
     * @param scanRateVoltsPerSecond the scan rate, positive
     */
    record LinearSweep(int index, String label, PlannedPotential start, PlannedPotential end, double stepVolts,
                       double scanRateVoltsPerSecond, CurrentRangeChoice currentRange, Location source,
                       StepContext context) implements PlannedStep {

        /** One point per step: {@code stepVolts / scanRate}. */
        @Override
        public Duration interval() {
            return SweepTiming.interval(stepVolts, scanRateVoltsPerSecond);
        }

        @Override
        public Duration duration() {
            return SweepTiming.travel(Math.abs(end.voltsVsRhe() - start.voltsVsRhe()), scanRateVoltsPerSecond);
        }

        /**
         * Both ends included, as {@code LinearSweepRequest.points()}: the start point, then one per potential step of the
         * span. Counted from the potentials, not as duration / interval: both are rounded to the nanosecond, and 1 mV at
         * 60 mV/s (16.666667 ms) would otherwise plan one point too few.
         */
        @Override
        public long plannedSamples() {
            return 1 + stepsOver(start.voltsVsRhe(), end.voltsVsRhe(), stepVolts);
        }

        @Override
        public PlannedStep with(int newIndex, StepContext newContext) {
            return new LinearSweep(newIndex, label, start, end, stepVolts, scanRateVoltsPerSecond, currentRange, source,
                    newContext);
        }

        @Override
        public <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry,
                           Function<Hold, R> hold, Function<LinearSweep, R> linearSweep,
                           Function<CyclicVoltammetry, R> cyclicVoltammetry,
                           Function<Chronopotentiometry, R> chronopotentiometry, Function<Impedance, R> impedance) {
            return linearSweep.apply(this);
        }
    }

    /**
     * Cyclic voltammetry: begin → vertex 1 → vertex 2 → begin, {@code cycles} times, recording the current. Used to
     * activate a catalyst and, at several scan rates in a window without faradaic current, to measure C_dl.
     */
    record CyclicVoltammetry(int index, String label, PlannedPotential begin, PlannedPotential vertex1,
                             PlannedPotential vertex2, int cycles, double stepVolts, double scanRateVoltsPerSecond,
                             CurrentRangeChoice currentRange, Location source, StepContext context) implements PlannedStep {

        /** The potential travelled in one cycle, in volts. */
        public double voltsPerCycle() {
            return SweepTiming.voltsPerCycle(begin.voltsVsRhe(), vertex1.voltsVsRhe(), vertex2.voltsVsRhe());
        }

        @Override
        public Duration interval() {
            return SweepTiming.interval(stepVolts, scanRateVoltsPerSecond);
        }

        @Override
        public Duration duration() {
            return SweepTiming.travel(cycles * voltsPerCycle(), scanRateVoltsPerSecond);
        }

        /**
         * The begin point, then one per potential step of every segment of every cycle (a segment that is not a whole
         * number of steps ends on its vertex with one shorter or longer step), as {@link LinearSweep#plannedSamples()}.
         */
        @Override
        public long plannedSamples() {
            long perCycle = stepsOver(begin.voltsVsRhe(), vertex1.voltsVsRhe(), stepVolts)
                    + stepsOver(vertex1.voltsVsRhe(), vertex2.voltsVsRhe(), stepVolts)
                    + stepsOver(vertex2.voltsVsRhe(), begin.voltsVsRhe(), stepVolts);
            return 1 + cycles * perCycle;
        }

        @Override
        public PlannedStep with(int newIndex, StepContext newContext) {
            return new CyclicVoltammetry(newIndex, label, begin, vertex1, vertex2, cycles, stepVolts,
                    scanRateVoltsPerSecond, currentRange, source, newContext);
        }

        @Override
        public <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry,
                           Function<Hold, R> hold, Function<LinearSweep, R> linearSweep,
                           Function<CyclicVoltammetry, R> cyclicVoltammetry,
                           Function<Chronopotentiometry, R> chronopotentiometry, Function<Impedance, R> impedance) {
            return cyclicVoltammetry.apply(this);
        }
    }

    /**
     * Chronopotentiometry: hold a current and record the potential, stopping when it leaves the limits.
     *
     * @param currentAsWritten the current (or current density) as the protocol wrote it
     * @param currentAmperes   the set current, cathodic negative
     * @param lowerLimit       the potential below which the instrument stops the step; empty: the instrument's window
     * @param upperLimit       the potential above which it stops; empty: the instrument's window
     */
    record Chronopotentiometry(int index, String label, String currentAsWritten, double currentAmperes,
                               Duration interval, Duration duration, Optional<PlannedPotential> lowerLimit,
                               Optional<PlannedPotential> upperLimit, CurrentRangeChoice currentRange, Location source,
                               StepContext context) implements PlannedStep {

        @Override
        public PlannedStep with(int newIndex, StepContext newContext) {
            return new Chronopotentiometry(newIndex, label, currentAsWritten, currentAmperes, interval, duration,
                    lowerLimit, upperLimit, currentRange, source, newContext);
        }

        @Override
        public <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry,
                           Function<Hold, R> hold, Function<LinearSweep, R> linearSweep,
                           Function<CyclicVoltammetry, R> cyclicVoltammetry,
                           Function<Chronopotentiometry, R> chronopotentiometry, Function<Impedance, R> impedance) {
            return chronopotentiometry.apply(this);
        }
    }

    /**
     * An impedance spectrum (EIS): hold a DC potential, add a small sine and record Z at each frequency, to measure the
     * uncompensated resistance R_u (and R_ct) the iR correction needs.
     *
     * @param dcPotential            the DC level; empty: the open-circuit potential (measured just before the
     *                               spectrum) plus {@code openCircuitOffsetVolts}
     * @param openCircuitOffsetVolts the offset from open circuit when {@code dcPotential} is empty, else 0
     * @param amplitudeVoltsRms      the AC amplitude, rms
     * @param frequenciesHz          the frequencies in the order measured (high to low as vendor suites do)
     */
    record Impedance(int index, String label, Optional<PlannedPotential> dcPotential, double openCircuitOffsetVolts,
                     double amplitudeVoltsRms, List<Double> frequenciesHz, CurrentRangeChoice currentRange,
                     Location source, StepContext context) implements PlannedStep {
        public Impedance {
            frequenciesHz = List.copyOf(frequenciesHz);
        }

        /** The slowest point (see {@link ImpedanceTiming}): the watchdog allows three of them. */
        @Override
        public Duration interval() {
            return ImpedanceTiming.longestPoint(frequenciesHz);
        }

        @Override
        public Duration duration() {
            return ImpedanceTiming.total(frequenciesHz);
        }

        /** One impedance point per frequency. */
        @Override
        public long plannedSamples() {
            return frequenciesHz.size();
        }

        @Override
        public PlannedStep with(int newIndex, StepContext newContext) {
            return new Impedance(newIndex, label, dcPotential, openCircuitOffsetVolts, amplitudeVoltsRms, frequenciesHz,
                    currentRange, source, newContext);
        }

        @Override
        public <R> R match(Function<OpenCircuit, R> openCircuit, Function<Chronoamperometry, R> chronoamperometry,
                           Function<Hold, R> hold, Function<LinearSweep, R> linearSweep,
                           Function<CyclicVoltammetry, R> cyclicVoltammetry,
                           Function<Chronopotentiometry, R> chronopotentiometry, Function<Impedance, R> impedance) {
            return impedance.apply(this);
        }
    }

    /** The potential steps from {@code from} to {@code to}: none when they are equal (a CV begun at a vertex). */
    private static long stepsOver(double from, double to, double stepVolts) {
        double span = Math.abs(to - from);
        return span < 1e-12 ? 0 : Math.max(1, Math.round(span / stepVolts));
    }
}
