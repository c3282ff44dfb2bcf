package org.norrlab.cli;

import org.norrlab.gui.Desktop;
import org.norrlab.gui.GuiContext;
import org.norrlab.gui.NorrlabWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Opens the desktop window: run (instrument, protocol, live charts, pause, abort), sessions and analysis.")
final class GuiCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(GuiCommand.class);

    @Mixin
    HomeOptions homeOptions;

    @Override
    public Integer call() throws Exception {
        Desktop.requireDisplay();
        NorrlabWindow window = Desktop.open(new GuiContext(homeOptions.site(), homeOptions.store()));
        // Ctrl-C or SIGTERM on the process: abort a run in progress and let it switch the cell off first.
        Thread onSignal = new Thread(() -> {
            try {
                window.abortAndWait(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.error("interrupted while waiting for the run to stop", e);
            }
        }, "gui-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onSignal);
        window.awaitClosedAndRunEnded();
        RunCommand.removeHook(onSignal);
        return ExitCodes.OK;
    }
}
