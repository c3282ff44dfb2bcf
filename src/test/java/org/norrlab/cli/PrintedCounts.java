package org.norrlab.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample counts a run's summary prints: what the instrument delivered and what the store confirmed. */
record PrintedCounts(long acquired, long committed, long inDoubt) {
    private static final Pattern LINE = Pattern.compile("(\\d+) samples acquired, (\\d+) committed to the store");
    private static final Pattern IN_DOUBT = Pattern.compile("the last (\\d+) were being committed when the store stopped answering");

    static PrintedCounts in(String summary) {
        Matcher m = LINE.matcher(summary);
        assertThat(m.find()).as("a line '<n> samples acquired, <m> committed to the store' in:\n" + summary).isTrue();
        Matcher doubt = IN_DOUBT.matcher(summary);
        return new PrintedCounts(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                doubt.find() ? Long.parseLong(doubt.group(1)) : 0);
    }

    /** The summary says how many samples are not stored, or, when none are missing, claims no loss. */
    void assertLossToldIn(String summary) {
        if (acquired > committed && inDoubt > 0) {
            assertThat(summary).contains("NOT CONFIRMED: " + (acquired - committed) + " of the " + acquired
                    + " samples acquired").contains("the " + committed + " it confirmed are kept")
                    .doesNotContain("Every sample acquired before the stop is stored");
        } else if (acquired > committed) {
            assertThat(summary).contains("NOT STORED: " + (acquired - committed) + " of the " + acquired
                    + " samples acquired").contains("the " + committed + " it confirmed are kept")
                    .doesNotContain("Every sample acquired before the stop is stored");
        } else {
            assertThat(summary).doesNotContain("NOT STORED");
        }
    }
}
