package org.norrlab.gui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

import java.awt.Color;
import java.awt.Font;

/** The look every chart of the GUI shares (live run, stored sweeps), written once so that they stay alike. */
final class ChartLook {
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

    private ChartLook() {
    }

    /**
     * A chart of {@code data} drawn by {@code renderer}: axes that need not include zero (a current of a few mA at
     * -0.5 V must fill the plot), white background, light grid, and a legend only where {@code legend}.
     */
    static JFreeChart chart(String title, String xLabel, String yLabel, XYDataset data, XYItemRenderer renderer,
                            boolean legend) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
