package org.norrlab.run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live session beats on its own clock: a run between two samples of a long interval is not taken for a
 * cut-off one by another connection that checks after more than the cut-off. (A session whose process died
 * is marked: {@code CutOffTest} in the cli tests.)
 */
class HeartbeatTest {
    /** 150 ms beats: the cut-off, 12 beats, is 1.8 s instead of a minute. */
    private static final String BEAT_MS = "150";
    private static final Duration CUT_OFF = Duration.ofMillis(1800);

    @TempDir
    Path temp;

    @BeforeEach
    void shortBeats() {
        System.setProperty("norrlab.heartbeat.ms", BEAT_MS);
    }

    @AfterEach
    void defaultBeats() {
        System.clearProperty("norrlab.heartbeat.ms");
    }

    @Test
    void aRunWaitingLongerThanTheCutOffForItsNextSampleIsNotMarkedInterrupted() throws Exception {
        Path protocol = temp.resolve("slow.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 40 s, interval: 10 s}\n");
        Path database = temp.resolve("slow.db");
        PreparedRun run = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(protocol, new Speed(1)).withDatabase(database));
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute(new RunListener() { });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (run.statistics().snapshot().stepIndex() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(run.statistics().snapshot().stepIndex()).as("step 1 started").isEqualTo(1);
        // Longer than the cut-off: after the sample at t = 0 the next one comes at 10 s.
        Thread.sleep(CUT_OFF.toMillis() + 500);
        try (SessionStore other = SessionStore.open(database)) {
            assertThat(run.statistics().snapshot().samples()).as("only the sample at t = 0 so far").isLessThanOrEqualTo(1);
            assertThat(other.markCutOffSessions(CUT_OFF)).as("sessions marked interrupted").isEmpty();
            assertThat(other.session(1).orElseThrow().status()).isEqualTo(SessionStatus.RUNNING);
        }
        run.requestAbort("the test has seen what it needed");
        RunOutcome result = outcome.get(60, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(SessionStatus.ABORTED);
        try (SessionStore store = SessionStore.open(database)) {
            assertThat(store.session(1).orElseThrow().status()).isEqualTo(SessionStatus.ABORTED);
        }
    }
}
