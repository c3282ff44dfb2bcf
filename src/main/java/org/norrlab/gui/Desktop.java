package org.norrlab.gui;

import org.norrlab.core.BadInputException;

import javax.swing.SwingUtilities;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;

/** Opening the window from the command line: refused without a display, built on the event thread. */
public final class Desktop {
    private Desktop() {
    }

    /** Refuses at once on a machine without a display, before anything else is read or opened. */
    public static void requireDisplay() {
        if (GraphicsEnvironment.isHeadless()) {
            throw new BadInputException("there is no display to open a window on (DISPLAY is not set or"
                    + " java.awt.headless is true); on a headless machine use the CLI, or run under Xvfb");
        }
    }

    /** Builds and shows the window on the event thread. */
    public static NorrlabWindow open(GuiContext context) throws InterruptedException, InvocationTargetException {
        AtomicReference<NorrlabWindow> window = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            NorrlabWindow w = new NorrlabWindow(context);
            window.set(w);
            w.show();
        });
        return window.get();
    }
}
