package org.norrlab.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.ImpedanceTiming;
import org.norrlab.core.SampleFlag;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.ImpedanceRequest;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.Speed;
import org.norrlab.testing.CollectingSink;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * EIS on an emulated EmStat Pico through a socat pty and jSerialComm: the driver's meas_loop_eis script reaches the
 * emulator, which asks the dummy network (100 Ohm in series with 1000 Ohm parallel to 1.5915 µF, DummyCell) for its
 * impedance and answers with M000D, one package per frequency and '*'; the driver turns the packages back into impedance
 * points. One connection for both cases (a connect drains the port for 1.5 s).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodScriptImpedanceOverPtyTest {
    private EmulatedPico pico;
    private Path temp;
    private DeviceOutput devicePort;
    private DummyCell cell;
    private MethodScriptEmulator emulator;
    private Potentiostat driver;

    @BeforeAll
    void connect() throws Exception {
        pico = EmulatedPico.connect("ms-eis-pty");
        temp = pico.temp();
        devicePort = pico.devicePort();
        cell = pico.cell();
        emulator = pico.emulator();
        driver = pico.driver();
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

    private List<ImpedancePoint> run(ImpedanceRequest request) throws Exception {
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = driver.start(request, sink).awaitEnd(Duration.ofSeconds(20)).orElseThrow();
        assertThat(end.outcome()).as(end.error().map(Throwable::getMessage).orElse("")).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        assertThat(sink.samples).isEmpty();
        assertThat(end.samples()).isEqualTo(sink.impedance.size());
        return sink.impedance;
    }

    @Test
    void aSpectrumAtAFixedPotentialArrivesPointForPoint() throws Exception {
        List<ImpedancePoint> points = run(new ImpedanceRequest(0.1, false, 0.010, List.of(1000.0, 100.0, 10.0),
                CurrentRangeChoice.AUTO));
        assertThat(emulator.received()).contains("meas_loop_eis f r j 10m 1000 10 3 100m");
        assertThat(cell.requests).hasSize(1);
        // Z = Rs + Rp / (1 + jx) with x = ωRpC = f / 100 Hz, Rs = 100, Rp = 1000 Ohm:
        //   1000 Hz, x = 10:  Z' = 100 + 1000/101 = 109.90099 Ohm, Z'' = -1000·10/101 = -99.00990 Ohm
        //    100 Hz, x = 1:   Z' = 100 + 1000/2   = 600 Ohm,       Z'' = -1000/2        = -500 Ohm
        //     10 Hz, x = 0.1: Z' = 100 + 1000/1.01 = 1090.09901 Ohm, Z'' = -100/1.01    = -99.00990 Ohm
        double[][] expected = {{1000, 109.90099, -99.00990}, {100, 600, -500}, {10, 1090.09901, -99.00990}};
        assertThat(points).hasSize(3);
        double t = 0;
        for (int k = 0; k < 3; k++) {
            ImpedancePoint p = points.get(k);
            assertThat(p.frequencyHz()).isCloseTo(expected[k][0], within(1e-6));
            // the packages carry Ohms to the milliohm (prefix m) and the hand values are to 1e-5
            assertThat(p.realOhms()).as("Z' at %s Hz", expected[k][0]).isCloseTo(expected[k][1], within(1e-3));
            assertThat(p.imaginaryOhms()).as("Z'' at %s Hz", expected[k][0]).isCloseTo(expected[k][2], within(1e-3));
            assertThat(p.dcPotentialVolts()).isEqualTo(0.1);
            assertThat(p.rangeAmperes()).isEqualTo(DummyCell.RANGE);   // the Pico's code 7, 125 µA
            assertThat(p.hasImpedance()).isTrue();
            // time: the sum of 0.5 s + 3/f over the points so far: 0.503, 0.503 + 0.53, ... + 0.8
            t += 0.5 + 3 / expected[k][0];
            assertThat(p.timeSeconds()).isCloseTo(t, within(1e-9));
        }
        // The device's bytes, as the firmware writes them (prefix with the integer below 10^8):
        // 1000 Hz = 1 000 000 mHz = 0x8000000 + 0xF4240; 109.90099 Ohm = 109 901 mOhm = 0x8000000 + 0x1AD4D;
        // -99.00990099 Ohm = -99 009 901 µOhm (below 10^8, so µ) = 0x8000000 - 0x5E6C56D = 0x2193A93; status 0, current
        // range code 7, cd's (potential range) code 2.
        assertThat(devicePort.lines()).containsSubsequence("e", "M000D", "Pdc80F4240m;cc801AD4Dm,10,207;cd2193A93u,10,202",
                "*", "");
    }

    @Test
    void atOpenCircuitTheSpectrumIsTakenAtTheMeasuredRestPotentialPlusTheOffset() throws Exception {
        List<ImpedancePoint> points = run(new ImpedanceRequest(0.010, true, 0.005, List.of(100.0, 10.0, 1.0),
                CurrentRangeChoice.AUTO));
        assertThat(emulator.received()).contains("meas_loop_ocp p 100m 1", "store_var o 10m ja", "add_var p o",
                "meas_loop_eis f r j 5m 100 1 3 p");
        // The OCP loop ran 1 s at 100 ms (10 packages at the dummy's 0.25 V); the spectrum at 0.25 + 0.01 = 0.26 V.
        assertThat(cell.requests).hasSize(2);
        ImpedanceRequest asked = (ImpedanceRequest) cell.requests.get(1);
        assertThat(asked.dcVoltsVsReference()).isCloseTo(0.26, within(1e-12));
        assertThat(points).extracting(ImpedancePoint::dcPotentialVolts).containsOnly(0.26);
        // Times count from the script's start: 1 s of OCP, then 0.5 + 3/100 = 0.53 s for the first point.
        assertThat(points.get(0).timeSeconds()).isCloseTo(1.53, within(1e-9));
        assertThat(points.get(1).realOhms()).isCloseTo(1090.09901, within(1e-3));
        // 1 Hz is below what the dummy answers: the device sends "nan" and the point arrives flagged, at its frequency.
        ImpedancePoint missing = points.get(2);
        assertThat(missing.hasImpedance()).isFalse();
        assertThat(missing.has(SampleFlag.NO_IMPEDANCE)).isTrue();
        assertThat(missing.frequencyHz()).isCloseTo(1.0, within(1e-6));
        assertThat(missing.realOhms()).isNaN();
        assertThat(devicePort.lines()).anyMatch(line -> line.startsWith("Pdc80F4240u;cc     nan,10,2"));
    }

    /**
     * The simulated cell behind the emulated EmStat4 HR (Emulators.start, as 'norrlab emulate' runs it): NiNC on 1 cm²,
     * whose truth is R_u = 10 Ohm (CellTruth, no compensation during a spectrum). At 100 kHz the double layer is a short
     * (1/(2π·100 kHz·C_dl) is milliohms for mF-sized C_dl), so Z' there is R_u within the simulator's noise; below, the
     * arc is capacitive (Z'' < 0) through the whole chain of packages (from 398 Hz down; above, Z'' is noise around 0).
     */
    @Test
    void aSpectrumOfTheSimulatedCellCrossesTheWire() throws Exception {
        Path dir = Files.createTempDirectory(temp, "sim");
        List<Double> frequencies = ImpedanceTiming.logSpaced(100_000, 1, 5);
        try (PtyPair simPty = new PtyPair(dir);
             Emulators.Running running = Emulators.start(Fixtures.HOME, "emstat4-hr", simPty.device(), Fixtures.cellAtPh7(),
                     Speed.MAX, Optional.of("NiNC"), 4, Faults.NONE)) {
            DriverRegistry registry = new DriverRegistry(Fixtures.HOME);
            try (Potentiostat es4 = registry.open(registry.profile("emstat4-hr"), new OpenOptions(Fixtures.cellAtPh7(),
                    Speed.REAL_TIME, Optional.empty(), Optional.of(simPty.host()), Optional.empty(), Fixtures.HOME))) {
                CollectingSink sink = new CollectingSink();
                MeasurementEnd end = es4.start(new ImpedanceRequest(-1.0, false, 0.010, frequencies,
                        CurrentRangeChoice.AUTO), sink).awaitEnd(Duration.ofSeconds(60)).orElseThrow();
                assertThat(end.outcome()).as(end.error().map(Throwable::getMessage).orElse(""))
                        .isEqualTo(MeasurementEnd.Outcome.COMPLETED);
                assertThat(running.received().get()).contains("meas_loop_eis f r j 10m 100000 1 26 -1");
                List<ImpedancePoint> points = sink.impedance;
                assertThat(points).hasSize(26);
                assertThat(points).allMatch(ImpedancePoint::hasImpedance);
                for (int k = 0; k < 26; k++) {
                    // the device's frequency to its resolution: 251.1886 Hz goes out as 251 189 mHz (µHz would pass
                    // 10^8), 1.4e-6 off; within 1e-5 relative of the asked one
                    assertThat(points.get(k).frequencyHz()).isCloseTo(frequencies.get(k),
                            within(frequencies.get(k) * 1e-5));
                }
                assertThat(points.get(0).realOhms()).as("Z' at 100 kHz vs R_u = 10 Ohm").isCloseTo(10, within(0.2));
                assertThat(points.subList(12, 26)).allMatch(p -> p.imaginaryOhms() < 0);   // 398 Hz and below: above, noise
                assertThat(points.get(25).realOhms()).isGreaterThan(points.get(0).realOhms());
            }
        }
    }
}
