package org.norrlab.gui;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work handed to {@link Background} runs even while other work hangs: SwingWorker's own pool has ten threads for the
 * whole program, and a window whose ten earlier tasks hung would never list its protocols. No window is needed: the
 * event thread runs headless too.
 */
class BackgroundTest {

    @Test
    void twelveHangingTasksDoNotHoldBackTheNextOneAndAreListedUntilTheyEnd() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> hanging = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String what = "Hanging " + i;
            hanging.add(what);
            Background.run(null, what, () -> release.await(60, TimeUnit.SECONDS), done -> { });
        }
        try {
            CountDownLatch listed = new CountDownLatch(1);
            List<String> result = new ArrayList<>();
            Background.run(null, "Listing", () -> List.of("a.yaml", "b.yaml"), files -> {
                result.addAll(files);
                listed.countDown();
            });
            assertThat(listed.await(30, TimeUnit.SECONDS)).as("the 13th task's result reached the event thread")
                    .isTrue();
            assertThat(result).containsExactly("a.yaml", "b.yaml");
            assertThat(Background.unfinished()).containsAll(hanging).doesNotContain("Listing");
        } finally {
            release.countDown();
        }
        assertThat(Background.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(Background.unfinished()).doesNotContainAnyElementsOf(hanging);
    }

    /**
     * Work that fails after its window was closed shows no dialog: an ownerless error dialog from a closed window's
     * reload came up over the next window a test opened.
     */
    @Test
    void aFailureAfterItsWindowClosedShowsNoDialog() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(java.awt.GraphicsEnvironment.isHeadless(),
                "no display: this test opens a window (xvfb-run -a mvn test)");
        javax.swing.JFrame[] frame = new javax.swing.JFrame[1];
        javax.swing.JPanel panel = new javax.swing.JPanel();
        javax.swing.SwingUtilities.invokeAndWait(() -> {
            frame[0] = new javax.swing.JFrame("closed before its work ends");
            frame[0].add(panel);
            frame[0].pack();
            frame[0].setVisible(true);
        });
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch failed = new CountDownLatch(1);
        Background.run(panel, "Reading after close", () -> {
            closed.await(30, TimeUnit.SECONDS);
            throw new java.io.IOException("the database was deleted with the window");
        }, done -> { }, failed::countDown);
        javax.swing.SwingUtilities.invokeAndWait(() -> frame[0].dispose());
        closed.countDown();
        assertThat(failed.await(30, TimeUnit.SECONDS)).as("the failure reached the event thread").isTrue();
        javax.swing.SwingUtilities.invokeAndWait(() -> { });
        List<String> dialogs = new ArrayList<>();
        javax.swing.SwingUtilities.invokeAndWait(() -> {
            for (java.awt.Window w : java.awt.Window.getWindows()) {
                if (w instanceof java.awt.Dialog d && d.isShowing()) {
                    dialogs.add(d.getTitle());
                }
            }
        });
        assertThat(dialogs).doesNotContain("Reading after close failed");
    }
}
