package org.norrlab.analysis;

/**
 * Integrates I(t) over a step window that starts at t = 0: the trapezoidal rule between samples,
 * and the first sample's current held over [0, t₁] (an instrument reports the first sample one
 * interval after the step starts, and that current stands for the interval). Samples without a
 * current are skipped. The result is signed (cathodic negative); reports show |Q|.
 */
public final class ChargeAccumulator {
    private double coulombs;
    private double sumAmperes;
    private long count;
    private double lastTime;
    private double lastCurrent = Double.NaN;

    /** An accumulator that goes on from a stored state (see {@link StepTally.State}). */
    static ChargeAccumulator restore(double coulombs, double sumAmperes, long count, double lastTime, double lastCurrent) {
        ChargeAccumulator a = new ChargeAccumulator();
        a.coulombs = coulombs;
        a.sumAmperes = sumAmperes;
        a.count = count;
        a.lastTime = lastTime;
        a.lastCurrent = lastCurrent;
        return a;
    }

    public void add(double timeSeconds, double amperes) {
        if (Double.isNaN(amperes)) {
            return;
        }
        if (Double.isInfinite(amperes) || !Double.isFinite(timeSeconds)) {
            throw new IllegalArgumentException("cannot integrate " + amperes + " A at " + timeSeconds
                    + " s: a charge from a value that is not finite would be meaningless");
        }
        if (Double.isNaN(lastCurrent)) {
            coulombs += amperes * timeSeconds;
        } else {
            coulombs += 0.5 * (amperes + lastCurrent) * (timeSeconds - lastTime);
        }
        lastTime = timeSeconds;
        lastCurrent = amperes;
        sumAmperes += amperes;
        count++;
    }

    public double coulombs() {
        return coulombs;
    }

    /** Mean of the currents (NaN when none were added). */
    public double meanAmperes() {
        return count == 0 ? Double.NaN : sumAmperes / count;
    }

    public long currentSamples() {
        return count;
    }

    double sumAmperes() {
        return sumAmperes;
    }

    /** Time of the last sample with a current (0 before the first). */
    public double lastTime() {
        return lastTime;
    }

    public double lastAmperes() {
        return lastCurrent;
    }
}
