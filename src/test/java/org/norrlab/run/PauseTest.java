package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.driver.Speed;
import org.norrlab.emulator.Emulators;
import org.norrlab.emulator.Faults;
import org.norrlab.scheduler.RunState;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredEvent;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;
import org.norrlab.testing.StateLog;
import org.norrlab.testing.WireTranscripts;
import org.norrlab.transport.WireLog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** "Pause between steps": the step in progress finishes, the run waits with the cell off, then goes on. */
class PauseTest {
    static final long PAUSE_MILLIS = 600;

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
        // An emulated EmStat at 60x, so that what the device was told during the pause is on the recorded wire.
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(), Fixtures.cellAtPh7(),
                     new Speed(60), Optional.of("NiNC"), 3, Faults.NONE)) {
            pauseAfterStepOne(protocol, database, pty);
        }
    }

    private void pauseAfterStepOne(Path protocol, Path database, PtyPair pty) throws Exception {
        PreparedRun run = new RunService(SiteConfig.load(Fixtures.HOME)).prepare(new RunRequest(protocol, "emstat4-hr",
                Speed.REAL_TIME, Optional.empty(), Optional.empty(), Optional.of(pty.host()), Optional.of(StoreLocation.file(database))));
        StateLog log = new StateLog();
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute(log);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        run.pauseBetweenSteps(true);   // during step 1 (it takes 1 s at 60x)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (run.state() != RunState.PAUSED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(run.state()).as("paused after step 1").isEqualTo(RunState.PAUSED);
        Thread.sleep(PAUSE_MILLIS);
        assertThat(log.stepsStarted()).containsExactly(1);
        assertThat(run.state()).as("still paused: steps are not started while the pause lasts").isEqualTo(RunState.PAUSED);
        assertThat(run.statistics().snapshot().samples()).as("step 1 ran to its end").isEqualTo(600);
        run.pauseBetweenSteps(false);
        RunOutcome result = outcome.get(20, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(log.stepsStarted()).containsExactly(1, 2, 3);
        assertThat(log.states()).as("the pause is a state of the run, told to its listener")
                .containsExactly(RunState.RUNNING, RunState.PAUSED, RunState.RUNNING, RunState.COMPLETED);
        assertThat(run.state()).isEqualTo(RunState.COMPLETED);
        assertThat(result.counters().samplesDelivered()).isEqualTo(1800);
        try (SessionStore store = SessionStore.open(database)) {
            List<StoredEvent> pauses = store.events(result.sessionId()).stream()
                    .filter(e -> e.event().kind() == EventKind.PAUSE).toList();
            assertThat(pauses).hasSize(2).allMatch(e -> e.stepIndex() == 1);
            assertThat(pauses.get(0).event().message()).isEqualTo("paused after step 1 at the operator's request; the cell is off");
            assertThat(pauses.get(1).event().message()).startsWith("resumed after a pause of").endsWith("between steps 1 and 2");
            double pauseSeconds = pauses.get(1).event().values().get("pause_s");
            assertThat(pauseSeconds).isGreaterThanOrEqualTo(PAUSE_MILLIS / 1000.0);
            // Lag counted across the pause would be at least the pause itself, however fast the machine.
            assertThat(result.result().lagMillis()).as("the pause is not counted as scheduler lag")
                    .allMatch(lag -> lag < pauseSeconds * 1000);
            assertThat(pauses.get(0).event().timeSeconds()).isEqualTo(60.0);
            assertTheDeviceHeldTheCellOffThroughThePause(store.wire(result.sessionId()));
        }
    }

    /**
     * The pause's "the cell is off" checked at the device: between step 1's script and step 2's, the host
     * sent one stand-alone cell_off script, the device ended it without an error, and the next thing the
     * host sent, step 2's script, went out at least the test's pause later.
     */
    private static void assertTheDeviceHeldTheCellOffThroughThePause(List<WireLog.Chunk> wire) {
        int script1 = WireTranscripts.hostSent(wire, "e\nvar p", 0);
        int cellOff = WireTranscripts.hostSent(wire, "e\ncell_off\n\n", script1 + 1);
        int script2 = WireTranscripts.hostSent(wire, "e\nvar p", script1 + 1);
        assertThat(script1).as("step 1's script").isNotNegative();
        assertThat(cellOff).as("a cell_off script after step 1").isGreaterThan(script1);
        assertThat(script2).as("step 2's script, after the cell_off").isGreaterThan(cellOff);
        StringBuilder hostInPause = new StringBuilder();
        StringBuilder answer = new StringBuilder();
        for (WireLog.Chunk chunk : wire.subList(cellOff + 1, script2)) {
            (chunk.direction() == WireLog.Direction.HOST ? hostInPause : answer)
                    .append(new String(chunk.bytes(), StandardCharsets.US_ASCII));
        }
        assertThat(hostInPause.toString()).as("what the host sent during the pause").isEmpty();
        assertThat(answer.toString()).as("the device's answer to cell_off").isEqualTo("e\n\n");
        assertThat(wire.get(script2).timeSeconds() - wire.get(cellOff).timeSeconds()).as("cell off until step 2, s")
                .isGreaterThanOrEqualTo(PAUSE_MILLIS / 1000.0);
    }
}
