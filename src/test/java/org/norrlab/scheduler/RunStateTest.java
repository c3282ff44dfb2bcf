package org.norrlab.scheduler;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The run's states: a pause, a reconnect and an abort are states of their own, and the ends are final. */
class RunStateTest {
    @Test
    void pausesAndReconnectsGoBackToRunningAndEveryWayOnCanBeAborted() {
        for (RunState inProgress : EnumSet.of(RunState.RUNNING, RunState.PAUSED, RunState.RECONNECTING)) {
            assertThat(inProgress.canBecome(RunState.ABORTING)).as(inProgress.name()).isTrue();
            assertThat(inProgress.abortable()).as(inProgress.name()).isTrue();
            assertThat(inProgress.isFinal()).isFalse();
        }
        assertThat(RunState.RUNNING.canBecome(RunState.PAUSED)).isTrue();
        assertThat(RunState.PAUSED.canBecome(RunState.RUNNING)).isTrue();
        assertThat(RunState.RUNNING.canBecome(RunState.RECONNECTING)).isTrue();
        assertThat(RunState.RECONNECTING.canBecome(RunState.RUNNING)).isTrue();
        assertThat(RunState.RECONNECTING.canBecome(RunState.INTERRUPTED)).as("the link given up").isTrue();
    }

    @Test
    void anAbortIsNeverUndoneAndTheEndsAreFinal() {
        assertThat(RunState.ABORTING.abortable()).isFalse();
        for (RunState next : EnumSet.of(RunState.RUNNING, RunState.PAUSED, RunState.RECONNECTING, RunState.COMPLETED)) {
            assertThat(RunState.ABORTING.canBecome(next)).as("ABORTING -> " + next).isFalse();
        }
        assertThat(RunState.PAUSED.canBecome(RunState.RECONNECTING)).as("no link is used while paused").isFalse();
        for (RunState end : EnumSet.of(RunState.COMPLETED, RunState.ABORTED, RunState.FAILED, RunState.INTERRUPTED)) {
            assertThat(end.isFinal()).isTrue();
            assertThat(EnumSet.allOf(RunState.class)).noneMatch(end::canBecome);
        }
    }
}
