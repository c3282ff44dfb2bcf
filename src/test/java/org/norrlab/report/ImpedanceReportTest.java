package org.norrlab.report;

import org.junit.jupiter.api.Test;
import org.norrlab.analysis.CircuitFit;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.figures.ImpedanceFigure;
import org.norrlab.testing.RandlesSpectra;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImpedanceReportTest {
    @Test
    void theFitLineRunsThroughTheMeasuredPointsInTheSameSignConvention() {
        List<ImpedancePoint> points = RandlesSpectra.spectrum(10, 0);
        ImpedanceFigure.Spectrum measured = ImpedanceReport.spectrum("measured", points);
        ImpedanceFigure.Spectrum model = ImpedanceReport.model(CircuitFit.best(points), measured);
        // 100 kHz to 0.1 Hz is 6 decades: 6 · 20 + 1 = 121 frequencies, from the highest down
        assertThat(model.size()).isEqualTo(121);
        assertThat(model.frequencyHz()[0]).isCloseTo(1e5, within(1e-6));
        assertThat(model.frequencyHz()[120]).isCloseTo(0.1, within(1e-12));
        // every second decade's frequency is one of the measured ones (index 20k ↔ 10k): the line passes the point
        for (int k = 0; k <= 6; k++) {
            double re = measured.realOhms()[10 * k];
            double im = measured.imaginaryOhms()[10 * k];
            assertThat(model.frequencyHz()[20 * k]).isCloseTo(measured.frequencyHz()[10 * k], within(1e-9 * measured.frequencyHz()[10 * k]));
            assertThat(model.realOhms()[20 * k]).as("Z' at %s Hz", measured.frequencyHz()[10 * k]).isCloseTo(re, within(0.01 * Math.abs(re)));
            // Z'' as measured, capacitive negative, like the points: the figure turns both around the same way
            assertThat(model.imaginaryOhms()[20 * k]).isNegative().isCloseTo(im, within(0.01 * Math.abs(im) + 0.05));
        }
        assertThat(model.label()).contains("R_u = 20.0");
    }
}
