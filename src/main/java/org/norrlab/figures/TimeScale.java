package org.norrlab.figures;

/**
 * The unit a time axis is drawn in, chosen from how long the trace lasts, so that the run view, the Sessions view and
 * the report label the same session the same way: a one-minute step in s, a two-hour run in min, a day in h.
 */
public enum TimeScale {
    SECONDS("s", 1),
    MINUTES("min", 60),
    HOURS("h", 3600);

    /** Up to this many seconds a trace is drawn in s (10 min = 600 s: ticks up to "600"). */
    public static final double SECONDS_UP_TO = 600;
    /** Up to this many seconds a trace is drawn in min (5 h = 300 min); longer in h. */
    public static final double MINUTES_UP_TO = 5 * 3600;

    private final String unit;
    private final double seconds;

    TimeScale(String unit, double seconds) {
        this.unit = unit;
        this.seconds = seconds;
    }

    /** The unit for a trace of this span (seconds from its start, or the planned length of the step or run). */
    public static TimeScale forSpan(double spanSeconds) {
        if (!(spanSeconds > SECONDS_UP_TO)) {
            return SECONDS;
        }
        return spanSeconds <= MINUTES_UP_TO ? MINUTES : HOURS;
    }

    /** The unit as an axis label writes it: "s", "min", "h". */
    public String unit() {
        return unit;
    }

    /** A time in seconds in this unit. */
    public double fromSeconds(double value) {
        return value / seconds;
    }

    /** A time in this unit in seconds. */
    public double toSeconds(double value) {
        return value * seconds;
    }
}
