package org.norrlab.driver.sim;

import org.norrlab.core.Capabilities;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.Gas;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.ImpedanceTiming;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.Units;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.ChronopotentiometryRequest;
import org.norrlab.driver.CompletableMeasurement;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.ImpedanceRequest;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.OpenCircuitRequest;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.electrochem.RheScale;
import org.norrlab.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * A potentiostat wired to a {@link SimulatedCell}. Each measurement runs on the simulator's own
 * thread and is paced by a virtual clock; the reported current of a sample is the mean over its
 * interval (since the meter's last range switch in it, see {@link CurrentMeter}), as on instruments
 * that integrate between samples.
 *
 * <p>It runs CA and open circuit, linear sweeps and CVs (linear ramps sampled point by point, {@link SweepPath}),
 * constant current and impedance spectra (the cell's {@link RandlesImpedance}, one point per frequency); the cell is
 * on for all but open circuit. The gas the scheduler names ({@link #electrolyteGas}) holds from the next measurement
 * on; before any, the profile's {@code gas:} (NO unless it says otherwise).
 */
public final class SimulatedPotentiostat implements Potentiostat {
    private static final Logger log = LoggerFactory.getLogger(SimulatedPotentiostat.class);
    /** Sub-steps per sample while the charging spike and NO depletion settle. */
    private static final int TRANSIENT_SUBSTEPS = 8;
    private static final int TRANSIENT_SAMPLES = 10;
    /** Sub-steps of the linear ramp between two points of a sweep; the point reads the last. */
    private static final int SWEEP_SUBSTEPS = 4;

    private final InstrumentIdentity identity;
    private final Capabilities capabilities;
    private final RheScale scale;
    private final SimulatedCell cell;
    private final CurrentMeter meter;
    private final RandomGenerator random;
    private final double potentialNoiseVolts;
    private final double impedanceNoise;
    private final RandomGenerator impedanceRandom;
    private final Pacer pacer;
    private final Duration readTimeout;
    private final ExecutorService thread;
    private final Object lock = new Object();
    private volatile boolean abortRequested;
    private volatile boolean cellOn;
    private volatile Gas gas;
    private boolean running;
    private double virtualSeconds;

    SimulatedPotentiostat(InstrumentIdentity identity, Capabilities capabilities, RheScale scale, SimulatedCell cell,
                          CurrentMeter meter, RandomGenerator random, double potentialNoiseVolts, double impedanceNoise,
                          RandomGenerator impedanceRandom, Pacer pacer, Duration readTimeout, Gas gas) {
        this.identity = identity;
        this.gas = gas;
        this.capabilities = capabilities;
        this.scale = scale;
        this.cell = cell;
        this.meter = meter;
        this.random = random;
        this.potentialNoiseVolts = potentialNoiseVolts;
        this.impedanceNoise = impedanceNoise;
        this.impedanceRandom = impedanceRandom;
        this.pacer = pacer;
        this.readTimeout = readTimeout;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(LogContext.carried(r), "sim-instrument");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public InstrumentIdentity identify() {
        return identity;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void setCellOn(boolean on) {
        cellOn = on;
    }

    public boolean isCellOn() {
        return cellOn;
    }

    /**
     * What the operator saturated the electrolyte with, from the next measurement on (a measurement under way
     * keeps the gas it began with: the scheduler switches it between steps).
     */
    @Override
    public void electrolyteGas(Gas gas) {
        this.gas = Objects.requireNonNull(gas, "gas");
    }

    /**
     * Every truth of a measurement with the cell on says how much of R_u this instrument compensated live in CA, LSV,
     * CV and CP: what an R_u recorded for the session later takes as its c (RunCompensation). Only a spectrum's truth
     * said it before, so a session without EIS defaulted to c = 0 and its potentials were iR-corrected a second time
     * (a bench-chemist trial: -0.700 V vs RHE moved to -0.383 V with R_u = 5 ohm).
     */
    private Event withCompensation(Event truth) {
        if (truth.values().containsKey(SpectrumTruth.COMPENSATION_OTHER_STEPS)) {
            return truth;
        }
        Map<String, Double> values = new LinkedHashMap<>(truth.values());
        values.put(SpectrumTruth.COMPENSATION_OTHER_STEPS, cell.truth().compensation());
        return new Event(truth.kind(), truth.timeSeconds(), truth.message(), values);
    }

    /** The cell's truth, for tests: its capacitance, kinetics and the currents they give. */
    public CellTruth truth() {
        return cell.truth();
    }

    @Override
    public Measurement start(MeasurementRequest request, SampleSink sink) throws DriverException {
        return request.match(ca -> startChronoamperometry(ca, sink), ocp -> startOpenCircuit(ocp, sink),
                lsv -> startSweep(lsv, SweepPath.of(lsv), lsv.currentRange(), sink),
                cv -> startSweep(cv, SweepPath.of(cv), cv.currentRange(), sink),
                cp -> startConstantCurrent(cp, sink), eis -> startImpedance(eis, sink));
    }

    private Measurement startChronoamperometry(ChronoamperometryRequest request, SampleSink sink) throws DriverException {
        checkApplicable(request.voltsVsReference());
        checkInterval(request.interval());
        meter.configure(request.currentRange());
        double dt = seconds(request.interval());
        double voltsVsRe = request.voltsVsReference();
        return start(sink, new SampleProcedure(true, count(request)) {
            @Override
            void begin() {
                cell.beginHold(scale.toRhe(voltsVsRe));
            }

            @Override
            double dueSeconds(long k) {
                return k * dt;
            }

            @Override
            Sample sample(long k) {
                return holdSample(k * dt, dt, k, voltsVsRe);
            }
        });
    }

    private Measurement startOpenCircuit(OpenCircuitRequest request, SampleSink sink) throws DriverException {
        checkInterval(request.interval());
        double dt = seconds(request.interval());
        return start(sink, new SampleProcedure(false, count(request)) {
            @Override
            void begin() {
                cell.beginRest();
            }

            @Override
            double dueSeconds(long k) {
                return k * dt;
            }

            @Override
            Sample sample(long k) {
                return restSample(k * dt, dt);
            }
        });
    }

    /**
     * A linear sweep or a CV along its {@link SweepPath}: between points the set potential ramps linearly (in
     * {@link #SWEEP_SUBSTEPS} sub-steps), and each point reads the current over the last sub-step, as instruments
     * sample the end of each step. With the potential solved at each sub-step's end (backward Euler), that current
     * is the double-layer charging C_dl·dE/dt of the ramp plus the faradaic current at the point's own potential.
     * The potential a sample reports is the applied one (as MethodSCRIPT's sweeps report their DAC potential), so
     * every sample lies inside the sweep's window.
     */
    private Measurement startSweep(MeasurementRequest request, SweepPath path, CurrentRangeChoice range, SampleSink sink)
            throws DriverException {
        checkSupported(request);
        checkApplicable(path.minVolts());
        checkApplicable(path.maxVolts());
        checkInterval(request.interval());
        meter.configure(range);
        List<SweepPath.Tread> treads = path.treads();
        double equilibration = treads.get(0).seconds();
        return start(sink, new SampleProcedure(true, treads.size()) {
            private double previousVsRhe;

            @Override
            void begin() {
                previousVsRhe = scale.toRhe(treads.get(0).voltsVsReference());
                cell.beginSweep(previousVsRhe);
            }

            @Override
            double dueSeconds(long k) {
                return equilibration + treads.get((int) k - 1).timeSeconds();
            }

            @Override
            Sample sample(long k) {
                SweepPath.Tread tread = treads.get((int) k - 1);
                double targetVsRhe = scale.toRhe(tread.voltsVsReference());
                double sub = tread.seconds() / SWEEP_SUBSTEPS;
                for (int i = 1; i <= SWEEP_SUBSTEPS; i++) {
                    cell.moveTo(i == SWEEP_SUBSTEPS ? targetVsRhe
                            : previousVsRhe + (targetVsRhe - previousVsRhe) * i / SWEEP_SUBSTEPS);
                    if (i == SWEEP_SUBSTEPS) {
                        meter.restartIntegration();
                    }
                    meter.pass(cell.hold(sub), sub);
                }
                previousVsRhe = targetVsRhe;
                CurrentMeter.Reading reading = meter.read(tread.seconds());
                return new Sample(tread.timeSeconds(), tread.voltsVsReference(), reading.amperes(),
                        reading.rangeAmperes(), reading.flags()).inSweep(tread.cycle(), tread.segment());
            }
        });
    }

    /**
     * Constant current: the double layer charges until the faradaic branches carry the set current, so the
     * potential settles where the kinetics need it (and drifts as the NO layer depletes). The instrument stops
     * the step, with the cell off, at the first sample whose potential left the step's limits or, where the step
     * set none, the instrument's own window (its compliance): the model has no oxidation, so an anodic current
     * would otherwise charge the double layer without end.
     */
    private Measurement startConstantCurrent(ChronopotentiometryRequest request, SampleSink sink) throws DriverException {
        checkSupported(request);
        checkInterval(request.interval());
        CurrentRangeChoice range = request.currentRange();
        if (!range.auto() && Math.abs(request.currentAmperes()) > range.fullScaleAmperes()) {
            throw new DriverException("a set current of " + Units.formatCurrent(request.currentAmperes())
                    + " is beyond the chosen current range of " + Units.formatCurrent(range.fullScaleAmperes())
                    + "; choose a larger range or auto");
        }
        meter.configure(range);
        double dt = seconds(request.interval());
        PotentialLimit lower = request.minVolts() >= capabilities.minPotentialVolts()
                ? new PotentialLimit(request.minVolts(), "the step's lower limit")
                : new PotentialLimit(capabilities.minPotentialVolts(), "the instrument's window (its compliance)");
        PotentialLimit upper = request.maxVolts() <= capabilities.maxPotentialVolts()
                ? new PotentialLimit(request.maxVolts(), "the step's upper limit")
                : new PotentialLimit(capabilities.maxPotentialVolts(), "the instrument's window (its compliance)");
        return start(sink, new SampleProcedure(true, count(request)) {
            @Override
            void begin() {
                cell.beginConstantCurrent(request.currentAmperes());
            }

            @Override
            double dueSeconds(long k) {
                return k * dt;
            }

            @Override
            Sample sample(long k) {
                int substeps = k <= TRANSIENT_SAMPLES ? TRANSIENT_SUBSTEPS : 1;
                for (int i = 0; i < substeps; i++) {
                    meter.pass(cell.hold(dt / substeps), dt / substeps);
                }
                CurrentMeter.Reading reading = meter.read(dt);
                double volts = scale.toReference(cell.measuredVoltsAtSetCurrent()) + random.nextGaussian() * potentialNoiseVolts;
                return new Sample(k * dt, volts, reading.amperes(), reading.rangeAmperes(), reading.flags());
            }

            @Override
            Optional<Event> stopsAfter(Sample sample) {
                double volts = sample.potentialVolts();
                PotentialLimit passed = volts < lower.volts() ? lower : volts > upper.volts() ? upper : null;
                if (passed == null) {
                    return Optional.empty();
                }
                return Optional.of(new Event(EventKind.NOTE, sample.timeSeconds(), String.format(Locale.ROOT,
                        "constant current %s: the potential reached %.4f V vs RE at %.1f s, beyond %s (%.4f V);"
                                + " the instrument stopped the step and switched the cell off",
                        Units.formatCurrent(request.currentAmperes()), volts, sample.timeSeconds(), passed.what(),
                        passed.volts()), Map.of("potential_V", volts, "limit_V", passed.volts())));
            }
        });
    }

    /**
     * An impedance spectrum: the potentiostat holds the DC potential (the request's, or the rest potential plus the
     * request's offset at open circuit) with its positive-feedback compensation off ({@link
     * CellTruth#COMPENSATION_DURING_SPECTRUM}: the iR drop of the DC current moves the interface), and each frequency,
     * in the order asked, gives one point after {@link ImpedanceTiming#pointSeconds} of instrument time. Z is the
     * closed form of the cell at the DC ({@link CellTruth#impedance}, the small-signal response: the amplitude only
     * sets the AC current the range must read) with the instrument's scatter ({@link SpectrumReader}). The point's
     * DC current is the cell's steady current at the interface; the products it makes are tallied as in a CA step.
     * The cell is on from the first point to the last.
     */
    private Measurement startImpedance(ImpedanceRequest request, SampleSink sink) throws DriverException {
        checkSupported(request);
        CellTruth truth = cell.truth();
        // The rest potential is where this cell settles at open circuit; an offset is the same in any scale.
        double setVsRhe = request.dcAtOpenCircuit() ? truth.openCircuitVoltsVsRhe() + request.dcVoltsVsReference()
                : scale.toRhe(request.dcVoltsVsReference());
        double setVsRe = scale.toReference(setVsRhe);
        checkApplicable(setVsRe);
        List<Double> frequencies = request.frequenciesHz();
        double[] due = new double[frequencies.size()];
        double elapsed = 0;
        for (int i = 0; i < due.length; i++) {
            elapsed += ImpedanceTiming.pointSeconds(frequencies.get(i));
            due[i] = elapsed;
        }
        SpectrumReader reader = new SpectrumReader(capabilities.currentRangesAmperes(), request.currentRange(),
                impedanceNoise, impedanceRandom);
        return start(sink, new Procedure(true, frequencies.size()) {
            private double interfaceVsRhe;
            private RandlesImpedance circuit;

            @Override
            void begin() {
                Gas electrolyte = cell.electrolyteGas();
                interfaceVsRhe = truth.spectrumInterfaceVolts(setVsRhe, electrolyte);
                circuit = truth.impedance(interfaceVsRhe, electrolyte);
                cell.beginSpectrum(interfaceVsRhe);
            }

            @Override
            double dueSeconds(long k) {
                return due[(int) k - 1];
            }

            @Override
            Delivered deliver(long k, SampleSink sink) throws InterruptedException {
                double hertz = frequencies.get((int) k - 1);
                double dcAmperes = cell.holdSpectrumDc(ImpedanceTiming.pointSeconds(hertz));
                double dcVolts = setVsRe + impedanceRandom.nextGaussian() * potentialNoiseVolts;
                ImpedancePoint point = reader.read(due[(int) k - 1], hertz, circuit.atFrequency(hertz),
                        request.amplitudeVoltsRms(), dcVolts, dcAmperes);
                sink.impedance(point);
                return new Delivered(point.timeSeconds(), Optional.empty());
            }

            @Override
            Event truth(double last, ProductTally tally) {
                Map<String, Double> values = new LinkedHashMap<>(tally.asValues());
                values.putAll(circuit.asValues());
                values.put(SpectrumTruth.INTERFACE, interfaceVsRhe);
                values.put(SpectrumTruth.COMPENSATION_DURING_SPECTRUM, CellTruth.COMPENSATION_DURING_SPECTRUM);
                values.put(SpectrumTruth.COMPENSATION_OTHER_STEPS, truth.compensation());
                String doubleLayer = circuit.cpeExponent() == 1
                        ? String.format(Locale.ROOT, "C_dl = %.4g F", circuit.doubleLayerQ())
                        : String.format(Locale.ROOT, "CPE Q = %.4g F s^(a-1), a = %.3f", circuit.doubleLayerQ(),
                        circuit.cpeExponent());
                return new Event(EventKind.SIMULATOR_TRUTH, last, String.format(Locale.ROOT,
                        "simulator truth: EIS at %.4f V vs RHE set, %.4f V vs RHE at the interface (compensation off):"
                                + " R_u = %.4g ohm, R_ct = %.4g ohm, R_d = %.4g ohm, tau_d = %.3g s, %s;"
                                + " Q = %.6g C, NH3 = %.6g mol", setVsRhe, interfaceVsRhe,
                        circuit.uncompensatedOhms(), circuit.chargeTransferOhms(), circuit.diffusionOhms(),
                        circuit.diffusionSeconds(), doubleLayer, tally.chargeCoulombs(), tally.nh3Mol()), values);
            }
        });
    }

    /** A potential a constant-current step must not pass, and what set it, for the message. */
    private record PotentialLimit(double volts, String what) {
    }

    /** A profile may list fewer techniques than the simulator can run; it runs what its profile says. */
    private void checkSupported(MeasurementRequest request) throws DriverException {
        if (!capabilities.supports(request.technique())) {
            throw request.notSupportedBy("the simulator profile '" + identity.profile() + "' (its techniques: list)");
        }
    }

    private void checkApplicable(double voltsVsRe) throws DriverException {
        if (!capabilities.canApply(voltsVsRe)) {
            throw new DriverException(String.format(Locale.ROOT,
                    "%.3f V vs RE is outside the instrument's window %.3f .. %.3f V", voltsVsRe,
                    capabilities.minPotentialVolts(), capabilities.maxPotentialVolts()));
        }
    }

    private void checkInterval(Duration interval) throws DriverException {
        if (interval.compareTo(capabilities.minSampleInterval()) < 0) {
            throw new DriverException("sample interval " + Units.formatDuration(interval) + " is shorter than the instrument's minimum of "
                    + Units.formatDuration(capabilities.minSampleInterval()));
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static long count(MeasurementRequest request) {
        return request.duration().toNanos() / request.interval().toNanos();
    }

    /** One measurement, point by point, as it runs on the simulator's thread. */
    private abstract static class Procedure {
        final boolean cellOn;
        final long samples;

        Procedure(boolean cellOn, long samples) {
            this.cellOn = cellOn;
            this.samples = samples;
        }

        /** Sets the cell up: holding, sweeping, forcing a current, at rest or at a spectrum's DC. */
        abstract void begin();

        /** Instrument seconds after the measurement began at which point {@code k} (from 1) is taken. */
        abstract double dueSeconds(long k);

        /** Advances the cell to point {@code k}, reads it and hands it to {@code sink}. */
        abstract Delivered deliver(long k, SampleSink sink) throws InterruptedException;

        /** The SIMULATOR_TRUTH event of a measurement with the cell on, at step time {@code last}. */
        Event truth(double last, ProductTally tally) {
            return new Event(EventKind.SIMULATOR_TRUTH, last, String.format(Locale.ROOT,
                    "simulator truth: Q = %.6g C, NH3 = %.6g mol, FE(NH3) = %.2f %%", tally.chargeCoulombs(),
                    tally.nh3Mol(), tally.nh3FaradaicEfficiency() * 100), tally.asValues());
        }
    }

    /** What one point delivered: its step time, and why the instrument stops after it, if it does. */
    private record Delivered(double timeSeconds, Optional<Event> stop) {
    }

    /** A measurement that delivers samples (all but a spectrum). */
    private abstract static class SampleProcedure extends Procedure {
        SampleProcedure(boolean cellOn, long samples) {
            super(cellOn, samples);
        }

        /** Advances the cell to sample {@code k} and reads it. */
        abstract Sample sample(long k);

        /** Why the instrument stops after {@code sample}, if it does. */
        Optional<Event> stopsAfter(Sample sample) {
            return Optional.empty();
        }

        @Override
        Delivered deliver(long k, SampleSink sink) throws InterruptedException {
            Sample sample = sample(k);
            sink.sample(sample);
            return new Delivered(sample.timeSeconds(), stopsAfter(sample));
        }
    }

    private Measurement start(SampleSink sink, Procedure procedure) throws DriverException {
        synchronized (lock) {
            if (running) {
                throw new DriverException("a measurement is already running on the simulator; abort it first");
            }
            running = true;
            abortRequested = false;
        }
        CompletableMeasurement measurement = new CompletableMeasurement();
        Gas electrolyte = gas;
        thread.execute(() -> measurement.complete(run(sink, procedure, electrolyte)));
        return measurement;
    }

    private MeasurementEnd run(SampleSink sink, Procedure procedure, Gas electrolyte) {
        long delivered = 0;
        double stepStart = virtualSeconds;
        double last = 0;
        double lastDue = 0;
        MeasurementEnd.Outcome outcome = MeasurementEnd.Outcome.COMPLETED;
        try {
            pacer.begin(stepStart);
            cellOn = procedure.cellOn;
            cell.electrolyteGas(electrolyte);
            procedure.begin();
            for (long k = 1; k <= procedure.samples; k++) {
                if (abortRequested) {
                    outcome = MeasurementEnd.Outcome.ABORTED;
                    break;
                }
                double due = procedure.dueSeconds(k);
                // The sample is measured once its time has come: an abort while waiting for it ends the step at
                // the last sample delivered, never with one stamped at a time the cell did not reach.
                pacer.awaitVirtual(stepStart + due, () -> abortRequested);
                if (abortRequested) {
                    outcome = MeasurementEnd.Outcome.ABORTED;
                    break;
                }
                Delivered point = procedure.deliver(k, sink);
                delivered++;
                last = point.timeSeconds();
                lastDue = due;
                if (point.stop().isPresent()) {
                    cellOn = false;
                    sink.event(point.stop().get());
                    break;
                }
            }
            if (procedure.cellOn) {
                sink.event(withCompensation(procedure.truth(last, cell.tally())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = MeasurementEnd.Outcome.ABORTED;
        } catch (RuntimeException e) {
            log.error("simulated measurement failed after {} points", delivered, e);
            return finish(new MeasurementEnd(MeasurementEnd.Outcome.FAILED, delivered, last,
                    Optional.of(new DriverException("the simulator failed: " + e.getMessage(), e))), stepStart, lastDue);
        }
        return finish(new MeasurementEnd(outcome, delivered, last, Optional.empty()), stepStart, lastDue);
    }

    /** Ends a measurement; the instrument's clock stands at its last sample's due time. */
    private MeasurementEnd finish(MeasurementEnd end, double stepStart, double lastDue) {
        cellOn = false;
        virtualSeconds = stepStart + lastDue;
        synchronized (lock) {
            running = false;
        }
        return end;
    }

    private Sample holdSample(double t, double dt, long k, double voltsVsRe) {
        int substeps = k <= TRANSIENT_SAMPLES ? TRANSIENT_SUBSTEPS : 1;
        for (int i = 0; i < substeps; i++) {
            meter.pass(cell.hold(dt / substeps), dt / substeps);
        }
        CurrentMeter.Reading reading = meter.read(dt);
        double volts = voltsVsRe + random.nextGaussian() * potentialNoiseVolts;
        return new Sample(t, volts, reading.amperes(), reading.rangeAmperes(), reading.flags());
    }

    private Sample restSample(double t, double dt) {
        double volts = scale.toReference(cell.rest(dt)) + random.nextGaussian() * potentialNoiseVolts;
        return Sample.potentialOnly(t, volts);
    }

    @Override
    public void abort() {
        abortRequested = true;
        cellOn = false;
    }

    @Override
    public void close() {
        abort();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(readTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("simulator thread did not stop within the read timeout ({} ms) of close; interrupting it",
                        readTimeout.toMillis());
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
        cellOn = false;
    }
}
