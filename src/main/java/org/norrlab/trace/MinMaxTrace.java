package org.norrlab.trace;

import java.util.Arrays;

/**
 * The envelope of a series that grows along x: a fixed number of buckets, each holding the least
 * and greatest y that fell in it. When x runs past the last bucket, neighbouring buckets are merged
 * in pairs and the bucket width doubles, so memory stays fixed however long the series grows, and a
 * one-sample spike is never averaged away (it stays a bucket's min or max).
 *
 * <p>Not thread-safe: its owner ({@link LiveRun}) guards it.
 */
public final class MinMaxTrace {
    private final int capacity;
    private final double initialWidth;
    private final double[] min;
    private final double[] max;
    private final int[] count;
    private double origin = Double.NaN;
    private double width;
    private int used;            // buckets 0 .. used-1 may hold points
    private long points;

    /**
     * @param capacity     buckets kept (at least 2 points per pixel column of the widest chart is plenty)
     * @param initialWidth x width of one bucket before the first merge, e.g. the sample interval
     */
    public MinMaxTrace(int capacity, double initialWidth) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 2, was " + capacity);
        }
        if (!(initialWidth > 0)) {
            throw new IllegalArgumentException("bucket width must be > 0, was " + initialWidth);
        }
        this.capacity = capacity;
        this.initialWidth = initialWidth;
        this.min = new double[capacity];
        this.max = new double[capacity];
        this.count = new int[capacity];
        clear();
    }

    public void clear() {
        Arrays.fill(count, 0);
        origin = Double.NaN;
        width = initialWidth;
        used = 0;
        points = 0;
    }

    /** Adds a point; NaN y (no reading) is skipped. An x before the first one is counted in the first bucket. */
    public void add(double x, double y) {
        if (Double.isNaN(y) || Double.isNaN(x)) {
            return;
        }
        if (Double.isNaN(origin)) {
            origin = x;
        }
        long index = (long) Math.max(0, (x - origin) / width);
        while (index >= capacity) {
            mergePairs();
            index >>= 1;
        }
        int b = (int) index;
        if (count[b] == 0) {
            min[b] = y;
            max[b] = y;
        } else {
            if (y < min[b]) {
                min[b] = y;
            }
            if (y > max[b]) {
                max[b] = y;
            }
        }
        count[b]++;
        used = Math.max(used, b + 1);
        points++;
    }

    private void mergePairs() {
        int half = capacity / 2;
        for (int i = 0; i < half; i++) {
            int a = 2 * i;
            int b = a + 1;
            int n = count[a] + count[b];
            double lo;
            double hi;
            if (count[a] == 0) {
                lo = min[b];
                hi = max[b];
            } else if (count[b] == 0) {
                lo = min[a];
                hi = max[a];
            } else {
                lo = Math.min(min[a], min[b]);
                hi = Math.max(max[a], max[b]);
            }
            min[i] = lo;
            max[i] = hi;
            count[i] = n;
        }
        Arrays.fill(count, half, capacity, 0);
        used = (used + 1) / 2;
        width *= 2;
    }

    /** Points added since the last clear. */
    public long points() {
        return points;
    }

    /** Current x width of one bucket. */
    public double bucketWidth() {
        return width;
    }

    /**
     * The envelope in at most {@code columns} columns spread over the x span seen so far: one
     * column per pixel of a chart is what a screen can show.
     */
    public Envelope envelope(int columns) {
        if (used == 0) {
            return Envelope.EMPTY;
        }
        int group = Math.max(1, (used + columns - 1) / Math.max(1, columns));
        int out = (used + group - 1) / group;
        double[] xs = new double[out];
        double[] lows = new double[out];
        double[] highs = new double[out];
        int n = 0;
        for (int start = 0; start < used; start += group) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            boolean any = false;
            for (int b = start; b < Math.min(used, start + group); b++) {
                if (count[b] > 0) {
                    lo = Math.min(lo, min[b]);
                    hi = Math.max(hi, max[b]);
                    any = true;
                }
            }
            if (any) {
                xs[n] = origin + (start + Math.min(group, used - start) / 2.0) * width;
                lows[n] = lo;
                highs[n] = hi;
                n++;
            }
        }
        return new Envelope(Arrays.copyOf(xs, n), Arrays.copyOf(lows, n), Arrays.copyOf(highs, n));
    }

    /** Columns of an envelope: x at the column's centre, the least and the greatest y in it. */
    public record Envelope(double[] x, double[] min, double[] max) {
        public static final Envelope EMPTY = new Envelope(new double[0], new double[0], new double[0]);

        public int size() {
            return x.length;
        }

        /** As a polyline for a line renderer: min then max of each column, so the stroke covers the band. */
        public double[][] zigzag(double yScale) {
            double[][] series = new double[2][2 * x.length];
            for (int i = 0; i < x.length; i++) {
                series[0][2 * i] = x[i];
                series[1][2 * i] = min[i] * yScale;
                series[0][2 * i + 1] = x[i];
                series[1][2 * i + 1] = max[i] * yScale;
            }
            return series;
        }
    }
}
