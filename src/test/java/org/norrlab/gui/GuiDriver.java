package org.norrlab.gui;

import org.norrlab.config.SiteConfig;
import org.norrlab.store.StoreLocation;
import org.norrlab.testing.Fixtures;

import org.junit.jupiter.api.Assumptions;

import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** Test helpers for the window: run on the event thread, wait for a condition, take a screenshot. */
final class GuiDriver {
    /** Screenshots land here; the README's picture is one of them. */
    static final Path SCREENSHOTS = Path.of("target", "gui-screenshots");

    private GuiDriver() {
    }

    /**
     * GUI tests need a display (Xvfb on CI). Without one they are skipped, unless NORRLAB_GUI_TESTS=required
     * (set by .ci/run), where a missing display is a failure rather than a silent skip.
     */
    static void requireDisplay() {
        boolean headless = GraphicsEnvironment.isHeadless();
        if (headless && "required".equals(System.getenv("NORRLAB_GUI_TESTS"))) {
            throw new AssertionError("NORRLAB_GUI_TESTS=required but there is no display: run the tests under xvfb-run");
        }
        Assumptions.assumeFalse(headless, "no display: GUI tests need one (xvfb-run -a mvn test)");
    }

    /**
     * Opens the main window on {@code database} at 1400 x 900 and waits until it has listed the
     * instruments and read the demo protocol's plan, as an operator would see it.
     */
    static NorrlabWindow openWindow(java.nio.file.Path database) throws Exception {
        return openWindow(StoreLocation.file(database));
    }

    static NorrlabWindow openWindow(StoreLocation database) throws Exception {
        // The light theme whatever the person running the tests chose for their own window.
        return openWindow(database, ThemeMemory.inMemory(Theme.LIGHT));
    }

    static NorrlabWindow openWindow(StoreLocation database, ThemeMemory theme) throws Exception {
        return openWindow(SiteConfig.load(Fixtures.HOME), database, theme);
    }

    /** As above with the site's settings given (a lab database, say) rather than read from the repository's. */
    static NorrlabWindow openWindow(SiteConfig site, StoreLocation database) throws Exception {
        return openWindow(site, database, ThemeMemory.inMemory(Theme.LIGHT));
    }

    static NorrlabWindow openWindow(SiteConfig site, StoreLocation database, ThemeMemory theme) throws Exception {
        requireDisplay();
        GuiContext context = new GuiContext(site, database);
        NorrlabWindow window = onEdt(() -> {
            NorrlabWindow w = new NorrlabWindow(context, theme);
            w.frame().setSize(1400, 900);
            w.show();
            return w;
        });
        RunPanel run = window.runPanel();
        try {
            await("instruments and the demo plan", Duration.ofSeconds(60), () -> run.instruments().getItemCount() > 0
                    && run.planModel().getRowCount() == 5);
        } catch (AssertionError e) {
            screenshot(window.frame().getRootPane(), "open-timeout");
            throw new AssertionError(e.getMessage() + onEdt(() -> ": " + run.instruments().getItemCount() + " instruments, "
                    + run.protocols().getItemCount() + " protocols, " + run.planModel().getRowCount() + " plan rows")
                    + "; background work not ended: " + Background.unfinished() + "; dialogs showing: "
                    + showingDialogs(), e);
        }
        return window;
    }

    /** Aborts whatever the window still runs (cells off) and closes it; for @AfterEach. */
    static void closeWindow(NorrlabWindow window) throws Exception {
        if (window != null) {
            window.abortAndWait(Duration.ofSeconds(20));
            onEdt(() -> window.frame().dispose());
            // a task the window started (reading the sessions list, an analysis) may still open the store, which
            // would re-create it in a test's folder while that folder is being deleted
            // (twice: a task's done() queued on the event thread may start one more, a refresh after a run, say)
            Background.awaitIdle(Duration.ofSeconds(20));
            onEdt(() -> { });
            if (!Background.awaitIdle(Duration.ofSeconds(20))) {
                // not a failure of the closing test, but what a later test that waits may be waiting behind
                System.err.println("Background work still running 40 s after the window closed: "
                        + Background.unfinished());
            }
        }
    }

    /** Each dialog showing, with its title and message: what a window may be waiting behind. */
    static List<String> showingDialogs() throws Exception {
        return onEdt(() -> dialogsShowing().stream().map(d -> "\"" + d.getTitle() + "\" "
                + findAll(d, JOptionPane.class).stream().map(pane -> String.valueOf(pane.getMessage())).toList()).toList());
    }

    /** The dialogs on screen now; on the event thread. */
    private static List<JDialog> dialogsShowing() {
        List<JDialog> showing = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (w instanceof JDialog d && d.isShowing()) {
                showing.add(d);
            }
        }
        return showing;
    }

    static <T> T onEdt(Callable<T> action) throws Exception {
        return Edt.call(action);
    }

    static void onEdt(Runnable action) throws Exception {
        SwingUtilities.invokeAndWait(action);
    }

    /** Polls (off the event thread, reading on it) until the condition holds. */
    static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        if (!Edt.await(timeout, condition)) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
        }
    }

    /** Paints the component (the whole window's root pane, usually) into a PNG and returns the image. */
    static BufferedImage screenshot(JComponent component, String name) throws Exception {
        BufferedImage image = onEdt(() -> {
            component.validate();
            BufferedImage img = new BufferedImage(component.getWidth(), component.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            component.printAll(g);
            g.dispose();
            return img;
        });
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(image, "png", SCREENSHOTS.resolve(name + ".png").toFile());
        return image;
    }

    /** Waits in the background for the next file dialog and chooses {@code file} in it. */
    static void answerFileChooser(Path file) {
        onDialog(dialog -> !findAll(dialog, JFileChooser.class).isEmpty(), dialog -> {
            JFileChooser chooser = findAll(dialog, JFileChooser.class).get(0);
            chooser.setSelectedFile(file.toFile());
            chooser.approveSelection();
        });
    }

    /** Waits in the background for the option pane titled {@code title}…, lets {@code fill} edit it, and presses OK. */
    static void answerForm(String title, Consumer<JOptionPane> fill) {
        onDialog(dialog -> dialog.getTitle().startsWith(title), dialog -> {
            JOptionPane pane = findAll(dialog, JOptionPane.class).get(0);
            fill.accept(pane);
            pane.setValue(JOptionPane.OK_OPTION);
        });
    }

    static void onDialog(java.util.function.Predicate<JDialog> which, Consumer<JDialog> answer) {
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    JDialog found = Edt.call(() -> dialogsShowing().stream().filter(which).findFirst().orElse(null));
                    if (found != null) {
                        SwingUtilities.invokeAndWait(() -> answer.accept(found));
                        return;
                    }
                    Thread.sleep(20);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, "dialog-answerer");
        t.setDaemon(true);
        t.start();
    }

    static <T> List<T> findAll(Container root, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Component c : root.getComponents()) {
            if (type.isInstance(c)) {
                found.add(type.cast(c));
            }
            if (c instanceof Container child) {
                found.addAll(findAll(child, type));
            }
        }
        return found;
    }
}
