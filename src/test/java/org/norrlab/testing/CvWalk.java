package org.norrlab.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The points of a hand-made CV in whole millivolts: begin → vertex 1 → vertex 2 → begin, {@code cycles} times, one
 * point per step, each at the time the scan rate takes to reach it. The tests put their own current on each point.
 */
public final class CvWalk {
    /**
     * One point of the walk.
     *
     * @param timeSeconds since the begin point (at 0)
     * @param millivolts  the potential, on the scale the caller wrote begin and vertices in
     * @param direction   +1 on an anodic segment, -1 on a cathodic one
     * @param cycle       from 1
     * @param segment     1 begin→vertex 1, 2 vertex 1→vertex 2, 3 vertex 2→begin
     */
    public record Point(double timeSeconds, int millivolts, int direction, int cycle, int segment) {
        public double volts() {
            return millivolts * 1e-3;
        }
    }

    private CvWalk() {
    }

    public static List<Point> points(int begin, int vertex1, int vertex2, int cycles, int stepMillivolts,
                                     double scanRateVoltsPerSecond) {
        List<Point> points = new ArrayList<>();
        int[][] segments = {{begin, vertex1}, {vertex1, vertex2}, {vertex2, begin}};
        double t = 0;
        int previous = begin;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            for (int s = 0; s < 3; s++) {
                int from = segments[s][0];
                int to = segments[s][1];
                int dir = Integer.signum(to - from);
                // the first point of the whole CV is the begin potential; every other segment starts one step on
                for (int mv = (cycle == 1 && s == 0) ? from : from + stepMillivolts * dir; dir * (to - mv) >= 0;
                     mv += stepMillivolts * dir) {
                    t += Math.abs(mv - previous) * 1e-3 / scanRateVoltsPerSecond;
                    previous = mv;
                    points.add(new Point(t, mv, dir, cycle, s + 1));
                }
            }
        }
        return points;
    }
}
