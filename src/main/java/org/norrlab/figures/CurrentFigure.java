package org.norrlab.figures;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.Arrays;
import java.util.List;

/** Current density against session time, one series per CA step, from decimated samples; or
 * a CP step's potential the same way. Time is drawn in the unit {@link TimeScale#forSpan} picks for the session's
 * length (s, min or h), as the GUI's charts of the same session. */
public final class CurrentFigure {
    /** The time axis's label in a unit: "Time (min)". The unit follows {@link TimeScale#forSpan}, as in the GUI. */
    public static String timeAxis(TimeScale scale) {
        return "Time (" + scale.unit() + ")";
    }
    public static final String Y_AXIS = "j (mA cm⁻²)";
    public static final String POTENTIAL_AXIS = "E (V vs RHE)";

    /** One step: its label and (hours, mA cm⁻²) points, already decimated. */
    public record Trace(String label, double[] hours, double[] milliampsPerCm2) {
    }

    private CurrentFigure() {
    }

    public static JFreeChart chart(String title, List<Trace> traces) {
        return chart(Style.SCREEN, title, traces);
    }

    public static JFreeChart chart(Style style, String title, List<Trace> traces) {
        return chart(style, title, traces, Y_AXIS, true);
    }

    /** A CP step's potential against session time, in the style of the current figure (traces in V vs RHE). */
    public static JFreeChart potential(String title, List<Trace> traces) {
        return potential(Style.SCREEN, title, traces);
    }

    public static JFreeChart potential(Style style, String title, List<Trace> traces) {
        return chart(style, title, traces, POTENTIAL_AXIS, false);
    }

    private static JFreeChart chart(Style style, String title, List<Trace> traces, String yAxis,
                                    boolean yIncludesZero) {
        // The time unit the GUI's Sessions and run views pick for a session this long, so that all three agree.
        double lastHour = traces.stream().flatMapToDouble(t -> Arrays.stream(t.hours())).max().orElse(0);
        TimeScale scale = TimeScale.forSpan(lastHour * 3600);
        XYSeriesCollection data = new XYSeriesCollection();
        for (Trace trace : traces) {
            double[] times = Arrays.stream(trace.hours()).map(h -> scale.fromSeconds(h * 3600)).toArray();
            data.addSeries(Style.series(trace.label(), times, trace.milliampsPerCm2()));
        }
        NumberAxis x = new NumberAxis(timeAxis(scale));
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis(yAxis);
        y.setAutoRangeIncludesZero(yIncludesZero);
        XYPlot plot = new XYPlot(data, x, y, style.lines(traces.size(), 0));
        return style.chart(title, plot, true);
    }

    /**
     * Keeps the shape of a long series in at most two points per bucket: the minimum and maximum of
     * each bucket, in time order, so spikes survive. Points are streamed in; memory is O(buckets).
     */
    public static final class Decimator {
        private final long expected;
        private final int buckets;
        private final double[] xs;
        private final double[] ys;
        private int out;
        private long seen;
        private int bucket = -1;
        private double minX;
        private double minY;
        private double maxX;
        private double maxY;

        public Decimator(long expectedPoints, int buckets) {
            this.expected = Math.max(expectedPoints, 1);
            this.buckets = buckets;
            this.xs = new double[2 * buckets + 2];
            this.ys = new double[2 * buckets + 2];
        }

        public void add(double x, double y) {
            int b = (int) Math.min(buckets - 1, seen * buckets / expected);
            seen++;
            if (b != bucket) {
                flush();
                bucket = b;
                minX = maxX = x;
                minY = maxY = y;
                return;
            }
            if (y < minY) {
                minY = y;
                minX = x;
            }
            if (y > maxY) {
                maxY = y;
                maxX = x;
            }
        }

        /**
         * One whole bucket, as the database computed it (store.StepExtremes): the time and value of its first minimum
         * and of its first maximum. The next bucket in order, so the points come out as {@link #add} would have made
         * them from the bucket's samples; a decimator fed buckets takes no single points.
         */
        public void addBucket(double minX, double minY, double maxX, double maxY) {
            flush();
            bucket = 0;
            this.minX = minX;
            this.minY = minY;
            this.maxX = maxX;
            this.maxY = maxY;
        }

        private void flush() {
            if (bucket < 0 || out + 2 > xs.length) {
                return;
            }
            boolean minFirst = minX <= maxX;
            xs[out] = minFirst ? minX : maxX;
            ys[out++] = minFirst ? minY : maxY;
            if (minX != maxX) {
                xs[out] = minFirst ? maxX : minX;
                ys[out++] = minFirst ? maxY : minY;
            }
        }

        public Trace trace(String label) {
            flush();
            bucket = -1;
            return new Trace(label, java.util.Arrays.copyOf(xs, out), java.util.Arrays.copyOf(ys, out));
        }
    }
}
