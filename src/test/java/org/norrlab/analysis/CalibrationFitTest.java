package org.norrlab.analysis;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A 5-point indophenol set, fitted by hand with the textbook formulas (Sxx, Sxy, s_y/x). */
class CalibrationFitTest {
    static final List<Standard> FIVE = List.of(new Standard(0, 0.012), new Standard(0.5, 0.183), new Standard(1.0, 0.358),
            new Standard(1.5, 0.522), new Standard(2.0, 0.701));

    private static Calibration calibration(List<Standard> standards, List<Double> blanks) {
        return new Calibration(1, Instant.EPOCH, "", "", Product.NH3, "indophenol", 655, "µg/mL NH3", "", standards,
                blanks, false);
    }

    @Test
    void slopeInterceptTheirErrorsAndRSquaredMatchTheHandCalculation() {
        CalibrationFit fit = calibration(FIVE, List.of()).fit();
        // Sxx = 2.5, Sxy = 0.8585: b = 0.3434, a = 0.3552 - 0.3434 = 0.0118.
        assertThat(fit.slope()).isCloseTo(0.3434, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(0.0118, within(1e-12));
        assertThat(fit.residualStandardDeviation()).isCloseTo(0.0035543, within(1e-6));
        assertThat(fit.slopeStandardError()).isCloseTo(0.0022480, within(1e-6));
        assertThat(fit.interceptStandardError()).isCloseTo(0.0027532, within(1e-6));
        assertThat(fit.rSquared()).isCloseTo(0.99987146, within(1e-7));
        assertThat(fit.acceptable()).isTrue();
        // No blanks: σ from the intercept's standard error, and the fit says so.
        assertThat(fit.sigmaSource()).isEqualTo(CalibrationFit.SigmaSource.INTERCEPT_STANDARD_ERROR);
        assertThat(fit.lod()).isCloseTo(0.024052, within(1e-5));
        assertThat(fit.loq()).isCloseTo(0.080174, within(1e-5));
        // Inverse prediction of A = 0.40: x0 = 1.13046 ± 0.011370.
        Measure x0 = fit.concentrationFor(0.40);
        assertThat(x0.value()).isCloseTo(1.130460, within(1e-6));
        assertThat(x0.sigma()).isCloseTo(0.011370, within(1e-6));
    }

    @Test
    void blankReplicatesSetTheLimits() {
        // norr-science-notes §2.3: σ_blank = 0.004 AU and S = 0.35 AU per µg/mL give LOD 0.034 and LOQ 0.114 µg/mL.
        List<Standard> line = List.of(new Standard(0, 0), new Standard(0.5, 0.175), new Standard(1, 0.35),
                new Standard(2, 0.70));
        // Ten blanks with a sample standard deviation of exactly 0.004.
        double d = 0.004 * Math.sqrt(9.0 / 10.0);
        List<Double> blanks = List.of(0.01 + d, 0.01 - d, 0.01 + d, 0.01 - d, 0.01 + d, 0.01 - d, 0.01 + d, 0.01 - d,
                0.01 + d, 0.01 - d);
        CalibrationFit fit = calibration(line, blanks).fit();
        assertThat(fit.sigmaSource()).isEqualTo(CalibrationFit.SigmaSource.BLANK_REPLICATES);
        assertThat(fit.sigmaBlank()).isCloseTo(0.004, within(1e-12));
        assertThat(fit.lod()).isCloseTo(0.0343, within(0.0001));
        assertThat(fit.loq()).isCloseTo(0.1143, within(0.0001));
    }

    @Test
    void theAcceptanceRuleNamesWhatFails() {
        CalibrationFit three = calibration(FIVE.subList(0, 3), List.of()).fit();
        assertThat(three.acceptable()).isFalse();
        assertThat(three.acceptanceProblem()).isEqualTo("only 3 standards (at least 4 are required)");
        CalibrationFit scattered = calibration(List.of(new Standard(0, 0.0), new Standard(1, 0.5), new Standard(2, 0.55),
                new Standard(3, 1.2)), List.of()).fit();
        assertThat(scattered.acceptable()).isFalse();
        assertThat(scattered.acceptanceProblem()).startsWith("R² = 0.9").endsWith("is below 0.99");
    }

    @Test
    void readingsOutsideTheRangeOrBelowTheLimitsAreFlagged() {
        Calibration cal = calibration(List.of(new Standard(0.1, 0.046), new Standard(0.5, 0.183), new Standard(1.0, 0.358),
                new Standard(2.0, 0.701)), List.of(0.012, 0.010, 0.014, 0.011));
        CalibrationFit fit = cal.fit();
        assertThat(AssayConversion.rangeFlags(fit, 2.5)).containsExactly(AssayFlag.EXTRAPOLATED_ABOVE);
        assertThat(AssayConversion.rangeFlags(fit, 1.0)).isEmpty();
        assertThat(AssayConversion.rangeFlags(fit, fit.lod() * 0.5)).contains(AssayFlag.BELOW_LOD, AssayFlag.EXTRAPOLATED_BELOW);
        assertThat(AssayConversion.rangeFlags(fit, (fit.lod() + fit.loq()) / 2)).contains(AssayFlag.BELOW_LOQ);

        Assay tooHigh = new Assay(1, 2, Product.NH3, Assay.Kind.ABSORBANCE, Measure.exact(0.9), "AU", Optional.of(1L), 1,
                0, Optional.empty(), Optional.empty(), Optional.empty(), "", "", Instant.EPOCH);
        assertThat(AssayConversion.amount(tooHigh, Optional.of(cal), Measure.exact(35), 25).flags())
                .containsExactly(AssayFlag.EXTRAPOLATED_ABOVE);
    }

    @Test
    void unitsAreParsedOrRefusedWithWhatIsAllowed() {
        assertThat(ConcentrationUnit.parse("µg/mL NH4+-N", Product.NH3).molPerLiterPerUnit()).isCloseTo(1e-3 / 14.007, within(1e-15));
        assertThat(ConcentrationUnit.parse("µg mL⁻¹ NH₄⁺", Product.NH3).molPerLiterPerUnit()).isCloseTo(1e-3 / 18.038, within(1e-15));
        assertThat(ConcentrationUnit.parse("ppm", Product.NH3).molPerLiterPerUnit()).isCloseTo(1e-3 / 17.031, within(1e-15));
        assertThat(ConcentrationUnit.parse("mM", Product.NH2OH).molPerLiterPerUnit()).isEqualTo(1e-3);
        assertThatThrownBy(() -> ConcentrationUnit.parse("mg", Product.NH3))
                .hasMessageStartingWith("'mg' is not a concentration unit; allowed: mM, M, µM, or µg/mL, mg/L, ppm");
        assertThatThrownBy(() -> ConcentrationUnit.parse("µg/mL NH3", Product.NH2OH))
                .hasMessageContaining("'NH3' is not a basis for NH2OH");
        // Entered now (calib add, assay add): a mass unit names its basis; stored units before that rule still read.
        assertThatThrownBy(() -> ConcentrationUnit.parseEntered("ppm", Product.NH3)).hasMessageStartingWith(
                "'ppm' is a mass concentration without the species it counts; write the basis after the unit: 'ppm NH3',"
                        + " 'ppm NH4+' or 'ppm NH4+-N'");
        assertThatThrownBy(() -> ConcentrationUnit.parseEntered("µg mL⁻¹", Product.NH3))
                .hasMessageStartingWith("'µg mL⁻¹' is a mass concentration without the species it counts");
        assertThat(ConcentrationUnit.parseEntered("µg/mL NH4+-N", Product.NH3).molPerLiterPerUnit()).isCloseTo(1e-3 / 14.007, within(1e-15));
        assertThat(ConcentrationUnit.parseEntered("mM", Product.NH3).molPerLiterPerUnit()).isEqualTo(1e-3);
        assertThatThrownBy(() -> AmountUnit.parse("µg")).hasMessageContaining("allowed: mol, mmol, µmol (umol), nmol");
        assertThatThrownBy(() -> Product.parse("NO2")).hasMessageContaining("allowed: NH3, NH2OH, N2O, N2, H2");
    }
}
