package org.norrlab.cli;

import org.norrlab.core.BadInputException;
import org.norrlab.gui.GuiContext;
import org.norrlab.gui.NorrlabWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import javax.swing.SwingUtilities;
import java.awt.GraphicsEnvironment;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Opens the desktop window: run (instrument, protocol, live charts, pause, abort), sessions and analysis.")
final class GuiCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(GuiCommand.class);

    @Mixin
    HomeOptions homeOptions;

    @Override
    public Integer call() throws Exception {
        if (GraphicsEnvironment.isHeadless()) {
            throw new BadInputException("there is no display to open a window on (DISPLAY is not set or"
                    + " java.awt.headless is true); on a headless machine use the CLI, or run under Xvfb");
        }
        GuiContext context = new GuiContext(homeOptions.site(), homeOptions.store());
        AtomicReference<NorrlabWindow> window = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            NorrlabWindow w = new NorrlabWindow(context);
            window.set(w);
            w.show();
        });
        // Ctrl-C or SIGTERM on the process: abort a run in progress and let it switch the cell off first.
        Thread onSignal = new Thread(() -> {
            try {
                window.get().abortAndWait(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.error("interrupted while waiting for the run to stop", e);
            }
        }, "gui-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onSignal);
        window.get().awaitClosedAndRunEnded();
        RunCommand.removeHook(onSignal);
        return ExitCodes.OK;
    }
}
