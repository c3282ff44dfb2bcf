package org.norrlab.scheduler;

import org.norrlab.plan.PlannedStep;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The one seam through which a run waits for the operator at a {@link PlannedStep.Hold}: the scheduler asks it to
 * wait and is told who let the run go on. A terminal, the GUI, another process ({@code norrlab continue}) and a
 * test all reach the run through an {@link OperatorCall}; an unattended run uses {@link #UNATTENDED}; a replay
 * follows its recording.
 */
public interface OperatorGate {

    /** Who ended a hold. The numbers are the HOLD event's {@code continued_by} value. */
    enum ContinuedBy {
        /** the operator said so (Enter, the GUI's Continue, {@code norrlab continue}) */
        OPERATOR(0),
        /** the hold's timeout ran out with nobody there */
        TIMEOUT(1),
        /** the run is unattended: the hold followed its {@code on_timeout} at once */
        UNATTENDED(2),
        /** the run was aborted during the wait (Ctrl-C, the GUI's Abort, a failure) */
        ABORTED(-1);

        private final int code;

        ContinuedBy(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The HOLD event's {@code continued_by} value back as who continued; empty for a number that is none. */
        public static Optional<ContinuedBy> ofCode(double code) {
            for (ContinuedBy by : values()) {
                if (by.code == code) {
                    return Optional.of(by);
                }
            }
            return Optional.empty();
        }

        /** Nobody continued: the hold's {@code on_timeout} decides what follows. */
        public boolean followsOnTimeout() {
            return this == TIMEOUT || this == UNATTENDED;
        }
    }

    /**
     * Waits at {@code hold} on the scheduler's thread, with the cell already in the hold's state.
     *
     * @param timeout        the longest to wait, counted in wall time; empty: no limit
     * @param abortRequested true once the run is being aborted: the wait must end within about 100 ms
     * @return who ended the wait ({@link ContinuedBy#ABORTED} when {@code abortRequested} became true first)
     */
    ContinuedBy await(PlannedStep.Hold hold, Optional<Duration> timeout, BooleanSupplier abortRequested)
            throws InterruptedException;

    /** Nobody is at the bench: every hold follows its {@code on_timeout} at once. */
    OperatorGate UNATTENDED = (hold, timeout, abortRequested) -> ContinuedBy.UNATTENDED;
}
