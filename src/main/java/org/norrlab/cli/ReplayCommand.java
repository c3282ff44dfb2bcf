package org.norrlab.cli;

import org.norrlab.driver.Speed;
import org.norrlab.run.PreparedRun;
import org.norrlab.run.ReplayService;
import org.norrlab.run.RunService;
import org.norrlab.store.SessionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true, description = {
        "Runs a recorded session again as a new session linked to it.",
        "A serial instrument's recorded bytes go through the same driver, acquisition and store as a live run;",
        "a simulated one runs with its recorded seed."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;
    @Parameters(index = "0", paramLabel = "SESSION")
    long sessionId;
    @Option(names = "--speed", defaultValue = "max", paramLabel = "N|max", description = "Replay speed (default: ${DEFAULT-VALUE}).")
    String speed;
    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        RunService service = new RunService(homeOptions.site());
        Speed replaySpeed = Speed.parse(speed);
        PreparedRun run;
        try (SessionStore store = homeOptions.openStore()) {
            run = ReplayService.prepare(service, store, sessionId, replaySpeed, homeOptions.store());
        }
        spec.commandLine().getOut().println("Replaying session " + sessionId + ".");
        // a replay's holds follow the recording and wait for nobody: no terminal is read
        return RunCommand.execute(spec.commandLine().getOut(), run, replaySpeed, noProgress,
                OperatorConsole.StandardInput.SYSTEM, Optional.empty());   // a replay re-enacts a run: it alerts nobody
    }
}
