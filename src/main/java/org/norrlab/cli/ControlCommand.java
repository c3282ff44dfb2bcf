package org.norrlab.cli;

import org.norrlab.core.BadInputException;
import org.norrlab.store.ControlLink;
import org.norrlab.store.SessionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "control", mixinStandardHelpOptions = true, description = {
        "Marks a control run (open circuit, Ar instead of NO, bare substrate) for a session's steps.",
        "The products found in the control are subtracted before FE and yield."})
final class ControlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;
    @Parameters(index = "0", paramLabel = "SESSION", description = "The session whose steps get the control.")
    long sessionId;
    @Option(names = "--control", required = true, paramLabel = "SESSION", description = "The control session.")
    long controlSession;
    @Option(names = "--step", description = "Only this step (default: every step).")
    Integer step;
    @Option(names = "--control-step", description = "The control's step to use (default: the step of the same index).")
    Integer controlStep;
    @Option(names = "--note", defaultValue = "")
    String note;

    @Override
    public Integer call() throws Exception {
        if (controlSession == sessionId) {
            throw new BadInputException("a session cannot be its own control");
        }
        try (SessionStore store = homeOptions.openStore()) {
            Lookup.find(store, sessionId);
            Lookup.find(store, controlSession);
            store.assays().addControl(new ControlLink(sessionId, Optional.ofNullable(step), controlSession,
                    Optional.ofNullable(controlStep), note));
            spec.commandLine().getOut().println("Session " + controlSession + (controlStep == null ? "" : " step " + controlStep)
                    + " is now the control for session " + sessionId + (step == null ? " (every step)" : " step " + step) + ".");
        }
        return ExitCodes.OK;
    }
}
