package org.norrlab.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * j against E as a function for interpolation: points sorted by potential, those recorded at one potential (a
 * staircase's repeated samples, a turning point) averaged into one. Outside its potentials it has no value (NaN):
 * the sweep analysis never extrapolates.
 */
record Curve(double[] volts, double[] values) {

    static Curve of(double[] volts, double[] values) {
        Integer[] order = IntStream.range(0, volts.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> volts[i]));
        double[] e = new double[volts.length];
        double[] v = new double[volts.length];
        int n = 0;
        int k = 0;
        while (k < order.length) {
            double at = volts[order[k]];
            double sum = 0;
            int count = 0;
            while (k < order.length && volts[order[k]] == at) {
                sum += values[order[k]];
                count++;
                k++;
            }
            e[n] = at;
            v[n++] = sum / count;
        }
        return new Curve(Arrays.copyOf(e, n), Arrays.copyOf(v, n));
    }

    double lowest() {
        return volts.length == 0 ? Double.NaN : volts[0];
    }

    double highest() {
        return volts.length == 0 ? Double.NaN : volts[volts.length - 1];
    }

    /** The value at {@code at}, linear between the two points that bracket it; NaN outside the curve. */
    double at(double at) {
        if (volts.length == 0 || at < volts[0] || at > volts[volts.length - 1]) {
            return Double.NaN;
        }
        int k = Arrays.binarySearch(volts, at);
        if (k >= 0) {
            return values[k];
        }
        int above = -k - 1;
        int below = above - 1;
        return values[below] + (at - volts[below]) * (values[above] - values[below]) / (volts[above] - volts[below]);
    }
}
