package org.norrlab.figures;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;

/** One look for every figure: white background, legible sans-serif type at print size. */
final class Style {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color[] SERIES = {new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C), new Color(0xFF7F0E),
            new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F)};
    static final BasicStroke LINE = new BasicStroke(1.5f);

    private Style() {
    }

    static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(TICKS);
        }
    }

    static void axis(Axis axis) {
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICKS);
    }

    /**
     * A named curve of the points (x[i], y[i]) in their order: not sorted and duplicates kept, since a CV goes back over
     * its own potentials and a decimated trace may repeat a time.
     */
    static XYSeries series(String label, double[] x, double[] y) {
        XYSeries series = new XYSeries(label, false, true);
        for (int i = 0; i < x.length; i++) {
            series.add(x[i], y[i], false);
        }
        return series;
    }

    static void plot(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
    }

    /**
     * Series 0 as black open-ended markers (the measured points), series 1 as a plain line (the fit through them):
     * the look the Tafel and scan-rate figures share.
     */
    static XYLineAndShapeRenderer pointsAndFittedLine() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setSeriesPaint(0, Color.BLACK);
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(1, SERIES[1]);
        renderer.setSeriesStroke(1, LINE);
        return renderer;
    }
}
