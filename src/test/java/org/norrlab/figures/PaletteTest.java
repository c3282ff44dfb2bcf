package org.norrlab.figures;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The series of a figure part for a reader with deuteranopia (the commonest colour-vision deficiency, about 5 % of
 * men) and in greyscale: the colours a figure draws stay apart once simulated for deuteranopia, and each series has
 * its own dash pattern besides.
 */
class PaletteTest {
    /**
     * The least colour difference (CIE76 ΔE*ab) between two series as a deuteranope sees them. Okabe–Ito's closest
     * pair, bluish green and reddish purple, is 17.9 apart; matplotlib's tab10, which the figures used before, had red
     * and green 7.3 apart (nearly the same brown) and blue and purple 8.0.
     */
    private static final double LEAST_DELTA_E = 15;

    @Test
    void theFiguresDrawTheOkabeItoColours() {
        assertThat(Style.PALETTE).containsExactly(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
                new Color(0xE69F00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000),
                new Color(0xF0E442));
    }

    @Test
    void sevenSeriesStayApartForADeuteranope() {
        // Seven traces of the current figure, as a session of seven CA steps draws them (yellow, the eighth colour,
        // is left to an eighth series: faint on white, it is last on purpose).
        JFreeChart chart = CurrentFigure.chart(Style.print(false), "seven steps", traces(7));
        XYItemRenderer renderer = chart.getXYPlot().getRenderer();
        List<Color> drawn = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            drawn.add((Color) renderer.getSeriesPaint(i));
        }
        for (int a = 0; a < drawn.size(); a++) {
            for (int b = a + 1; b < drawn.size(); b++) {
                double[] first = lab(deuteranope(drawn.get(a)));
                double[] second = lab(deuteranope(drawn.get(b)));
                double deltaE = Math.sqrt(Math.pow(first[0] - second[0], 2) + Math.pow(first[1] - second[1], 2)
                        + Math.pow(first[2] - second[2], 2));
                assertThat(deltaE).as("series %d %s and %d %s for a deuteranope", a, hex(drawn.get(a)), b,
                        hex(drawn.get(b))).isGreaterThanOrEqualTo(LEAST_DELTA_E);
            }
        }
    }

    @Test
    void sixSeriesHaveSixDashPatternsSoThatGreyscaleStillPartsThem() {
        JFreeChart chart = CurrentFigure.chart(Style.print(false), "six steps", traces(6));
        XYItemRenderer renderer = chart.getXYPlot().getRenderer();
        Set<List<Float>> patterns = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            BasicStroke stroke = (BasicStroke) renderer.getSeriesStroke(i);
            assertThat(stroke.getLineWidth()).isEqualTo(Style.PRINT_LINE_PT);
            float[] dash = stroke.getDashArray();
            patterns.add(dash == null ? List.of() : toList(dash));
        }
        assertThat(patterns).hasSize(6);
    }

    private static List<CurrentFigure.Trace> traces(int count) {
        List<CurrentFigure.Trace> traces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            traces.add(new CurrentFigure.Trace("step " + (i + 2), new double[] {i, i + 0.5}, new double[] {-i, -i}));
        }
        return traces;
    }

    /**
     * The colour a deuteranope sees: Machado, Oliveira and Fernandes (2009), severity 1, applied to linear RGB, the
     * result clipped to the gamut.
     */
    static double[] deuteranope(Color c) {
        double[][] m = {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
                {-0.011820, 0.042940, 0.968881}};
        double[] rgb = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2];
            out[i] = Math.max(0, Math.min(1, v));
        }
        return out;
    }

    /** sRGB 0–255 to linear light 0–1. */
    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** Linear RGB to CIE L*a*b* (D65 white). */
    static double[] lab(double[] rgb) {
        double x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
        double fx = f(x / 0.95047);
        double fy = f(y);
        double fz = f(z / 1.08883);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    private static String hex(Color c) {
        return String.format("#%06X", c.getRGB() & 0xFFFFFF);
    }

    private static List<Float> toList(float[] values) {
        List<Float> out = new ArrayList<>();
        for (float v : values) {
            out.add(v);
        }
        return out;
    }

    @Test
    void theSimulationTurnsRedAndGreenIntoOneColour() {
        // The check itself: tab10's red #D62728 and green #2CA02C, far apart for most readers, come out 7.3 apart
        // (< 15) for a deuteranope, as the literature says of red and green.
        double[] red = lab(deuteranope(new Color(0xD62728)));
        double[] green = lab(deuteranope(new Color(0x2CA02C)));
        double deltaE = Math.sqrt(Arrays.stream(new double[] {red[0] - green[0], red[1] - green[1], red[2] - green[2]})
                .map(d -> d * d).sum());
        assertThat(deltaE).isBetween(7.0, 7.6);
    }
}
