package org.norrlab.core;

import org.norrlab.store.StepSettingsJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The records every EIS part builds on: one sign convention, the correction, the plan's frequencies and timing. */
class ImpedanceSeamTest {

    @Test
    void aCapacitivePointHasNegativeImaginaryPartAndPhase() {
        // 10 ohm in series with 1 µF at 10 kHz: Z'' = -1/(ωC) = -1/(2π·1e4·1e-6) = -15.915 ohm
        double imaginary = -1 / (2 * Math.PI * 1e4 * 1e-6);
        ImpedancePoint p = ImpedancePoint.of(0.8, 1e4, 10, imaginary);
        assertThat(p.modulusOhms()).isCloseTo(Math.sqrt(100 + 15.9155 * 15.9155), within(1e-3));
        // atan2(-15.915, 10) = -57.86°
        assertThat(p.phaseDegrees()).isCloseTo(-57.86, within(0.01));
    }

    @Test
    void nanImpedanceOnlyWithItsFlag() {
        assertThat(ImpedancePoint.missing(1, 200_000, 0).hasImpedance()).isFalse();
        assertThatThrownBy(() -> ImpedancePoint.of(1, 200_000, Double.NaN, Double.NaN))
                .hasMessageContaining("not flagged NO_IMPEDANCE");
        assertThatThrownBy(() -> ImpedancePoint.of(1, 0, 1, 1)).hasMessageContaining("> 0 Hz");
    }

    @Test
    void correctionSubtractsTheUncompensatedPartOfIRu() {
        // Ru = 12 ohm, 85 % compensated live: 1.8 ohm left. E = -0.700 V, I = -10 mA:
        // E_corr = -0.700 - (-0.010)(12)(0.15) = -0.700 + 0.018 = -0.682 V
        var ru = new UncompensatedResistance(12, 0.1, UncompensatedResistance.RANDLES_FIT, OptionalInt.of(3), 0.85,
                Instant.EPOCH, "");
        assertThat(ru.remainingOhms()).isCloseTo(1.8, within(1e-12));
        assertThat(ru.corrected(-0.700, -0.010)).isCloseTo(-0.682, within(1e-12));
        assertThatThrownBy(() -> new UncompensatedResistance(5, Double.NaN, UncompensatedResistance.TYPED,
                OptionalInt.of(2), 0, Instant.EPOCH, "")).hasMessageContaining("typed R_u comes from no spectrum");
        assertThatThrownBy(() -> new UncompensatedResistance(5, Double.NaN, UncompensatedResistance.TYPED,
                OptionalInt.empty(), 1.5, Instant.EPOCH, "")).hasMessageContaining("compensated fraction");
        // fully compensated live (the simulated instrument): nothing is left to correct
        assertThat(new UncompensatedResistance(5, Double.NaN, UncompensatedResistance.TYPED, OptionalInt.empty(), 1,
                Instant.EPOCH, "").corrected(-0.7, -0.01)).isEqualTo(-0.7);
    }

    @Test
    void logSpacedFrequenciesAndTheirTiming() {
        List<Double> f = ImpedanceTiming.logSpaced(1e5, 0.1, 10);
        // six decades at 10 per decade: 61 frequencies, both ends included
        assertThat(f).hasSize(61);
        assertThat(f.get(0)).isEqualTo(1e5);
        assertThat(f.get(60)).isEqualTo(0.1);
        assertThat(f.get(10)).isCloseTo(1e4, within(1e-6));
        // the slowest point is at 0.1 Hz: 0.5 s + 3 periods of 10 s
        assertThat(ImpedanceTiming.longestPoint(f).toMillis()).isEqualTo(30_500);
    }

    @Test
    void impedanceSettingsSurviveTheStepsJson() throws Exception {
        StepSettings eis = StepSettings.impedance(Double.NaN, 0.0, 0.010, 1e5, 0.1, 61);
        String json = StepSettingsJson.write(eis);
        assertThat(json).contains("\"amplitude_v_rms\":0.01").contains("\"frequencies\":61").contains("\"dc_vs_ocp_v\":0.0");
        assertThat(StepSettingsJson.read(json)).isEqualTo(eis);
        assertThat(eis.dcAtOpenCircuit()).isTrue();
    }
}
