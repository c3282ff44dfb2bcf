package org.norrlab.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Event;
import org.norrlab.core.Sample;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.protocol.LineAssembler;
import org.norrlab.protocol.rodeostat.RodeostatMessages;
import org.norrlab.protocol.rodeostat.RodeostatVariant;
import org.norrlab.transport.Transport;
import org.norrlab.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * A Rodeostat on the far end of a port: the JSON commands a driver needs (versions, ranges, sample
 * period, parameters of the "constant" test, runTest, stopTest, setVolt), replies in the firmware's
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
            case "setParam" -> {
                JsonNode param = command.path("param");
                if (!command.path("test").asText().equals("constant") || !param.has("value") || !param.has("duration")) {
                    fail("json does not contain key: param");
                    return;
                }
                value = param.get("value").asDouble();
                durationMs = param.get("duration").asLong();
                ok(name, "\"test\":\"constant\",\"param\":" + param);
            }
            case "runTest" -> runTest(name);
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

    private void runTest(String name) throws TransportException, DriverException {
        ok(name, "\"test\":\"constant\"");
        double rangeAmperes = parseRange(currRange);
        SampleSink sink = new SampleSink() {
            private int count;

            @Override
            public void sample(Sample sample) {
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
                    out.write(RodeostatMessages.sampleLine(Math.round(sample.timeSeconds() * 1000), value, microamps) + "\r\n");
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
        Measurement measurement = cell.start(new ChronoamperometryRequest(value,
                Duration.ofMillis(samplePeriodMs), Duration.ofMillis(durationMs), CurrentRangeChoice.fixed(rangeAmperes)), sink);
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
