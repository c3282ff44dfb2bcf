package org.norrlab.analysis;

import org.norrlab.core.Sample;

import java.util.Optional;

/**
 * Everything the analysis and the step table need from a step's samples, gathered in one pass:
 * the charge (by {@link ChargeAccumulator}'s rule), counts, sums and the longest interval without a
 * sample. The store writer keeps one per step as samples arrive and stores its state when the step
 * ends, so that analysing a 24 h step does not mean reading 8.6 million rows again; a step without
 * a stored tally (imported, cut off by a crash) is tallied from its samples, with the same code.
 */
public final class StepTally {
    private final ChargeAccumulator charge;
    private long samples;
    private double sumVolts;
    /** Samples with a measured potential: an imported file's sample may lack one, and is then not in the mean. */
    private long voltSamples;
    private double lastTime = -1;
    private double maxInterval;
    private boolean monotonic = true;
    private boolean usableKnown = true;
    private long usableSamples;
    private double usableSumVolts;
    private double usableSumAmperes;

    public StepTally() {
        this.charge = new ChargeAccumulator();
    }

    /** A tally as stored; see {@link #state()}. */
    public StepTally(State state) {
        this.charge = ChargeAccumulator.restore(state.coulombs(), state.sumAmperes(), state.currentSamples(),
                state.lastCurrentTime(), state.lastCurrent());
        this.samples = state.samples();
        this.sumVolts = state.sumVolts();
        // only a complete tally has a state (see state()): every sample it counted had a potential
        this.voltSamples = state.samples();
        this.lastTime = state.lastTime();
        this.maxInterval = state.maxInterval();
        this.monotonic = state.monotonic();
        this.usableKnown = state.usable().isPresent();
        state.usable().ifPresent(u -> {
            usableSamples = u.samples();
            usableSumVolts = u.sumVolts();
            usableSumAmperes = u.sumAmperes();
        });
    }

    public void add(Sample sample) {
        charge.add(sample.timeSeconds(), sample.currentAmperes());
        double previous = lastTime < 0 ? 0 : lastTime;
        maxInterval = Math.max(maxInterval, sample.timeSeconds() - previous);
        monotonic &= sample.timeSeconds() > lastTime;
        lastTime = sample.timeSeconds();
        if (!Double.isNaN(sample.potentialVolts())) {
            sumVolts += sample.potentialVolts();
            voltSamples++;
        }
        samples++;
        // in the order and arithmetic of IrCorrection.step, so that a correction from these sums is the same bits
        if (IrCorrection.usable(sample)) {
            usableSamples++;
            usableSumVolts += sample.potentialVolts();
            usableSumAmperes += sample.currentAmperes();
        }
    }

    /** The sums of the samples an iR correction uses; empty for a tally stored before schema 16. */
    public Optional<IrCorrection.UsableSums> usable() {
        return usableKnown ? Optional.of(new IrCorrection.UsableSums(usableSamples, usableSumVolts, usableSumAmperes))
                : Optional.empty();
    }

    /** The signed charge with a constant background current taken off every sample first: Q − I_b·t_last. */
    public double coulombs(double blankAmperes) {
        return charge.currentSamples() == 0 ? 0 : charge.coulombs() - blankAmperes * charge.lastTime();
    }

    public long samples() {
        return samples;
    }

    public long currentSamples() {
        return charge.currentSamples();
    }

    public double meanAmperes() {
        return charge.meanAmperes();
    }

    /** Mean of the measured potentials (NaN when no sample has one). */
    public double meanVolts() {
        return voltSamples == 0 ? Double.NaN : sumVolts / voltSamples;
    }

    /**
     * Whether every sample had a measured potential. Only such a tally can be stored: the stored row has no count of
     * its own for the potentials, so a step with a sample that lacks one is tallied again from its samples when read.
     */
    public boolean storable() {
        return voltSamples == samples;
    }

    /** Time of the last sample (0 when there is none). */
    public double lastTime() {
        return Math.max(lastTime, 0);
    }

    /** The longest time between two samples, the step's start counting as the first. */
    public double maxInterval() {
        return maxInterval;
    }

    public boolean monotonic() {
        return monotonic;
    }

    /** The state of a {@link #storable()} tally; refuses one whose potential mean would be restored wrongly. */
    public State state() {
        if (!storable()) {
            throw new IllegalStateException("the tally of " + samples + " samples, " + voltSamples + " of them with a"
                    + " potential, has no stored form: tally its samples instead");
        }
        return new State(samples, charge.currentSamples(), charge.coulombs(), charge.sumAmperes(), charge.lastTime(),
                charge.lastAmperes(), sumVolts, lastTime, maxInterval, monotonic, usable());
    }

    /**
     * What is stored: enough to go on adding samples as if the tally had never been written. {@code usable} is empty
     * for a tally stored before schema 16; adding samples to it then leaves it empty.
     */
    public record State(long samples, long currentSamples, double coulombs, double sumAmperes, double lastCurrentTime,
                        double lastCurrent, double sumVolts, double lastTime, double maxInterval, boolean monotonic,
                        Optional<IrCorrection.UsableSums> usable) {
    }
}
