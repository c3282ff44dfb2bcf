package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.EventKind;
import org.norrlab.driver.sim.ProductTally;
import org.norrlab.labdata.SimulatedAssays;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredEvent;
import org.norrlab.testing.Fixtures;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Quick-start promise: a simulated sweep ends in an FE/yield table whose values follow the simulator's truth. */
class SimulatedAssaysCliTest {
    @TempDir
    Path temp;

    @Test
    void theDemoRunEndsInAnFeTableCloseToTheSimulatorsTruth() throws Exception {
        Path db = temp.resolve("demo.db");
        CliRunner.Result run = CliRunner.norrlab("run", "protocols/demo-sweep.yaml", "--home", Fixtures.HOME.toString(),
                "--db", db.toString(), "--speed", "max", "--no-progress", "--simulate-assays");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Simulated NH3 assays of each CA step");

        try (SessionStore store = SessionStore.open(db)) {
            List<StoredEvent> truths = store.events(1).stream()
                    .filter(e -> e.event().kind() == EventKind.SIMULATOR_TRUTH).toList();
            assertThat(truths).extracting(StoredEvent::stepIndex).containsExactly(2, 3, 4, 5);
            assertThat(store.assays().assays(1)).hasSize(4)
                    .allSatisfy(a -> assertThat(a.operator()).isEqualTo(SimulatedAssays.OPERATOR));
            for (StoredEvent truthEvent : truths) {
                ProductTally truth = ProductTally.fromValues(truthEvent.event().values());
                // Row: step, E vs RHE, t, |Q|, NH3 ± s, FE ± s, ...
                Matcher row = Pattern.compile("\\n\\s+" + truthEvent.stepIndex()
                        + "\\s+-0\\.\\d00\\s+300\\.0\\s+([\\d.]+)\\s+([\\d.]+) ± [\\d.]+\\s+([\\d.]+) ± ([\\d.]+)").matcher(run.out());
                assertThat(row.find()).as(run.out()).isTrue();
                double charge = Double.parseDouble(row.group(1));
                double micromol = Double.parseDouble(row.group(2));
                double fe = Double.parseDouble(row.group(3));
                double feSigma = Double.parseDouble(row.group(4));
                double trueFe = truth.nh3FaradaicEfficiency() * 100;
                // 1 % reading scatter: within 4 sigma of the truth, and the sigma is about 1 % of the value.
                assertThat(fe).isCloseTo(trueFe, within(4 * feSigma));
                assertThat(feSigma / fe).isBetween(0.009, 0.02);
                // FE = 5 F n / Q from the printed numbers (rounding of n and Q only).
                assertThat(fe).isCloseTo(5 * 96485 * micromol * 1e-6 / charge * 100, within(fe * 0.002));
            }
        }
    }

    @Test
    void aRealInstrumentIsRefusedBeforeAnythingRuns() {
        CliRunner.Result run = CliRunner.norrlab("run", "protocols/demo-sweep-ca.yaml", "--home", Fixtures.HOME.toString(),
                "--db", temp.resolve("x.db").toString(), "--instrument", "rodeostat", "--port", "/dev/null",
                "--simulate-assays", "--no-progress");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--simulate-assays needs the simulated instrument; rodeostat is a real one");
        assertThat(temp.resolve("x.db")).doesNotExist();
    }
}
