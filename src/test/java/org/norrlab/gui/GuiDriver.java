package org.norrlab.gui;

import org.junit.jupiter.api.Assumptions;

import javax.imageio.ImageIO;
import javax.swing.JComponent;
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
}
