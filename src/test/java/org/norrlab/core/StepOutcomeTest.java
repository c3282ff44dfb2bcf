package org.norrlab.core;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Step outcomes are an enum in the code and the same words as before in the store's outcome column. */
class StepOutcomeTest {

    @Test
    void theStoredNamesAreTheOnesEarlierBuildsWrote() {
        assertThat(Arrays.stream(StepOutcome.values()).map(StepOutcome::dbName))
                .containsExactly("completed", "aborted", "failed", "link_lost", "ended_early");
        for (StepOutcome outcome : StepOutcome.values()) {
            assertThat(StepOutcome.fromDb(outcome.dbName())).isSameAs(outcome);
        }
        assertThat(StepOutcome.ENDED_EARLY.words()).isEqualTo("ended early");
    }

    @Test
    void anUnknownStoredNameIsNamedWithWhatIsAllowed() {
        assertThatThrownBy(() -> StepOutcome.fromDb("done"))
                .hasMessage("'done' is not a step outcome; known: completed, aborted, failed, link_lost, ended_early");
    }
}
