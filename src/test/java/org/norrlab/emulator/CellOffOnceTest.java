package org.norrlab.emulator;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.norrlab.core.StepOutcome;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.driver.Speed;
import org.norrlab.protocol.methodscript.ScriptWriter;
import org.norrlab.protocol.rodeostat.RodeostatMessages;
import org.norrlab.run.PreparedRun;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;
import org.norrlab.transport.WireLog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cell-off command goes out once on every way a run can end, on both serial drivers: counted
 * where it arrives (the emulated device) and in the session's wire recording, which holds the
 * close too.
 */
class CellOffOnceTest {
    @TempDir
    Path temp;

    private static byte[] cellOffCommand(String profile) {
        return profile.startsWith("rodeostat")
                ? RodeostatMessages.frame(RodeostatMessages.command("setAllElectConnected").put("connected", false))
                : ScriptWriter.frame(ScriptWriter.cellOff());
    }

    /** Cell-off commands the device received. */
    private static long received(String profile, List<String> lines) {
        if (profile.startsWith("rodeostat")) {
            String command = new String(cellOffCommand(profile), StandardCharsets.US_ASCII).strip();
            return lines.stream().filter(l -> l.strip().equals(command)).count();
        }
        long count = 0;
        for (int i = 0; i + 2 < lines.size(); i++) {
            if (lines.get(i).equals("e") && lines.get(i + 1).equals("cell_off") && lines.get(i + 2).isEmpty()) {
                count++;
            }
        }
        return count;
    }

    /** Cell-off commands in the session's wire recording (sent, whether or not they arrived). */
    private static long recorded(String profile, List<WireLog.Chunk> wire) {
        byte[] command = cellOffCommand(profile);
        return wire.stream().filter(c -> c.direction() == WireLog.Direction.HOST && Arrays.equals(c.bytes(), command)).count();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"emstat4-hr, end", "emstat4-hr, abort", "emstat4-hr, error", "emstat4-hr, lost link", "emstat4-hr, interrupt",
            "rodeostat, end", "rodeostat, abort", "rodeostat, error", "rodeostat, lost link", "rodeostat, interrupt"})
    void theCellOffCommandGoesOutOncePerExitPath(String profile, String exit) throws Exception {
        Path protocol = temp.resolve("p.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 20 s, interval: 100 ms}\n");
        Path db = temp.resolve("off.db");
        SiteConfig site = SiteConfig.load(Fixtures.HOME);
        RunService service = new RunService(new SiteConfig(site.home(), site.dataDirectory(), site.cell(), site.safety(),
                Duration.ofSeconds(1)));
        Faults faults = exit.equals("error") ? Faults.NONE.withErrorAfter(10) : Faults.NONE;
        PtyPair pty = new PtyPair(temp);
        Emulators.Running emulator = Emulators.start(Fixtures.HOME, profile, pty.device(), Fixtures.cellAtPh7(),
                new Speed(exit.equals("end") || exit.equals("error") ? 40 : 4), Optional.of("NiNC"), 3, faults);
        PreparedRun run = service.prepare(new RunRequest(protocol, profile, Speed.REAL_TIME, Optional.empty(), Optional.empty(),
                Optional.of(pty.host()), Optional.of(StoreLocation.file(db))));
        AtomicReference<Thread> runner = new AtomicReference<>();
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            runner.set(Thread.currentThread());
            try {
                return run.execute(RunListener.NONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        if (!exit.equals("end") && !exit.equals("error")) {
            while (run.statistics().snapshot().samples() < 5) {
                Thread.sleep(10);
            }
            switch (exit) {
                case "abort" -> run.requestAbort("operator pressed Ctrl-C");
                case "lost link" -> pty.kill();
                case "interrupt" -> runner.get().interrupt();
                default -> throw new IllegalArgumentException(exit);
            }
        }
        RunOutcome result = null;
        try {
            result = outcome.get(90, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(exit).as("only an interrupted run may end without an outcome: " + e.getCause()).isEqualTo("interrupt");
        }
        List<String> lines = emulator.received().get();
        emulator.close();
        pty.close();

        if (result != null) {
            switch (exit) {
                case "end" -> assertThat(result.status()).isEqualTo(SessionStatus.COMPLETED);
                case "abort", "interrupt" -> assertThat(result.status()).isEqualTo(SessionStatus.ABORTED);
                case "error" -> assertThat(result.status()).as(result.reason()).isEqualTo(SessionStatus.FAILED);
                case "lost link" -> assertThat(result.status()).isEqualTo(SessionStatus.INTERRUPTED);
                default -> throw new IllegalArgumentException(exit);
            }
        }
        assertThat(received(profile, lines)).as("cell-off commands the device received")
                .isEqualTo(exit.equals("lost link") ? 0 : 1);
        if (result != null) {
            assertThat(result.result().cellOffConfirmed()).isEqualTo(!exit.equals("lost link"));
            try (SessionStore store = SessionStore.open(db)) {
                assertThat(recorded(profile, store.wire(result.sessionId()))).as("cell-off commands in the recording").isEqualTo(1);
                if (exit.equals("error")) {
                    assertThat(store.steps(result.sessionId()).get(0).outcome()).contains(StepOutcome.FAILED);
                    assertThat(store.events(result.sessionId())).anyMatch(e -> e.event().kind() == EventKind.DEVICE_ERROR);
                }
            }
        }
    }
}
