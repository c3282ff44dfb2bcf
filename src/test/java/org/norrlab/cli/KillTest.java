package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.EventKind;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.NorrlabProcess;
import org.norrlab.testing.StoredSamples;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** kill -9 in the middle of a CA step: at most a second of samples is lost, and the session is marked interrupted. */
class KillTest {
    @TempDir
    Path temp;

    @Test
    void killNineLosesLessThanASecondAndLeavesARecoverableSession() throws Exception {
        Path db = temp.resolve("kill.db");
        Path protocol = temp.resolve("long.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 10 min, interval: 100 ms}\n");
        Process process = NorrlabProcess.start(temp, List.of(), "run", protocol.toString(), "--db", db.toString(),
                "--speed", "1", "--no-progress");
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // A 2 h run may be warned about first (the PC's sleep setting, free disk space) in a few lines; the header follows.
        String firstLine = output.readLine();
        while (firstLine != null && !firstLine.startsWith("Protocol ")) {
            firstLine = output.readLine();
        }
        assertThat(firstLine).startsWith("Protocol long");
        StoredSamples.await(db, 20, process, Duration.ofSeconds(60));
        NorrlabProcess.signal(process, "KILL");
        Instant killed = Instant.now();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(137);

        // A session still marked running has no reason yet: before, "Session 1: running ()".
        CliRunner.Result shown = CliRunner.norrlab("show", "1", "--home", Fixtures.HOME.toString(), "--db", db.toString());
        assertThat(shown.out().lines().findFirst()).contains("Session 1: running");
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.session(1).orElseThrow().status()).isEqualTo(SessionStatus.RUNNING);
            StoredStep step = store.steps(1).get(0);
            assertThat(step.outcome()).isEmpty();
            double[] last = {0};
            long[] count = {0};
            store.forEachSample(1, 1, (seq, s) -> {
                last[0] = s.timeSeconds();
                count[0]++;
            });
            // At speed 1 the step's time is wall time: what was produced by the kill minus what was stored.
            double lost = Duration.between(step.started(), killed).toNanos() / 1e9 - last[0];
            assertThat(count[0]).isGreaterThan(15);
            assertThat(lost).as("seconds of samples lost").isLessThan(1.0);
            assertThat(store.markCutOffSessions(Duration.ZERO)).containsExactly(1L);
            var session = store.session(1).orElseThrow();
            assertThat(session.status()).isEqualTo(SessionStatus.INTERRUPTED);
            assertThat(session.statusReason()).contains("kill -9").contains("'norrlab resume 1' continues it");
        }

        // Resume: the interrupted 10 min step continues for the time it had left, as a new linked session.
        CliRunner.Result resumed = CliRunner.norrlab("resume", "1", "--speed", "max", "--no-progress", "--home",
                Fixtures.HOME.toString(), "--db", db.toString());
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        // Before: "Resuming session 1: resumed from session 1." (the plan's description repeated the id)
        assertThat(resumed.out()).contains("Resuming session 1: 1 step left to run.\n").contains("Session 2 completed");
        try (SessionStore store = SessionStore.open(db)) {
            var session = store.session(2).orElseThrow();
            assertThat(session.resumedFrom()).contains(1L);
            StoredStep continued = store.steps(2).get(0);
            long[] before = {0};
            store.forEachSample(1, 1, (seq, s) -> before[0]++);
            double ran = before[0] * 0.1;
            assertThat(continued.label()).contains("(continued: ");
            // Together the two sessions hold the step's 6000 samples (one interval may fall in the cut).
            assertThat(continued.sampleCount() + before[0]).isBetween(5999L, 6000L);
            var gap = store.events(2).stream().filter(e -> e.event().kind() == EventKind.GAP).findFirst()
                    .orElseThrow();
            assertThat(gap.event().message()).startsWith("resumed session 1 after an interruption of");
            assertThat(gap.event().values().get("interruption_s")).isGreaterThan(0);
            assertThat(ran).isGreaterThan(1.5);
        }
    }

    @Test
    void aDamagedDatabaseIsReportedBeforeAnythingIsWritten() throws Exception {
        Path file = temp.resolve("junk.db");
        Files.write(file, "this is not a database at all, just text that fills a page or so".repeat(100).getBytes());
        assertThatThrownBy(() -> SessionStore.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not a database");
        assertThat(Files.readString(file)).startsWith("this is not a database");
    }
}
