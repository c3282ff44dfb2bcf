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
}
