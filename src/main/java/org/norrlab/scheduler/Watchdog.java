package org.norrlab.scheduler;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Event;
import org.norrlab.core.Sample;
import org.norrlab.driver.SampleSink;
import org.norrlab.driver.Speed;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Watches one step's samples on their way from the driver: notices an instrument that has gone quiet,
 * and counts what the step delivered, so that what the scheduler stores and says about the step comes
 * from its own count rather than from the driver's word.
 *
 * <p>A step is silent too long after {@code max(watchdog, 3 × its interval)} of instrument time without
 * a sample: a step that samples every 40 s is not stalled after 30 s. Instrument time runs at the run's
 * speed, so at 100x the limit passes a hundred times sooner on the wall clock, but never sooner than
 * {@link #SHORTEST_WALL} (a pause of this machine is not a stall of the instrument). At {@code --speed max}
 * a simulated instrument has no clock of its own, and the wall clock counts. Time spent waiting for
 * the acquisition queue (the store catching up) is not silence.
 */
final class Watchdog implements SampleSink {
    static final int INTERVALS = 3;
    /**
     * A simulated or replayed instrument has no cell to protect, and its pace is this machine's: a busy
     * machine or a collection pause must not fail its run, so its watchdog never fires sooner than this.
     */
    static final Duration SHORTEST_WALL = Duration.ofSeconds(5);

    private final SampleSink next;
    private final Optional<Duration> limit;
    private final long wallLimitNanos;
    private volatile long lastSignNanos = System.nanoTime();
    private volatile boolean passingOn;
    private volatile long samples;
    private volatile long impedancePoints;
    private volatile double lastSampleSeconds;

    /** What the step waits for, as the watchdog's reason names it: a sample, or an impedance point. */
    private final String awaited;

    /** @param configured the site's or protocol's watchdog; empty: no watchdog, only the counting */
    Watchdog(SampleSink next, Optional<Duration> configured, Duration interval, Speed speed) {
        this(next, configured, interval, speed, "sample");
    }

    /**
     * @param interval the step's sample interval; an impedance spectrum's is its slowest point (0.1 Hz: 30.5 s), so
     *                 that a low-frequency point that takes tens of seconds is not taken for a stalled instrument
     * @param awaited  what the step delivers, for the reason: "sample" or "impedance point"
     */
    Watchdog(SampleSink next, Optional<Duration> configured, Duration interval, Speed speed, String awaited) {
        this.awaited = awaited;
        this.next = next;
        this.limit = configured.map(w -> limitFor(w, interval));
        this.wallLimitNanos = limit.map(l -> wallNanos(l, speed)).orElse(Long.MAX_VALUE);
    }

    /** The step's limit in instrument time: the configured watchdog, or three sample intervals if longer. */
    static Duration limitFor(Duration configured, Duration interval) {
        Duration intervals = interval.multipliedBy(INTERVALS);
        return intervals.compareTo(configured) > 0 ? intervals : configured;
    }

    private static long wallNanos(Duration instrumentTime, Speed speed) {
        if (speed.isMax()) {
            return instrumentTime.toNanos();
        }
        long scaled = (long) (instrumentTime.toNanos() / speed.factor());
        return speed.factor() <= 1 ? scaled : Math.max(scaled, Math.min(instrumentTime.toNanos(), SHORTEST_WALL.toNanos()));
    }

    /** Counts silence from now (a measurement starts, or continues after a reconnect). */
    void restart() {
        lastSignNanos = System.nanoTime();
    }

    /** True when the instrument has sent nothing for longer than the step's limit. */
    boolean expired() {
        return !passingOn && System.nanoTime() - lastSignNanos > wallLimitNanos;
    }

    /** What the operator reads when it fires. */
    String reason(int stepIndex) {
        return "watchdog: no " + awaited + " for " + seconds(limit.orElseThrow()) + " during step " + stepIndex
                + "; the cell was switched off";
    }

    /** Samples of the step accepted by the acquisition. */
    long samples() {
        return samples;
    }

    /** Step time of the last sample accepted (0 when none). */
    double lastSampleSeconds() {
        return lastSampleSeconds;
    }

    @Override
    public void sample(Sample sample) throws InterruptedException {
        lastSignNanos = System.nanoTime();
        passingOn = true;
        try {
            next.sample(sample);
            samples++;   // one driver thread per step writes this
            lastSampleSeconds = sample.timeSeconds();
        } finally {
            passingOn = false;
            lastSignNanos = System.nanoTime();
        }
    }

    /** An impedance point is a sign of life like a sample; the step counts them apart. */
    @Override
    public void impedance(ImpedancePoint point) throws InterruptedException {
        lastSignNanos = System.nanoTime();
        passingOn = true;
        try {
            next.impedance(point);
            impedancePoints++;   // one driver thread per step writes this
            lastSampleSeconds = point.timeSeconds();
        } finally {
            passingOn = false;
            lastSignNanos = System.nanoTime();
        }
    }

    /** Impedance points of the step accepted by the acquisition. */
    long impedancePoints() {
        return impedancePoints;
    }

    @Override
    public void event(Event event) throws InterruptedException {
        next.event(event);
    }

    private static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return s == Math.rint(s) ? (long) s + " s" : String.format(Locale.ROOT, "%.3g s", s);
    }
}
