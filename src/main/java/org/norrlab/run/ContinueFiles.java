package org.norrlab.run;

import org.norrlab.plan.PlannedStep;
import org.norrlab.scheduler.OperatorCall;
import org.norrlab.scheduler.OperatorGate;
import org.norrlab.store.StoreLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How {@code norrlab continue SESSION} in another terminal reaches a run waiting at a hold: two small files in a
 * folder beside the session store ({@code norrlab.db.holds/} next to {@code norrlab.db}; for a PostgreSQL store, in
 * the computer's temporary folder, so it works between terminals of the same computer). While a hold waits, the
 * run keeps {@code session-N.waiting} there (the hold's step and message); {@code continue} writes
 * {@code session-N.continue}, which the run takes within about 100 ms and removes. The store's schema is not
 * touched: nothing about a wait needs to outlive it, and the HOLD event records how it ended.
 */
public final class ContinueFiles {
    private static final Logger log = LoggerFactory.getLogger(ContinueFiles.class);

    private final Path waiting;
    private final Path continueRequest;

    private ContinueFiles(Path folder, long sessionId) {
        this.waiting = folder.resolve("session-" + sessionId + ".waiting");
        this.continueRequest = folder.resolve("session-" + sessionId + ".continue");
    }

    public static ContinueFiles of(StoreLocation store, long sessionId) {
        Path folder = store.file().map(f -> f.resolveSibling(f.getFileName() + ".holds"))
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "norrlab-holds-"
                        + HexFormat.of().toHexDigits(StoreLocation.redact(store.url()).hashCode())));
        return new ContinueFiles(folder, sessionId);
    }

    /** Lets {@code continue} from another process continue {@code call}'s holds. */
    void connect(OperatorCall call) {
        call.addWatcher(new OperatorCall.Watcher() {
            @Override
            public void holdStarted(PlannedStep.Hold hold, Optional<Duration> timeout) {
                try {
                    Files.createDirectories(waiting.getParent());
                    Files.deleteIfExists(continueRequest);   // a request left from before this hold does not count
                    // Written beside and moved into place: 'norrlab continue' never reads a half-written file.
                    Path partial = waiting.resolveSibling(waiting.getFileName() + ".part");
                    Files.writeString(partial, "step " + hold.index() + ": " + hold.message() + "\n", StandardCharsets.UTF_8);
                    Files.move(partial, waiting, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    log.warn("'norrlab continue' cannot reach this run ({}); continue it here instead", waiting, e);
                }
            }

            @Override
            public void holdEnded(PlannedStep.Hold hold, OperatorGate.ContinuedBy by) {
                try {
                    Files.deleteIfExists(waiting);
                    Files.deleteIfExists(continueRequest);
                } catch (IOException e) {
                    log.warn("could not remove {}", waiting, e);
                }
            }
        });
        call.addSignal(() -> {
            try {
                return Files.deleteIfExists(continueRequest);
            } catch (IOException e) {
                log.warn("could not take the continue request {}", continueRequest, e);
                return false;
            }
        });
    }

    /** What the waiting run says it waits for ("step 3: Replace the catholyte …"); empty when it does not wait. */
    public Optional<String> waitingFor() {
        try {
            return Files.isRegularFile(waiting) ? Optional.of(Files.readString(waiting, StandardCharsets.UTF_8).trim())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + waiting, e);
        }
    }

    /** Asks the waiting run to go on. */
    public void requestContinue() throws IOException {
        Files.writeString(continueRequest, "continue\n", StandardCharsets.UTF_8);
    }

    /** Whether the run has taken the request (it removes the file when its hold ends). */
    public boolean requestTaken() {
        return !Files.exists(continueRequest);
    }
}
