package org.norrlab.status;

/**
 * Thins a series for a chart without losing its spikes: the points are cut into buckets and each bucket keeps its
 * lowest and its highest point, in the order they came. A series no longer than the limit is kept whole.
 */
final class MinMax {
    private MinMax() {
    }

    /** The decimated series: times and values, at most {@code maxPoints} of them (rounded down to an even number). */
    record Series(double[] t, double[] y) {
    }

    static Series decimate(double[] t, double[] y, int n, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("at least 2 points, was " + maxPoints);
        }
        if (n <= maxPoints) {
            return new Series(java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(y, n));
        }
        int buckets = maxPoints / 2;
        double[] outT = new double[buckets * 2];
        double[] outY = new double[buckets * 2];
        int out = 0;
        for (int b = 0; b < buckets; b++) {
            // bucket b holds points [from, to): the same count in each, give or take one
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int lo = from;
            int hi = from;
            for (int k = from + 1; k < to; k++) {
                if (y[k] < y[lo]) {
                    lo = k;
                }
                if (y[k] > y[hi]) {
                    hi = k;
                }
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            outT[out] = t[first];
            outY[out++] = y[first];
            outT[out] = t[second];
            outY[out++] = y[second];
        }
        return new Series(outT, outY);
    }
}
