package org.norrlab.emulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.cli.CliRunnerAccess;
import org.norrlab.driver.Speed;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** norrlab run completes the demo sweep against each emulator through a pty, as with hardware. */
class DemoSweepOverPtyTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // NiNC passes 14.5 mA at -0.5 V; the Rodeostat's 24 mA range cannot hold its -0.6 and -0.7 V steps
            // (the safety envelope stops them after 100 overloads), so its cell is MnO2-x (82 µA at -0.5 V).
            "emstat4-hr, protocols/demo-sweep.yaml,    5, NiNC,   -14\\.\\d+ mA",
            "rodeostat,  protocols/demo-sweep-ca.yaml, 4, MnO2-x, -8\\d\\.\\d+ µA",
    })
    void theDemoSweepCompletes(String profile, String protocol, int steps, String catalyst, String current) throws Exception {
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, profile, pty.device(), Fixtures.cellAtPh7(),
                     new Speed(600), Optional.of(catalyst), 42, Faults.NONE)) {
            var run = CliRunnerAccess.norrlab("run", protocol, "--instrument", profile, "--port", pty.host(), "--no-progress",
                    "--home", Fixtures.HOME.toString(), "--db", temp.resolve("demo.db").toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Session 1 completed: all " + steps + " steps completed")
                    .containsPattern("\\n\\s+\\d\\s+ca\\s+-0\\.500\\s+-1\\.111\\s+300\\.0\\s+3000\\s+" + current);
            assertThat(emulator.thread().isAlive()).isTrue();
        }
    }
}
