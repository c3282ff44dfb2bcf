package org.norrlab.emulator;

import org.norrlab.core.ImpedancePoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Event;
import org.norrlab.core.Sample;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.CyclicVoltammetryRequest;
import org.norrlab.driver.LinearSweepRequest;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.protocol.LineAssembler;
import org.norrlab.protocol.rodeostat.RodeostatMessages;
import org.norrlab.protocol.rodeostat.RodeostatVariant;
import org.norrlab.protocol.rodeostat.RodeostatWaveforms;
import org.norrlab.transport.Transport;
import org.norrlab.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongToDoubleFunction;

/**
 * A Rodeostat on the far end of a port: the JSON commands a driver needs (versions, ranges, sample
 * period, parameters of the "constant", "linearSweep" and "cyclic" tests, runTest, stopTest, setVolt), replies in the firmware's
 * key order with CRLF, and a sample stream from the simulated cell that ends with {@code {}}.
 * A refused command gets {@code {"success":false,"message":…}}. The variant it reports is the one
 * whose current ranges the device profile lists; hardware V0.2 (or V0.1 with {@link Faults#oldHardware})
 * decides whether it has the electrode switches ({@code setAllElectConnected}).
 */
public final class RodeostatEmulator implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(RodeostatEmulator.class);
    private static final JsonMapper JSON = new JsonMapper();

    private final Transport port;
    private final Potentiostat cell;
    private final InstrumentProfile profile;
    private final DeviceWriter out;
    private final Faults faults;
    private volatile boolean stopped;
    private volatile Measurement running;
    private long samplePeriodMs = 10;
    private double value;
    private long durationMs;
    private String currRange = "24000uA";
    private String voltRange = "10V";
    private boolean electrodesConnected;
    /** The sweep tests' parameters as the firmware keeps them (its defaults until setParam), in its key order. */
    private final Map<String, Map<String, Double>> sweepParams = Map.of(
            "linearSweep", parameters("quietValue", "quietTime", "startValue", "finalValue", "duration"),
            "cyclic", parameters("quietValue", "quietTime", "amplitude", "offset", "period", "numCycles", "shift"));
    private static final Set<String> INTEGER_KEYS = Set.of("quietTime", "duration", "period", "numCycles");

    private static Map<String, Double> parameters(String... keys) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String key : keys) {
            values.put(key, 0.0);
        }
        return values;
    }

    public RodeostatEmulator(Transport port, Potentiostat cell, InstrumentProfile profile, Faults faults) {
        this.port = port;
        this.cell = cell;
        this.profile = profile;
        this.faults = faults;
        this.out = new DeviceWriter(port, faults, 11);
    }

    private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The lines this device received, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    public void stop() {
        stopped = true;
        Emulators.stopCell(cell);
    }

    @Override
    public void run() {
        LineAssembler lines = new LineAssembler(4096);
        byte[] buffer = new byte[1024];
        try {
            while (!stopped) {
                int count = port.read(buffer);
                for (String line : lines.feed(buffer, 0, count)) {
                    received.add(line);
                    if (!line.isBlank()) {
                        faults.pauseBeforeReply();
                        handle(line.strip());
                    }
                }
            }
        } catch (TransportException | DriverException e) {
            log.info("emulator port closed: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("emulator failed", e);
        }
    }

    private void handle(String line) throws TransportException, DriverException {
        JsonNode command;
        try {
            command = JSON.readTree(line);
        } catch (java.io.IOException e) {
            fail("json deserialization error");
            return;
        }
        String name = command.path("command").asText("");
        switch (name) {
            case "getVersion" -> ok(name, "\"version\":\"FW0.1.0\"");
            case "getHardwareVersion" -> ok(name, "\"version\":\"" + hardware() + "\"");
            case "getVariant" -> ok(name, "\"variant\":\"10V_" + RodeostatVariant.currentVariantFor(
                    profile.capabilities().currentRangesAmperes()).orElse("24MilliAmp") + hardware() + "\"");
            case "setAllElectConnected" -> {
                if (faults.oldHardware()) {
                    fail("unknown command: " + name);
                    return;
                }
                if (!command.path("connected").isBoolean()) {
                    fail("unable to convert 'connected' to bool");
                    return;
                }
                electrodesConnected = command.path("connected").asBoolean();
                ok(name, "\"connected\":" + electrodesConnected);
            }
            case "getDeviceId" -> ok(name, "\"deviceId\":1");
            case "setVoltRange" -> {
                voltRange = command.path("voltRange").asText(voltRange);
                ok(name, "\"voltRange\":\"" + voltRange + "\"");
            }
            case "setCurrRange" -> {
                currRange = command.path("currRange").asText(currRange);
                ok(name, "\"currRange\":\"" + currRange + "\"");
            }
            case "setSamplePeriod" -> {
                long period = command.path("samplePeriod").asLong(-1);
                if (period < 1) {
                    fail("json samplePeriod value is too small");
                    return;
                }
                samplePeriodMs = period;
                ok(name, "\"samplePeriod\":" + period);
            }
            case "setParam" -> setParam(name, command);
            case "runTest" -> runTest(name, command.path("test").asText(""));
            case "stopTest" -> {
                ok(name, "");
                Emulators.stopCell(cell);
            }
            case "setVolt" -> ok(name, "\"v\":" + RodeostatMessages.number(command.path("v").asDouble()));
            default -> fail("unknown command: " + name);
        }
    }

    private String hardware() {
        return faults.oldHardware() ? "V0.1" : "V0.2";
    }

    private void ok(String name, String fields) throws TransportException {
        out.write("{\"success\":true,\"response\":{\"command\":\"" + name + "\"" + (fields.isEmpty() ? "" : "," + fields)
                + "}}\r\n");
    }

    private void fail(String message) throws TransportException {
        out.write("{\"success\":false,\"message\":\"" + message + "\",\"response\":{}}\r\n");
    }

    /**
     * setParam as the firmware does it: the keys the test knows are taken (the others ignored) and echoed in the
     * test's own order, floats as the board's 32-bit floats print.
     */
    private void setParam(String name, JsonNode command) throws TransportException {
        String test = command.path("test").asText("");
        JsonNode param = command.path("param");
        if (test.equals("constant")) {
            if (!param.has("value") || !param.has("duration")) {
                fail("json does not contain key: param");
                return;
            }
            value = param.get("value").asDouble();
            durationMs = param.get("duration").asLong();
            ok(name, "\"test\":\"constant\",\"param\":" + param);
            return;
        }
        Map<String, Double> stored = sweepParams.get(test);
        if (stored == null) {
            fail("test not found");
            return;
        }
        if (!param.isObject()) {
            fail("key param missing");
            return;
        }
        StringBuilder echo = new StringBuilder();
        for (String key : stored.keySet()) {
            if (!param.has(key)) {
                continue;
            }
            if (!param.get(key).isNumber()) {
                fail(key + (INTEGER_KEYS.contains(key) ? " not uint32" : " not a float"));
                return;
            }
            boolean integer = INTEGER_KEYS.contains(key);
            double number = integer ? param.get(key).asLong() : (float) param.get(key).asDouble();
            stored.put(key, number);
            echo.append(echo.length() == 0 ? "" : ",").append('"').append(key).append("\":")
                    .append(integer ? Long.toString((long) number) : RodeostatMessages.number(number));
        }
        ok(name, "\"test\":\"" + test + "\",\"param\":{" + echo + "}");
    }

    private void runTest(String name, String test) throws TransportException, DriverException {
        if (!test.equals("constant") && !sweepParams.containsKey(test)) {
            fail("test not found");
            return;
        }
        ok(name, "\"test\":\"" + test + "\"");
        double rangeAmperes = parseRange(currRange);
        if (test.equals("constant")) {
            stream(new ChronoamperometryRequest(value, Duration.ofMillis(samplePeriodMs), Duration.ofMillis(durationMs),
                    CurrentRangeChoice.fixed(rangeAmperes)), rangeAmperes, t -> value, durationMs);
            return;
        }
        Map<String, Double> p = sweepParams.get(test);
        if (p.get("quietTime") != 0) {
            // The driver never asks for one; a quiet period would need a hold on the cell before the sweep.
            fail("this emulator runs " + test + " without a quiet period only (quietTime 0)");
            out.write("{}\r\n");
            return;
        }
        MeasurementRequest request;
        LongToDoubleFunction setPoint;
        long doneMs;
        try {
            if (test.equals("linearSweep")) {
                double start = p.get("startValue");
                double end = p.get("finalValue");
                long duration = p.get("duration").longValue();
                double rate = Math.abs(end - start) / (duration / 1000.0);
                request = new LinearSweepRequest(start, end, rate * samplePeriodMs / 1000.0, rate,
                        CurrentRangeChoice.fixed(rangeAmperes));
                setPoint = t -> RodeostatWaveforms.linearSweep(t, p.get("quietValue"), 0, start, end, duration);
                doneMs = duration;
            } else {
                double amplitude = p.get("amplitude");
                double offset = p.get("offset");
                long period = p.get("period").longValue();
                double shift = p.get("shift");
                setPoint = t -> RodeostatWaveforms.cyclic(t, p.get("quietValue"), 0, amplitude, offset, period, shift);
                // The simulated cell is asked for the same triangle as a CV: from where the wave starts, first to the
                // vertex it is heading for.
                boolean rising = (long) (shift * period * 1000) % (period * 1000) < period * 500;
                double rate = 4 * amplitude / (period / 1000.0);
                request = new CyclicVoltammetryRequest(setPoint.applyAsDouble(0), rising ? offset + amplitude
                        : offset - amplitude, rising ? offset - amplitude : offset + amplitude,
                        p.get("numCycles").intValue(), rate * samplePeriodMs / 1000.0, rate,
                        CurrentRangeChoice.fixed(rangeAmperes));
                doneMs = RodeostatWaveforms.cyclicDoneMillis(0, period, p.get("numCycles").longValue());
            }
        } catch (IllegalArgumentException e) {
            fail("the emulated cell cannot run these parameters: " + e.getMessage());
            out.write("{}\r\n");
            return;
        }
        try {
            stream(request, rangeAmperes, setPoint, doneMs);
        } catch (DriverException e) {
            // The simulated cell behind the emulator cannot run this technique: the device reports a failed test.
            log.warn("the emulator's cell refused {}: {}", test, e.getMessage());
            fail("the emulated cell cannot run " + test + ": " + e.getMessage());
            out.write("{}\r\n");
        }
    }

    /**
     * Runs the request on the simulated cell and writes its samples as the firmware does: at the sample times after
     * the start up to the end of the test ({@code doneMs}), {@code v} the test's set point at that time, {@code i}
     * the cell's current in µA clipped to the range; then {@code {}}.
     */
    private void stream(MeasurementRequest request, double rangeAmperes, LongToDoubleFunction setPoint, long doneMs)
            throws DriverException {
        SampleSink sink = new SampleSink() {
            private int count;

            @Override
            public void impedance(ImpedancePoint point) {
                // the firmware has no AC measurement, so it never asks the cell for a spectrum
                throw new IllegalStateException("the Rodeostat firmware measures no impedance");
            }

            @Override
            public void sample(Sample sample) {
                long tMs = Math.round(sample.timeSeconds() * 1000);
                if (tMs <= 0 || tMs > doneMs) {
                    return; // the firmware sends no sample at the start, nor after the test's end
                }
                try {
                    count++;
                    if (count == faults.vanishAfterSamples()) {
                        stopped = true;
                        port.close();
                        Emulators.stopCell(cell);
                        return;
                    }
                    if (faults.errorAfterSamples() > 0 && count > faults.errorAfterSamples()) {
                        return;
                    }
                    if (count == faults.errorAfterSamples()) {
                        // The firmware reports a failure in the middle of the stream, then ends the test.
                        fail("current range overflow in test");
                        Emulators.stopCell(cell);
                        return;
                    }
                    double microamps = Math.max(-rangeAmperes, Math.min(rangeAmperes, sample.currentAmperes())) * 1e6;
                    out.write(RodeostatMessages.sampleLine(tMs, (float) setPoint.applyAsDouble(tMs), microamps) + "\r\n");
                    if (faults.noiseEvery() > 0 && count % faults.noiseEvery() == 0) {
                        out.write(out.garbage());
                    }
                } catch (TransportException e) {
                    Emulators.stopCell(cell);
                }
            }

            @Override
            public void event(Event event) {
                // ground truth stays inside the emulator
            }
        };
        Measurement measurement = cell.start(request, sink);
        running = measurement;
        Thread finisher = new Thread(() -> {
            try {
                while (measurement.awaitEnd(Duration.ofMillis(200)).isEmpty()) {
                    // wait for the end of the simulated test
                }
                if (!stopped) {
                    out.write("{}\r\n");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (TransportException e) {
                log.info("emulator port closed at the end of a test: {}", e.getMessage());
            }
        }, "rodeostat-emulator-test");
        finisher.setDaemon(true);
        finisher.start();
    }

    private double parseRange(String name) {
        double factor = name.endsWith("nA") ? 1e-9 : 1e-6;
        try {
            return Double.parseDouble(name.substring(0, name.length() - 2)) * factor;
        } catch (NumberFormatException e) {
            return profile.capabilities().largestRangeAmperes();
        }
    }
}
