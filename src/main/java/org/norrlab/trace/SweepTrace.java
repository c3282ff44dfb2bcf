package org.norrlab.trace;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * The current against the potential of a sweep (LSV, CV) in progress, one curve per cycle, for the live I–E chart.
 * Memory is bounded whatever the sweep: a curve keeps at most {@link #POINTS_PER_CYCLE} points (when full it keeps
 * every other point and from then on every other sample, so the whole cycle stays drawn at half the density), and the
 * trace keeps the last {@link #CYCLES} cycles, saying how many earlier ones it let go. A sweep's sample count is
 * small next to a CA's (step / scan rate apart), so a usual LSV or CV is kept whole.
 */
public final class SweepTrace {
    public static final int POINTS_PER_CYCLE = 4096;
    public static final int CYCLES = 50;

    /** One cycle's curve: its potentials and currents in sample order (the curve turns at the vertices). */
    public record Curve(int cycle, double[] volts, double[] amperes) {
        public int points() {
            return volts.length;
        }
    }

    private static final class Growing {
        final int cycle;
        final double[] volts = new double[POINTS_PER_CYCLE];
        final double[] amperes = new double[POINTS_PER_CYCLE];
        int size;
        /** Keep one sample in {@code stride}; doubles each time the curve fills. */
        long stride = 1;
        long seen;

        Growing(int cycle) {
            this.cycle = cycle;
        }

        void add(double v, double a) {
            if (seen++ % stride != 0) {
                return;
            }
            if (size == POINTS_PER_CYCLE) {
                for (int i = 0; i < size / 2; i++) {
                    volts[i] = volts[2 * i];
                    amperes[i] = amperes[2 * i];
                }
                size /= 2;
                stride *= 2;
                if ((seen - 1) % stride != 0) {
                    return;
                }
            }
            volts[size] = v;
            amperes[size] = a;
            size++;
        }

        Curve copy() {
            return new Curve(cycle, Arrays.copyOf(volts, size), Arrays.copyOf(amperes, size));
        }
    }

    private final ArrayDeque<Growing> cycles = new ArrayDeque<>();
    private int dropped;

    /** Adds a sample of cycle {@code cycle} (from 1); a sample of a cycle before the last one started is ignored. */
    public void add(int cycle, double volts, double amperes) {
        Growing last = cycles.peekLast();
        if (last == null || cycle > last.cycle) {
            if (cycles.size() == CYCLES) {
                cycles.removeFirst();
                dropped++;
            }
            last = new Growing(cycle);
            cycles.addLast(last);
        } else if (cycle < last.cycle) {
            return;
        }
        last.add(volts, amperes);
    }

    /** The curves kept, oldest cycle first (copies). */
    public List<Curve> curves() {
        return cycles.stream().map(Growing::copy).toList();
    }

    /** How many early cycles were let go to keep the last {@link #CYCLES}. */
    public int droppedCycles() {
        return dropped;
    }

    public void clear() {
        cycles.clear();
        dropped = 0;
    }
}
