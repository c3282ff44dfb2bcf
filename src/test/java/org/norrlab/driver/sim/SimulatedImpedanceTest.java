package org.norrlab.driver.sim;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.ConfigException;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.Gas;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.ImpedanceTiming;
import org.norrlab.core.Sample;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.ImpedanceRequest;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.SampleSink;
import org.norrlab.driver.Speed;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.testing.CollectingSink;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Impedance spectra of the simulated cell: the truth it is computed from, the points it delivers, their noise. */
class SimulatedImpedanceTest {
    private static final CellSettings CELL = Fixtures.cellAtPh7();
    /** 100 kHz to 0.1 Hz, 5 per decade: 31 points, 167 s of instrument time. */
    private static final List<Double> FREQUENCIES = ImpedanceTiming.logSpaced(1e5, 0.1, 5);
    private static final double AMPLITUDE = 0.010;
    /** Leaves a file as shipped. */
    private static final UnaryOperator<String> AS_SHIPPED = UnaryOperator.identity();

    private static CellTruth niNc() throws Exception {
        try (SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 1, Speed.MAX, CELL)) {
            return sim.truth();
        }
    }

    @Test
    void rctAndRdOfNiNcAtItsPublishedPotentialMatchTheKinetics() throws Exception {
        CellTruth truth = niNc();
        // norr-science-notes §5.3, NiNC at −0.5 V vs RHE on 1 cm²: j_NO = 13.633, j_H = 0.846, j_lim = 22.721,
        // j_k = 34.082 mA cm⁻²; b_NO = 120, b_H = 119 mV/dec.
        // R_ct = 1/(j_NO·ln10/b_NO + j_H·ln10/b_H) = 1/(0.261600 + 0.016370 S) = 3.5975 Ω
        assertThat(truth.chargeTransferOhms(-0.5, Gas.NITRIC_OXIDE)).isCloseTo(3.5975, within(0.004));
        // steady NORR slope (j_lim/(j_k + j_lim))²·j_k·ln10/b_NO = 0.400² · 0.65397 = 0.104634 S; + HER 0.016370
        // → R_ct + R_d = 1/0.121004 = 8.2642 Ω, so R_d = 8.2642 − 3.5975 = 4.6667 Ω
        assertThat(truth.polarisationOhms(-0.5, Gas.NITRIC_OXIDE)).isCloseTo(8.2642, within(0.008));
        assertThat(truth.diffusionOhms(-0.5, Gas.NITRIC_OXIDE)).isCloseTo(4.6667, within(0.008));
        // τ_d = L²/D with L = 5F·D·C_NO/j_lim = 5·96485·2.21e-5·1.94e-6/0.022721 = 9.1033 µm: 0.037498 s
        assertThat(truth.model().diffusionSeconds()).isCloseTo(0.037498, within(2e-6));
        assertThat(truth.uncompensatedOhms()).isEqualTo(10);
        assertThat(truth.doubleLayerQ()).isCloseTo(5e-3, within(1e-12));
    }

    @Test
    void underArgonOnlyHydrogenEvolutionTransfersChargeAndNothingDiffuses() throws Exception {
        CellTruth truth = niNc();
        // R_ct = b_H/(ln10·j_H) = 0.119/(2.302585·0.846e-3) = 61.09 Ω: seventeen times NORR's 3.60 Ω under NO.
        double argon = truth.chargeTransferOhms(-0.5, Gas.ARGON);
        assertThat(argon).isCloseTo(61.09, within(0.35));
        assertThat(truth.diffusionOhms(-0.5, Gas.ARGON)).isZero();
        assertThat(argon / truth.chargeTransferOhms(-0.5, Gas.NITRIC_OXIDE)).isCloseTo(16.98, within(0.15));
        // Under Ar the DC limit is R_u + R_ct; under NO R_u + R_ct + R_d.
        assertThat(truth.impedance(-0.5, Gas.ARGON).lowFrequencyLimitOhms()).isCloseTo(10 + argon, within(1e-9));
    }

    @Test
    void aSpectrumDeliversOnePointPerFrequencyAtImpedanceTimingPaceEqualToTheModelWithinTheNoise() throws Exception {
        try (SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 7, Speed.MAX, CELL)) {
            CellTruth truth = sim.truth();
            CollectingSink sink = new CollectingSink();
            double set = CELL.rheScale().toReference(-0.5);
            List<Boolean> cellOn = new ArrayList<>();
            MeasurementEnd end = sim.start(new ImpedanceRequest(set, false, AMPLITUDE, FREQUENCIES, CurrentRangeChoice.AUTO),
                    new Watching(sink, point -> cellOn.add(sim.isCellOn()))).awaitEnd(Duration.ofSeconds(30)).orElseThrow();
            assertThat(cellOn).hasSize(31).containsOnly(true);
            assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
            assertThat(end.samples()).isEqualTo(31);
            assertThat(sink.samples).isEmpty();
            assertThat(sim.isCellOn()).isFalse();

            List<ImpedancePoint> points = sink.impedance;
            assertThat(points).extracting(ImpedancePoint::frequencyHz).containsExactlyElementsOf(FREQUENCIES);
            // Point k arrives Σ_{i≤k} (0.5 s + 3/f_i) after the start: 0.50003 s for 100 kHz first, 167.3 s in all.
            double elapsed = 0;
            for (ImpedancePoint p : points) {
                elapsed += 0.5 + 3 / p.frequencyHz();
                assertThat(p.timeSeconds()).isCloseTo(elapsed, within(1e-9));
            }
            assertThat(points.get(0).timeSeconds()).isCloseTo(0.50003, within(1e-9));
            assertThat(end.lastTimeSeconds()).isCloseTo(ImpedanceTiming.total(FREQUENCIES).toNanos() / 1e9, within(1e-6));

            // With the compensation off, the interface sits at −0.5 V less the iR drop of the steady current.
            double interfaceVolts = truth.spectrumInterfaceVolts(-0.5, Gas.NITRIC_OXIDE);
            double dcAmperes = truth.faradaicDensity(interfaceVolts, Gas.NITRIC_OXIDE) * CELL.electrodeAreaCm2();
            // E_set = E_int + I·R_u (I cathodic negative)
            assertThat(interfaceVolts + 10 * dcAmperes).isCloseTo(-0.5, within(1e-8));
            assertThat(interfaceVolts).isBetween(-0.45, -0.40);
            RandlesImpedance model = truth.impedance(interfaceVolts, Gas.NITRIC_OXIDE);
            double sumOfSquares = 0;
            for (ImpedancePoint p : points) {
                Complex z = model.atFrequency(p.frequencyHz());
                double sigma = SpectrumReader.relativeSigma(SimSettings.DEFAULT_IMPEDANCE_NOISE, p.frequencyHz()) * z.abs();
                double dr = (p.realOhms() - z.getReal()) / sigma;
                double di = (p.imaginaryOhms() - z.getImaginary()) / sigma;
                assertThat(Math.abs(dr)).as("Z' at %g Hz in sigmas", p.frequencyHz()).isLessThan(4.5);
                assertThat(Math.abs(di)).as("Z'' at %g Hz in sigmas", p.frequencyHz()).isLessThan(4.5);
                sumOfSquares += dr * dr + di * di;
                assertThat(p.dcPotentialVolts()).isCloseTo(set, within(5 * 50e-6));
                assertThat(p.dcCurrentAmperes()).isCloseTo(dcAmperes, within(Math.abs(dcAmperes) * 1e-3));
                assertThat(p.hasImpedance()).isTrue();
            }
            // The scatter is the documented size: 62 normalised residuals have an RMS near 1, not 0 and not 3.
            assertThat(Math.sqrt(sumOfSquares / (2 * points.size()))).isBetween(0.7, 1.35);
            // The high-frequency point is R_u (10 Ω) within the noise of 0.2 % of |Z|.
            assertThat(points.get(0).realOhms()).isCloseTo(10, within(0.1));
            // About 6.5 mA cathodic plus a 14 mV AC peak over 10 Ω: the 10 mA range reads it at 100 kHz.
            assertThat(points.get(0).rangeAmperes()).isEqualTo(0.01);

            Event truthEvent = sink.events.stream().filter(e -> e.kind() == EventKind.SIMULATOR_TRUTH).findFirst()
                    .orElseThrow();
            SpectrumTruth spectrum = SpectrumTruth.fromValues(truthEvent.values()).orElseThrow();
            assertThat(spectrum.circuit()).isEqualTo(model);
            assertThat(truthEvent.values().get("Ru_ohm")).isEqualTo(10.0);
            assertThat(truthEvent.values().get("Rct_ohm")).isEqualTo(model.chargeTransferOhms());
            assertThat(spectrum.interfaceVoltsVsRhe()).isEqualTo(interfaceVolts);
            assertThat(spectrum.compensationDuringSpectrum()).isZero();
            assertThat(spectrum.compensationOtherSteps()).isEqualTo(1.0);
            // The DC current made products for the batch: Q = |I|·167.3 s.
            ProductTally made = ProductTally.fromValues(truthEvent.values());
            assertThat(made.chargeCoulombs()).isCloseTo(-dcAmperes * elapsed, within(-dcAmperes * elapsed * 1e-3));
            assertThat(made.nh3Mol()).isPositive();
            assertThat(truthEvent.message()).contains("R_u = 10.00 ohm").contains("R_ct = ");
        }
    }

    @Test
    void withoutNoiseTheSpectrumIsTheModelExactlyAndTheSameSeedGivesTheSameNoise(@TempDir Path home) throws Exception {
        try (SimulatedPotentiostat quiet = simulator(home.resolve("quiet"),
                p -> p.replace("impedance_noise: 0.2 %", "impedance_noise: 0 %"), "NiNC")) {
            CollectingSink sink = spectrum(quiet, CELL.rheScale().toReference(-0.5), false, FREQUENCIES);
            RandlesImpedance model = quiet.truth().impedance(
                    quiet.truth().spectrumInterfaceVolts(-0.5, Gas.NITRIC_OXIDE), Gas.NITRIC_OXIDE);
            for (ImpedancePoint p : sink.impedance) {
                assertThat(p.realOhms()).isEqualTo(model.atFrequency(p.frequencyHz()).getReal());
                assertThat(p.imaginaryOhms()).isEqualTo(model.atFrequency(p.frequencyHz()).getImaginary());
            }
        }
        List<List<ImpedancePoint>> twice = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 11, Speed.MAX, CELL)) {
                twice.add(spectrum(sim, CELL.rheScale().toReference(-0.5), false, FREQUENCIES).impedance);
            }
        }
        assertThat(twice.get(1)).isEqualTo(twice.get(0));
    }

    @Test
    void atOpenCircuitTheDcIsTheRestPotentialPlusTheOffset() throws Exception {
        try (SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 3, Speed.MAX, CELL)) {
            CellTruth truth = sim.truth();
            // NiNC rests at 0.35 V vs RHE; at pH 7 against Ag/AgCl (sat.): 0.35 − 0.197 − 0.05916·7 = −0.26112 V vs RE.
            double restVsRe = CELL.rheScale().toReference(0.35);
            assertThat(restVsRe).isCloseTo(-0.26112, within(1e-4));
            List<Double> frequencies = List.of(1000.0, 10.0, 0.1);
            CollectingSink sink = spectrum(sim, 0.010, true, frequencies);
            assertThat(sink.impedance).hasSize(3);
            // Offset +10 mV: the DC is 0.36 V vs RHE, where NORR and HER are far from running (nA): the cell is
            // almost a capacitor, R_ct ≈ b/(ln10·j) in the MΩ.
            RandlesImpedance model = truth.impedance(truth.spectrumInterfaceVolts(0.36, Gas.NITRIC_OXIDE), Gas.NITRIC_OXIDE);
            assertThat(model.chargeTransferOhms()).isGreaterThan(1e6);
            for (ImpedancePoint p : sink.impedance) {
                assertThat(p.dcPotentialVolts()).isCloseTo(restVsRe + 0.010, within(5 * 50e-6));
                assertThat(Math.abs(p.dcCurrentAmperes())).isLessThan(1e-7);
                Complex z = model.atFrequency(p.frequencyHz());
                assertThat(p.realOhms()).isCloseTo(z.getReal(), within(0.05 * z.abs()));
                assertThat(p.imaginaryOhms()).isCloseTo(z.getImaginary(), within(0.05 * z.abs()));
            }
            // At 0.1 Hz: Z'' ≈ −1/(ωC) = −1/(2π·0.1·5e-3) = −318.3 Ω.
            assertThat(sink.impedance.get(2).imaginaryOhms()).isCloseTo(-318.3, within(318.3 * 0.05));
        }
    }

    @Test
    void anAbortEndsTheSpectrumAtTheLastPointWithTheCellOff() throws Exception {
        try (SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 5, Speed.MAX, CELL)) {
            CollectingSink sink = new CollectingSink();
            MeasurementEnd end = sim.start(new ImpedanceRequest(CELL.rheScale().toReference(-0.5), false, AMPLITUDE,
                    FREQUENCIES, CurrentRangeChoice.AUTO), new Watching(sink, point -> {
                        if (sink.impedance.size() == 3) {
                            sim.abort();
                        }
                    })).awaitEnd(Duration.ofSeconds(30)).orElseThrow();
            assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.ABORTED);
            assertThat(end.samples()).isEqualTo(3);
            assertThat(sink.impedance).hasSize(3);
            assertThat(sim.isCellOn()).isFalse();
        }
    }

    @Test
    void aPresetsConstantPhaseExponentShapesTheSpectrum(@TempDir Path home) throws Exception {
        try (SimulatedPotentiostat sim = simulator(home, p -> p.replace("impedance_noise: 0.2 %", "impedance_noise: 0 %"),
                c -> c.replace("double_layer_cpe_exponent: 1", "double_layer_cpe_exponent: 0.9"), "NiNC")) {
            CellTruth truth = sim.truth();
            assertThat(truth.cpeExponent()).isEqualTo(0.9);
            // At OCP (R_ct in the MΩ) and 1 Hz the double layer dominates: Z ≈ R_u + 1/(Q(jω)^0.9), whose phase is
            // −0.9·90° = −81° once R_u is taken off: Z − R_u ≈ (ω^−0.9/Q)·(cos 81° − j sin 81°).
            // ω = 2π = 6.283185, ω^0.9 = e^(0.9·ln 6.283185) = e^(0.9·1.837877) = e^1.654089 = 5.228317, Q = 5e-3:
            // |Z − R_u| = 1/(5e-3·5.228317) = 38.2532 Ω, so Z' − R_u = 38.2532·cos 81° = 38.2532·0.156434 = 5.9841 Ω
            // and Z'' = −38.2532·sin 81° = −38.2532·0.987688 = −37.7823 Ω.
            ImpedancePoint point = spectrum(sim, 0, true, List.of(1.0)).impedance.get(0);
            assertThat(point.realOhms() - 10).isCloseTo(5.9841, within(0.002));
            assertThat(point.imaginaryOhms()).isCloseTo(-37.7823, within(0.002));
        }
    }

    @Test
    void aCpeExponentAboveOneOrTooMuchNoiseIsRefusedNamingTheField(@TempDir Path home) {
        assertThatThrownBy(() -> simulator(home.resolve("cpe"), AS_SHIPPED,
                c -> c.replace("double_layer_cpe_exponent: 1", "double_layer_cpe_exponent: 1.2"), "NiNC"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("catalysts.yaml")
                .hasMessageContaining("at most 1 (1: an ideal capacitor)");
        assertThatThrownBy(() -> simulator(home.resolve("noise"), p -> p.replace("impedance_noise: 0.2 %",
                "impedance_noise: 20 %"), "NiNC"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sim.yaml")
                .hasMessageContaining("between 0 % (no noise) and 10 %");
    }

    @Test
    void aProfileThatDoesNotListEisRefusesASpectrum(@TempDir Path home) throws Exception {
        try (SimulatedPotentiostat sim = simulator(home, p -> p.replace("cp, eis]", "cp]"), "NiNC")) {
            ImpedanceRequest request = new ImpedanceRequest(0, true, AMPLITUDE, FREQUENCIES, CurrentRangeChoice.AUTO);
            assertThatThrownBy(() -> sim.start(request, new CollectingSink())).isInstanceOf(DriverException.class)
                    .hasMessageContaining("techniques: list");
        }
    }

    private static String edited(String text, UnaryOperator<String> edit) {
        String result = edit.apply(text);
        if (edit != AS_SHIPPED) {
            assertThat(result).as("the edit changed the file").isNotEqualTo(text);
        }
        return result;
    }

    /** Passes everything to {@code sink}, and each impedance point, once kept, to {@code after}. */
    private record Watching(CollectingSink sink, Consumer<ImpedancePoint> after) implements SampleSink {
        @Override
        public void sample(Sample sample) {
            sink.sample(sample);
        }

        @Override
        public void impedance(ImpedancePoint point) {
            sink.impedance(point);
            after.accept(point);
        }

        @Override
        public void event(Event event) {
            sink.event(event);
        }
    }

    private static CollectingSink spectrum(SimulatedPotentiostat sim, double dcVolts, boolean atOpenCircuit,
                                           List<Double> frequencies) throws Exception {
        CollectingSink sink = new CollectingSink();
        MeasurementEnd end = sim.start(new ImpedanceRequest(dcVolts, atOpenCircuit, AMPLITUDE, frequencies,
                CurrentRangeChoice.AUTO), sink).awaitEnd(Duration.ofSeconds(30)).orElseThrow();
        assertThat(end.outcome()).isEqualTo(MeasurementEnd.Outcome.COMPLETED);
        return sink;
    }

    /** The shipped sim profile, edited, in a home of its own. */
    private static SimulatedPotentiostat simulator(Path home, UnaryOperator<String> edit, String catalyst) throws Exception {
        return simulator(home, edit, AS_SHIPPED, catalyst);
    }

    /** The shipped sim profile and catalyst presets, edited (an identity leaves a file as shipped), in a home of its own. */
    private static SimulatedPotentiostat simulator(Path home, UnaryOperator<String> profileEdit,
                                                   UnaryOperator<String> catalystsEdit, String catalyst) throws Exception {
        Path drivers = Files.createDirectories(home.resolve(DriverRegistry.DRIVERS_DIRECTORY).resolve("sim"));
        Path shipped = Fixtures.HOME.resolve(DriverRegistry.DRIVERS_DIRECTORY);
        Files.writeString(drivers.resolve("catalysts.yaml"),
                edited(Files.readString(shipped.resolve("sim/catalysts.yaml")), catalystsEdit));
        Files.writeString(home.resolve(DriverRegistry.DRIVERS_DIRECTORY).resolve("sim.yaml"),
                edited(Files.readString(shipped.resolve("sim.yaml")), profileEdit));
        DriverRegistry registry = new DriverRegistry(home);
        return (SimulatedPotentiostat) registry.open(registry.profile("sim"), new OpenOptions(CELL, Speed.MAX,
                Optional.of(2L), Optional.empty(), Optional.of(catalyst), home));
    }
}
