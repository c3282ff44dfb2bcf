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

    @Test
    void aShorterMessageAfterAHoldOverwritesTheHoldsNoteWithSpaces() {
        String hold = "step 3/9 HOLD waiting for operator" + ProgressDisplay.stateNote(RunState.WAITING_FOR_OPERATOR);
        String ca = "step 4/9 CA -0.50 V vs RHE  I = -14.39 mA";
        // the bar redraws after a carriage return without erasing: the CA line must be as long as the hold's (68 chars)
        assertThat(hold).hasSize(68);
        assertThat(ProgressDisplay.padded(ca, hold.length())).hasSize(68).startsWith(ca).endsWith(" ".repeat(68 - ca.length()));
        assertThat(ProgressDisplay.padded(hold, ca.length())).isEqualTo(hold);
    }
}
