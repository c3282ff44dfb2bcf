package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.EventKind;
import org.norrlab.run.ContinueFiles;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredEvent;
import org.norrlab.testing.Fixtures;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line at a hold: refused without a terminal, Enter continues, 'norrlab continue' from elsewhere. */
class HoldCommandTest {
    static final String PROTOCOL = """
            steps:
              - ca: {potential: -0.5 V vs RHE, duration: 10 s, interval: 100 ms}
              - hold: {message: Replace the catholyte, timeout: 30 min, on_timeout: continue}
              - ca: {potential: -0.6 V vs RHE, duration: 10 s, interval: 100 ms}
            """;

    @TempDir
    Path temp;

    /** Standard input as a test decides: a terminal or not, and what is typed. */
    record Input(boolean isTerminal, InputStream stream) implements OperatorConsole.StandardInput {
    }

    /** A stream nobody types into: it blocks until the test ends. */
    static InputStream silent() {
        CountDownLatch never = new CountDownLatch(1);
        return new InputStream() {
            @Override
            public int read() {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
    }

    /** Someone pressing Enter every 20 ms (Enter while the run is not waiting is ignored). */
    static InputStream pressingEnter() {
        return new InputStream() {
            @Override
            public int read() {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
                return '\n';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                // one Enter at a time, as a terminal delivers a line (the default would wait for a full buffer)
                int key = read();
                if (key < 0) {
                    return -1;
                }
                buffer[offset] = (byte) key;
                return 1;
            }
        };
    }

    private CliRunner.Result run(OperatorConsole.StandardInput input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        ((RunCommand) cli.getSubcommands().get("run").getCommand()).standardInput = input;
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", Fixtures.HOME.toString(), "--db", temp.resolve("holds.db").toString()));
        int code = cli.execute(all.toArray(String[]::new));
        return new CliRunner.Result(code, out.toString(), err.toString());
    }

    private Path protocol() throws Exception {
        Path file = temp.resolve("holds.yaml");
        Files.writeString(file, PROTOCOL);
        return file;
    }

    @Test
    void withoutATerminalAProtocolWithHoldsIsRefusedNamingTheFirstHold() throws Exception {
        Path protocol = protocol();
        CliRunner.Result refused = run(new Input(false, silent()), "run", protocol.toString(), "--speed", "max",
                "--no-progress");
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err().strip()).isEqualTo("Bad input: the protocol waits for the operator at 1 hold, the first"
                + " at step 2 (" + protocol + ":3: 'Replace the catholyte'), and standard input is not a terminal, so"
                + " nobody could press Enter; nothing was started. Run it from a terminal, or with --unattended, where"
                + " each hold follows its on_timeout at once (step 2: continue)");
        assertThat(Files.exists(temp.resolve("holds.db"))).as("nothing was started: no session").isFalse();

        CliRunner.Result unattended = run(new Input(false, silent()), "run", protocol.toString(), "--speed", "max",
                "--no-progress", "--unattended");
        assertThat(unattended.exitCode()).isZero();
        assertThat(holdValues(1)).containsEntry("continued_by", 2.0);
    }

    @Test
    void anUnattendedRunEndedByAHoldsOnTimeoutAbortExitsAsNotCompletedNotAsCtrlC() throws Exception {
        Path protocol = Files.writeString(temp.resolve("abort.yaml"), PROTOCOL.replace("on_timeout: continue",
                "on_timeout: abort"));
        CliRunner.Result ran = run(new Input(false, silent()), "run", protocol.toString(), "--speed", "max",
                "--no-progress", "--unattended");
        // 130 is kept for Ctrl-C; the protocol's own rule ended this run: it did not complete (1)
        assertThat(ran.exitCode()).as(ran.out() + ran.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(ran.out()).contains("on_timeout is abort");
    }

    @Test
    void atATerminalTheMessageIsBoxedAndEnterContinues() throws Exception {
        CliRunner.Result ran = run(new Input(true, pressingEnter()), "run", protocol().toString(), "--speed", "max",
                "--no-progress");
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("# WAITING FOR THE OPERATOR (step 2)", "# Replace the catholyte",
                "# Cell: off", "# Timeout: 30 min, then continue",
                "# Press Enter to continue (or run 'norrlab continue 1' in another terminal); Ctrl-C aborts.",
                "Hold at step 2 ended: continued by the operator.");
        assertThat(holdValues(1)).containsEntry("continued_by", 0.0);
    }

    @Test
    void continueFromAnotherCommandLetsAWaitingRunGoOn() throws Exception {
        Path protocol = protocol();
        CompletableFuture<CliRunner.Result> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(new Input(true, silent()), "run", protocol.toString(), "--speed", "max", "--no-progress");
            } catch (RuntimeException e) {
                throw e;
            }
        });
        ContinueFiles files = ContinueFiles.of(StoreLocation.file(temp.resolve("holds.db")), 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (files.waitingFor().isEmpty() && System.nanoTime() < deadline && !running.isDone()) {
            Thread.sleep(20);
        }
        assertThat(files.waitingFor()).contains("step 2: Replace the catholyte");
        CliRunner.Result continued = CliRunner.norrlabOn(temp.resolve("holds.db"), "continue", "1");
        assertThat(continued.exitCode()).as(continued.err()).isZero();
        assertThat(continued.out().strip()).isEqualTo("Session 1: the hold at step 2: Replace the catholyte is continued;"
                + " the run goes on.");
        CliRunner.Result ran = running.get(60, TimeUnit.SECONDS);
        assertThat(ran.exitCode()).isZero();
        assertThat(holdValues(1)).containsEntry("continued_by", 0.0);

        CliRunner.Result notWaiting = CliRunner.norrlabOn(temp.resolve("holds.db"), "continue", "1");
        assertThat(notWaiting.exitCode()).isEqualTo(3);
        assertThat(notWaiting.err().strip()).isEqualTo("Bad input: session 1 is completed, not running: there is no hold"
                + " to continue");
    }

    @Test
    void planListsTheHoldsAndSaysUpTo() throws Exception {
        CliRunner.Result plan = CliRunner.norrlab("plan", protocol().toString(), "--home", Fixtures.HOME.toString());
        assertThat(plan.exitCode()).isZero();
        // 10 s + 30 min + 10 s = 30 min 20 s at the longest; 100 + 0 + 100 samples
        assertThat(plan.out()).containsPattern("\\n\\s+2\\s+hold\\s+—\\s+—\\s+≤ 30 min\\s")
                .contains("  step 2 (line 3): 'Replace the catholyte'; cell off; timeout 30 min; on_timeout continue")
                .contains("Total: 3 steps, up to 30 min 20 s, 200 samples");
    }

    private java.util.Map<String, Double> holdValues(long session) throws Exception {
        try (SessionStore store = SessionStore.open(StoreLocation.file(temp.resolve("holds.db")))) {
            List<StoredEvent> holds = store.events(session).stream().filter(e -> e.event().kind() == EventKind.HOLD)
                    .toList();
            assertThat(holds).hasSize(1);
            return holds.get(0).event().values();
        }
    }
}
