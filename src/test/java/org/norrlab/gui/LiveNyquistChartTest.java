package org.norrlab.gui;

import org.apache.commons.math3.complex.Complex;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.core.Gas;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.ImpedanceTiming;
import org.norrlab.driver.sim.RandlesImpedance;
import org.norrlab.plan.PlannedStep;
import org.norrlab.trace.LiveRun;

import javax.swing.JFrame;
import java.awt.geom.Rectangle2D;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.norrlab.gui.GuiDriver.onEdt;

/**
 * The run view's step chart during an EIS step (Xvfb): a Nyquist plot that gains a point per frequency as the scripted
 * spectrum of {@link ScriptedSpectra} arrives, with equal axes (the same ohms per pixel on both) at any size, and the
 * status line naming the latest frequency and |Z|. A screenshot lands in target/gui-screenshots/live-nyquist.png.
 */
class LiveNyquistChartTest {
    private final LiveRun live = new LiveRun();

    @Test
    void theNyquistChartGainsAPointPerFrequencyAndSaysWhichCameLast() throws Exception {
        GuiDriver.requireDisplay();
        LiveCharts charts = onEdt(LiveCharts::new);
        PlannedStep.Impedance eis = ScriptedSpectra.step(2, -0.3);
        List<ImpedancePoint> spectrum = ScriptedSpectra.spectrum();
        live.accept(ScriptedSpectra.started(eis, 60), false);
        onEdt(() -> charts.show(live.view(800)));
        assertThat(charts.stepPanel().getChart()).as("an EIS step is shown as a Nyquist plot").isSameAs(charts.nyquistChart());
        assertThat(onEdt(() -> RunPanel.stepText(eis, live.view(800)))).endsWith("; 0 of 8 frequencies;"
                + " waiting for the first point at 100 kHz");

        List<AcquisitionRecord> points = ScriptedSpectra.measured(2, spectrum);
        int[] drawn = {1, 2, 3, 4, 5, 5, 6, 7};   // the sixth frequency sent NaN: not drawn
        for (int k = 0; k < points.size(); k++) {
            live.accept(points.get(k), true);
            onEdt(() -> charts.show(live.view(800)));
            XYDataset data = charts.nyquistChart().getXYPlot().getDataset();
            assertThat(data.getItemCount(0)).as("points drawn after %d frequencies", k + 1).isEqualTo(drawn[k]);
            if (k == 3) {
                // f = 79.58 Hz, ωR_ctC = 1: Z = 20 + 100 / (1 + j) = 70 − 50j Ω, drawn at (70, +50);
                // |Z| = √(70² + 50²) = √7400 = 86.02 Ω, phase = atan2(−50, 70) = −35.5°.
                assertThat(data.getXValue(0, 3)).isCloseTo(70, within(1e-9));
                assertThat(data.getYValue(0, 3)).isCloseTo(50, within(1e-9));
                assertThat(onEdt(() -> RunPanel.stepText(eis, live.view(800)))).endsWith(
                        "; 4 of 8 frequencies; latest f = 79.58 Hz, |Z| = 86.02 Ω, phase -35.5°");
            }
            if (k == ScriptedSpectra.MISSING) {
                assertThat(onEdt(() -> RunPanel.stepText(eis, live.view(800)))).endsWith(
                        "; 6 of 8 frequencies; latest f = 5 Hz, no impedance (the instrument sent NaN)");
            }
        }
        assertThat(charts.stepPanel().getChart()).isSameAs(charts.nyquistChart());
        assertThat(charts.nyquistChart().getXYPlot().getDomainAxis().getLabel()).isEqualTo("Z' (Ω)");
        assertThat(charts.nyquistChart().getXYPlot().getRangeAxis().getLabel()).isEqualTo("−Z'' (Ω)");
        assertThat(charts.nyquistChart().getTitle().getText()).isEqualTo("Step 2: " + eis.summary());

        // In a window, resized: the same ohms per pixel on both axes before and after.
        JFrame frame = onEdt(() -> {
            JFrame f = new JFrame("live Nyquist");
            f.setContentPane(charts.stepPanel());
            f.setSize(900, 560);
            f.setVisible(true);
            return f;
        });
        try {
            double[] wide = onEdt(() -> scales(frame, charts.stepPanel()));
            assertThat(wide[0]).as("ohms per pixel, Z' against −Z'' at 900 x 560").isCloseTo(wide[1], within(1e-9 * wide[0]));
            GuiDriver.screenshot(frame.getRootPane(), "live-nyquist");
            onEdt(() -> frame.setSize(520, 760));
            double[] tall = onEdt(() -> scales(frame, charts.stepPanel()));
            assertThat(tall[0]).as("ohms per pixel after the resize to 520 x 760").isCloseTo(tall[1], within(1e-9 * tall[0]));
            assertThat(tall[0]).as("the scale follows the size").isNotCloseTo(wide[0], within(1e-3 * wide[0]));
            GuiDriver.screenshot(frame.getRootPane(), "live-nyquist-resized");
        } finally {
            onEdt(frame::dispose);
        }

        // The next step is an LSV: the step panel shows its I–E chart again.
        live.accept(ScriptedSpectra.ended(2, spectrum), true);
        live.accept(new AcquisitionRecord.StepStarted(SimulatedSweeps.lsv(3, Gas.ARGON), Instant.EPOCH, 100), true);
        onEdt(() -> charts.show(live.view(800)));
        assertThat(charts.stepPanel().getChart()).isSameAs(charts.stepChart());
    }

