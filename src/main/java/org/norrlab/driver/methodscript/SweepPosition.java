package org.norrlab.driver.methodscript;

/**
 * Places the set potentials a MethodSCRIPT sweep reports in their cycle and segment. The device says neither: it
 * brackets each scan of a loop run with {@code nscans(n > 1)} by {@code Cxxxx} … {@code -} and sends nothing else.
 * <p>
 * Cycle: the number of {@code Cxxxx} lines seen in the loop so far (1 when there are none, as for an LSV or a CV of
 * one cycle). Segment: each segment has the direction it runs in (an LSV: begin → end; a CV: 1 begin → vertex 1,
 * 2 vertex 1 → vertex 2, 3 vertex 2 → begin). A scan starts in its first segment that moves at all (a CV that begins
 * at vertex 1 starts in segment 2); when the set potential moves against the current segment's direction by more
 * than a quarter step, the sweep has turned at a vertex and the point belongs to the next segment that runs that
 * way. So a vertex point ends the segment that reached it, a repeated or unmoved potential stays where it is, and
 * the device's rounding of the steps (a 10 mV step is sent as 10.2 mV on the Pico, §1.6) does not matter. For a
 * device that would repeat scans without markers, a CV point past begin in the last segment (or a turn after it)
 * begins the next cycle.
 */
final class SweepPosition {
    private final int[] directions;
    /** Where a CV's scans begin and end (NaN for an LSV). */
    private final double beginVolts;
    private final double tolerance;
    private int scans;
    private int cycle = 1;
    private int segment;
    private double previous = Double.NaN;

    private SweepPosition(int[] directions, double beginVolts, double stepVolts) {
        this.directions = directions;
        this.beginVolts = beginVolts;
        this.tolerance = stepVolts / 4;
        this.segment = first();
    }

    static SweepPosition linear(double beginVolts, double endVolts, double stepVolts) {
        return new SweepPosition(new int[] {direction(beginVolts, endVolts, stepVolts)}, Double.NaN, stepVolts);
    }

    static SweepPosition cyclic(double beginVolts, double vertex1Volts, double vertex2Volts, double stepVolts) {
        return new SweepPosition(new int[] {direction(beginVolts, vertex1Volts, stepVolts),
                direction(vertex1Volts, vertex2Volts, stepVolts), direction(vertex2Volts, beginVolts, stepVolts)}, beginVolts,
                stepVolts);
    }

    private static int direction(double from, double to, double stepVolts) {
        return Math.abs(to - from) < stepVolts / 4 ? 0 : (int) Math.signum(to - from);
    }

    private int first() {
        for (int s = 0; s < directions.length; s++) {
            if (directions[s] != 0) {
                return s + 1;
            }
        }
        return 1;
    }

    /** A {@code Cxxxx} line: the next scan (cycle) starts in its first segment. */
    void scanStarted() {
        scans++;
        cycle = scans;
        segment = first();
        previous = Double.NaN;
    }

    /** The cycle of the point at {@code volts}, after {@link #place} was called for it. */
    int cycle() {
        return cycle;
    }

    /** The segment of the point at {@code volts}, after {@link #place} was called for it. */
    int segment() {
        return segment;
    }

    /** Takes the next set potential of the loop, in the order the device sent them. */
    void place(double volts) {
        if (!Double.isNaN(previous) && Math.abs(volts - previous) > tolerance) {
            int moving = (int) Math.signum(volts - previous);
            if (moving != directions[segment - 1]) {
                segment = nextRunning(moving);
            } else if (segment == directions.length && !Double.isNaN(beginVolts) && (volts - beginVolts) * moving > tolerance) {
                // past begin in a CV's last segment, still moving the same way: the next scan, without a marker
                cycle++;
                segment = first();
            }
        }
        previous = volts;
    }

    private int nextRunning(int moving) {
        for (int s = segment + 1; s <= directions.length; s++) {
            if (directions[s - 1] == moving) {
                return s;
            }
        }
        // past the last segment: the sweep has started a new scan without a marker
        for (int s = 1; s <= directions.length; s++) {
            if (directions[s - 1] == moving) {
                cycle++;
                return s;
            }
        }
        return segment;   // a step back in an LSV: no segment runs that way, so the point stays where it was
    }
}
