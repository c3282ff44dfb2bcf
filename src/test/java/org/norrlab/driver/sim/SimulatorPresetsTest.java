package org.norrlab.driver.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.norrlab.analysis.ChargeAccumulator;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Event;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.EventKind;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.OpenCircuitRequest;
import org.norrlab.driver.SampleSink;
import org.norrlab.driver.Speed;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.testing.CollectingSink;
import org.norrlab.testing.Fixtures;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each shipped preset, run as a 10 min CA at its published potential on 1 cm², must give the
 * published total current density and NH3 FE (norr-science.md table) within 5 %.
 */
class SimulatorPresetsTest {

    @ParameterizedTest(name = "{0} at {1} V vs RHE")
    @CsvSource({
            // catalyst, E vs RHE, implied j_total (mA/cm2), FE, NH3 rate (mol/s/cm2) — norr-science.md
            "MnO2-x,     -0.7,  1.603, 0.828,  27.51e-10",
            "MnO2,       -0.7,  0.951, 0.448,   8.83e-10",
            "CoS1-x,     -0.4, 11.164, 0.5362, 1.240833e-8",
            "CoS,        -0.4,  9.872, 0.3668, 7.505556e-9",
            "Fe1/MoS2-x, -0.6, 46.813, 0.825,  8.005556e-8",
            "NiNC,       -0.5, 14.479, 0.87,   2.611111e-8",
    })
    void presetReproducesThePublishedResult(String catalyst, double voltsVsRhe, double totalMilliamps, double fe,
                                            double rate) throws Exception {
        CellSettings cell = Fixtures.cellAtPh7();
        CollectingSink sink = new CollectingSink();
        double seconds = 600;
        try (SimulatedPotentiostat sim = Fixtures.simulator(catalyst, 7, Speed.MAX, cell)) {
            MeasurementEnd end = sim.start(new ChronoamperometryRequest(
                    cell.rheScale().toReference(voltsVsRhe), Duration.ofMillis(100), Duration.ofSeconds((long) seconds),
                    CurrentRangeChoice.AUTO), sink).awaitEnd(Duration.ofSeconds(60)).orElseThrow();
            assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        }
        assertThat(sink.samples).hasSize(6000);
        double meanAfterCharging = sink.samples.stream().filter(s -> s.timeSeconds() > 1)
                .mapToDouble(Sample::currentAmperes).average().orElseThrow();
        assertThat(-meanAfterCharging * 1e3).isCloseTo(totalMilliamps, within(totalMilliamps * 0.05));

        ProductTally truth = ProductTally.fromValues(sink.events.stream()
                .filter(e -> e.kind() == EventKind.SIMULATOR_TRUTH).findFirst().orElseThrow().values());
        assertThat(truth.nh3FaradaicEfficiency()).isCloseTo(fe, within(fe * 0.05));
        assertThat(truth.nh3Mol() / seconds).isCloseTo(rate, within(rate * 0.05));
    }

    @Test
    void theChargingSpikeOverloadsAndAutoRangingRecovers() throws Exception {
        CellSettings cell = Fixtures.cellAtPh7();
        CollectingSink rest = new CollectingSink();
        CollectingSink hold = new CollectingSink();
        try (SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 3, Speed.MAX, cell)) {
            sim.start(new OpenCircuitRequest(Duration.ofSeconds(1), Duration.ofSeconds(10)), rest)
                    .awaitEnd(Duration.ofSeconds(10)).orElseThrow();
            sim.start(new ChronoamperometryRequest(cell.rheScale().toReference(-0.5),
                    Duration.ofMillis(100), Duration.ofSeconds(5), CurrentRangeChoice.AUTO), hold)
                    .awaitEnd(Duration.ofSeconds(10)).orElseThrow();
        }
        assertThat(rest.samples).allMatch(s -> s.has(SampleFlag.NO_CURRENT));
        // At rest the electrode sits near its open-circuit potential, 0.35 V vs RHE = -0.261 V vs Ag/AgCl at pH 7.
        assertThat(rest.samples.get(9).potentialVolts()).isCloseTo(-0.261, within(0.01));

