package org.norrlab.figures;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.testing.RandlesSpectra;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImpedanceFigureTest {
    @TempDir
    Path temp;

    /** The Randles spectrum of {@link RandlesSpectra}, as the figure takes it. */
    static ImpedanceFigure.Spectrum randles(String label, int perDecade, double noise) {
        List<ImpedancePoint> points = RandlesSpectra.spectrum(perDecade, noise);
        return new ImpedanceFigure.Spectrum(label, points.stream().mapToDouble(ImpedancePoint::frequencyHz).toArray(),
                points.stream().mapToDouble(ImpedancePoint::realOhms).toArray(),
                points.stream().mapToDouble(ImpedancePoint::imaginaryOhms).toArray());
    }

    @Test
    void oneOhmIsAsLongOnBothAxesOfTheRenderedNyquistPlot() throws Exception {
        JFreeChart chart = ImpedanceFigure.nyquist("Randles", randles("measured", 10, 0.005),
                Optional.of(randles("Randles fit", 40, 0)));
        // -Dnorrlab.impedanceFigures=DIR keeps the figures to look at; by default they go with the test.
        Path out = Path.of(System.getProperty("norrlab.impedanceFigures", temp.toString()));
        FigureOutput.DEFAULT.write(chart, out, "nyquist");
        BufferedImage png = ImageIO.read(out.resolve("nyquist.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1000);
        // The report's landscape size, a square window and a tall one: the scale is fitted at every size.
        for (int[] size : new int[][] {{1000, 620}, {600, 600}, {500, 900}}) {
            ChartRenderingInfo info = new ChartRenderingInfo();
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            Graphics2D g2 = image.createGraphics();
            chart.draw(g2, new Rectangle2D.Double(0, 0, size[0], size[1]), info);
            g2.dispose();
            Rectangle2D area = info.getPlotInfo().getDataArea();
            XYPlot plot = chart.getXYPlot();
            double xPerPixel = plot.getDomainAxis().getRange().getLength() / area.getWidth();
            double yPerPixel = plot.getRangeAxis().getRange().getLength() / area.getHeight();
            assertThat(yPerPixel).as("Ω per pixel, %dx%d", size[0], size[1]).isCloseTo(xPerPixel, within(xPerPixel * 1e-9));
            // the same said in pixels: 100 Ω from 0 along each axis of the drawn data area
            double xPixels = plot.getDomainAxis().valueToJava2D(100, area, RectangleEdge.BOTTOM)
                    - plot.getDomainAxis().valueToJava2D(0, area, RectangleEdge.BOTTOM);
            double yPixels = plot.getRangeAxis().valueToJava2D(0, area, RectangleEdge.LEFT)
                    - plot.getRangeAxis().valueToJava2D(100, area, RectangleEdge.LEFT);
            assertThat(yPixels).isCloseTo(xPixels, within(1e-6));
            // everything measured is inside: from R_u at the top frequency to past R_u + R_ct at 0.1 Hz
            assertThat(plot.getDomainAxis().getRange().contains(RandlesSpectra.RU)).isTrue();
            assertThat(plot.getDomainAxis().getUpperBound()).isGreaterThan(RandlesSpectra.RU + RandlesSpectra.RCT);
        }
    }

    @Test
    void theNyquistYIsMinusZImaginarySoACapacitivePointIsAboveTheAxis() {
        // Z = 50 − j30 Ω (capacitive, Z'' negative as measured) and 50 + j5 Ω (inductive, at the top frequency)
        ImpedanceFigure.Spectrum s = new ImpedanceFigure.Spectrum("measured", new double[] {1e5, 10},
                new double[] {50, 50}, new double[] {5, -30});
        JFreeChart chart = ImpedanceFigure.nyquist("t", s, Optional.empty());
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("−Z'' (Ω)");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("Z' (Ω)");
        XYDataset data = plot.getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(1);
        assertThat(data.getXValue(0, 0)).isEqualTo(50);
        assertThat(data.getYValue(0, 0)).isEqualTo(-5);
        assertThat(data.getYValue(0, 1)).isEqualTo(30);
    }

    @Test
    void aFewFrequenciesAreWrittenAtTheirPoints() {
        ImpedanceFigure.Spectrum s = randles("measured", 10, 0);
        // 100 kHz to 0.1 Hz is 7 decades: more than 6, so every second one: 100 kHz, 1 kHz, 10 Hz, 0.1 Hz
        List<String> texts = ImpedanceFigure.nyquist("t", s, Optional.empty()).getXYPlot().getAnnotations().stream()
                .map(a -> ((XYTextAnnotation) a).getText().trim()).toList();
        assertThat(texts).containsExactly("100 kHz", "1 kHz", "10 Hz", "0.1 Hz");
        XYAnnotation first = ImpedanceFigure.nyquist("t", s, Optional.empty()).getXYPlot().getAnnotations().get(0);
        assertThat(((XYTextAnnotation) first).getX()).isEqualTo(s.realOhms()[0]);
        assertThat(((XYTextAnnotation) first).getY()).isEqualTo(-s.imaginaryOhms()[0]);
        assertThat(ImpedanceFigure.frequencyText(158.489)).isEqualTo("158 Hz");
        assertThat(ImpedanceFigure.frequencyText(2.5e4)).isEqualTo("25 kHz");
    }

    @Test
    void bodePhaseIsZeroForAResistorAndMinus45DegreesForAnRcAtOmegaOneOverRc() throws Exception {
        // a 100 Ω resistor: Z = 100 + j0 at every frequency, |Z| = 100, phase 0°
        ImpedanceFigure.Spectrum resistor = new ImpedanceFigure.Spectrum("R", new double[] {1e4, 1e2, 1},
                new double[] {100, 100, 100}, new double[] {0, 0, 0});
        XYDataset[] r = bodeData(ImpedanceFigure.bode("R", resistor, Optional.empty()));
        for (int i = 0; i < 3; i++) {
            assertThat(r[0].getYValue(0, i)).isEqualTo(100);
            assertThat(r[1].getYValue(0, i)).isEqualTo(0);
        }
        // R = 100 Ω in series with C = 10 µF: ω = 1/RC = 1/(100 · 1e-5) = 1000 rad/s, f = 1000/2π = 159.155 Hz;
        // Z = R − j/(ωC) = 100 − j/(1000 · 1e-5) = 100 − j100: |Z| = 100·√2 = 141.421 Ω, phase = atan(−1) = −45°
        double w = 1 / (100 * 10e-6);
        ImpedanceFigure.Spectrum rc = new ImpedanceFigure.Spectrum("RC", new double[] {w / (2 * Math.PI)},
                new double[] {100}, new double[] {-1 / (w * 10e-6)});
        JFreeChart chart = ImpedanceFigure.bode("RC", rc, Optional.of(new ImpedanceFigure.Spectrum("RC model",
                rc.frequencyHz(), rc.realOhms(), rc.imaginaryOhms())));
        XYDataset[] data = bodeData(chart);
        assertThat(data[0].getXValue(0, 0)).isCloseTo(159.155, within(1e-3));
        assertThat(data[0].getYValue(0, 0)).isCloseTo(141.421, within(1e-3));
        assertThat(data[1].getYValue(0, 0)).isCloseTo(-45, within(1e-9));
        assertThat(data[1].getYValue(1, 0)).as("the fit's phase").isCloseTo(-45, within(1e-9));
        // measured and fit once each in the legend, not once per panel
        assertThat(chart.getXYPlot().getLegendItems().getItemCount()).isEqualTo(2);
        Path out = Path.of(System.getProperty("norrlab.impedanceFigures", temp.toString()));
        FigureOutput.DEFAULT.write(ImpedanceFigure.bode("Randles", randles("measured", 10, 0.005),
                Optional.of(randles("Randles fit", 40, 0))), out, "bode");
        assertThat(Files.readString(out.resolve("bode.svg"))).contains(">f (Hz)<");
    }

    private static XYDataset[] bodeData(JFreeChart chart) {
        List<XYPlot> panels = ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots();
        assertThat(panels).hasSize(2);
        assertThat(panels.get(0).getRangeAxis().getLabel()).isEqualTo("|Z| (Ω)");
        assertThat(panels.get(1).getRangeAxis().getLabel()).isEqualTo("Phase (°)");
        return new XYDataset[] {panels.get(0).getDataset(), panels.get(1).getDataset()};
    }
}
