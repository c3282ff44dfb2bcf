package org.norrlab.driver.rodeostat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.norrlab.core.Capabilities;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.CompletableMeasurement;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.InstrumentLine;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.MeasurementRunner;
import org.norrlab.driver.NoAnswer;
import org.norrlab.driver.OpenCircuitRequest;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.driver.Stall;
import org.norrlab.protocol.rodeostat.RodeostatException;
import org.norrlab.protocol.rodeostat.RodeostatMessages;
import org.norrlab.protocol.rodeostat.RodeostatVariant;
import org.norrlab.transport.LineChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Rodeostat. It has no auto-ranging: a step with {@code current_range: auto} runs on the largest
 * range, a fixed range on the smallest range that holds it. It cannot disconnect the counter
 * electrode during a test to record an open-circuit potential, so its profile says {@code open_circuit: false}.
 * It runs LSV and CV steps as its {@code linearSweep} and {@code cyclic} tests ({@link RodeostatSweep}) and refuses
 * chronopotentiometry: it has no galvanostat.
 * <p>
 * "Cell off": hardware V0.2 and later disconnects all three electrodes ({@code setAllElectConnected});
 * older hardware cannot, and holds the site's {@code idle_potential} instead ({@code setVolt}), or
 * 0 V vs RE with a warning when none is set. {@link #cellOffState()} says which, for the run summary.
 */
public final class RodeostatPotentiostat implements Potentiostat {
    private static final Logger log = LoggerFactory.getLogger(RodeostatPotentiostat.class);
    private static final Duration END_MARGIN = Duration.ofSeconds(10);

    private final String profileName;
    private final Capabilities capabilities;
    private final List<Double> voltageRanges;
    private final int maxMalformedLines;
    private volatile InstrumentLine channel;
    private final java.util.concurrent.Callable<LineChannel> reopen;
    private final Duration readTimeout;
    private final MeasurementRunner runner;
    private final IdleHold idle;
    /** Known after {@link #identify}: whether this hardware can disconnect its electrodes. */
    private volatile boolean electrodeSwitches;
    private volatile boolean identified;

    /**
     * What older hardware holds when its cell is "off", vs its reference electrode.
     *
     * @param described the potential as the operator wrote it, or empty when none was set (0 V vs RE)
     */
    record IdleHold(double voltsVsReference, Optional<String> described) {
        static final IdleHold ZERO = new IdleHold(0.0, Optional.empty());
    }

    RodeostatPotentiostat(String profileName, Capabilities capabilities, List<Double> voltageRanges, int maxMalformedLines,
                          LineChannel channel, Duration readTimeout) {
        this(profileName, capabilities, voltageRanges, maxMalformedLines, channel, readTimeout, () -> {
            throw new DriverException("this connection cannot be reopened");
        }, IdleHold.ZERO);
    }

    RodeostatPotentiostat(String profileName, Capabilities capabilities, List<Double> voltageRanges, int maxMalformedLines,
                          LineChannel channel, Duration readTimeout, java.util.concurrent.Callable<LineChannel> reopen,
                          IdleHold idle) {
        this.idle = idle;
        this.profileName = profileName;
        this.capabilities = capabilities;
        this.voltageRanges = List.copyOf(voltageRanges);
        this.maxMalformedLines = maxMalformedLines;
        this.channel = new InstrumentLine(channel);
        this.reopen = reopen;
        this.readTimeout = readTimeout;
        this.runner = new MeasurementRunner("rodeostat-reader", channel.describe(), readTimeout);
    }

    /** Drains what a previous session left, and stops a test that may still run. */
    void sync() throws DriverException {
        // Bounded: a device that never stops sending (a wrong baud rate, a test streaming) gets stopTest anyway.
        channel.drain(System.nanoTime() + readTimeout.multipliedBy(3).toNanos());
        sendStop();
        long deadline = System.nanoTime() + readTimeout.multipliedBy(5).toNanos();
        while (true) {
            String line = channel.nextLine(deadline).orElseThrow(() -> timeout("the reply to stopTest"));
            if (RodeostatMessages.isReply(line)) {
                break;
            }
        }
        channel.drain(System.nanoTime() + readTimeout.multipliedBy(3).toNanos());
    }

    private JsonNode ask(ObjectNode command) throws DriverException {
        String name = command.get("command").asText();
        channel.send(RodeostatMessages.frame(command));
        long deadline = System.nanoTime() + readTimeout.multipliedBy(5).toNanos();
        while (true) {
            String line = channel.nextLine(deadline).orElseThrow(() -> timeout("the reply to " + name));
            if (!RodeostatMessages.isReply(line)) {
                log.debug("{}: skipped '{}' while waiting for the reply to {}", channel.describe(), line, name);
                continue;
            }
            if (RodeostatMessages.refusal(line).isEmpty() && !RodeostatMessages.answers(line, name)) {
                // A late reply to an earlier command (the stopTest sent when a test failed): not this one's.
                log.debug("{}: skipped the late reply '{}' while waiting for the reply to {}", channel.describe(), line, name);
                continue;
            }
            try {
                return RodeostatMessages.reply(line, name);
            } catch (RodeostatException e) {
                throw new DriverException.DeviceError("rodeostat", e.getMessage());
            }
        }
    }

    @Override
    public InstrumentIdentity identify() throws DriverException {
        ensureIdle();
        String variant = ask(RodeostatMessages.command("getVariant")).path("variant").asText("?");
        checkVariant(variant);
        String firmware = ask(RodeostatMessages.command("getVersion")).path("version").asText("?");
        String hardware = ask(RodeostatMessages.command("getHardwareVersion")).path("version").asText("?");
        String device = ask(RodeostatMessages.command("getDeviceId")).path("deviceId").asText("?");
        electrodeSwitches = RodeostatVariant.hasElectrodeSwitches(hardware);
        if (!electrodeSwitches && idle.described().isEmpty() && !identified) {
            log.warn("{}: this Rodeostat (hardware {}) cannot disconnect its electrodes and config/site.yaml sets no"
                    + " cell.idle_potential: with the cell \"off\" it holds the working electrode at 0 V vs RE", channel.describe(),
                    hardware);
        }
        identified = true;
        runner.identified(true);
        return new InstrumentIdentity(profileName, "rodeostat", "IO Rodeo Rodeostat " + variant + " (hardware " + hardware + ")",
                firmware, "device id " + device);
    }

    /** Refuses a Rodeostat without every current range the profile lists: its steps would run on ranges it lacks. */
    private void checkVariant(String variant) throws DriverException {
        List<Double> profileRanges = capabilities.currentRangesAmperes();
        List<String> expected = RodeostatVariant.variantsHolding(profileRanges);
        String described = expected.isEmpty() ? "no variant has all the current ranges profile " + profileName + " lists"
                : "profile " + profileName + " describes the " + String.join(" or ", expected) + " variant";
        RodeostatVariant answered = RodeostatVariant.parse(variant).orElseThrow(() -> new DriverException(
                "the Rodeostat on " + channel.describe() + " reports the variant '" + variant + "', which is none of "
                        + RodeostatVariant.known() + "; " + described));
        List<String> missing = answered.missing(profileRanges).stream().map(RodeostatMessages::rangeName).toList();
        if (!missing.isEmpty()) {
            throw new DriverException("the Rodeostat on " + channel.describe() + " is a " + answered.current() + " variant ('"
                    + variant + "') without the current range" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + "; " + described + ". Choose the profile that matches the device");
        }
    }

    @Override
    public InstrumentIdentity reconnect() throws DriverException {
        runner.ensureIdle();
        runner.identified(false);
        channel.close();
        try {
            channel = new InstrumentLine(reopen.call());
        } catch (DriverException e) {
            throw e;
        } catch (Exception e) {
            throw new DriverException("cannot reopen the Rodeostat's port: " + e.getMessage(), e);
        }
        sync();
        return identify();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void setCellOn(boolean on) throws DriverException {
        if (!on) {
            abort();
            if (runner.isRunning()) {
                throw new DriverException(profileName + " on " + channel.describe() + " did not end its test after stopTest,"
                        + " so the cell could not be switched off; check the instrument");
            }
            runner.switchOffOnce(this::sendCellOff);
        }
    }

    private void sendCellOff() throws DriverException {
        if (electrodeSwitches) {
            JsonNode reply = ask(RodeostatMessages.command("setAllElectConnected").put("connected", false));
            if (reply.path("connected").asBoolean(true)) {
                throw new DriverException(profileName + " on " + channel.describe() + " still reports its electrodes"
                        + " connected after setAllElectConnected false");
            }
        } else {
            ask(RodeostatMessages.command("setVolt").put("v", idle.voltsVsReference()));
        }
    }

    @Override
    public String cellOffState() {
        if (electrodeSwitches) {
            return "electrodes disconnected (Rodeostat setAllElectConnected false): no potential is applied";
        }
        return idle.described().map(d -> "working electrode held at the site's idle_potential " + d
                + " (this Rodeostat cannot disconnect its electrodes)").orElse("working electrode held at 0 V vs RE:"
                + " this Rodeostat cannot disconnect its electrodes and config/site.yaml sets no cell.idle_potential"
                + " (WARNING: set one the catalyst tolerates)");
    }

    @Override
    public double linkClockSeconds() {
        return channel.clockSeconds();
    }

    @Override
    public Measurement start(MeasurementRequest request, SampleSink sink) throws DriverException {
        return request.match(ca -> startChronoamperometry(ca, sink), ocp -> startOpenCircuit(ocp),
                lsv -> startSweep(RodeostatSweep.linear(lsv), lsv.currentRange(), sink),
                cv -> startSweep(RodeostatSweep.cyclic(cv), cv.currentRange(), sink),
                cp -> {
                    throw cannotHoldCurrent(profileName);
                }, eis -> {
                    throw cannotMeasureImpedance(profileName);
                });
    }

    /**
     * Throws what {@link #start} would refuse {@code request} for before sending anything (a sweep the firmware cannot
     * time, an OCP or CP step), with the same checks and words; for {@code plan} and {@code run} to refuse the step before
     * the session starts ({@link RodeostatProvider#refusals}).
     */
    static void checkBeforeSending(String profileName, MeasurementRequest request) throws DriverException {
        request.match(ca -> null, ocp -> {
            throw cannotRecordOpenCircuit();
        }, RodeostatSweep::linear, RodeostatSweep::cyclic, cp -> {
            throw cannotHoldCurrent(profileName);
        }, eis -> {
            throw cannotMeasureImpedance(profileName);
        });
    }

    private static DriverException cannotMeasureImpedance(String profileName) {
        return new DriverException("the Rodeostat (" + profileName + ") cannot measure impedance: its firmware sets"
                + " DC potentials and reads DC currents only, with no AC excitation or frequency response; run the eis"
                + " step on an instrument whose profile lists eis under techniques, or enter R_u measured elsewhere"
                + " with 'norrlab ru set'");
    }

    private static DriverException cannotHoldCurrent(String profileName) {
        return new DriverException("the Rodeostat (" + profileName + ") cannot hold a current: it is a"
                + " potentiostat without a galvanostat mode, so it cannot run chronopotentiometry; run the cp"
                + " step on an instrument whose profile lists cp under techniques, or replace it with a ca step");
    }

    private static DriverException cannotRecordOpenCircuit() {
        return new DriverException("the Rodeostat cannot record an open-circuit potential (it cannot disconnect the"
                + " counter electrode during a test); remove the ocp step from the protocol");
    }

    private Measurement startChronoamperometry(ChronoamperometryRequest request, SampleSink sink) throws DriverException {
        double volts = request.voltsVsReference();
        ObjectNode param = RodeostatMessages.object().put("quietValue", volts).put("quietTime", 0).put("value", volts)
                .put("duration", request.duration().toMillis());
        return runTest("constant", param, Math.abs(volts), request.currentRange(), request.interval(), request.duration(),
                sink, (sample, tMillis) -> sample);
    }

    /** An LSV or CV: the test's waveform is known, so each sample gets its cycle and segment from its time. */
    private Measurement startSweep(RodeostatSweep sweep, CurrentRangeChoice currentRange, SampleSink sink)
            throws DriverException {
        return runTest(sweep.test(), sweep.param(), sweep.largestMagnitudeVolts(), currentRange, sweep.interval(),
                sweep.duration(), sink, sweep::place);
    }

    /** Where a sample lies in its test's waveform; the identity for a test that is not a sweep. */
    @FunctionalInterface
    private interface Placement {
        Sample place(Sample sample, long tMillis);
    }

    /**
     * Sets the ranges, sample period and the test's parameters, connects the electrodes, runs the test and reads its
     * stream. {@code largestVolts} is the largest potential magnitude the test sets, for the voltage range.
     */
    private Measurement runTest(String test, ObjectNode param, double largestVolts, CurrentRangeChoice currentRange,
                                Duration interval, Duration duration, SampleSink sink, Placement placement)
            throws DriverException {
        ensureIdle();
        List<Double> ranges = capabilities.currentRangesAmperes();
        double range = currentRange.auto() ? capabilities.largestRangeAmperes()
                : ranges.stream().filter(r -> r >= currentRange.fullScaleAmperes() * (1 - 1e-9)).findFirst()
                .orElse(capabilities.largestRangeAmperes());
        double voltRange = voltageRanges.stream().filter(r -> r >= largestVolts).findFirst().orElseThrow(() ->
                new DriverException(String.format(Locale.ROOT, "a potential of %.3f V vs RE (in magnitude) is beyond the"
                        + " Rodeostat's largest voltage range, ±%s V (profile %s, voltage_ranges)", largestVolts,
                        RodeostatMessages.number(voltageRanges.get(voltageRanges.size() - 1)), profileName)));
        ask(RodeostatMessages.command("setVoltRange").put("voltRange", Math.round(voltRange) + "V"));
        ask(RodeostatMessages.command("setCurrRange").put("currRange", RodeostatMessages.rangeName(range)));
        ask(RodeostatMessages.command("setSamplePeriod").put("samplePeriod", interval.toMillis()));
        ObjectNode setParam = RodeostatMessages.command("setParam").put("test", test);
        setParam.set("param", param);
        ask(setParam);
        if (electrodeSwitches) {
            // The cell-off disconnected them; connect them for the test whatever the firmware's autoConnect says.
            ask(RodeostatMessages.command("setAllElectConnected").put("connected", true));
        }
        CompletableMeasurement measurement = runner.begin();
        try {
            ask(RodeostatMessages.command("runTest").put("test", test));
        } catch (DriverException | RuntimeException e) {
            runner.cancel();
            throw e;
        }
        long deadline = System.nanoTime() + duration.plus(END_MARGIN).plus(duration.dividedBy(10)).toNanos();
        runner.read(measurement, () -> readStream(sink, range, deadline, Stall.limit(interval), placement));
        return measurement;
    }

    private Measurement startOpenCircuit(OpenCircuitRequest request) throws DriverException {
        throw cannotRecordOpenCircuit();
    }

    private MeasurementEnd readStream(SampleSink sink, double range, long deadline, Duration stall, Placement placement) {
        long samples = 0;
        double last = 0;
        int malformed = 0;
        boolean infiniteSeen = false;
        try {
            long lastLine = System.nanoTime();
            while (true) {
                Optional<String> next = channel.nextLine(Math.min(deadline, lastLine + stall.toNanos()));
                if (next.isEmpty()) {
                    runner.stopQuietly(this::sendStop);
                    return new MeasurementEnd(MeasurementEnd.Outcome.FAILED, samples, last, Optional.of(
                            System.nanoTime() >= deadline ? timeout("the end of the test")
                                    : Stall.error(profileName, channel.describe(), stall)));
                }
                lastLine = System.nanoTime();
                String line = next.get();
                if (RodeostatMessages.isReply(line)) {
                    Optional<String> refusal = RodeostatMessages.refusal(line);
                    if (refusal.isPresent()) {
                        // The firmware reports a failure mid-test: the test is not what was asked for any more.
                        runner.stopQuietly(this::sendStop);
                        sink.event(new Event(EventKind.DEVICE_ERROR, last, "the Rodeostat reported: " + refusal.get(), Map.of()));
                        return new MeasurementEnd(MeasurementEnd.Outcome.FAILED, samples, last, Optional.of(
                                new DriverException.DeviceError("rodeostat", refusal.get())));
                    }
                    continue; // the stopTest reply may come before or after the end marker
                }
                RodeostatMessages.StreamLine sample;
                try {
                    sample = RodeostatMessages.sample(line);
                } catch (RodeostatException e) {
                    malformed++;
                    log.warn("{}: {} ({} so far)", channel.describe(), e.getMessage(), malformed);
                    if (malformed > maxMalformedLines) {
                        runner.stopQuietly(this::sendStop);
                        return new MeasurementEnd(MeasurementEnd.Outcome.FAILED, samples, last, Optional.of(
                                new DriverException.BadFrame(malformed + " lines from " + channel.describe()
                                        + " could not be read; the last: " + e.getMessage())));
                    }
                    continue;
                }
                if (sample.end()) {
                    break;
                }
                int flags = sample.limitError() ? SampleFlag.OVERLOAD.bit() : 0;
                double amperes = sample.microamps() * 1e-6;
                if (Double.isInfinite(amperes)) {
                    // The firmware prints Infinity when its reading overflowed: the current was beyond full scale.
                    // It is stored as the full scale, flagged overload, as the instrument's clipped readings are.
                    if (!infiniteSeen) {
                        infiniteSeen = true;
                        sink.event(new Event(EventKind.DEVICE_ERROR, sample.timeMillis() / 1000.0, String.format(
                                Locale.ROOT, "the Rodeostat reported an infinite current at %.3f s; stored as the full"
                                        + " scale of its range (%s A), flagged overload", sample.timeMillis() / 1000.0,
                                Math.copySign(range, amperes)), Map.of("range_A", range)));
                    }
                    amperes = Math.copySign(range, amperes);
                    flags |= SampleFlag.OVERLOAD.bit();
                }
                if (Double.isNaN(amperes)) {
                    sink.sample(placement.place(new Sample(sample.timeMillis() / 1000.0, sample.volts(), Double.NaN, range,
                            flags | SampleFlag.NO_CURRENT.bit()), sample.timeMillis()));
                } else {
                    if (Math.abs(amperes) >= range) {
                        flags |= SampleFlag.OVERLOAD.bit();
                    }
                    sink.sample(placement.place(new Sample(sample.timeMillis() / 1000.0, sample.volts(), amperes, range, flags),
                            sample.timeMillis()));
                }
                samples++;
                last = sample.timeMillis() / 1000.0;
            }
        } catch (DriverException.LinkLost e) {
            return new MeasurementEnd(MeasurementEnd.Outcome.LINK_LOST, samples, last, Optional.of(e));
        } catch (DriverException e) {
            return new MeasurementEnd(MeasurementEnd.Outcome.FAILED, samples, last, Optional.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MeasurementEnd(MeasurementEnd.Outcome.ABORTED, samples, last, Optional.empty());
        }
        return new MeasurementEnd(runner.stopSent() ? MeasurementEnd.Outcome.ABORTED : MeasurementEnd.Outcome.COMPLETED, samples,
                last, Optional.empty());
    }

    @Override
    public void abort() throws DriverException {
        runner.abort(this::sendStop);
    }

    private void sendStop() throws DriverException {
        channel.send(RodeostatMessages.frame(RodeostatMessages.command("stopTest")));
    }

    @Override
    public void close() {
        runner.close(this::sendStop, () -> setCellOn(false), () -> channel.close());
    }

    private void ensureIdle() throws DriverException {
        runner.ensureIdle();
    }

    private DriverException.Timeout timeout(String what) {
        return NoAnswer.timeout("a Rodeostat (" + profileName + ")", channel, what);
    }
}
