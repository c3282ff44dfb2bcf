package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speed, catalyst and seed mean something to the simulator only: given with a real instrument they would be
 * ignored while the session recorded them as applied, so they are refused before the port is even opened.
 */
class SimulatorOnlyOptionsTest {
    @TempDir
    Path temp;

    @Test
    void aRealInstrumentRefusesSpeedCatalystAndSeedBeforeItsPortIsOpened() {
        Path db = temp.resolve("s.db");
        CliRunner.Result run = CliRunner.norrlab("run", "protocols/demo-sweep.yaml", "--instrument", "emstat4-hr", "--port",
                temp.resolve("no-such-port").toString(), "--speed", "600", "--catalyst", "NiNC", "--seed", "7",
                "--no-progress", "--db", db.toString(), "--home", Fixtures.HOME.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("emstat4-hr would ignore, so nothing was started")
                .contains("--speed 600x: emstat4-hr measures in real time")
                .contains("--catalyst NiNC: ").contains("--seed 7: ")
                .doesNotContain("serial port").doesNotContain("\tat ");
        assertThat(db).doesNotExist();
    }

    @Test
    void aLabBenchWithARealInstrumentAndASpeedStopsTheLabNamingBenchAndOption() throws Exception {
        Path db = temp.resolve("lab.db");
        Path lab = temp.resolve("lab.yaml");
        Files.writeString(lab, "benches:\n  - {name: S1, protocol: protocols/demo-sweep.yaml, speed: max}\n"
                + "  - {name: E1, instrument: emstat4-hr, port: " + temp.resolve("no-such-port")
                + ", protocol: protocols/demo-sweep.yaml, speed: 120}\n");
        CliRunner.Result run = CliRunner.norrlab("run", "--lab", lab.toString(), "--no-progress", "--db", db.toString(),
                "--home", Fixtures.HOME.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("the lab was not started, nothing was switched on")
                .contains("bench E1: options that emstat4-hr would ignore").contains("--speed 120x")
                .doesNotContain("bench S1").doesNotContain("serial port");
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.sessions()).isEmpty();
        }
    }
}
