package org.norrlab.gui;

import org.norrlab.core.SampleFlag;

import java.awt.Color;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What a {@link ChartTools} chart plots, in SI units and whatever its source (a run in progress, a stored session, an
 * overlay): traces against time, each point with its {@link SampleFlag} bits, and what the toolkit needs to offer
 * other units: the electrode area (for j) and how long the trace is planned or known to be (for the time unit).
 *
 * @param quantity        current (A) or potential (V) on the y axis
 * @param potentialAxis   the y axis label when the quantity is a potential (e.g. "E vs RE (V)"); unused for a current
 * @param timeWord        the time axis's word before its unit: "t" for session time, "t in step" for step time
 * @param traces          the traces, drawn in order
 * @param areaCm2         the electrode area, empty when unknown (then only I can be shown)
 * @param spanSeconds     how long the trace is planned or known to be; picks the default time unit
 * @param overloaded      exact count of overloaded samples (the points given may be an envelope of them)
 * @param underloaded     exact count of underloaded samples
 * @param rangesAmperes   the current ranges (full scale, A) in force, smallest first; empty when unknown
 * @param marks           moments to mark with a labelled vertical line (e.g. where each step began)
 */
record TimeTraces(Quantity quantity, String potentialAxis, String timeWord, List<Trace> traces, OptionalDouble areaCm2,
                  double spanSeconds, long overloaded, long underloaded, List<Double> rangesAmperes,
                  List<Mark> marks) {

    enum Quantity { CURRENT, POTENTIAL }

    /**
     * One trace: x in seconds, y in A (or V), and per point its {@link SampleFlag} bits. A point flagged
     * {@link SampleFlag#OVERLOAD} is drawn apart from the curve (its value is the range's full scale, not a reading).
     */
    record Trace(String key, double[] seconds, double[] values, int[] flags, Color colour) {
        Trace {
            if (seconds.length != values.length || values.length != flags.length) {
                throw new IllegalArgumentException("trace " + key + ": " + seconds.length + " times, " + values.length
                        + " values and " + flags.length + " flags");
            }
        }

        /**
         * One trace of several parts, each a sorted (x, y) series whose points all carry that part's flags: a curve
         * and the envelopes of its flagged samples, merged in time order.
         */
        static Trace merged(String key, Color colour, List<double[][]> parts, int[] partFlags) {
            int n = parts.stream().mapToInt(p -> p[0].length).sum();
            double[] xs = new double[n];
            double[] ys = new double[n];
            int[] flags = new int[n];
            Integer[] order = new Integer[n];
            int k = 0;
            for (int p = 0; p < parts.size(); p++) {
                for (int i = 0; i < parts.get(p)[0].length; i++, k++) {
                    xs[k] = parts.get(p)[0][i];
                    ys[k] = parts.get(p)[1][i];
                    flags[k] = partFlags[p];
                    order[k] = k;
                }
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> xs[i]));   // stable: a part keeps its own order
            double[] sortedX = new double[n];
            double[] sortedY = new double[n];
            int[] sortedFlags = new int[n];
            for (int i = 0; i < n; i++) {
                sortedX[i] = xs[order[i]];
                sortedY[i] = ys[order[i]];
                sortedFlags[i] = flags[order[i]];
            }
            return new Trace(key, sortedX, sortedY, sortedFlags, colour);
        }

        /** A trace of unflagged points. */
        static Trace plain(String key, double[] seconds, double[] values, Color colour) {
            return new Trace(key, seconds, values, new int[seconds.length], colour);
        }
    }

    /** A labelled moment, in the traces' seconds. */
    record Mark(double seconds, String label) {
    }

    TimeTraces {
        traces = List.copyOf(traces);
        rangesAmperes = List.copyOf(rangesAmperes);
        marks = List.copyOf(marks);
    }

    static final TimeTraces EMPTY = new TimeTraces(Quantity.CURRENT, "", "t", List.of(), OptionalDouble.empty(), 0, 0, 0,
            List.of(), List.of());
}
