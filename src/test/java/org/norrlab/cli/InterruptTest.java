package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.StepOutcome;
import org.norrlab.driver.Speed;
import org.norrlab.emulator.Emulators;
import org.norrlab.emulator.Faults;
import org.norrlab.report.SessionSummaries;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredSession;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.NorrlabProcess;
import org.norrlab.testing.PtyPair;
import org.norrlab.testing.StoredSamples;
import org.norrlab.testing.WireTranscripts;
import org.norrlab.transport.WireLog;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real JVM running {@code norrlab run} gets SIGTERM mid-step: the same shutdown path as Ctrl-C.
 * The session must end 'aborted' with every acquired sample stored.
 */
class InterruptTest {
    @TempDir
    Path temp;

    @Test
    void sigtermMidStepAbortsCleanly() throws Exception {
        Path db = temp.resolve("interrupt.db");
        List<String> rest = runThenSigterm(db, 1001, "--speed", "300");
        assertThat(rest).anyMatch(l -> l.startsWith("Session 1 aborted: operator interrupt"));
        assertThat(rest).anyMatch(l -> l.contains("the cell was turned off"));

        try (SessionStore store = SessionStore.open(db)) {
            StoredSession session = store.session(1).orElseThrow();
            assertThat(session.status()).isEqualTo(SessionStatus.ABORTED);
            var steps = store.steps(1);
            assertThat(steps.get(0).outcome()).contains(StepOutcome.ABORTED);
            long stored = SessionSummaries.of(store, 1).get(0).samples();
            assertThat(stored).isGreaterThan(1000).isEqualTo(steps.get(0).sampleCount());
        }
    }

    /** The same signal with a serial instrument: the abort must reach the device before the JVM exits. */
    @Test
    void sigtermSendsTheAbortToASerialInstrument() throws Exception {
        Path db = temp.resolve("serial.db");
        List<String> rest;
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(), Fixtures.cellAtPh7(),
                     new Speed(10), Optional.of("MnO2-x"), 7, Faults.NONE)) {
            rest = runThenSigterm(db, 6, "--instrument", "emstat4-hr", "--port", pty.host());
        }
        // jSerialComm stops all port I/O in its own shutdown hook; ours must get the abort out first.
        assertThat(rest).anyMatch(l -> l.startsWith("Session 1 aborted: operator interrupt"))
                .anyMatch(l -> l.contains("the cell was turned off"))
                .noneMatch(l -> l.contains("did not confirm"));
        try (SessionStore store = SessionStore.open(db)) {
            List<WireLog.Chunk> wire = store.wire(1);
            assertThat(WireTranscripts.abortAfterFirstScript(wire)).as("the abort (Z) after the first CA script").isPositive();
            assertThat(store.session(1).orElseThrow().status()).isEqualTo(SessionStatus.ABORTED);
            assertThat(SessionSummaries.of(store, 1).get(0).samples()).isGreaterThan(5);
        }
    }

    /**
     * Starts {@code norrlab run} of a 2 h CA step in its own JVM, sends SIGTERM once {@code samples} are
     * stored (not after a fixed time, which a busy machine fills with fewer), returns what it printed.
     */
    private List<String> runThenSigterm(Path db, long samples, String... options) throws Exception {
        Path protocol = temp.resolve("long.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 2 h, interval: 100 ms}\n");
        List<String> args = new ArrayList<>(List.of("run", protocol.toString(), "--db", db.toString(), "--no-progress"));
        args.addAll(List.of(options));
        Process process = NorrlabProcess.start(temp, List.of(), args.toArray(String[]::new));
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // A 2 h run may be warned about first (the PC's sleep setting, free disk space) in a few lines; the header follows.
        String firstLine = output.readLine();
        while (firstLine != null && !firstLine.startsWith("Protocol ")) {
            firstLine = output.readLine();
        }
        assertThat(firstLine).startsWith("Protocol long: 1 steps");
        StoredSamples.await(db, samples, process, Duration.ofSeconds(60));
        NorrlabProcess.signal(process, "TERM");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> rest = output.lines().toList();
        // The JVM exits with the signal's code, 128 + 15, as shells expect; Ctrl-C gives 130 the same way.
        assertThat(process.exitValue()).as(String.join("\n", rest)).isEqualTo(143);
        return rest;
    }
}
