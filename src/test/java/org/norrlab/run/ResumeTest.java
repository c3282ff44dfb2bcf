package org.norrlab.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.BadInputException;
import org.norrlab.driver.Speed;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The protocol's on_interruption decides what happens to the step a stop interrupted. */
class ResumeTest {
    @TempDir
    Path temp;

    private RunOutcome interrupted(Path db, String policy) throws Exception {
        Path protocol = temp.resolve("p.yaml");
        Files.writeString(protocol, "on_interruption: " + policy + "\nsteps:\n"
                + "  - ca: {potential: -0.5 V vs RHE, duration: 20 min, interval: 1 s}\n"
                + "  - ca: {potential: -0.6 V vs RHE, duration: 1 min, interval: 1 s}\n");
        PreparedRun run = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(protocol, new Speed(600)).withDatabase(db));
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute(RunListener.NONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (run.statistics().snapshot().samples() < 100) {
            Thread.sleep(5);
        }
        run.requestAbort("test stop");
        return outcome.get(20, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"skip, 1, 60", "restart, 2, 1200", "continue, 2, -1"})
    void theInterruptedStepFollowsThePolicy(String policy, int steps, long firstStepSamples) throws Exception {
        Path db = temp.resolve(policy + ".db");
        RunOutcome first = interrupted(db, policy);
        assertThat(first.status()).isEqualTo(SessionStatus.ABORTED);
        RunOutcome second;
        long before;
        try (SessionStore store = SessionStore.open(db)) {
            long[] count = {0};
            store.forEachSample(first.sessionId(), 1, (seq, s) -> count[0]++);
            before = count[0];
            second = ResumeService.prepare(new RunService(SiteConfig.load(Fixtures.HOME)), store, first.sessionId(),
                    Optional.empty(), Speed.MAX, StoreLocation.file(db)).execute(RunListener.NONE);
        }
        assertThat(second.status()).isEqualTo(SessionStatus.COMPLETED);
        try (SessionStore store = SessionStore.open(db)) {
            List<StoredStep> resumed = store.steps(second.sessionId());
            assertThat(resumed).hasSize(steps);
            long expected = firstStepSamples >= 0 ? firstStepSamples : 1200 - before;
            assertThat(resumed.get(0).sampleCount()).isEqualTo(expected);
            assertThat(store.session(second.sessionId()).orElseThrow().resumedFrom()).contains(first.sessionId());
            // Resumed once is enough: a second resume would run the same steps again in a rival session.
            assertThatThrownBy(() -> ResumeService.prepare(new RunService(SiteConfig.load(Fixtures.HOME)), store,
                    first.sessionId(), Optional.empty(), Speed.MAX, StoreLocation.file(db)))
                    .hasMessage("session " + first.sessionId() + " was resumed already, as session " + second.sessionId()
                            + "; resume session " + second.sessionId() + " instead if it did not finish either");
            assertThat(store.sessions()).hasSize(2);
        }
    }

    @Test
    void aCompletedSessionIsNotResumed() throws Exception {
        Path db = temp.resolve("done.db");
        RunOutcome done = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(Path.of("protocols/demo-sweep.yaml"), Speed.MAX).withDatabase(db))
                .execute(RunListener.NONE);
        try (SessionStore store = SessionStore.open(db)) {
            assertThatThrownBy(() -> ResumeService.prepare(new RunService(SiteConfig.load(Fixtures.HOME)), store,
                    done.sessionId(), Optional.empty(), Speed.MAX, StoreLocation.file(db)))
                    .isInstanceOf(BadInputException.class).hasMessage("session 1 is completed; nothing is left to resume (only an"
                            + " interrupted, aborted or failed session can be resumed): start a new run with 'norrlab run PROTOCOL'");
        }
    }
}
