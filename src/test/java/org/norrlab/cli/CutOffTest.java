package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.EventKind;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.NorrlabProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run in a real process, with 100 ms heartbeats (cut-off 1.2 s): while it lives it is never cut off; once it
 * is killed it is, ending at its last sample, and its resume counts the gap from that sample.
 */
class CutOffTest {
    private static final Duration CUT_OFF = Duration.ofMillis(1200);

    @TempDir
    Path temp;

    @Test
    void aKilledRunEndsAtItsLastSampleAndItsResumeCountsTheGapFromThere() throws Exception {
        Path db = temp.resolve("cut.db");
        Path protocol = temp.resolve("short.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 20 s, interval: 100 ms}\n");
        Process process = NorrlabProcess.start(temp, List.of("-Dnorrlab.heartbeat.ms=100"), "run", protocol.toString(),
                "--db", db.toString(), "--speed", "1", "--no-progress");
        try {
            // Past the cut-off, with the process alive: the session is not taken for a cut-off one.
            awaitStoredSamples(db, 20);
            try (SessionStore store = SessionStore.open(db)) {
                assertThat(store.markCutOffSessions(CUT_OFF)).as("a live run marked interrupted").isEmpty();
            }
            awaitStoredSamples(db, 30);
        } finally {
            NorrlabProcess.killNine(process);
        }
        Instant killed = Instant.now();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Long> marked = List.of();
        while (marked.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            try (SessionStore store = SessionStore.open(db)) {
                marked = store.markCutOffSessions(CUT_OFF);
            }
        }
        assertThat(marked).as("the killed run is marked interrupted").containsExactly(1L);
        Instant lastSample;
        try (SessionStore store = SessionStore.open(db)) {
            StoredSession session = store.session(1).orElseThrow();
            assertThat(session.status()).isEqualTo(SessionStatus.INTERRUPTED);
            assertThat(session.statusReason()).contains("kill -9").contains("'norrlab resume 1' continues it");
            StoredStep step = store.steps(1).get(0);
            double[] last = {0};
            store.forEachSample(1, 1, (seq, s) -> last[0] = s.timeSeconds());
            // At speed 1 the step's time is wall time since the step started.
            lastSample = step.started().plusNanos(Math.round(last[0] * 1e9));
            Instant ended = session.ended().orElseThrow();
            assertThat(ended).as("the end is the last sample's time, not an earlier heartbeat")
                    .isAfterOrEqualTo(lastSample.minusMillis(500)).isBeforeOrEqualTo(killed);
        }

        Instant resumeStarted = Instant.now();
        CliRunner.Result resumed = CliRunner.norrlab("resume", "1", "--speed", "max", "--no-progress", "--home",
                Fixtures.HOME.toString(), "--db", db.toString());
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        try (SessionStore store = SessionStore.open(db)) {
            StoredEvent gap = store.events(2).stream().filter(e -> e.event().kind() == EventKind.GAP).findFirst().orElseThrow();
            double seconds = gap.event().values().get("interruption_s");
            assertThat(seconds).as("the gap is at least from the kill to the resume")
                    .isGreaterThanOrEqualTo(Duration.between(killed, resumeStarted).toNanos() / 1e9);
            assertThat(seconds).as("the gap is at most from the last sample to the resume's first record")
                    .isLessThanOrEqualTo(Duration.between(lastSample, gap.wallTime()).toNanos() / 1e9 + 0.5);
        }
    }

    private static void awaitStoredSamples(Path db, long target) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long stored = 0;
        while (stored < target && System.nanoTime() < deadline) {
            Thread.sleep(50);
            if (Files.exists(db)) {
                try (SessionStore store = SessionStore.open(db)) {
                    stored = store.steps(1).isEmpty() ? 0 : store.tally(1, 1).state().samples();
                } catch (StoreException e) {
                    stored = 0;   // the run is still creating the file
                }
            }
        }
        assertThat(stored).as("samples stored by the run").isGreaterThanOrEqualTo(target);
    }
}
