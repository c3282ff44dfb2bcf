package org.norrlab.run;

import org.norrlab.acquisition.AcquisitionCore;
import org.norrlab.scheduler.RunResult;
import org.norrlab.store.SessionStatus;

import java.nio.file.Path;

/**
 * What a finished run left behind and how long it took.
 *
 * @param cellOffState what the instrument's "cell off" left the cell in (disconnected, or held at a potential)
 */
public record RunOutcome(long sessionId, org.norrlab.store.StoreLocation database, SessionStatus status, String reason, RunResult result,
                         AcquisitionCore.Counters counters, double wallSeconds, String cellOffState) {

    /** Samples per wall second from the instrument to committed rows. */
    public double samplesPerSecond() {
        return wallSeconds > 0 ? counters.samplesDelivered() / wallSeconds : Double.NaN;
    }
}
