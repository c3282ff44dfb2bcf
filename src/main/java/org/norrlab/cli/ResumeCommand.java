package org.norrlab.cli;

import org.norrlab.driver.Speed;
import org.norrlab.plan.Plan;
import org.norrlab.run.PreparedRun;
import org.norrlab.run.ResumeService;
import org.norrlab.runalert.RunAlerts;
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

@Command(name = "resume", mixinStandardHelpOptions = true, description = {
        "Continues an interrupted session (crash, kill, power cut, lost link) as a new session linked to it.",
        "Completed steps are not run again; the interrupted step is restarted, continued or skipped as the",
        "protocol's on_interruption says (default: continue for the remaining time)."})
final class ResumeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;
    @Parameters(index = "0", paramLabel = "SESSION")
    long sessionId;
    @Option(names = "--port", description = "Serial port (default: the one the session used).")
    String port;
    @Option(names = "--speed", defaultValue = "1", description = "Simulated instruments only (default: ${DEFAULT-VALUE}).")
    String speed;
    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Option(names = "--unattended", description = "Run the rest with nobody at the bench: every hold follows its"
            + " on_timeout at once instead of waiting for the operator.")
    boolean unattended;

    /** Where Enter comes from at a hold; tests set their own. */
    OperatorConsole.StandardInput standardInput = OperatorConsole.StandardInput.SYSTEM;

    @Override
    public Integer call() throws Exception {
        RunService service = new RunService(homeOptions.site());
        Speed runSpeed = Speed.parse(speed);
        PreparedRun run;
        try (SessionStore store = homeOptions.openStore()) {
            run = ResumeService.prepare(service, store, sessionId, Optional.ofNullable(port), runSpeed, homeOptions.store());
        }
        try {
            OperatorConsole.checkSomeoneCanAnswer(run.plan(), unattended, standardInput);
        } catch (RuntimeException refused) {
            run.discard();
            throw refused;
        }
        if (unattended) {
            run.runUnattended();
        }
        Optional<RunAlerts> alerts = RunCommand.attachAlerts(homeOptions.site(), run);
        spec.commandLine().getOut().println(announcement(sessionId, run.plan()));
        return RunCommand.execute(spec.commandLine().getOut(), run, runSpeed, noProgress, standardInput, alerts);
    }

    /**
     * "Resuming session 4: 3 steps left to run; step 2 skipped (on_interruption: skip)." The plan's description
     * starts with "resumed from session 4", which the new session keeps on record; said here it only repeated the id.
     */
    static String announcement(long sessionId, Plan plan) {
        String recorded = "resumed from session " + sessionId;
        String notes = plan.description().startsWith(recorded)
                ? plan.description().substring(recorded.length()).replaceFirst("^; ", "") : plan.description();
        int steps = plan.steps().size();
        return "Resuming session " + sessionId + ": " + steps + (steps == 1 ? " step" : " steps") + " left to run"
                + (notes.isEmpty() ? "" : "; " + notes) + ".";
    }
}
