package org.norrlab.gui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.norrlab.trace.SweepTrace;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

/**
 * Current against potential for a sweep step (LSV, CV), a series and a colour per cycle, so that a CV's cycles stay
 * apart: the live chart's colours and the Sessions view's plot of a stored sweep.
 */
final class SweepChart {
    static final String POTENTIAL_AXIS = "E vs RHE (V)";
    static final String CURRENT_AXIS = "I (mA)";
    /** One colour per cycle, repeating after ten (matplotlib's tab10, as the report's figures). */
    private static final Color[] CYCLE_COLOURS = {new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e),
            new Color(0x2c, 0xa0, 0x2c), new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd),
            new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f),
            new Color(0xbc, 0xbd, 0x22), new Color(0x17, 0xbe, 0xcf)};

    private SweepChart() {
    }

    /** The colour of a cycle (from 1). */
    static Color colour(int cycle) {
        return CYCLE_COLOURS[Math.floorMod(cycle - 1, CYCLE_COLOURS.length)];
    }

    /** The series key of a cycle. */
    static String series(int cycle) {
        return "cycle " + cycle;
    }

    /** A curve's points as the chart draws them: E (V) and I in mA. */
    static double[][] points(SweepTrace.Curve curve) {
        double[] milliamps = curve.amperes().clone();
        for (int i = 0; i < milliamps.length; i++) {
            milliamps[i] *= 1e3;
        }
        return new double[][] {curve.volts(), milliamps};
    }

    /** A chart of these curves against {@code potentialAxis}, with a legend naming the cycles. */
    static JFreeChart chart(String title, String potentialAxis, List<SweepTrace.Curve> curves) {
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < curves.size(); i++) {
            SweepTrace.Curve curve = curves.get(i);
            data.addSeries(series(curve.cycle()), points(curve));
            renderer.setSeriesPaint(i, colour(curve.cycle()));
            renderer.setSeriesStroke(i, new BasicStroke(1.2f));
        }
        return ChartLook.chart(title, potentialAxis, CURRENT_AXIS, data, renderer, true);
    }
}
