package org.norrlab.analysis;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.ImpedanceTiming;
import org.norrlab.driver.sim.RandlesImpedance;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The spectrum of the shipped study's EIS step: the simulated NiNC cell at −0.4 V vs RHE under NO, whose charge-transfer
 * arc (R_ct·C_dl ≈ 0.096 s) and diffusion arc (τ_d = 0.0375 s) overlap. The circuit with both a CPE and a Warburg then
 * scores best by χ² with an R_ct of a milliohm and NaN standard errors; the automatic choice must not hand that R_ct
 * to the operator, but a circuit whose every parameter the spectrum determines.
 */
class OverlappingArcsFitTest {

    @Test
    void theAutomaticChoiceKeepsToDeterminedCircuits() {
        // the truth the simulator recorded for that step: R_u 10, R_ct 19.265, R_d 2.448 ohm, τ_d 0.0375 s, C_dl 5 mF
        var cell = new RandlesImpedance(10, 0.005, 1, 19.265, 2.448, 0.0375);
        Random random = new Random(7);
        List<ImpedancePoint> points = new ArrayList<>();
        for (double f : ImpedanceTiming.logSpaced(1e5, 0.1, 10)) {
            var z = cell.atFrequency(f);
            double noise = 0.002 * z.abs();
            points.add(ImpedancePoint.of(0, f, z.getReal() + noise * random.nextGaussian(),
                    z.getImaginary() + noise * random.nextGaussian()));
        }
        CircuitFit best = CircuitFit.best(points);
        assertThat(best.determined()).as(best.circuit().notation()).isTrue();
        // R_u within 1 % of the truth; the low-frequency resistance R_ct + R_d = 21.713 ohm within 2 %
        assertThat(best.parameters().get(0).value()).isCloseTo(10, within(0.1));
        double lowFrequency = best.impedance(2 * Math.PI * 1e-4).getReal();
        assertThat(lowFrequency).isCloseTo(10 + 21.713, within(0.02 * 31.713));
    }
}
