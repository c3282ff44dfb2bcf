package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.EventKind;
import org.norrlab.driver.sim.ProductTally;
import org.norrlab.labdata.SimulatedAssays;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredEvent;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    void inAnAccumulatingBatchEachAssayIsTheBatchsConcentrationAfterItsStep() throws Exception {
        Path protocol = temp.resolve("accumulate.yaml");
        Files.writeString(protocol, """
                electrolyte: accumulate
                steps:
                  - sweep:
                      potentials: [-0.4 V vs RHE, -0.5 V vs RHE, -0.6 V vs RHE]
                      duration: 20 s
                      interval: 100 ms
                      aliquot: {volume: 1 mL}
                """);
        Path db = temp.resolve("accumulate.db");
        CliRunner.Result run = CliRunner.norrlab("run", protocol.toString(), "--home", Fixtures.HOME.toString(),
                "--db", db.toString(), "--speed", "max", "--no-progress", "--simulate-assays");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Simulated NH3 assays of the accumulating catholyte after each CA step");

        try (SessionStore store = SessionStore.open(db)) {
            List<ProductTally> made = new ArrayList<>();
            List<Double> assayed = store.assays().assays(1).stream().map(a -> a.value().value()).toList();
            assertThat(assayed).hasSize(3);
            for (StoredEvent truthEvent : store.events(1)) {
                if (truthEvent.event().kind() == EventKind.SIMULATOR_TRUTH) {
                    made.add(ProductTally.fromValues(truthEvent.event().values()));
                }
            }
            // What is in the 35 mL cell after each step, each 1 mL aliquot (not replaced) taking 1/V of it:
            // after step 1: n1 in 35 mL; after step 2: n1·34/35 + n2 in 34 mL; after step 3: (that)·33/34 + n3 in 33 mL.
            double n1 = made.get(0).nh3Mol();
            double n2 = made.get(1).nh3Mol();
            double n3 = made.get(2).nh3Mol();
            double[] molPerMl = {n1 / 35, (n1 * 34 / 35 + n2) / 34, ((n1 * 34 / 35 + n2) * 33 / 34 + n3) / 33};
            for (int k = 0; k < 3; k++) {
                double microgramNPerMl = molPerMl[k] * 14.007 * 1e6;
                // 1 % reading scatter: within 4 sigma of the batch's concentration.
                assertThat(assayed.get(k)).as("assay after step %d", k + 1)
                        .isCloseTo(microgramNPerMl, within(4 * 0.01 * microgramNPerMl));
            }
            // The batch's concentration after step 3 is not step 3's own NH3 in fresh electrolyte.
            assertThat(assayed.get(2)).isGreaterThan(n3 / 35 * 14.007 * 1e6 * 1.1);
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
