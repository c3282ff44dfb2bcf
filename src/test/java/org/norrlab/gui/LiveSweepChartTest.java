package org.norrlab.gui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Gas;
import org.norrlab.core.Sample;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.trace.LiveRun;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.norrlab.gui.GuiDriver.onEdt;

/**
 * The run view's step chart during sweeps: I against E vs RHE, a series and colour per cycle; CA keeps I(t), CP draws
 * E(t). Fed as the acquisition core feeds it (records into {@link LiveRun}, a view into {@link LiveCharts}); the
 * charts are drawn to PNGs under target/gui-screenshots/ to be looked at.
 */
class LiveSweepChartTest {
    private final LiveRun live = new LiveRun();

    private void feed(List<AcquisitionRecord> records) {
        for (AcquisitionRecord r : records) {
            live.accept(r, false);
        }
    }

    private static void draw(JFreeChart chart, String name) throws Exception {
        BufferedImage image = new BufferedImage(900, 560, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        chart.draw(g, new Rectangle2D.Double(0, 0, 900, 560));
        g.dispose();
        Files.createDirectories(GuiDriver.SCREENSHOTS);
        ImageIO.write(image, "png", GuiDriver.SCREENSHOTS.resolve(name + ".png").toFile());
    }

    @Test
    void sweepsAreDrawnAsCurrentAgainstPotentialOneSeriesPerCycle() throws Exception {
        LiveCharts charts = onEdt(LiveCharts::new);
        JFreeChart step;
        XYPlot plot;

        // An LSV under NO: one cycle, 100 points, E on the RHE scale (the samples are vs RE: + 0.611 V).
        feed(SimulatedSweeps.records(SimulatedSweeps.lsv(1, Gas.NITRIC_OXIDE), SimulatedSweeps.lsvSamples(), 0, 0));
        onEdt(() -> charts.show(live.view(800)));
        step = charts.stepChart();   // I–E during a sweep, current or potential against time otherwise
        plot = step.getXYPlot();
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("E vs RHE (V)");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("I (mA)");
        XYDataset data = plot.getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(1);
        assertThat(data.getSeriesKey(0)).isEqualTo("cycle 1");
        assertThat(data.getItemCount(0)).isEqualTo(100);
        // Sample 50: E = -0.005 × 50 = -0.25 V vs RHE, I = -2 mA / (1 + e^0) = -1 mA.
        assertThat(data.getXValue(0, 49)).isCloseTo(-0.25, within(1e-12));
        assertThat(data.getYValue(0, 49)).isCloseTo(-1.0, within(1e-12));
        assertThat(step.getLegend().isVisible()).as("an LSV has one curve: no legend").isFalse();
        draw(step, "live-lsv");

        // A CV of three cycles: three series of 160 points (40 up, 80 down, 40 up), each in its own colour.
        feed(SimulatedSweeps.records(SimulatedSweeps.cv(2), SimulatedSweeps.cvSamples(), 50, 100));
        onEdt(() -> charts.show(live.view(800)));
        step = charts.stepChart();   // I–E during a sweep, current or potential against time otherwise
        plot = step.getXYPlot();
        data = plot.getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(3);
        List<Object> keys = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            keys.add(data.getSeriesKey(s));
            assertThat(data.getItemCount(s)).as("points of cycle %d", s + 1).isEqualTo(160);
        }
        assertThat(keys).containsExactly("cycle 1", "cycle 2", "cycle 3");
        // Cycle 2's 40th point is vertex 1 (0.2 + 40 × 0.005 = 0.4 V), going up at 20 µA × 1.2 = 0.024 mA.
        assertThat(data.getXValue(1, 39)).isCloseTo(0.4, within(1e-9));
        assertThat(data.getYValue(1, 39)).isCloseTo(0.024, within(1e-12));
        assertThat(List.of(plot.getRenderer().getSeriesPaint(0), plot.getRenderer().getSeriesPaint(1),
                plot.getRenderer().getSeriesPaint(2))).doesNotHaveDuplicates();
        assertThat(step.getLegend().isVisible()).as("the legend names the cycles").isTrue();
        draw(step, "live-cv");

        // A CA step afterwards: current against time again, one series, no legend.
        PlannedStep.Chronoamperometry ca = new PlannedStep.Chronoamperometry(3, "CA", new Potential(-0.5, Potential.Scale.RHE),
                -0.5, -0.5 - SimulatedSweeps.RE_OFFSET, Duration.ofSeconds(1), Duration.ofSeconds(10), CurrentRangeChoice.AUTO,
                new Location(Path.of("sweeps.yaml"), 3, 1));
        List<Sample> caSamples = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            caSamples.add(new Sample(k, -1.111, -0.004, 0.01, 0));
        }
        feed(SimulatedSweeps.records(ca, caSamples, 100, 1000));
        onEdt(() -> charts.show(live.view(800)));
        step = charts.stepChart();   // I–E during a sweep, current or potential against time otherwise
        plot = step.getXYPlot();
        data = plot.getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(1);
        assertThat(data.getSeriesKey(0)).isEqualTo(LiveCharts.STEP_SERIES);
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("t in step (s)");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("I (mA)");
        assertThat(data.getYValue(0, 0)).isEqualTo(-4.0);
        assertThat(step.getLegend().isVisible()).isFalse();

        // A CP step: the current is set, the potential is what it measures: E against time.
        PlannedStep.Chronopotentiometry cp = new PlannedStep.Chronopotentiometry(4, "CP", "-10 mA", -0.01,
                Duration.ofSeconds(1), Duration.ofSeconds(10), Optional.empty(), Optional.empty(), CurrentRangeChoice.AUTO,
                new Location(Path.of("sweeps.yaml"), 4, 1), StepContext.NONE);
        List<Sample> cpSamples = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            cpSamples.add(new Sample(k, -1.3 + 0.01 * k, -0.01, 0.1, 0));
        }
        feed(SimulatedSweeps.records(cp, cpSamples, 110, 2000));
        onEdt(() -> charts.show(live.view(800)));
        step = charts.stepChart();   // I–E during a sweep, current or potential against time otherwise
        plot = step.getXYPlot();
        data = plot.getDataset();
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("E vs RE (V)");
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.getItemCount(0); i++) {
            lowest = Math.min(lowest, data.getYValue(0, i));
            highest = Math.max(highest, data.getYValue(0, i));
        }
        // -1.3 + 0.01 k for k = 1..10: -1.29 .. -1.20 V (not the -10 mA set current)
        assertThat(lowest).isCloseTo(-1.29, within(1e-12));
        assertThat(highest).isCloseTo(-1.20, within(1e-12));
        draw(step, "live-cp");
    }
}
