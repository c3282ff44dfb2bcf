package org.norrlab.importer;

import org.norrlab.core.Sample;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Checks an imported step against rows read from its file by hand (first and last row as the file writes them, the
 * file time the step counts from): the vendor-file tests type those readings in, so a value the importer gets wrong
 * cannot agree with them by construction.
 */
final class StepSpots {
    private StepSpots() {
    }

    /**
     * @param from       the file time the step's time counts from (its first row's, or the step start the file states)
     * @param firstTime  the first row's time as the file writes it; likewise the potential (V) and current (A, NaN for none)
     */
    static void check(ImportedSession.Step step, int rows, double from, double firstTime, double firstVolts,
                      double firstAmperes, double lastTime, double lastVolts, double lastAmperes) {
        List<Sample> samples = step.samples();
        assertThat(samples).as(step.label()).hasSize(rows);
        same(samples.get(0), firstTime - from, firstVolts, firstAmperes, step.label() + " first row");
        same(samples.get(rows - 1), lastTime - from, lastVolts, lastAmperes, step.label() + " last row");
        for (int i = 1; i < rows; i++) {
            assertThat(samples.get(i).timeSeconds()).as(step.label() + " row " + i)
                    .isGreaterThanOrEqualTo(samples.get(i - 1).timeSeconds());
        }
    }

    private static void same(Sample sample, double seconds, double volts, double amperes, String what) {
        assertThat(sample.timeSeconds()).as(what + " time").isCloseTo(seconds, within(1e-9 * Math.max(1, Math.abs(seconds))));
        assertThat(sample.potentialVolts()).as(what + " potential").isCloseTo(volts, within(Math.abs(volts) * 1e-12 + 1e-15));
        if (Double.isNaN(amperes)) {
            assertThat(sample.hasCurrent()).as(what + " has no current").isFalse();
        } else {
            assertThat(sample.currentAmperes()).as(what + " current").isCloseTo(amperes,
                    within(Math.abs(amperes) * 1e-12 + 1e-18));
        }
    }
}
