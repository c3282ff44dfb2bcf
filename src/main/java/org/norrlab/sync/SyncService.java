package org.norrlab.sync;

import org.norrlab.store.LabCopy;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoreLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies a bench's sessions from its SQLite file into the lab's PostgreSQL session store (the same
 * schema, built by the same migrations, that benches acquiring straight into PostgreSQL use). Each
 * session goes in one transaction, found by its uid: a session already there with the same status
 * and sample count is left alone, one that changed (it was still running last time) has its rows
 * replaced under the same lab id, so that assays entered against it in the lab stay attached.
 * Syncing any number of times never duplicates or half-copies a session. If the server goes away
 * mid-way, the session in flight is rolled back by PostgreSQL and the next sync copies it again;
 * the bench's own file is only read.
 */
public final class SyncService {
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    /** Told what the sync does, for progress output (and for tests that pull the plug at a chosen moment). */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void sessionStarted(long localId, String uid, long samples) {
        }

        default void samplesSent(long localId, long rowsSoFar) {
        }

        default void sessionDone(long localId, Outcome outcome) {
        }
    }

    public enum Outcome { COPIED, REPLACED, ALREADY_THERE, SKIPPED_RUNNING }

    /** What one sync did. */
    public record Report(List<Long> copied, List<Long> replaced, List<Long> alreadyThere, List<Long> skippedRunning,
                         long samplesCopied, AnalysisInputs inputsCopied, double seconds) {
        public double samplesPerSecond() {
            return seconds == 0 ? 0 : samplesCopied / seconds;
        }
    }

    /** Calibrations, assays, control links, corrections (the audit trail) and R_u rows copied by one sync. */
    public record AnalysisInputs(int calibrations, int assays, int controls, int corrections, int resistances) {
        static AnalysisInputs of(LabCopy.Inputs copied) {
            return new AnalysisInputs(copied.calibrations(), copied.assays(), copied.controls(), copied.corrections(),
                    copied.resistances());
        }
    }

    /** The lab database went away, or refused something; the message says what was kept. */
    public static final class SyncException extends Exception {
        SyncException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SyncService() {
    }

    public static Report sync(Path benchDatabase, String labUrl, boolean includeRunning, Listener listener)
            throws SyncException, StoreException {
        SessionStore.open(benchDatabase).close();   // brings the bench file to the current schema (session uids)
        StoreLocation labStore;
        try {
            labStore = StoreLocation.parse(labUrl, Path.of(""));
        } catch (IllegalArgumentException e) {
            throw new SyncException("the lab database must be PostgreSQL: " + e.getMessage(), e);
        }
        if (!labStore.isPostgres()) {
            // the bulk copy is PostgreSQL's COPY; a second SQLite file is a copy of the bench file, not a lab store
            throw new SyncException("the lab database must be PostgreSQL (jdbc:postgresql://host:5432/db?user=...), not the"
                    + " file " + labStore + "; nothing was copied (to copy a bench's SQLite file, copy the file)", null);
        }
        String origin = hostName() + ":" + benchDatabase.toAbsolutePath().normalize();
        List<Long> copied = new ArrayList<>();
        List<Long> replaced = new ArrayList<>();
        List<Long> there = new ArrayList<>();
        List<Long> running = new ArrayList<>();
        long samples = 0;
        AnalysisInputs inputs;
        long start = System.nanoTime();
        try (LabCopy copy = LabCopy.fromBench(benchDatabase)) {
            try {
                copy.connectLab(labStore);
            } catch (StoreException e) {
                throw new SyncException("cannot reach the lab database " + labStore + ": " + e.getMessage()
                        + "; nothing was copied, the bench's sessions stay in " + benchDatabase, e);
            }
            for (LabCopy.LocalSession s : copy.localSessions()) {
                if (s.status().equals("importing")) {
                    continue;   // half written: it is copied once its import has completed it
                }
                if (s.status().equals("running") && !includeRunning) {
                    running.add(s.id());
                    listener.sessionDone(s.id(), Outcome.SKIPPED_RUNNING);
                    continue;
                }
                Optional<LabCopy.RemoteSession> remote = remote(copy, s.uid());
                // Same status, sample and impedance point count: already there. A different one (it was running when last
                // copied) is replaced whole.
                if (remote.equals(Optional.of(new LabCopy.RemoteSession(s.status(), s.samples(), s.impedancePoints())))) {
                    there.add(s.id());
                    listener.sessionDone(s.id(), Outcome.ALREADY_THERE);
                    continue;
                }
                listener.sessionStarted(s.id(), s.uid(), s.samples());
                try {
                    copy.copySession(s, origin, rows -> listener.samplesSent(s.id(), rows));
                } catch (StoreException e) {
                    throw new SyncException(String.format("the lab database stopped the copy of session %d (%s): %s."
                            + " Nothing of that session was kept there; %d sessions were copied before it. The bench's"
                            + " file is untouched: run 'norrlab sync' again when the server is back", s.id(), s.uid(),
                            e.getMessage(), copied.size() + replaced.size()), e);
                }
                samples += s.samples();
                (remote.isPresent() ? replaced : copied).add(s.id());
                listener.sessionDone(s.id(), remote.isPresent() ? Outcome.REPLACED : Outcome.COPIED);
            }
            try {
                inputs = AnalysisInputs.of(copy.copyAnalysisInputs());
            } catch (StoreException e) {
                throw new SyncException("the lab database stopped the copy of calibrations, assays and control links: "
                        + e.getMessage() + ". None of them was kept there; the " + (copied.size() + replaced.size())
                        + " sessions copied before stay. Run 'norrlab sync' again when the server is back", e);
            }
        } catch (StoreException e) {
            throw new SyncException("cannot read the bench database " + benchDatabase + ": " + e.getMessage(), e);
        }
        return new Report(copied, replaced, there, running, samples, inputs, (System.nanoTime() - start) / 1e9);
    }

    /** The lab's copy of the session with this uid, if it has one. */
    private static Optional<LabCopy.RemoteSession> remote(LabCopy copy, String uid) throws SyncException {
        try {
            return copy.remote(uid);
        } catch (StoreException e) {
            throw new SyncException("the lab database stopped answering: " + e.getMessage()
                    + "; run 'norrlab sync' again when it is back", e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            log.debug("no host name", e);
            return "localhost";
        }
    }
}
