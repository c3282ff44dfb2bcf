package org.norrlab.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where an imported sweep's potential turns, which cycle and segment each sample belongs to, and how fast the potential
 * moved (the scan rate as |dE/dt|): a pure function of the samples' times, potentials and the cycles the file states.
 *
 * <p>The rules (docs/import.md, "Sweeps"):
 * <ul>
 *   <li>A <b>turn</b> is where the potential, having moved one way, comes back from its extreme by more than
 *       {@value #TURN_FRACTION} of the sweep's span (max − min of the whole step): noise and the staircase of a measured
 *       potential stay far below that, a vertex does not. The sample after the extreme begins the next segment.</li>
 *   <li>The <b>segment</b> of a sample is 1 + the turns since its cycle began. An LSV has one segment.</li>
 *   <li>The <b>cycle</b> is the file's (a cycle column, a CURVEn table, a scan) where it states one; turns are then
 *       looked for within each cycle on its own. Where the file states none, a cycle ends where the potential, after
 *       two turns, comes back to the step's first potential moving the way it first moved (begin → vertex 1 →
 *       vertex 2 → begin); a sweep that begins at its second vertex (within the turn threshold) has two segments per
 *       cycle and each second turn begins a new cycle.</li>
 *   <li>The <b>scan rate</b> of each run of one cycle and segment with at least {@value #FIT_POINTS} samples is the
 *       least-squares slope of E against t; the step's is their median, and the runs <b>agree</b> when every one is
 *       within {@value #AGREE} (relative) of it.</li>
 * </ul>
 */
final class SweepShape {
    static final double TURN_FRACTION = 0.05;
    static final int FIT_POINTS = 5;
    static final double AGREE = 0.05;

    /**
     * @param cycles        each sample's cycle, from 1
     * @param segments      each sample's segment, from 1
     * @param runRates      |dE/dt| of each run of one cycle and segment long enough to fit, in V/s, in order
     * @param measuredRate  their median; NaN when no run is long enough or the time does not move
     * @param vertices      the potentials at the turns of the first cycle, in order
     */
    record Result(int[] cycles, int[] segments, double[] runRates, double measuredRate, double[] vertices) {
        int cycleCount() {
            return cycles.length == 0 ? 0 : cycles[cycles.length - 1];
        }

        /** Whether every run's rate is within {@link #AGREE} of the median. */
        boolean runsAgree() {
            return Arrays.stream(runRates).allMatch(r -> Math.abs(r - measuredRate) <= AGREE * measuredRate);
        }
    }

    private SweepShape() {
    }

    /**
     * @param time       seconds since the step began (NaN-free)
     * @param potential  volts vs the reference (NaN-free)
     * @param fileCycles the cycle the file states for each sample, from 1; null or all 0 where it states none
     * @param cyclic     a CV (false: an LSV, one segment)
     */
    static Result of(double[] time, double[] potential, int[] fileCycles, boolean cyclic) {
        int n = potential.length;
        int[] cycles = new int[n];
        int[] segments = new int[n];
        boolean stated = fileCycles != null && n > 0 && fileCycles[0] > 0;
        List<Double> vertices = new ArrayList<>();
        if (!cyclic) {
            for (int i = 0; i < n; i++) {
                cycles[i] = stated ? fileCycles[i] : 1;
                segments[i] = 1;
            }
        } else if (stated) {
            int from = 0;
            while (from < n) {
                int to = from;
                while (to < n && fileCycles[to] == fileCycles[from]) {
                    to++;
                }
                List<Double> turnsAt = new ArrayList<>();
                boolean[] turn = turns(potential, from, to, threshold(potential), turnsAt);
                if (from == 0) {
                    vertices.addAll(turnsAt);
                }
                int segment = 1;
                for (int i = from; i < to; i++) {
                    segment += turn[i - from] ? 1 : 0;
                    cycles[i] = fileCycles[i];
                    segments[i] = segment;
                }
                from = to;
            }
        } else {
            boolean[] turn = turns(potential, 0, n, threshold(potential), vertices);
            derivedCycles(potential, turn, vertices, threshold(potential), cycles, segments);
            // the vertices of the first cycle only
            int turnsInFirst = 0;
            for (int i = 0; i < n && cycles[i] == 1; i++) {
                turnsInFirst += turn[i] ? 1 : 0;
            }
            vertices = new ArrayList<>(vertices.subList(0, Math.min(turnsInFirst, vertices.size())));
        }
        double[] rates = runRates(time, potential, cycles, segments);
        return new Result(cycles, segments, rates, median(rates),
                vertices.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double threshold(double[] potential) {
        double min = Arrays.stream(potential).min().orElse(0);
        double max = Arrays.stream(potential).max().orElse(0);
        return TURN_FRACTION * (max - min);
    }

    /**
     * Marks the samples in [from, to) that begin a new segment (the one after each extreme the potential turns at),
     * relative to {@code from}, and adds the extremes' potentials to {@code vertices}.
     */
    private static boolean[] turns(double[] e, int from, int to, double threshold, List<Double> vertices) {
        boolean[] turn = new boolean[to - from];
        if (!(threshold > 0)) {
            return turn;
        }
        int direction = 0;
        int extreme = from;
        for (int i = from + 1; i < to; i++) {
            if (direction == 0) {
                if (Math.abs(e[i] - e[from]) > threshold) {
                    direction = e[i] > e[from] ? 1 : -1;
                    extreme = i;
                }
            } else if (direction * (e[i] - e[extreme]) >= 0) {
                extreme = i;
            } else if (direction * (e[extreme] - e[i]) > threshold) {
                vertices.add(e[extreme]);
                turn[extreme + 1 - from] = true;
                direction = -direction;
                int next = extreme + 1;
                for (int j = extreme + 1; j <= i; j++) {
                    if (direction * (e[j] - e[next]) >= 0) {
                        next = j;
                    }
                }
                extreme = next;
            }
        }
        return turn;
    }

    /** Cycles of a file that states none: the rule of the class comment. */
    private static void derivedCycles(double[] e, boolean[] turn, List<Double> vertices, double threshold, int[] cycles,
                                      int[] segments) {
        int n = e.length;
        double begin = n == 0 ? 0 : e[0];
        boolean beginsAtSecondVertex = vertices.size() >= 2 && Math.abs(vertices.get(1) - begin) <= threshold;
        // the way the potential first moved: towards the first vertex
        int firstWay = vertices.isEmpty() ? 0 : vertices.get(0) > begin ? 1 : -1;
        int cycle = 1;
        int segment = 1;
        int turnsInCycle = 0;
        for (int i = 0; i < n; i++) {
            if (turn[i]) {
                turnsInCycle++;
                if (turnsInCycle == (beginsAtSecondVertex ? 2 : 3)) {
                    cycle++;
                    segment = 1;
                    turnsInCycle = 0;
                } else {
                    segment++;
                }
            } else if (!beginsAtSecondVertex && turnsInCycle == 2 && firstWay * (e[i] - begin) > 0) {
                cycle++;
                segment = 1;
                turnsInCycle = 0;
            }
            cycles[i] = cycle;
            segments[i] = segment;
        }
    }

    /** The least-squares |dE/dt| of each run of one cycle and segment with at least {@link #FIT_POINTS} samples. */
    private static double[] runRates(double[] t, double[] e, int[] cycles, int[] segments) {
        List<Double> rates = new ArrayList<>();
        int from = 0;
        while (from < e.length) {
            int to = from;
            while (to < e.length && cycles[to] == cycles[from] && segments[to] == segments[from]) {
                to++;
            }
            if (to - from >= FIT_POINTS) {
                double slope = slope(t, e, from, to);
                if (Double.isFinite(slope)) {
                    rates.add(Math.abs(slope));
                }
            }
            from = to;
        }
        return rates.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The least-squares slope of y against x over [from, to); NaN when x does not vary. */
    static double slope(double[] x, double[] y, int from, int to) {
        int count = to - from;
        double meanX = 0;
        double meanY = 0;
        for (int i = from; i < to; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= count;
        meanY /= count;
        double sxy = 0;
        double sxx = 0;
        for (int i = from; i < to; i++) {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
        }
        return sxx > 0 ? sxy / sxx : Double.NaN;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
