package org.norrlab.driver.methodscript;

import org.norrlab.core.Capabilities;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.ImpedanceTiming;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.Technique;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.ChronopotentiometryRequest;
import org.norrlab.driver.CompletableMeasurement;
import org.norrlab.driver.CyclicVoltammetryRequest;
import org.norrlab.driver.LinearSweepRequest;
import org.norrlab.driver.MeasurementRunner;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.ImpedanceRequest;
import org.norrlab.driver.InstrumentLine;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.NoAnswer;
import org.norrlab.driver.OpenCircuitRequest;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.driver.Stall;
import org.norrlab.protocol.methodscript.DataValue;
import org.norrlab.protocol.methodscript.MalformedReplyException;
import org.norrlab.protocol.methodscript.Reply;
import org.norrlab.protocol.methodscript.ScriptWriter;
import org.norrlab.transport.LineChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A MethodSCRIPT instrument. Idle commands are exchanged on the caller's thread; while a script
 * runs, one reader thread owns the port and turns its output into samples.
 */
public final class MethodScriptPotentiostat implements Potentiostat {
    private static final Logger log = LoggerFactory.getLogger(MethodScriptPotentiostat.class);
    /** Extra time allowed past a step's duration before silence is an error. */
    private static final Duration END_MARGIN = Duration.ofSeconds(10);

    private final String profileName;
    private final Capabilities capabilities;
    private final MethodScriptSettings settings;
    private volatile InstrumentLine channel;
    private final ChannelOpener reopen;
    private final Duration readTimeout;
    private final MeasurementRunner runner;
    private InstrumentIdentity identity;

    /** Opens the instrument's port again after a lost link. */
    @FunctionalInterface
    interface ChannelOpener {
        LineChannel open() throws DriverException;
    }

    MethodScriptPotentiostat(String profileName, Capabilities capabilities, MethodScriptSettings settings,
                             LineChannel channel, Duration readTimeout) {
        this(profileName, capabilities, settings, channel, readTimeout, () -> {
            throw new DriverException("this connection cannot be reopened");
        });
    }

    MethodScriptPotentiostat(String profileName, Capabilities capabilities, MethodScriptSettings settings,
                             LineChannel channel, Duration readTimeout, ChannelOpener reopen) {
        this.profileName = profileName;
        this.capabilities = capabilities;
        this.settings = settings;
        this.channel = new InstrumentLine(channel);
        this.reopen = reopen;
        this.readTimeout = readTimeout;
        this.runner = new MeasurementRunner("methodscript-reader", channel.describe(), readTimeout);
    }

    /**
     * The sequence PalmSens recommends before the first command: flush a half-typed command, abort
     * any script left running, and wait until the device is idle.
     */
    void sync() throws DriverException {
        channel.send("\n");
        // Bounded: a device that never stops sending (a wrong baud rate, a script still streaming) gets the abort anyway.
        channel.drain(System.nanoTime() + readTimeout.multipliedBy(3).toNanos());
        channel.send("Z\n");
        String reply = expectLine(l -> l.startsWith("Z"), "the reply to abort (Z)");
        if (reply.equals("Z")) {
            log.warn("{}: a script was still running; aborted it", channel.describe());
            long deadline = System.nanoTime() + END_MARGIN.toNanos();
            while (!channel.nextLine(deadline).orElseThrow(() -> timeout("the end of the aborted script")).isEmpty()) {
                // drain the rest of the aborted script's output
            }
        }
    }

    @Override
    public InstrumentIdentity identify() throws DriverException {
        ensureIdle();
        channel.send("t\n");
        String firmware = expectLine(l -> l.startsWith("t"), "the firmware version (t)").substring(1);
        expectLine(l -> l.endsWith("*"), "the end of the firmware reply");
        String type = settings.deviceTypes().stream().filter(firmware::startsWith).findFirst().orElseThrow(() ->
                new DriverException("the device on " + channel.describe() + " reports firmware '" + firmware
                        + "', which is not a " + profileName + " (expected it to start with one of "
                        + settings.deviceTypes() + "); choose the profile that matches the device"));
        channel.send("i\n");
        String serial = expectLine(l -> l.startsWith("i"), "the serial number (i)").substring(1);
        identity = new InstrumentIdentity(profileName, "methodscript", type + " (MethodSCRIPT)", firmware, serial);
        runner.identified(true);
        return identity;
    }

