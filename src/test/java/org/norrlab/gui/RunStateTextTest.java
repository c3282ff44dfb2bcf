package org.norrlab.gui;

import org.junit.jupiter.api.Test;
import org.norrlab.scheduler.RunState;

import static org.assertj.core.api.Assertions.assertThat;

/** The run view's state line comes from the scheduler's state, not from separate flags. */
class RunStateTextTest {
    @Test
    void eachStateOfARunInProgressHasItsLine() {
        assertThat(RunPanel.stateText(RunState.RUNNING, false, "step 2 of 5")).isEqualTo("Running, step 2 of 5");
        assertThat(RunPanel.stateText(RunState.RUNNING, true, "step 2 of 5"))
                .isEqualTo("Running (pause after this step), step 2 of 5");
        assertThat(RunPanel.stateText(RunState.PAUSED, true, "step 2 of 5")).isEqualTo("Paused after step 2 of 5");
        assertThat(RunPanel.stateText(RunState.RECONNECTING, false, "step 2 of 5"))
                .isEqualTo("Link lost, reconnecting: step 2 of 5");
        assertThat(RunPanel.stateText(RunState.ABORTING, true, "step 2 of 5"))
                .isEqualTo("Aborting: stopping the step and switching the cell off …");
    }
}