    /** Draws the panel now and returns the ohms per pixel along Z' and along −Z'' of what it drew. */
    private static double[] scales(JFrame frame, ChartPanel panel) {
        frame.validate();
        panel.paintImmediately(0, 0, panel.getWidth(), panel.getHeight());
        ChartRenderingInfo info = panel.getChartRenderingInfo();
        return scales(panel.getChart().getXYPlot(), info.getPlotInfo().getDataArea());
    }

    static double[] scales(XYPlot plot, Rectangle2D dataArea) {
        return new double[] {plot.getDomainAxis().getRange().getLength() / dataArea.getWidth(),
                plot.getRangeAxis().getRange().getLength() / dataArea.getHeight()};
    }

    /**
     * The simulator's Randles cell (R_u 20 Ω, a CPE of Q = 50 µF·s^(α−1), α = 0.9, R_ct 100 Ω, a finite Warburg of
     * R_d 30 Ω, τ_d 2 s) at 6 frequencies per decade from 100 kHz to 0.1 Hz, fed point by point: every point is drawn,
     * and the picture (target/gui-screenshots/live-nyquist-sim.png) shows the depressed arc and the diffusion tail.
     */
    @Test
    void aSimulatedCellsSpectrumIsDrawnPointByPoint() throws Exception {
        GuiDriver.requireDisplay();
        RandlesImpedance cell = new RandlesImpedance(20, 50e-6, 0.9, 100, 30, 2);
        List<Double> frequencies = ImpedanceTiming.logSpaced(1e5, 0.1, 6);
        PlannedStep.Impedance eis = ScriptedSpectra.step(4, -0.4, frequencies);
        LiveCharts charts = onEdt(LiveCharts::new);
        live.accept(ScriptedSpectra.started(eis, 0), false);
        double t = 0;
        for (int i = 0; i < frequencies.size(); i++) {
            t += ImpedanceTiming.pointSeconds(frequencies.get(i));
            Complex z = cell.atFrequency(frequencies.get(i));
            live.accept(new AcquisitionRecord.ImpedanceMeasured(4, i, ImpedancePoint.of(t, frequencies.get(i),
                    z.getReal(), z.getImaginary())), true);
            onEdt(() -> charts.show(live.view(800)));
            assertThat(charts.nyquistChart().getXYPlot().getDataset().getItemCount(0)).isEqualTo(i + 1);
        }
        // 6 per decade over 6 decades, both ends included: 37 points
        assertThat(frequencies).hasSize(37);
        // at 0.1 Hz the cell is near its DC limit R_u + R_ct + R_d = 150 Ω
        assertThat(charts.nyquistChart().getXYPlot().getDataset().getXValue(0, 36)).isBetween(130.0, 150.0);
        JFrame frame = onEdt(() -> {
            JFrame f = new JFrame("live Nyquist, simulated cell");
            f.setContentPane(charts.stepPanel());
            f.setSize(900, 560);
            f.setVisible(true);
            return f;
        });
        try {
            double[] s = onEdt(() -> scales(frame, charts.stepPanel()));
            assertThat(s[0]).isCloseTo(s[1], within(1e-9 * s[0]));
            GuiDriver.screenshot(frame.getRootPane(), "live-nyquist-sim");
        } finally {
            onEdt(frame::dispose);
        }
    }
}
