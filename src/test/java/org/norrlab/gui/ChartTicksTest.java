package org.norrlab.gui;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.norrlab.config.Location;
import org.norrlab.core.Sample;
import org.norrlab.plan.PlannedStep;
import org.norrlab.trace.LiveRun;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.norrlab.gui.GuiDriver.onEdt;

/** Defect 9: the live step chart of an open-circuit step ticks its potential in plain decimals (Xvfb, no window). */
class ChartTicksTest {
    @Test
    void openCircuitTicksAreReadableNumbersNotExponents() throws Exception {
        GuiDriver.requireDisplay();
        // OCP at -0.26108 V vs RE wandering by ±10 µV: the axis spans about 20 µV, ticks a few µV apart.
        PlannedStep.OpenCircuit ocp = new PlannedStep.OpenCircuit(1, "rest", Duration.ofMillis(100), Duration.ofSeconds(10),
                new Location(Path.of("ocp.yaml"), 3, 5));
        List<Sample> samples = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            samples.add(Sample.potentialOnly(0.1 * k, -0.26108 + 1e-5 * Math.sin(k / 5.0)));
        }
        LiveRun run = new LiveRun();
        SimulatedSweeps.records(ocp, samples, 0, 0).forEach(r -> run.accept(r, false));
        LiveCharts charts = onEdt(LiveCharts::new);
        onEdt(() -> charts.show(run.view(800)));
        JFreeChart chart = charts.stepChart();
        assertThat(chart.getXYPlot().getRangeAxis().getLabel()).isEqualTo("E vs RE (V)");
        List<String> labels = onEdt(() -> tickLabels(chart, (NumberAxis) chart.getXYPlot().getRangeAxis()));
        assertThat(labels).hasSizeGreaterThan(2);
        // Before: "-2.6108E-1"-like labels. Now plain decimals, each exactly its tick's value (e.g. "-0.261080").
        assertThat(labels).allMatch(l -> l.matches("-0\\.261\\d{2,4}"), "plain decimals around -0.261 V");
        // The format behind them: as many decimals as the tick size has, 2 µV → 6, 0.05 → 2, 500 → 0.
        assertThat(ReadableTicks.format(2e-6).format(-0.26108)).isEqualTo("-0.261080");
        assertThat(ReadableTicks.format(0.05).format(-0.26108)).isEqualTo("-0.26");
        assertThat(ReadableTicks.format(500).format(1500)).isEqualTo("1500");
    }

    private static List<String> tickLabels(JFreeChart chart, NumberAxis axis) {
        BufferedImage image = new BufferedImage(800, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, 800, 300), info);
        List<String> labels = new ArrayList<>();
        for (Object tick : axis.refreshTicks(g, new AxisState(), info.getPlotInfo().getDataArea(), RectangleEdge.LEFT)) {
            labels.add(((ValueTick) tick).getText());
        }
        g.dispose();
        return labels;
    }

}
