package org.norrlab.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.Capabilities;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.driver.CompletableMeasurement;
import org.norrlab.driver.CyclicVoltammetryRequest;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.LinearSweepRequest;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.driver.Speed;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.testing.CollectingSink;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;
import org.norrlab.transport.SerialSettings;
import org.norrlab.transport.RecordingTransport;
import org.norrlab.transport.SerialTransport;
import org.norrlab.transport.TransportOpener;
import org.norrlab.transport.WireLog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An LSV and a CV on the emulated Rodeostat through a socat pty and jSerialComm: the driver's commands are those of the
 * hand-written transcripts (lsv.txt, cv.txt), and the emulator answers with the transcripts' device bytes exactly, sample
 * lines included, but for the currents: its cell is a 1 kΩ resistor that sweeps its own, independent path, so the
 * emulator's set points (the firmware's triangle) and the cell's potentials must agree for i = E / R to hold, to the
 * 32-bit float the firmware keeps its parameters in (0.1 V is 0.100000001 V, so 100.000001 µA).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)   // one pty and one connection for both sweeps: the connect costs seconds
class RodeostatSweepOverPtyTest {
    private static final double OHMS = 1000;

    @TempDir
    static Path temp;
    private PtyPair pty;
    private RodeostatEmulator emulator;
    private Thread device;
    private Potentiostat rodeostat;
    private final WireLog wire = new WireLog();

    @BeforeAll
    void connect() throws Exception {
        pty = new PtyPair(temp);
        DriverRegistry registry = new DriverRegistry(Fixtures.HOME);
        InstrumentProfile profile = registry.profile("rodeostat");
        SerialTransport port = SerialTransport.openForEmulator(pty.device(),
                profile.serial().orElse(SerialSettings.eightNoneOne(115200, profile.readTimeout())));
        emulator = new RodeostatEmulator(port, new ResistorCell(), profile, Faults.NONE);
        device = new Thread(emulator, "rodeostat emulator");
        device.setDaemon(true);
        device.start();
        rodeostat = registry.open(profile, new OpenOptions(Fixtures.cellAtPh7(), Speed.REAL_TIME, Optional.empty(),
                Optional.of(pty.host()), Optional.empty(), Fixtures.HOME, RecordingTransport.recording(TransportOpener.SERIAL, wire)));
    }

    @AfterAll
    void disconnect() throws Exception {
        if (rodeostat != null) {
            rodeostat.close();
        }
        emulator.stop();
        pty.close();
        device.join(2000);
    }

    private List<Sample> run(MeasurementRequest request) throws Exception {
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = rodeostat.start(request, sink).awaitEnd(Duration.ofSeconds(10)).orElseThrow();
        assertThat(end.outcome()).as(end.error().map(Throwable::getMessage).orElse("")).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        return sink.samples;
    }

    /** The host lines of a transcript, without the line end. */
    private static List<String> hostLines(String transcript) throws Exception {
        return Files.readAllLines(Path.of("src/test/resources/transcripts/rodeostat/" + transcript)).stream()
                .filter(l -> l.startsWith("> ")).map(l -> l.substring(2).replace("\\n", "")).toList();
    }

    /** What the device sent, byte for byte, from its reply to the last setVoltRange on. */
    private String deviceSentFromSetVoltRange() {
        StringBuilder device = new StringBuilder();
        wire.drain().stream().filter(c -> c.direction() == WireLog.Direction.DEVICE)
                .forEach(c -> device.append(new String(c.bytes(), StandardCharsets.US_ASCII)));
        int first = device.lastIndexOf("{\"success\":true,\"response\":{\"command\":\"setVoltRange\"");
        assertThat(first).isGreaterThanOrEqualTo(0);
        return withoutCurrents(device.substring(first));
    }

    /** The device bytes of a transcript, its '<' entries joined. */
    private static String deviceBytes(String transcript) throws Exception {
        return Files.readAllLines(Path.of("src/test/resources/transcripts/rodeostat/" + transcript)).stream()
                .filter(l -> l.startsWith("< ")).map(l -> l.substring(2).replace("\\r", "\r").replace("\\n", "\n"))
                .collect(Collectors.joining()).transform(RodeostatSweepOverPtyTest::withoutCurrents);
    }

    private static String withoutCurrents(String deviceBytes) {
        return deviceBytes.replaceAll("\"i\":[^}]+}", "\"i\":…}");
    }

    private List<String> receivedFrom(String command) {
        List<String> received = emulator.received().stream().map(String::strip).toList();
        int first = received.lastIndexOf(command);
        assertThat(first).as("the emulator received " + command).isGreaterThanOrEqualTo(0);
        return received.subList(first, received.size());
    }

