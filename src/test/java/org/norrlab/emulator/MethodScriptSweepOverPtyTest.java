package org.norrlab.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Sample;
import org.norrlab.driver.ChronopotentiometryRequest;
import org.norrlab.driver.CyclicVoltammetryRequest;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.LinearSweepRequest;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.Potentiostat;
import org.norrlab.testing.CollectingSink;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * LSV and CV on an emulated EmStat Pico through a socat pty and jSerialComm: the driver's script reaches the
 * emulator, which runs it on a 10 kOhm dummy cell (I = E / 10 kOhm on a staircase, like PalmSens' test cell) and
 * answers with the device's markers and packages; the driver turns them back into samples. One connection for all
 * cases (a connect drains the port for 1.5 s).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodScriptSweepOverPtyTest {
    private static final double OHMS = DummyCell.OHMS;
    private static final double RANGE = DummyCell.RANGE;   // the Pico's range code 7

    private EmulatedPico pico;
    private DeviceOutput devicePort;
    private DummyCell cell;
    private MethodScriptEmulator emulator;
    private Potentiostat driver;

    @BeforeAll
    void connect() throws Exception {
        pico = EmulatedPico.connect("ms-sweep-pty");
        devicePort = pico.devicePort();
        cell = pico.cell();
        emulator = pico.emulator();
        driver = pico.driver();
        assertThat(driver.identify().firmware()).isEqualTo("espico1500#Nov 27 2026 12:00:00");
    }

    @BeforeEach
    void forgetTheLastCase() {
        cell.requests.clear();
        devicePort.written.reset();
    }

    @AfterAll
    void disconnect() throws Exception {
        pico.close();
    }

    private List<Sample> run(MeasurementRequest request) throws Exception {
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = driver.start(request, sink).awaitEnd(Duration.ofSeconds(20)).orElseThrow();
        assertThat(end.outcome()).as(end.error().map(Throwable::getMessage).orElse("")).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        assertThat(end.samples()).isEqualTo(sink.samples.size());
        return sink.samples;
    }

    @Test
    void anLsvArrivesPointForPoint() throws Exception {
        // +0.1 -> -0.4 V vs RE in 10 mV steps at 1 V/s: (0.5 / 0.01) + 1 = 51 points, 10 ms apart
        List<Sample> samples = run(new LinearSweepRequest(0.1, -0.4, 0.01, 1.0, CurrentRangeChoice.AUTO));
        assertThat(cell.requests).containsExactly(new LinearSweepRequest(0.1, -0.4, 0.01, 1.0, CurrentRangeChoice.AUTO));
        assertThat(emulator.received()).contains("meas_loop_lsv p c 100m -400m 10m 1");
        assertThat(samples).hasSize(51);
        for (int k = 0; k < 51; k++) {
            Sample s = samples.get(k);
            double volts = 0.1 - 0.01 * k;
            assertThat(s.potentialVolts()).as("E of point %d", k).isCloseTo(volts, within(1e-9));        // 1 nV: the encoding
            assertThat(s.currentAmperes()).as("I of point %d", k).isCloseTo(volts / OHMS, within(1e-15));
            assertThat(s.timeSeconds()).as("t of point %d", k).isCloseTo(k * 0.01, within(1e-12));
            assertThat(s.cycle()).isEqualTo(1);
            assertThat(s.segment()).isEqualTo(1);
            assertThat(s.rangeAmperes()).isCloseTo(RANGE, within(1e-15));
        }
    }

    @Test
    void aCvOfTwoCyclesKeepsItsCyclesAndSegments() throws Exception {
        // begin 0, vertex 1 +50 mV, vertex 2 -50 mV, 10 mV at 1 V/s, 2 cycles. Cycle 1: 0 .. +0.05 (6 points, segment
        // 1), +0.04 .. -0.05 (10, segment 2), -0.04 .. 0 (5, segment 3) = 21; cycle 2 starts one step on: +0.01 .. +0.05
        // (5), then 10 and 5 = 20. 41 points.
        List<Sample> samples = run(new CyclicVoltammetryRequest(0, 0.05, -0.05, 2, 0.01, 1.0, CurrentRangeChoice.AUTO));
        assertThat(emulator.received()).contains("meas_loop_cv p c 0 50m -50m 10m 1 nscans(2)");
        assertThat(cell.requests).containsExactly(
                new CyclicVoltammetryRequest(0, 0.05, -0.05, 2, 0.01, 1.0, CurrentRangeChoice.AUTO));
        assertThat(samples).hasSize(41);
        List<String> expected = new ArrayList<>();
        List<Double> volts = new ArrayList<>();
        for (int cycle = 1; cycle <= 2; cycle++) {
            for (int mv = cycle == 1 ? 0 : 10; mv <= 50; mv += 10) {
                expected.add(cycle + "/1");
                volts.add(mv / 1000.0);
            }
            for (int mv = 40; mv >= -50; mv -= 10) {
                expected.add(cycle + "/2");
                volts.add(mv / 1000.0);
            }
            for (int mv = -40; mv <= 0; mv += 10) {
                expected.add(cycle + "/3");
                volts.add(mv / 1000.0);
            }
        }
        assertThat(samples.stream().map(s -> s.cycle() + "/" + s.segment()).toList()).isEqualTo(expected);
        assertThat(expected.stream().filter(e -> e.startsWith("1/")).count()).isEqualTo(21);
        for (int k = 0; k < samples.size(); k++) {
            assertThat(samples.get(k).potentialVolts()).as("E of point %d", k).isCloseTo(volts.get(k), within(1e-9));
            assertThat(samples.get(k).currentAmperes()).as("I of point %d", k).isCloseTo(volts.get(k) / OHMS, within(1e-15));
        }
        // the last point, k = 40, at 40 * 10 ms
        assertThat(samples.get(40).timeSeconds()).isCloseTo(0.4, within(1e-12));
        // What the device sent, line by line: each scan between C and -, then the loop's end and the script's.
        List<String> lines = devicePort.lines();
        assertThat(lines.subList(0, 3)).containsExactly("e", "M0005", "C0001");
        assertThat(lines.subList(24, 26)).containsExactly("-", "C0002");
        assertThat(lines.subList(46, lines.size())).containsExactly("-", "*", "", "");   // "*\n\n" ends the text
        assertThat(lines.stream().filter(l -> l.startsWith("P")).count()).isEqualTo(41);
        // point 2, +20 mV and 2 uA: 20000000 nV = 0x1312D00 -> 9312D00n; 2000000 pA = 0x1E8480 -> 81E8480p; status 0,
        // range code 7
        assertThat(lines.get(5)).isEqualTo("Pda9312D00n;ba81E8480p,10,207");
    }

    @Test
    void chronopotentiometryIsRefusedOnThePicoBeforeAnythingIsSent() throws Exception {
        int before = emulator.received().size();
        assertThatThrownBy(() -> driver.start(new ChronopotentiometryRequest(-1e-3, Duration.ofSeconds(1),
                Duration.ofSeconds(5), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, CurrentRangeChoice.AUTO),
                new CollectingSink()))
                .isInstanceOf(DriverException.class)
                .hasMessageStartingWith("emstat-pico cannot hold a current and record the potential (chronopotentiometry)");
        assertThat(emulator.received()).hasSize(before);
        assertThat(cell.requests).isEmpty();
    }
}
