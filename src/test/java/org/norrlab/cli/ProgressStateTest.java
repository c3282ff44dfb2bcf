package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.norrlab.scheduler.RunState;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress bar says so when the run is not simply measuring, from the scheduler's state. */
class ProgressStateTest {
    @Test
    void theBarNamesAPauseAReconnectAndAnAbort() {
        assertThat(ProgressDisplay.stateNote(RunState.RUNNING)).isEmpty();
        assertThat(ProgressDisplay.stateNote(RunState.PAUSED)).isEqualTo("  (paused, cell off)");
        assertThat(ProgressDisplay.stateNote(RunState.RECONNECTING)).isEqualTo("  (link lost, reconnecting)");
        assertThat(ProgressDisplay.stateNote(RunState.ABORTING)).isEqualTo("  (aborting, cell off …)");
    }
}
