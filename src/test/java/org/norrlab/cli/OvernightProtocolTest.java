package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.driver.sim.BatchTruth;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.Plan;
import org.norrlab.plan.ProtocolLoader;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredEvent;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** protocols/norr-sweep-overnight.yaml: accumulates with autosampler aliquots, waits for nobody, runs on the simulator. */
class OvernightProtocolTest {
    private static final Path PROTOCOL = Path.of("protocols/norr-sweep-overnight.yaml");

    @TempDir
    Path temp;

    @Test
    void itAccumulatesWithA1MlAliquotAfterEachCaStepAndNeverWaits() throws Exception {
        Plan plan = ProtocolLoader.load(PROTOCOL, SiteConfig.load(Fixtures.HOME));
        assertThat(plan.unattended()).isTrue();
        assertThat(plan.holds()).isEmpty();
        assertThat(plan.electrolyte().mode()).isEqualTo(Electrolyte.Mode.ACCUMULATE);
        assertThat(plan.electrolyte().aliquots()).extracting(Electrolyte.PlannedAliquot::afterStep).containsExactly(2, 3, 4, 5);
        assertThat(plan.electrolyte().aliquots()).allSatisfy(a -> {
            assertThat(a.volumeMl()).isEqualTo(1.0);
            assertThat(a.replaced()).isFalse();
            assertThat(a.takenBy()).isEqualTo(Electrolyte.TakenBy.AUTOSAMPLER);
        });
        assertThat(plan.steps()).extracting(s -> s.context().batch()).containsOnly(1);

        CliRunner.Result check = CliRunner.norrlab("plan", PROTOCOL.toString(), "--home", Fixtures.HOME.toString());
        assertThat(check.exitCode()).as(check.err()).isZero();
        // 5 min OCP at 1 s + 4 x 2 h CA at 1 s: 300 + 4 x 7200 samples.
        assertThat(check.out()).contains("Total: 5 steps, 8 h 5 min, 29100 samples");
    }

    @Test
    void itRunsOnTheSimulatorWithSimulatedAssaysOfTheBatch() throws Exception {
        Path db = temp.resolve("overnight.db");
        CliRunner.Result run = CliRunner.norrlab("run", PROTOCOL.toString(), "--home", Fixtures.HOME.toString(),
                "--db", db.toString(), "--speed", "max", "--no-progress", "--simulate-assays");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Session 1 completed: all 5 steps completed")
                .contains("Simulated NH3 assays of the accumulating catholyte after each CA step");
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.existingSession(1).electrolyte()).isEqualTo(Electrolyte.Mode.ACCUMULATE);
            List<BatchTruth> truths = store.events(1).stream().filter(e -> e.event().kind() == EventKind.SIMULATOR_TRUTH)
                    .map(StoredEvent::event).map(e -> BatchTruth.fromValues(e.values()).orElseThrow()).toList();
            assertThat(truths).hasSize(4).allSatisfy(t -> {
                assertThat(t.batch()).isEqualTo(1);
                assertThat(t.aliquotMl()).isEqualTo(1.0);
            });
            // 35 mL, 1 mL taken and not replaced after each step: 35, 34, 33, 32 mL during the steps.
            assertThat(truths).extracting(t -> t.afterStep().volumeMl()).containsExactly(35.0, 34.0, 33.0, 32.0);
            assertThat(truths).extracting(t -> t.afterAliquot().volumeMl()).containsExactly(34.0, 33.0, 32.0, 31.0);
            for (int k = 1; k < 4; k++) {
                // In the cell after step k: what the aliquot after step k-1 left, (V-1)/V of the batch, plus step k's NH3.
                BatchTruth before = truths.get(k - 1);
                double left = before.afterStep().nh3Mol() * (before.afterStep().volumeMl() - 1) / before.afterStep().volumeMl();
                assertThat(truths.get(k).afterStep().nh3Mol()).isCloseTo(left + truths.get(k).step().nh3Mol(),
                        within(1e-15));
            }
            assertThat(store.assays().assays(1)).extracting(a -> a.stepIndex()).containsExactly(2, 3, 4, 5);
        }
        // The batch truth goes along with the session's JSON export (the event values, as written).
        Path json = temp.resolve("overnight.json");
        CliRunner.Result export = CliRunner.norrlab("export", "1", "--format", "json", "-o", json.toString(),
                "--db", db.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(Files.readString(json).split("\"batch_after_aliquot_volume_mL\"", -1)).hasSize(5);
    }
}
