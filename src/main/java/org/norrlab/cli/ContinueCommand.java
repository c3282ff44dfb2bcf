package org.norrlab.cli;

import org.norrlab.core.BadInputException;
import org.norrlab.run.ContinueFiles;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "continue", mixinStandardHelpOptions = true, description = {
        "Lets a run that waits for the operator at a hold go on, from another terminal of the same computer.",
        "It does what Enter does in the terminal of the run."})
final class ContinueCommand implements Callable<Integer> {
    /** How long the answer is waited for: the run takes the request within about 100 ms. */
    private static final long CONFIRM_MILLIS = 3000;

    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;
    @Parameters(index = "0", paramLabel = "SESSION", description = "The session of the waiting run.")
    long sessionId;

    @Override
    public Integer call() throws Exception {
        StoreLocation location = homeOptions.store();
        try (SessionStore store = homeOptions.openStore()) {
            StoredSession session = Lookup.find(store, sessionId);
            if (session.status() != SessionStatus.RUNNING) {
                throw new BadInputException("session " + sessionId + " is " + session.status().dbName()
                        + ", not running: there is no hold to continue");
            }
        }
        ContinueFiles files = ContinueFiles.of(location, sessionId);
        Optional<String> waitingFor = files.waitingFor();
        if (waitingFor.isEmpty()) {
            throw new BadInputException("session " + sessionId + " is running but not waiting for the operator"
                    + " (no hold in progress); nothing was done");
        }
        files.requestContinue();
        long deadline = System.currentTimeMillis() + CONFIRM_MILLIS;
        while (!files.requestTaken() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        spec.commandLine().getOut().println(files.requestTaken()
                ? "Session " + sessionId + ": the hold at " + waitingFor.get() + " is continued; the run goes on."
                : "Session " + sessionId + ": asked the hold at " + waitingFor.get() + " to continue; the run has not"
                + " answered yet (it takes the request within a moment while it runs).");
        return ExitCodes.OK;
    }
}
