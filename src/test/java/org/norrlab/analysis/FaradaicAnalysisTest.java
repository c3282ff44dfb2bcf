package org.norrlab.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FaradaicAnalysisTest {

    private static Assay concentration(Product product, double value, double sigma, String unit, double dilution) {
        return new Assay(1, 2, product, Assay.Kind.CONCENTRATION, new Measure(value, sigma), unit, Optional.empty(),
                dilution, Assay.DEFAULT_DILUTION_RELATIVE_SIGMA, Optional.empty(), Optional.empty(), Optional.empty(),
                "", "", Instant.EPOCH);
    }

    @Test
    void theWorkedExampleOfTheReference() {
        // 1 h at -10.0 mA -> 36.0 C; 35.0 mL at 0.500 mM NH3 -> 17.5 µmol; FE 23.45 %; 17.5 µmol h-1 cm-2 on 1 cm².
        ProductAmount nh3 = AssayConversion.amount(concentration(Product.NH3, 0.500, 0, "mM", 1), Optional.empty(),
                Measure.exact(35.0), 25);
        assertThat(nh3.amount().micromoles()).isCloseTo(17.5, within(1e-9));
        FaradaicAnalysis.Outcome out = FaradaicAnalysis.evaluate(new Charge(36.0), 3600, 1.0, 0,
                Map.of(Product.NH3, nh3), Map.of());
        assertThat(out.products().get(Product.NH3).faradaicEfficiency().value() * 100).isCloseTo(23.45, within(0.005));
        Nh3Yield yield = out.nh3Yield().orElseThrow();
        assertThat(yield.micromolPerHourPerCm2().value()).isCloseTo(17.5, within(1e-9));
        assertThat(yield.molPerSecondPerCm2().value()).isCloseTo(4.861e-9, within(0.001e-9));
        assertThat(yield.microgramPerHourPerMgCatalyst().value()).isNaN();
    }

    @Test
    void theDilutedAbsorbanceExampleWithByProducts() {
        // norr-science-notes §1.3 (a) and (c): A655 = 0.30, DF 20, slope 0.20 AU per µg/mL NH3, intercept 0.010.
        List<Standard> line = List.of(new Standard(0, 0.010), new Standard(0.5, 0.110), new Standard(1.0, 0.210),
                new Standard(1.5, 0.310), new Standard(2.0, 0.410));
        Calibration cal = new Calibration(7, Instant.EPOCH, "", "", Product.NH3, "indophenol", 655, "µg/mL NH3", "",
                line, List.of(), false);
        Assay absorbance = new Assay(1, 2, Product.NH3, Assay.Kind.ABSORBANCE, Measure.exact(0.30), "AU",
                Optional.of(7L), 20, 0, Optional.empty(), Optional.empty(), Optional.empty(), "", "", Instant.EPOCH);
        ProductAmount nh3 = AssayConversion.amount(absorbance, Optional.of(cal), Measure.exact(35.0), 25);
        assertThat(nh3.amount().micromoles()).isCloseTo(59.6, within(0.05));
        assertThat(nh3.flags()).isEmpty();

        Map<Product, ProductAmount> amounts = Map.of(
                Product.NH3, nh3,
                Product.NH2OH, new ProductAmount(Product.NH2OH, Amount.ofMicromoles(0.50, 0), java.util.Set.of()),
                Product.N2O, new ProductAmount(Product.N2O, Amount.ofMicromoles(2.0, 0), java.util.Set.of()),
                Product.N2, new ProductAmount(Product.N2, Amount.ofMicromoles(1.0, 0), java.util.Set.of()),
                Product.H2, new ProductAmount(Product.H2, Amount.ofMicromoles(30, 0), java.util.Set.of()));
        FaradaicAnalysis.Outcome out = FaradaicAnalysis.evaluate(new Charge(36.0), 3600, 1.0, 0.5, amounts, Map.of());
        assertThat(fePercent(out, Product.NH3)).isCloseTo(79.9, within(0.05));
        assertThat(fePercent(out, Product.NH2OH)).isCloseTo(0.40, within(0.005));
        assertThat(fePercent(out, Product.N2O)).isCloseTo(1.07, within(0.005));
        assertThat(fePercent(out, Product.N2)).isCloseTo(1.07, within(0.005));
        assertThat(fePercent(out, Product.H2)).isCloseTo(16.1, within(0.05));
        assertThat(out.faradaicEfficiencySum().orElseThrow().value() * 100).isCloseTo(98.5, within(0.1));
        Nh3Yield yield = out.nh3Yield().orElseThrow();
        assertThat(yield.micromolPerHourPerCm2().value()).isCloseTo(59.6, within(0.05));
        assertThat(yield.molPerSecondPerCm2().value()).isCloseTo(1.66e-8, within(0.005e-8));
        // 1015 µg h-1 cm-2 over 0.5 mg cm-2 = 2030 µg h-1 mg_cat-1.
        assertThat(yield.microgramPerHourPerMgCatalyst().value()).isCloseTo(2030, within(2.0));
    }

    private static double fePercent(FaradaicAnalysis.Outcome out, Product product) {
        return out.products().get(product).faradaicEfficiency().value() * 100;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // catalyst, implied j_total (mA, 1 cm2), NH3 rate (µmol/h), published FE %
            "MnO2-x,      1.603,   9.9036,  82.8",
            "MnO2,        0.951,   3.1788,  44.8",
            "CoS1-x,     11.164,  44.67,    53.62",
            "CoS,         9.872,  27.02,    36.68",
            "SnS2-x/CC,  11.664,  78.6,     90.3",
            "Fe1/MoS2-x, 46.813, 288.2,     82.5",
            "NiNC,       14.479,  94,       87",
    })
    void everyPublishedRowComesBackFromItsImpliedCurrent(String catalyst, double milliamps, double micromolPerHour,
                                                         double fePercent) {
        // One hour on 1 cm² (SnS2-x: the electrode's total): Q = j·3600 s; NH3 made = rate·1 h.
        Charge q = new Charge(milliamps * 1e-3 * 3600);
        ProductAmount nh3 = new ProductAmount(Product.NH3, Amount.ofMicromoles(micromolPerHour, 0), java.util.Set.of());
        FaradaicAnalysis.Outcome out = FaradaicAnalysis.evaluate(q, 3600, 1.0, 0, Map.of(Product.NH3, nh3), Map.of());
        assertThat(fePercent(out, Product.NH3)).isCloseTo(fePercent, within(fePercent * 0.001));
        assertThat(out.nh3Yield().orElseThrow().micromolPerHourPerCm2().value())
                .isCloseTo(micromolPerHour, within(micromolPerHour * 0.001));
    }

    @Test
    void uncertaintiesOfConcentrationAndVolumeAddInQuadrature() {
        ProductAmount nh3 = AssayConversion.amount(concentration(Product.NH3, 0.500, 0.010, "mM", 1), Optional.empty(),
                new Measure(35.0, 0.35), 25);
        // 2 % and 1 % relative: 17.5 µmol ± 17.5·√(0.02² + 0.01²) = ± 0.3913 µmol.
        assertThat(nh3.amount().moles().sigma() * 1e6).isCloseTo(0.3913, within(0.0001));
        FaradaicAnalysis.Outcome out = FaradaicAnalysis.evaluate(new Charge(36.0), 3600, 1.0, 0,
                Map.of(Product.NH3, nh3), Map.of());
        assertThat(out.products().get(Product.NH3).faradaicEfficiency().relativeSigma())
                .isCloseTo(Math.hypot(0.02, 0.01), within(1e-12));
    }

    @Test
    void massConcentrationsRespectTheirBasis() {
        double asN = AssayConversion.amount(concentration(Product.NH3, 14.007, 0, "µg/mL NH4+-N", 1), Optional.empty(),
                Measure.exact(1000), 25).amount().micromoles();
        double asNh3 = AssayConversion.amount(concentration(Product.NH3, 17.031, 0, "ug mL-1 NH3", 1), Optional.empty(),
                Measure.exact(1000), 25).amount().micromoles();
        double asNh4 = AssayConversion.amount(concentration(Product.NH3, 18.038, 0, "ppm NH4+", 1), Optional.empty(),
                Measure.exact(1000), 25).amount().micromoles();
        // 1 L at 1 mmol/L in every basis: 1000 µmol.
        assertThat(asN).isCloseTo(1000, within(1e-9));
        assertThat(asNh3).isCloseTo(1000, within(1e-9));
        assertThat(asNh4).isCloseTo(1000, within(1e-9));
    }

    @Test
    void gcMoleFractionsBecomeAmountsThroughTheGasLaw() {
        // 1000 ppm H2 in 20 mL/min for 60 min at 25 °C and 1 atm: 1.2 L of gas = 49.05 mmol; H2 = 49.05 µmol.
        Assay gc = new Assay(1, 2, Product.H2, Assay.Kind.GC, Measure.exact(1000), "ppm", Optional.empty(), 1, 0,
                Optional.empty(), Optional.of(20.0), Optional.of(60.0), "", "", Instant.EPOCH);
        double micromoles = AssayConversion.amount(gc, Optional.empty(), Measure.exact(35), 25).amount().micromoles();
        // n_gas = pV/RT with V = 1.2e-3 m³; times 1000e-6 for the fraction, times 1e6 for µmol.
        assertThat(micromoles).isCloseTo(101325 * 1.2e-3 / (8.314462618 * 298.15) * 1e-3 * 1e6, within(1e-6));
        assertThat(micromoles).isCloseTo(49.05, within(0.01));
    }

    @Test
    void replicatesAverageWithTheLargerOfSpreadAndPropagatedError() {
        ProductAmount a = new ProductAmount(Product.NH3, Amount.ofMicromoles(10, 0.1), java.util.Set.of());
        ProductAmount b = new ProductAmount(Product.NH3, Amount.ofMicromoles(12, 0.1), java.util.Set.of(AssayFlag.BELOW_LOQ));
        ProductAmount mean = AssayConversion.combine(List.of(a, b));
        assertThat(mean.amount().micromoles()).isCloseTo(11, within(1e-9));
        assertThat(mean.amount().moles().sigma() * 1e6).isCloseTo(1.0, within(1e-9));   // s = 1.414, /√2
        assertThat(mean.flags()).containsExactly(AssayFlag.BELOW_LOQ);
    }
}
