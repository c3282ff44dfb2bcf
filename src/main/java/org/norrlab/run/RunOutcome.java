package org.norrlab.run;

import org.norrlab.acquisition.AcquisitionCore;
import org.norrlab.scheduler.RunResult;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.StoreLocation;

/**
 * What a finished run left behind and how long it took, as the process knows it without asking the store.
 *
 * @param samplesCommitted samples in transactions the store confirmed (its commit returned)
 * @param samplesInDoubt   samples of the commit that was under way when the store was given up: the server may
 *                         have taken them after all (0 when the store was not given up)
 * @param endRecorded      whether the store took the session's end (status and reason); false when it failed or
 *                         did not answer within {@link PreparedRun#END_OF_RUN_STORE_WAIT}
 * @param cellOffState     what the instrument's "cell off" left the cell in (disconnected, or held at a potential)
 */
public record RunOutcome(long sessionId, StoreLocation database, SessionStatus status, String reason, RunResult result,
                         AcquisitionCore.Counters counters, long samplesCommitted, long samplesInDoubt, boolean endRecorded,
                         double wallSeconds, String cellOffState) {

    /** Samples the instrument delivered that no confirmed transaction holds. */
    public long samplesNotStored() {
        return Math.max(0, counters.samplesIn() - samplesCommitted);
    }

    /**
     * The samples not confirmed by the store, in words: "NOT stored", unless a commit was under way when the store
     * stopped answering, whose samples may have reached it after all.
     */
    public String notStoredPhrase() {
        if (samplesInDoubt == 0) {
            return samplesNotStored() + " acquired samples NOT stored";
        }
        return samplesNotStored() + " acquired samples not confirmed by the store (" + inDoubtClause() + ")";
    }

    /** Why some samples are neither confirmed nor known lost; empty words when none are. */
    public String inDoubtClause() {
        return samplesInDoubt == 0 ? "" : "the last " + samplesInDoubt
                + " were being committed when the store stopped answering and may have reached it";
    }

    /** Samples per wall second from the instrument to committed rows. */
    public double samplesPerSecond() {
        return wallSeconds > 0 ? samplesCommitted / wallSeconds : Double.NaN;
    }
}
