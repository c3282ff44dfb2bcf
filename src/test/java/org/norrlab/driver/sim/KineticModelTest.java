package org.norrlab.driver.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fit against the parameter table of norr-science-notes §5.3, which norr_model_check.py
 * computed independently (Python, same rule).
 */
class KineticModelTest {
    static final KineticModel.Shape REFERENCE_SHAPE = new KineticModel.Shape(0.120, 0.97, 0.050, 0.150, 0.6, 0.12);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // name, E*, rate (mol/s/cm2), FE*, j_tot* mA, j_HER* mA, j_lim mA, j_k* mA, b_H mV
            "MnO2-x,     -0.7, 27.51e-10,      0.828,  1.603,  0.167,  2.394,   3.591, 148",
            "CoS1-x,     -0.4, 1.240833e-8,    0.5362, 11.164, 4.685, 10.797,  16.196, 227",
            "Fe1/MoS2-x, -0.6, 8.005556e-8,    0.825, 46.813,  5.016, 69.663, 104.494, 150",
            "NiNC,       -0.5, 2.611111e-8,    0.87,  14.479,  0.846, 22.721,  34.082, 119",
    })
    void fitReproducesTheReferenceTable(String name, double anchor, double rate, double fe, double total, double her,
                                        double limit, double kinetic, double herSlopeMillivolts) {
        KineticModel model = KineticModel.fit(anchor, rate, fe, REFERENCE_SHAPE);
        assertThat(model.herAtAnchor() * 1e3).isCloseTo(her, within(0.001));
        assertThat(model.transportLimit() * 1e3).isCloseTo(limit, within(0.001));
        assertThat(model.kineticAtAnchor() * 1e3).isCloseTo(kinetic, within(0.001));
        assertThat(model.herTafelVolts() * 1e3).isCloseTo(herSlopeMillivolts, within(0.6));
        KineticModel.Currents atAnchor = model.steadyState(anchor);
        assertThat(atAnchor.total() * 1e3).isCloseTo(total, within(0.001));
        assertThat(atAnchor.nh3() / atAnchor.total()).isCloseTo(fe, within(1e-9));
    }

    @ParameterizedTest(name = "{0} at {1} V")
    @CsvSource({
            // curves of §5.3 away from the anchor: j_tot mA/cm2 and FE %
            "Fe1/MoS2-x, -0.5, 13.7,  65.3",
            "Fe1/MoS2-x, -0.7, 86.7,  70.5",
            "NiNC,       -0.4,  4.22, 68.9",
            "NiNC,       -0.7, 63.4,  34.2",
            "MnO2-x,     -0.6,  0.467, 65.6",
    })
    void curvesAwayFromTheAnchorMatchTheReference(String name, double volts, double total, double fePercent) {
        KineticModel model = switch (name) {
            case "Fe1/MoS2-x" -> KineticModel.fit(-0.6, 288.2e-6 / 3600, 0.825, REFERENCE_SHAPE);
            case "NiNC" -> KineticModel.fit(-0.5, 94e-6 / 3600, 0.87, REFERENCE_SHAPE);
            default -> KineticModel.fit(-0.7, 27.51e-10, 0.828, REFERENCE_SHAPE);
        };
        KineticModel.Currents c = model.steadyState(volts);
        assertThat(c.total() * 1e3).isCloseTo(total, within(total * 0.005));
        assertThat(c.nh3() / c.total() * 100).isCloseTo(fePercent, within(0.06));
    }

    @ParameterizedTest
    @CsvSource({"0.001", "0.01", "0.1"})
    void noDepletionRaisesTheTransportLimitRightAfterAStep(double seconds) {
        KineticModel model = KineticModel.fit(-0.7, 27.51e-10, 0.828, REFERENCE_SHAPE);
        assertThat(model.transientFactor(seconds)).isGreaterThan(model.transientFactor(seconds * 10));
        assertThat(model.transientFactor(1000)).isCloseTo(1.0, within(1e-9));
    }
}
