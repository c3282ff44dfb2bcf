package org.norrlab.driver.recorded;

import org.norrlab.core.Sample;
import org.norrlab.driver.DriverException;

import java.util.List;

/**
 * Where one recorded step's samples come from, read while they are played: a list held in memory (tests, short
 * recordings) or the store, a page at a time ({@code store.StoredSampleReader}), so that replaying a day of samples
 * does not first load them all.
 */
@FunctionalInterface
public interface RecordedSamples {
    /** Receives the samples in order; returns false to stop (the replay was aborted). */
    @FunctionalInterface
    interface Player {
        boolean play(Sample sample) throws InterruptedException;
    }

    /**
     * Hands every sample, in order, to {@code player} until it returns false. Each call starts again at the first
     * sample. A sample that cannot be read ends it with the reason.
     */
    void play(Player player) throws DriverException, InterruptedException;

    /** Samples held in memory. */
    static RecordedSamples of(List<Sample> samples) {
        List<Sample> held = List.copyOf(samples);
        return player -> {
            for (Sample sample : held) {
                if (!player.play(sample)) {
                    return;
                }
            }
        };
    }
}
