package org.norrlab.gui;

import org.jfree.chart.ChartPanel;
import javax.swing.JComponent;
import java.awt.event.KeyEvent;
import javax.swing.KeyStroke;
import org.norrlab.figures.TimeScale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYDataset;
import org.norrlab.gui.OverlaySeries.Quantity;

import javax.swing.JFrame;
import javax.swing.WindowConstants;
import java.awt.BasicStroke;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;

/**
 * The overlay's chart and its window: a plain {@link ChartPanel}, one line per step with a legend. The x axis of CA
 * steps is in s, min or h by the rule every current chart follows ({@link TimeScale}); the series keep seconds
 * ({@link OverlaySeries#xs()}) and the axis divides by {@link #timeDivisor}.
 */
final class OverlayChart {
    static final String WINDOW_NAME = "overlay";

    private OverlayChart() {
    }

    /** How many seconds one unit of the chart's x axis is (1 for a potential axis). */
    static double timeDivisor(Overlay overlay) {
        if (overlay.x() != Quantity.TIME_FROM_STEP_START) {
            return 1;
        }
        double longest = 0;
        for (OverlaySeries s : overlay.series()) {
            for (double t : s.xs()) {
                longest = Math.max(longest, t);
            }
        }
        return timeScale(longest).toSeconds(1);
    }

    /** The time unit of the live charts, Sessions and the report ({@link TimeScale}), for the longest step drawn. */
    private static TimeScale timeScale(double longestSeconds) {
        return TimeScale.forSpan(longestSeconds);
    }

    static String xAxisLabel(Overlay overlay) {
        if (overlay.x() != Quantity.TIME_FROM_STEP_START) {
            return overlay.x().axisLabel();
        }
        double divisor = timeDivisor(overlay);
        for (TimeScale unit : TimeScale.values()) {
            if (unit.toSeconds(1) == divisor) {
                return overlay.x().symbol() + " (" + unit.unit() + ")";
            }
        }
        throw new IllegalStateException("no time unit of " + divisor + " s");
    }

    static JFreeChart chart(Overlay overlay) {
        double divisor = timeDivisor(overlay);
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < overlay.series().size(); i++) {
            OverlaySeries s = overlay.series().get(i);
            double[] xs = s.xs().clone();
            for (int k = 0; k < xs.length; k++) {
                xs[k] /= divisor;
            }
            data.addSeries(s.legend(), new double[][] {xs, s.ys()});
            renderer.setSeriesPaint(i, SweepChart.colour(i + 1));
            renderer.setSeriesStroke(i, new BasicStroke(1.2f));
        }
        JFreeChart chart = ChartLook.chart(overlay.title(), xAxisLabel(overlay), overlay.y().axisLabel(), data, renderer, true);
        for (String note : overlay.notes()) {
            chart.addSubtitle(new TextTitle(note, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        }
        return chart;
    }

    /** A window of its own (the Sessions view stays usable beside it), closed without asking. */
    static Shown show(Component owner, Overlay overlay) {
        ChartPanel panel = new ChartPanel(null);
        ChartTools tools = ChartTools.around(panel, chart(overlay));   // crosshair, Autoscale, CSV of what is drawn
        panel.setName("overlay chart");
        panel.setPreferredSize(new Dimension(1000, 640));
        JFrame frame = new JFrame(overlay.title());
        frame.setName(WINDOW_NAME);
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.setContentPane(tools.component());
        // Esc closes it: no mouse, nor a title bar, is needed to close it
        frame.getRootPane().registerKeyboardAction(e -> frame.dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        frame.pack();
        frame.setLocationRelativeTo(owner);
        frame.setVisible(true);
        return new Shown(frame, panel, overlay, tools);
    }

    /** An overlay on screen: its window, its chart panel (where chart tools are installed) and what it draws. */
    record Shown(JFrame frame, ChartPanel panel, Overlay overlay, ChartTools tools) {
    }
}