    @Override
    public InstrumentIdentity reconnect() throws DriverException {
        runner.ensureIdle();
        runner.identified(false);
        channel.close();
        channel = new InstrumentLine(reopen.open());
        sync();
        return identify();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void setCellOn(boolean on) throws DriverException {
        if (on) {
            return; // a CA script switches the cell on itself, at its potential
        }
        if (runner.isRunning()) {
            abort();
            if (runner.isRunning()) {
                throw new DriverException(profileName + " on " + channel.describe() + " did not end its measurement after"
                        + " the abort, so the cell could not be switched off; check the instrument");
            }
        }
        runner.switchOffOnce(this::sendCellOff);
    }

    private void sendCellOff() throws DriverException {
        channel.send(ScriptWriter.frame(ScriptWriter.cellOff()));
        long deadline = System.nanoTime() + readTimeout.multipliedBy(5).toNanos();
        while (true) {
            String line = channel.nextLine(deadline).orElseThrow(() -> timeout("confirmation that the cell is off"));
            if (line.isEmpty()) {
                return;
            }
            if (line.contains("!")) {
                throw deviceError(line);
            }
        }
    }

    @Override
    public Measurement start(MeasurementRequest request, SampleSink sink) throws DriverException {
        checkBeforeSending(profileName, capabilities, settings, request);
        return request.match(ca -> startChronoamperometry(ca, sink), ocp -> startOpenCircuit(ocp, sink),
                lsv -> startLinearSweep(lsv, sink), cv -> startCyclicVoltammetry(cv, sink),
                cp -> startChronopotentiometry(cp, sink), eis -> startImpedance(eis, sink));
    }

    private Measurement startChronoamperometry(ChronoamperometryRequest request, SampleSink sink) throws DriverException {
        double volts = microvolts(request.voltsVsReference());
        CurrentRangeChoice range = request.currentRange();
        List<String> script = ScriptWriter.chronoamperometry(volts, seconds(request.interval()), seconds(request.duration()),
                initialRange(range), range.auto(), settings.script());
        return run(script, request.duration(), request.interval(), (SamplePackages) this::timedCurrent, sink);
    }

    private Measurement startOpenCircuit(OpenCircuitRequest request, SampleSink sink) throws DriverException {
        return run(ScriptWriter.openCircuit(seconds(request.interval()), seconds(request.duration()), settings.script()),
                request.duration(), request.interval(), (SamplePackages) (values, out) -> timedPotential(values), sink);
    }

    private Measurement startLinearSweep(LinearSweepRequest request, SampleSink sink) throws DriverException {
        double begin = microvolts(request.startVoltsVsReference());
        double end = microvolts(request.endVoltsVsReference());
        double step = microvolts(request.stepVolts());
        CurrentRangeChoice range = request.currentRange();
        List<String> script = ScriptWriter.linearSweep(begin, end, step, microvolts(request.scanRateVoltsPerSecond()),
                initialRange(range), range.auto(), settings.script());
        return run(script, request.duration(), request.interval(),
                new SweepPackages(SweepPosition.linear(begin, end, step), seconds(request.interval())), sink);
    }

    private Measurement startCyclicVoltammetry(CyclicVoltammetryRequest request, SampleSink sink) throws DriverException {
        double begin = microvolts(request.beginVolts());
        double vertex1 = microvolts(request.vertex1Volts());
        double vertex2 = microvolts(request.vertex2Volts());
        double step = microvolts(request.stepVolts());
        CurrentRangeChoice range = request.currentRange();
        List<String> script = ScriptWriter.cyclicVoltammetry(begin, vertex1, vertex2, request.cycles(), step,
                microvolts(request.scanRateVoltsPerSecond()), initialRange(range), range.auto(), settings.script());
        return run(script, request.duration(), request.interval(),
                new SweepPackages(SweepPosition.cyclic(begin, vertex1, vertex2, step), seconds(request.interval())), sink);
    }

    private Measurement startChronopotentiometry(ChronopotentiometryRequest request, SampleSink sink) throws DriverException {
        double setAmperes = setAmperes(request);
        double range = setCurrentRange(profileName, capabilities, request);
        List<String> script = ScriptWriter.chronopotentiometry(setAmperes, seconds(request.interval()),
                seconds(request.duration()), range, settings.script());
        return run(script, request.duration(), request.interval(),
                new ConstantCurrentPackages(range, request.minVolts(), request.maxVolts()), sink);
    }

    /**
     * An impedance spectrum: one {@code meas_loop_eis} (see {@link ScriptWriter#impedance}), after a short
     * {@code meas_loop_ocp} when the DC level is the open-circuit potential. The step's time runs from the start of
     * the script: the OCP's seconds, then each point's {@link ImpedanceTiming#pointSeconds} (the packages carry no time).
     */
    private Measurement startImpedance(ImpedanceRequest request, SampleSink sink) throws DriverException {
        SpectrumLoop loop = spectrumLoop(profileName, settings, request);
        CurrentRangeChoice range = request.currentRange();
        double dc = microvolts(request.dcVoltsVsReference());
        List<String> script = ScriptWriter.impedance(dc, request.dcAtOpenCircuit(), dc, request.amplitudeVoltsRms(),
                loop.beginHz(), loop.endHz(), loop.count(), initialRange(range), range.auto(), settings.script());
        Duration openCircuit = request.dcAtOpenCircuit()
                ? Duration.ofNanos(Math.round(ScriptWriter.OPEN_CIRCUIT_SECONDS * 1e9)) : Duration.ZERO;
        return run(script, request.duration().plus(openCircuit), request.interval(),
                new ImpedancePackages(request, dc), sink);
    }

    /** The loop {@code request} becomes on this profile, or why it cannot run (see {@link SpectrumLoop#of}). */
    private static SpectrumLoop spectrumLoop(String profileName, MethodScriptSettings settings, ImpedanceRequest request)
            throws DriverException {
        ImpedanceLimits limits = settings.impedance().orElseThrow(() -> new DriverException(profileName + " cannot"
                + " measure impedance: its profile lists eis under techniques but its methodscript block has no 'eis:'"
                + " limits (highest_frequency_hz, lowest_frequency_hz, amplitude_rms); add them from the instrument's"
                + " specifications"));
        return SpectrumLoop.of(profileName, limits, request);
    }

    /**
     * Throws what {@link #start} would refuse {@code request} for before sending anything (a technique the profile does
     * not list, a CP current above its range), with the same checks and words; for {@code plan} and {@code run} to refuse
     * the step before the session starts ({@link MethodScriptProvider#refusals}).
     */
    static void checkBeforeSending(String profileName, Capabilities capabilities, MethodScriptSettings settings,
                                   MeasurementRequest request) throws DriverException {
        if (!capabilities.supports(request.technique())) {
            throw new DriverException(profileName + " cannot " + request.technique().ability() + ": its profile does not"
                    + " list '" + request.technique().written() + "' under techniques"
                    + (request.technique() == Technique.CHRONOPOTENTIOMETRY
                    ? " (PalmSens documents meas_loop_cp for the EmStat4 and Nexus, not for the EmStat Pico)" : ""));
        }
        request.match(ca -> null, ocp -> null, lsv -> null, cv -> null,
                cp -> setCurrentRange(profileName, capabilities, cp), eis -> spectrumLoop(profileName, settings, eis));
    }

    /** The set current as the script carries it, to the nanoampere. */
    private static double setAmperes(ChronopotentiometryRequest request) {
        return Math.rint(request.currentAmperes() * 1e9) / 1e9;
    }

    /**
     * The current range a CP step runs on, refused when it cannot hold the set current. The applied current's range
     * cannot auto-range (PalmSens' example pins it): take the smallest range that holds it.
     */
    private static double setCurrentRange(String profileName, Capabilities capabilities,
                                          ChronopotentiometryRequest request) throws DriverException {
        CurrentRangeChoice choice = request.currentRange();
        double setAmperes = setAmperes(request);
        double range = choice.auto() ? capabilities.currentRangesAmperes().stream().filter(r -> r >= Math.abs(setAmperes))
                .findFirst().orElse(capabilities.largestRangeAmperes()) : choice.fullScaleAmperes();
        if (Math.abs(setAmperes) > range) {
            throw new DriverException(String.format(Locale.ROOT, "%s cannot apply %s A on its %s A range: choose a current"
                    + " range that holds it (the largest is %s A)", profileName, setAmperes, range,
                    capabilities.largestRangeAmperes()));
        }
        return range;
    }

    private double initialRange(CurrentRangeChoice range) {
        return range.auto() ? settings.script().autorangeMaxAmperes() : range.fullScaleAmperes();
    }

    /** Scripts carry potentials to the microvolt: finer is below any instrument's resolution. */
    private static double microvolts(double volts) {
        return Math.rint(volts * 1e6) / 1e6;
    }

    private Measurement run(List<String> script, Duration duration, Duration interval, Packages packages, SampleSink sink)
            throws DriverException {
        CompletableMeasurement measurement = runner.begin();
        try {
            channel.send(ScriptWriter.frame(script));
        } catch (DriverException | RuntimeException e) {
            runner.cancel();
            throw e;
        }
        long deadline = System.nanoTime() + duration.plus(END_MARGIN).plus(duration.dividedBy(10)).toNanos();
        runner.read(measurement, () -> readScriptOutput(sink, packages, deadline, Stall.limit(interval)));
        return measurement;
    }

    /** Reads one script's output to its end line, turning packages into samples. */
    private MeasurementEnd readScriptOutput(SampleSink sink, Packages packages, long deadline, Duration stall) {
        ScriptOutput out = new ScriptOutput(sink, packages);
        try {
            long lastLine = System.nanoTime();
            while (!out.ended) {
                long stallAt = lastLine + stall.toNanos();
                Optional<String> next = channel.nextLine(Math.min(deadline, stallAt));
                if (next.isEmpty()) {
                    out.failure = System.nanoTime() >= deadline ? timeout("the end of the measurement")
                            : Stall.error(profileName, channel.describe(), stall);
                    runner.stopQuietly(this::sendAbort);
                    break;
                }
                lastLine = System.nanoTime();
                out.line = next.get();
                Reply reply;
                try {
                    reply = Reply.parse(out.line);
                } catch (MalformedReplyException e) {
                    out.malformed++;
                    log.warn("{}: {} ({} so far)", channel.describe(), e.getMessage(), out.malformed);
                    if (out.malformed > settings.maxMalformedLines()) {
                        out.failure = new DriverException.BadFrame(out.malformed + " lines from " + channel.describe()
                                + " could not be read (more than the profile's max_malformed_lines of "
                                + settings.maxMalformedLines() + "); the last: " + e.getMessage());
                        runner.stopQuietly(this::sendAbort);
                    }
                    continue;
                }
                reply.accept(out);
            }
        } catch (DriverException.LinkLost e) {
            return new MeasurementEnd(MeasurementEnd.Outcome.LINK_LOST, out.samples, out.last, Optional.of(e));
        } catch (DriverException e) {
            return new MeasurementEnd(MeasurementEnd.Outcome.FAILED, out.samples, out.last, Optional.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MeasurementEnd(MeasurementEnd.Outcome.ABORTED, out.samples, out.last, Optional.empty());
        } catch (RuntimeException e) {
            log.error("{}: reading the measurement failed", channel.describe(), e);
            return new MeasurementEnd(MeasurementEnd.Outcome.FAILED, out.samples, out.last,
                    Optional.of(new DriverException("reading from " + channel.describe() + " failed: " + e.getMessage(), e)));
        }
        if (out.failure != null) {
            return new MeasurementEnd(MeasurementEnd.Outcome.FAILED, out.samples, out.last, Optional.of(out.failure));
        }
        // A step its potential limit stopped ended as the protocol asked, though the driver sent the stop.
        return new MeasurementEnd(runner.stopSent() && !out.limitReached ? MeasurementEnd.Outcome.ABORTED
                : MeasurementEnd.Outcome.COMPLETED, out.samples, out.last, Optional.empty());
    }

    /** What one script's output has given so far; each line read is handed to it by its kind. */
    private final class ScriptOutput implements Reply.Visitor<InterruptedException> {
        private final SampleSink sink;
        private final Packages packages;
        long samples;
        /** Every package of the loop, readable or not: a sweep's point k is the k-th. */
        long packagesSeen;
        boolean limitReached;
        double last;
        int malformed;
        double previousRange = Double.NaN;
        DriverException failure;
        boolean ended;
        String line;

        ScriptOutput(SampleSink sink, Packages packages) {
            this.sink = sink;
            this.packages = packages;
        }

        @Override
        public void scriptEnded(Reply.ScriptEnded reply) {
            ended = true;
        }

        @Override
        public void dataPackage(Reply.Package pkg) throws InterruptedException {
            boolean delivered = packages.deliver(pkg.values(), this);
            packagesSeen++;
            if (!delivered) {
                malformed++;
                log.warn("{}: package with unexpected layout: {}", channel.describe(), line);
            }
        }

        /** A sample of a DC technique's package: to the sink, and the step stopped at a limit it passed. */
        void deliverSample(Sample sample, SamplePackages packages) throws InterruptedException {
            previousRange = sample.rangeAmperes();
            sink.sample(sample);
            samples++;
            last = sample.timeSeconds();
            Optional<String> limit = packages.limitPassed(sample);
            if (limit.isPresent() && !limitReached) {
                limitReached = true;
                log.info("{}: {}; stopping the step", channel.describe(), limit.get());
                sink.event(new Event(EventKind.NOTE, last, limit.get() + "; the step ended there", Map.of()));
                runner.stopQuietly(MethodScriptPotentiostat.this::sendAbort);
            }
        }

        @Override
        public void scanStarted(Reply.ScanStarted reply) {
            packages.scanStarted();
        }

        @Override
        public void scanEnded(Reply.ScanEnded reply) {
            // the next scan's marker, or the loop's end, follows
        }

        @Override
        public void error(Reply.Error error) throws InterruptedException {
            failure = new DriverException.DeviceError(error.code().code(), error.code().meaning()
                    + (error.context().isEmpty() ? "" : " (" + error.context() + ")"));
            sink.event(new Event(EventKind.DEVICE_ERROR, last, "device error " + error.code().code() + ": "
                    + error.code().meaning(), Map.of()));
        }

        @Override
        public void loopStarted(Reply.LoopStarted reply) {
            // the driver wrote the script: it knows the technique; only a script of two loops needs to know which runs
            packages.loopStarted();
        }

        @Override
        public void loopEnded(Reply.LoopEnded reply) {
            // the script goes on to its end line, which ends the measurement
        }

        @Override
        public void carriesNothing(Reply reply) {
            // nothing a sample or the outcome needs
        }
    }

    /**
     * How the packages of one script become what the sink receives: by position, never by vartype
     * (serial-protocols.md §1.5).
     */
    private interface Packages {
        /** Hands one package to the sink; false for a package of another layout, which the reader counts as malformed. */
        boolean deliver(List<DataValue> values, ScriptOutput out) throws InterruptedException;

        /** A {@code Cxxxx} line started the next scan of the loop. */
        default void scanStarted() {
            // only a sweep counts scans
        }

        /** An {@code Mxxxx} line started the script's next measurement loop. */
        default void loopStarted() {
            // only a script of more than one loop tells them apart
        }
    }

    /** The packages of a DC technique: one sample each. */
    private interface SamplePackages extends Packages {
        /** The package's sample; empty for a package of another layout. */
        Optional<Sample> sample(List<DataValue> values, ScriptOutput out);

        @Override
        default boolean deliver(List<DataValue> values, ScriptOutput out) throws InterruptedException {
            Optional<Sample> sample = sample(values, out);
            if (sample.isPresent()) {
                out.deliverSample(sample.get(), this);
            }
            return sample.isPresent();
        }

        /** Why the step must end at this sample, if it must. */
        default Optional<String> limitPassed(Sample sample) {
            return Optional.empty();
        }
    }

    /** OCP: [time, potential]. */
    private static Optional<Sample> timedPotential(List<DataValue> values) {
        if (values.size() != 2 || Double.isNaN(values.get(0).value())) {
            return Optional.empty();
        }
        return Optional.of(Sample.potentialOnly(Math.max(0, values.get(0).value()), values.get(1).value()));
    }

    /** CA: [time, set potential, current]. */
    private Optional<Sample> timedCurrent(List<DataValue> values, ScriptOutput out) {
        if (values.size() != 3 || Double.isNaN(values.get(0).value())) {
            return Optional.empty();
        }
        return Optional.of(currentSample(Math.max(0, values.get(0).value()), values.get(1).value(), values.get(2),
                out.previousRange));
    }

    /**
     * LSV and CV: [set potential (da), current (ba)], as PalmSens' sweep examples send them. The device steps on its
     * own clock, so the k-th package of the loop (from 0) is at k·step/rate; one it could not keep time for carries
     * the timing status, which becomes {@link SampleFlag#TIMING}.
     */
    private final class SweepPackages implements SamplePackages {
        private final SweepPosition position;
        private final double intervalSeconds;

        SweepPackages(SweepPosition position, double intervalSeconds) {
            this.position = position;
            this.intervalSeconds = intervalSeconds;
        }

        @Override
        public Optional<Sample> sample(List<DataValue> values, ScriptOutput out) {
            if (values.size() != 2 || Double.isNaN(values.get(0).value())) {
                return Optional.empty();
            }
            double volts = values.get(0).value();
            position.place(volts);
            return Optional.of(currentSample(out.packagesSeen * intervalSeconds, volts, values.get(1), out.previousRange)
                    .inSweep(position.cycle(), position.segment()));
        }

        @Override
        public void scanStarted() {
            position.scanStarted();
        }
    }

    /**
     * CP: [time, measured potential (ab), applied current]. The current is the one set, on the range the script fixed;
     * the status bits are the potential's (an overload means the potential left its range).
     */
    private static final class ConstantCurrentPackages implements SamplePackages {
        private final double rangeAmperes;
        private final double minVolts;
        private final double maxVolts;

        ConstantCurrentPackages(double rangeAmperes, double minVolts, double maxVolts) {
            this.rangeAmperes = rangeAmperes;
            this.minVolts = minVolts;
            this.maxVolts = maxVolts;
        }

        @Override
        public Optional<Sample> sample(List<DataValue> values, ScriptOutput out) {
            if (values.size() != 3 || Double.isNaN(values.get(0).value())) {
                return Optional.empty();
            }
            DataValue potential = values.get(1);
            return Optional.of(new Sample(Math.max(0, values.get(0).value()), potential.value(), values.get(2).value(),
                    rangeAmperes, statusFlags(potential.status())));
        }

        /**
         * MethodSCRIPT's CP loop has no potential limits, so the driver watches them: the step ends at the first
         * sample outside, one interval late at most.
         */
        @Override
        public Optional<String> limitPassed(Sample sample) {
            double volts = sample.potentialVolts();
            if (volts < minVolts || volts > maxVolts) {
                return Optional.of(String.format(Locale.ROOT,
                        "the potential %.4f V vs RE left the step's limits %s .. %s V", volts, minVolts, maxVolts));
            }
            return Optional.empty();
        }
    }

    /**
     * An impedance script's packages: with the DC level at open circuit first the OCP loop's [time, potential], whose
     * last potential (plus the request's offset) is the DC level of the spectrum, then one [f, Z', Z''] per frequency.
     * The k-th point's time is the OCP's duration plus the {@link ImpedanceTiming#pointSeconds} of points 0..k: the
     * packages carry no time, and that is the pace norrlab plans with. The measurement's sample count is the points.
     */
    private final class ImpedancePackages implements Packages {
        private final ImpedanceRequest request;
        private final double offsetVolts;
        private int loop;
        private int points;
        private double dcVolts;
        private double seconds;
        private double previousRange = Double.NaN;

        ImpedancePackages(ImpedanceRequest request, double dcVolts) {
            this.request = request;
            this.offsetVolts = dcVolts;
            // Fixed DC: known now. At open circuit: unknown until the OCP loop has reported.
            this.dcVolts = request.dcAtOpenCircuit() ? Double.NaN : dcVolts;
        }

        @Override
        public void loopStarted() {
            loop++;
            if (request.dcAtOpenCircuit() && loop == 2) {
                seconds = ScriptWriter.OPEN_CIRCUIT_SECONDS;
            }
        }

        private boolean inOpenCircuitLoop() {
            return request.dcAtOpenCircuit() && loop <= 1;
        }

        @Override
        public boolean deliver(List<DataValue> values, ScriptOutput out) throws InterruptedException {
            if (inOpenCircuitLoop()) {
                if (values.size() != 2 || Double.isNaN(values.get(1).value())) {
                    return false;
                }
                // The device adds the offset to the last potential it measured (add_var) and holds that.
                dcVolts = microvolts(values.get(1).value() + offsetVolts);
                return true;
            }
            double requested = points < request.frequenciesHz().size() ? request.frequenciesHz().get(points) : Double.NaN;
            double frequency = SpectrumLoop.frequency(values, requested);
            if (!(frequency > 0)) {
                return false;
            }
            double time = seconds + ImpedanceTiming.pointSeconds(frequency);
            Optional<ImpedancePoint> point = SpectrumLoop.point(values, time, frequency, dcVolts, settings.rangeCodes(),
                    previousRange);
            if (point.isEmpty()) {
                return false;
            }
            seconds = time;
            points++;
            previousRange = point.get().rangeAmperes();
            out.sink.impedance(point.get());
            out.samples++;
            out.last = time;
            return true;
        }
    }

    /** A current package value as a sample: its status bits as flags, its range code as the profile's full scale. */
    private Sample currentSample(double t, double volts, DataValue current, double previousRange) {
        int flags = statusFlags(current.status());
        double range = current.rangeCode() < 0 ? Double.NaN : settings.rangeCodes().getOrDefault(current.rangeCode(), Double.NaN);
        if (!Double.isNaN(previousRange) && !Double.isNaN(range) && range != previousRange) {
            flags |= SampleFlag.RANGE_CHANGED.bit();
        }
        if (Double.isNaN(current.value())) {
            return new Sample(t, volts, Double.NaN, range, flags | SampleFlag.NO_CURRENT.bit());
        }
        return new Sample(t, volts, current.value(), range, flags);
    }

    static int statusFlags(int deviceStatus) {
        int flags = 0;
        int status = Math.max(0, deviceStatus);
        if ((status & DataValue.STATUS_TIMING) != 0) {
            flags |= SampleFlag.TIMING.bit();
        }
        if ((status & DataValue.STATUS_OVERLOAD) != 0) {
            flags |= SampleFlag.OVERLOAD.bit();
        }
        if ((status & DataValue.STATUS_UNDERLOAD) != 0) {
            flags |= SampleFlag.UNDERLOAD.bit();
        }
        if ((status & DataValue.STATUS_OVERLOAD_WARNING) != 0) {
            flags |= SampleFlag.OVERLOAD_WARNING.bit();
        }
        return flags;
    }

    @Override
    public double linkClockSeconds() {
        return channel.clockSeconds();
    }

    @Override
    public void abort() throws DriverException {
        runner.abort(this::sendAbort);
    }

    private void sendAbort() throws DriverException {
        channel.send("Z\n");
    }

    @Override
    public void close() {
        runner.close(this::sendAbort, () -> setCellOn(false), () -> channel.close());
    }

    private void ensureIdle() throws DriverException {
        runner.ensureIdle();
    }

    private String expectLine(java.util.function.Predicate<String> wanted, String what) throws DriverException {
        long deadline = System.nanoTime() + readTimeout.multipliedBy(5).toNanos();
        while (true) {
            String line = channel.nextLine(deadline).orElseThrow(() -> timeout(what));
            if (wanted.test(line)) {
                return line;
            }
            if (line.contains("!")) {
                throw deviceError(line);
            }
            log.debug("{}: skipped '{}' while waiting for {}", channel.describe(), line, what);
        }
    }

    private DriverException deviceError(String line) {
        try {
            if (Reply.parse(line) instanceof Reply.Error error) {
                return new DriverException.DeviceError(error.code().code(), error.code().meaning());
            }
        } catch (MalformedReplyException e) {
            log.debug("unparseable error line", e);
        }
        return new DriverException.BadFrame("unexpected reply from " + channel.describe() + ": '" + line + "'");
    }

    private DriverException.Timeout timeout(String what) {
        return NoAnswer.timeout("a " + profileName + " (MethodSCRIPT)", channel, what);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