    @Test
    void anLsvOverThePty() throws Exception {
        List<Sample> samples = run(new LinearSweepRequest(-0.2, -0.25, 0.01, 1.0, CurrentRangeChoice.AUTO));
        assertThat(receivedFrom("{\"command\":\"setVoltRange\",\"voltRange\":\"1V\"}")).containsExactlyElementsOf(hostLines("lsv.txt"));
        assertThat(deviceSentFromSetVoltRange()).isEqualTo(deviceBytes("lsv.txt"));
        // 50 ms at 10 ms per sample, from t = 10 ms: -0.21 .. -0.25 V, i = E / 1 kΩ.
        assertThat(samples).extracting(Sample::potentialVolts).containsExactly(-0.21, -0.22, -0.23, -0.24, -0.25);
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.cycle()).isEqualTo(1);
            assertThat(s.segment()).isEqualTo(1);
            assertThat(s.currentAmperes()).isCloseTo(s.potentialVolts() / OHMS, within(1e-11));
        });
    }

    @Test
    void aCvOverThePty() throws Exception {
        List<Sample> samples = run(new CyclicVoltammetryRequest(0.0, 0.1, -0.1, 2, 0.05, 1.0, CurrentRangeChoice.AUTO));
        assertThat(receivedFrom("{\"command\":\"setVoltRange\",\"voltRange\":\"1V\"}")).containsExactlyElementsOf(hostLines("cv.txt"));
        assertThat(deviceSentFromSetVoltRange()).isEqualTo(deviceBytes("cv.txt"));
        assertThat(samples).extracting(s -> s.cycle() + "/" + s.segment()).containsExactly(
                "1/1", "1/1", "1/2", "1/2", "1/2", "1/2", "1/3", "1/3",
                "2/1", "2/1", "2/2", "2/2", "2/2", "2/2", "2/3", "2/3");
        assertThat(samples).extracting(Sample::potentialVolts).containsExactly(
                0.05, 0.1, 0.05, 0.0, -0.05, -0.1, -0.05, 0.0, 0.05, 0.1, 0.05, 0.0, -0.05, -0.1, -0.05, 0.0);
        assertThat(samples).allSatisfy(s -> assertThat(s.currentAmperes()).isCloseTo(s.potentialVolts() / OHMS, within(1e-11)));
    }

    /**
     * A resistor between working and reference electrode: sweeps its own begin → vertex 1 → vertex 2 → begin path
     * (or start → end) and delivers one sample per interval from the first interval on, at once.
     */
    private static final class ResistorCell implements Potentiostat {
        @Override
        public InstrumentIdentity identify() {
            return new InstrumentIdentity("resistor", "test", "1 kOhm", "0", "0");
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(-10, 10, List.of(0.024), Duration.ofMillis(1), Capabilities.ALL_TECHNIQUES);
        }

        @Override
        public void setCellOn(boolean on) {
        }

        @Override
        public Measurement start(MeasurementRequest request, SampleSink sink) throws DriverException {
            double[] corners = request.match(ca -> new double[] {ca.voltsVsReference(), ca.voltsVsReference()},
                    ocp -> new double[] {0, 0}, lsv -> new double[] {lsv.startVoltsVsReference(), lsv.endVoltsVsReference()},
                    cv -> {
                        double[] path = new double[3 * cv.cycles() + 1];
                        path[0] = cv.beginVolts();
                        for (int c = 0; c < cv.cycles(); c++) {
                            path[3 * c + 1] = cv.vertex1Volts();
                            path[3 * c + 2] = cv.vertex2Volts();
                            path[3 * c + 3] = cv.beginVolts();
                        }
                        return path;
                    }, cp -> { throw cp.notSupportedBy("a resistor"); },
                    eis -> { throw eis.notSupportedBy("a resistor"); });
            double interval = request.interval().toNanos() / 1e9;
            long count = Math.round(request.duration().toNanos() / 1e9 / interval);
            try {
                for (long k = 1; k <= count; k++) {
                    double volts = along(corners, k * interval / (request.duration().toNanos() / 1e9));
                    sink.sample(new Sample(k * interval, volts, volts / OHMS, 0.024, 0));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriverException("interrupted", e);
            }
            CompletableMeasurement measurement = new CompletableMeasurement();
            measurement.complete(new MeasurementEnd(MeasurementEnd.Outcome.COMPLETED, count, count * interval, Optional.empty()));
            return measurement;
        }

        /** The potential a fraction of the way along a path of straight pieces walked at one speed. */
        private static double along(double[] corners, double fraction) {
            double total = 0;
            for (int i = 1; i < corners.length; i++) {
                total += Math.abs(corners[i] - corners[i - 1]);
            }
            double left = Math.min(1, fraction) * total;
            for (int i = 1; i < corners.length; i++) {
                double piece = Math.abs(corners[i] - corners[i - 1]);
                if (left <= piece + 1e-12 || i == corners.length - 1) {
                    return corners[i - 1] + Math.signum(corners[i] - corners[i - 1]) * Math.min(left, piece);
                }
                left -= piece;
            }
            return corners[corners.length - 1];
        }

        @Override
        public void abort() {
        }

        @Override
        public void close() {
        }
    }
}