        Sample first = hold.samples.get(0);
        assertThat(first.has(SampleFlag.OVERLOAD)).isTrue();
        assertThat(Math.abs(first.currentAmperes())).isEqualTo(first.rangeAmperes());
        Sample second = hold.samples.get(1);
        assertThat(second.has(SampleFlag.RANGE_CHANGED)).isTrue();
        assertThat(hold.samples.subList(2, hold.samples.size())).noneMatch(s -> s.has(SampleFlag.OVERLOAD));
        // Steady state: 14.48 mA on the 100 mA range (smallest range reading it below 90 % of full scale).
        Sample last = hold.samples.get(hold.samples.size() - 1);
        assertThat(last.rangeAmperes()).isEqualTo(0.1);
        assertThat(last.currentAmperes()).isCloseTo(-0.01448, within(0.0003));
    }

    @Test
    void theSameSeedGivesTheSameSamples() throws Exception {
        CellSettings cell = Fixtures.cellAtPh7();
        CollectingSink a = new CollectingSink();
        CollectingSink b = new CollectingSink();
        for (CollectingSink sink : new CollectingSink[] {a, b}) {
            try (SimulatedPotentiostat sim = Fixtures.simulator("CoS1-x", 11, Speed.MAX, cell)) {
                sim.start(new ChronoamperometryRequest(cell.rheScale().toReference(-0.4),
                        Duration.ofMillis(100), Duration.ofSeconds(60), CurrentRangeChoice.AUTO), sink)
                        .awaitEnd(Duration.ofSeconds(10)).orElseThrow();
            }
        }
        assertThat(a.samples).isEqualTo(b.samples);
    }

    /**
     * At long intervals the meter has long found its range when a sample is due (a real auto-ranging
     * instrument measures all the time and reports every interval), so the first sample is in range and
     * the charge integrated from the samples, the way the analysis does it, matches the simulator's truth.
     */
    @ParameterizedTest(name = "{0} s interval, {1} s step")
    @CsvSource({"40, 600", "90, 360"})
    void atLongIntervalsTheFirstSampleIsInRangeAndTheChargeIsRight(long intervalSeconds, long stepSeconds)
            throws Exception {
        CellSettings cell = Fixtures.cellAtPh7();
        CollectingSink sink = new CollectingSink();
        try (SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 5, Speed.MAX, cell)) {
            sim.start(new ChronoamperometryRequest(cell.rheScale().toReference(-0.5),
                    Duration.ofSeconds(intervalSeconds), Duration.ofSeconds(stepSeconds), CurrentRangeChoice.AUTO), sink)
                    .awaitEnd(Duration.ofSeconds(30)).orElseThrow();
        }
        assertThat(sink.samples).hasSize((int) (stepSeconds / intervalSeconds));
        Sample first = sink.samples.get(0);
        assertThat(first.has(SampleFlag.OVERLOAD)).as("first sample %s flagged overload", first).isFalse();
        ChargeAccumulator charge = new ChargeAccumulator();
        sink.samples.forEach(s -> charge.add(s.timeSeconds(), s.currentAmperes()));
        ProductTally truth = ProductTally.fromValues(sink.events.stream()
                .filter(e -> e.kind() == EventKind.SIMULATOR_TRUTH).findFirst().orElseThrow().values());
        assertThat(Math.abs(charge.coulombs())).as("|Q| from the samples (truth %.5g C)", truth.chargeCoulombs())
                .isCloseTo(truth.chargeCoulombs(), within(truth.chargeCoulombs() * 0.02));
    }

    /**
     * Intervals that are a whole number of ranging periods put a ranging decision at the very end of an
     * interval; it must not restart the integration with nothing left in it (that read as a NaN current,
     * and the step failed after 0 samples).
     */
    @ParameterizedTest(name = "{0} ms interval")
    @CsvSource({"250", "500", "1000"})
    void intervalsOfWholeRangingPeriodsReadFiniteCurrents(long intervalMillis) throws Exception {
        CellSettings cell = Fixtures.cellAtPh7();
        CollectingSink sink = new CollectingSink();
        try (SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 8, Speed.MAX, cell)) {
            MeasurementEnd end = sim.start(new ChronoamperometryRequest(cell.rheScale().toReference(-0.5),
                    Duration.ofMillis(intervalMillis), Duration.ofSeconds(10), CurrentRangeChoice.AUTO), sink)
                    .awaitEnd(Duration.ofSeconds(30)).orElseThrow();
            assertThat(end.outcome()).as(end.error().map(Throwable::getMessage).orElse("")).isEqualTo(
                    MeasurementEnd.Outcome.COMPLETED);
        }
        assertThat(sink.samples).hasSize((int) (10_000 / intervalMillis))
                .allMatch(s -> Double.isFinite(s.currentAmperes()), "a finite current");
    }

    /**
     * Pacing, sample by sample: no sample arrives before its instrument time after the start, the
     * first one included (a busy machine can only make them later), and the 1.5 s step is not
     * stretched beyond a generous 5 s more.
     */
    @Test
    void atSpeedOneTheSimulatorRunsInRealTime() throws Exception {
        CellSettings cell = Fixtures.cellAtPh7();
        List<Double> instrumentSeconds = new CopyOnWriteArrayList<>();
        List<Long> arrivalNanos = new CopyOnWriteArrayList<>();
        SampleSink sink = new SampleSink() {
            @Override
            public void sample(Sample sample) {
                arrivalNanos.add(System.nanoTime());
                instrumentSeconds.add(sample.timeSeconds());
            }

            @Override
            public void impedance(ImpedancePoint point) {
            }

            @Override
            public void event(Event event) {
            }
        };
        long startNanos;
        try (SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 1, Speed.REAL_TIME, cell)) {
            startNanos = System.nanoTime();
            sim.start(new OpenCircuitRequest(Duration.ofMillis(500), Duration.ofMillis(1500)), sink)
                    .awaitEnd(Duration.ofSeconds(30)).orElseThrow();
        }
        assertThat(arrivalNanos).hasSize(3);
        for (int k = 0; k < 3; k++) {
            double wall = (arrivalNanos.get(k) - startNanos) / 1e9;
            assertThat(wall).as("wall seconds from the start to sample %d, stamped %.1f s", k + 1,
                    instrumentSeconds.get(k)).isGreaterThanOrEqualTo(instrumentSeconds.get(k));
        }
        double span = (arrivalNanos.get(2) - startNanos) / 1e9;
        assertThat(span).as("wall seconds for 1.5 s of instrument time").isLessThan(1.5 + 5);
    }
}
