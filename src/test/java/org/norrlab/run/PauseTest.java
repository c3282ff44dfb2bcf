package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.driver.Speed;
import org.norrlab.plan.PlannedStep;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredEvent;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** "Pause between steps": the step in progress finishes, the run waits with the cell off, then goes on. */
class PauseTest {
    @TempDir
    Path temp;

    @Test
    void aPauseWaitsAfterTheStepInProgressAndIsRecorded() throws Exception {
        Path protocol = temp.resolve("three.yaml");
        Files.writeString(protocol, """
                steps:
                  - ca: {potential: -0.5 V vs RHE, duration: 60 s, interval: 100 ms}
                  - ca: {potential: -0.6 V vs RHE, duration: 60 s, interval: 100 ms}
                  - ca: {potential: -0.7 V vs RHE, duration: 60 s, interval: 100 ms}
                """);
        Path database = temp.resolve("pause.db");
        PreparedRun run = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(protocol, new Speed(60)).withDatabase(database));
        List<Integer> started = new CopyOnWriteArrayList<>();
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute(new RunListener() {
                    @Override
                    public void stepStarted(PlannedStep step) {
                        started.add(step.index());
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        run.pauseBetweenSteps(true);   // during step 1 (it takes 1 s at 60x)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!run.paused() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(run.paused()).as("paused after step 1").isTrue();
        Thread.sleep(600);
        assertThat(started).containsExactly(1);
        assertThat(run.statistics().snapshot().samples()).as("step 1 ran to its end").isEqualTo(600);
        run.pauseBetweenSteps(false);
        RunOutcome result = outcome.get(20, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(started).containsExactly(1, 2, 3);
        assertThat(result.counters().samplesDelivered()).isEqualTo(1800);
        assertThat(result.result().lagMillis()).as("the pause is not counted as scheduler lag").allMatch(lag -> lag < 100);
        try (SessionStore store = SessionStore.open(database)) {
            List<StoredEvent> pauses = store.events(result.sessionId()).stream()
                    .filter(e -> e.event().kind() == EventKind.PAUSE).toList();
            assertThat(pauses).hasSize(2).allMatch(e -> e.stepIndex() == 1);
            assertThat(pauses.get(0).event().message()).isEqualTo("paused after step 1 at the operator's request; the cell is off");
            assertThat(pauses.get(1).event().message()).startsWith("resumed after a pause of").endsWith("between steps 1 and 2");
            assertThat(pauses.get(1).event().values().get("pause_s")).isBetween(0.6, 10.0);
            assertThat(pauses.get(0).event().timeSeconds()).isEqualTo(60.0);
        }
    }
}
