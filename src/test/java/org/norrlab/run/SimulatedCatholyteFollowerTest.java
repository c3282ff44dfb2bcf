package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.acquisition.RecordConsumer;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.driver.sim.BatchTruth;
import org.norrlab.driver.sim.ProductTally;
import org.norrlab.driver.sim.RandlesImpedance;
import org.norrlab.driver.sim.SpectrumTruth;
import org.norrlab.plan.Plan;
import org.norrlab.plan.ProtocolLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The SIMULATOR_TRUTH events the store gets carry the batch of catholyte each step ran in, as the plan says. */
class SimulatedCatholyteFollowerTest {
    private static final double TOLERANCE = 1e-15;
    /** An OCP step, then CA steps 2, 3, 4 (refresh unless a test says otherwise; a test may add to the sweep). */
    private static final String SWEEP = """
            steps:
              - ocp: {duration: 10 s, interval: 1 s}
              - sweep:
                  potentials: [-0.4 V vs RHE, -0.5 V vs RHE, -0.6 V vs RHE]
                  duration: 10 s
                  interval: 1 s
            """;

    @TempDir
    Path home;

    private Plan load(String protocol) throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/site.yaml"), """
                cell: {reference_electrode: RHE, ph: 7.0, electrode_area: 1 cm2, electrolyte_volume: 35 mL}
                """);
        Path file = home.resolve("p.yaml");
        Files.writeString(file, protocol);
        return ProtocolLoader.load(file, SiteConfig.load(home));
    }

    /** Runs truth events of 2, 3 and 4 µmol NH3 on steps 2, 3, 4 through the follower; what the store got. */
    private List<BatchTruth> follow(Plan plan) throws Exception {
        List<AcquisitionRecord> stored = new ArrayList<>();
        RecordConsumer store = (record, endOfBatch) -> stored.add(record);
        SimulatedCatholyteFollower follower = new SimulatedCatholyteFollower(plan, store);
        double micromol = 2;
        for (int step = 2; step <= 4; step++) {
            ProductTally made = new ProductTally(step, micromol * 1e-6, 0, 0, 0, 0);
            follower.accept(new AcquisitionRecord.EventSeen(step, new Event(EventKind.SIMULATOR_TRUTH, 10,
                    "simulator truth", made.asValues()), Instant.EPOCH), false);
            follower.accept(new AcquisitionRecord.EventSeen(step, Event.of(EventKind.NOTE, 10, "a note"), Instant.EPOCH),
                    true);
            micromol++;
        }
        assertThat(stored).hasSize(6);
        List<BatchTruth> truths = new ArrayList<>();
        for (AcquisitionRecord record : stored) {
            AcquisitionRecord.EventSeen seen = (AcquisitionRecord.EventSeen) record;
            if (seen.event().kind() == EventKind.SIMULATOR_TRUTH) {
                truths.add(BatchTruth.fromValues(seen.event().values()).orElseThrow());
            } else {
                assertThat(seen.event().values()).isEmpty();
            }
        }
        return truths;
    }

    @Test
    void anAccumulatingBatchKeepsWhatEachStepMadeLessTheAliquots() throws Exception {
        List<BatchTruth> truths = follow(load("electrolyte: accumulate\n" + SWEEP + "      aliquot: {volume: 1 mL}\n"));
        assertThat(truths).extracting(BatchTruth::batch).containsExactly(1, 1, 1);
        assertThat(truths).extracting(BatchTruth::aliquotMl).containsExactly(1.0, 1.0, 1.0);
        // Step 2 made 2 µmol in 35 mL; the 1 mL aliquot leaves 2 · 34/35 = 1.942857 µmol in 34 mL.
        assertThat(truths.get(0).afterStep().nh3Mol()).isCloseTo(2.0e-6, within(TOLERANCE));
        assertThat(truths.get(0).afterStep().volumeMl()).isEqualTo(35.0);
        assertThat(truths.get(0).afterAliquot().nh3Mol()).isCloseTo(1.942857142857e-6, within(TOLERANCE));
        assertThat(truths.get(0).afterAliquot().volumeMl()).isEqualTo(34.0);
        // Step 3 made 3 µmol: 4.942857 µmol in 34 mL; after its aliquot 4.942857 · 33/34 = 4.797479 µmol in 33 mL.
        assertThat(truths.get(1).step().nh3Mol()).isCloseTo(3.0e-6, within(TOLERANCE));
        assertThat(truths.get(1).afterStep().nh3Mol()).isCloseTo(4.942857142857e-6, within(TOLERANCE));
        assertThat(truths.get(1).afterStep().volumeMl()).isEqualTo(34.0);
        assertThat(truths.get(1).afterAliquot().nh3Mol()).isCloseTo(4.797478991597e-6, within(TOLERANCE));
        // Step 4 made 4 µmol: 8.797479 µmol in 33 mL.
        assertThat(truths.get(2).afterStep().nh3Mol()).isCloseTo(8.797478991597e-6, within(TOLERANCE));
        assertThat(truths.get(2).afterStep().volumeMl()).isEqualTo(33.0);
    }

    /** Part sim (issue 21): a spectrum's truth (R_u, R_ct, ...) rides beside its products and must reach the store. */
    @Test
    void theTruthOfASpectrumKeepsItsCircuitBesideTheBatch() throws Exception {
        Plan plan = load(SWEEP);
        List<AcquisitionRecord> stored = new ArrayList<>();
        SimulatedCatholyteFollower follower = new SimulatedCatholyteFollower(plan, (record, endOfBatch) -> stored.add(record));
        Map<String, Double> values = new LinkedHashMap<>(new ProductTally(0.5, 1e-6, 0, 0, 0, 0).asValues());
        values.putAll(new RandlesImpedance(10, 5e-3, 1, 7.5, 3, 0.0375).asValues());
        values.put("E_interface_V_vs_RHE", -0.43);
        values.put("compensation_during_spectrum", 0.0);
        values.put("compensation_other_steps", 1.0);
        follower.accept(new AcquisitionRecord.EventSeen(2, new Event(EventKind.SIMULATOR_TRUTH, 10, "simulator truth",
                values), Instant.EPOCH), true);
        Map<String, Double> kept = ((AcquisitionRecord.EventSeen) stored.get(0)).event().values();
        assertThat(BatchTruth.fromValues(kept).orElseThrow().afterStep().nh3Mol()).isCloseTo(1e-6, within(TOLERANCE));
        SpectrumTruth spectrum = SpectrumTruth.fromValues(kept).orElseThrow();
        assertThat(spectrum.circuit()).isEqualTo(new RandlesImpedance(10, 5e-3, 1, 7.5, 3, 0.0375));
        assertThat(spectrum.interfaceVoltsVsRhe()).isEqualTo(-0.43);
    }

    @Test
    void refreshStartsEveryCaStepWithFreshElectrolyte() throws Exception {
        List<BatchTruth> truths = follow(load(SWEEP));
        assertThat(truths).extracting(BatchTruth::batch).containsExactly(1, 2, 3);
        assertThat(truths).extracting(t -> t.afterStep().nh3Mol() * 1e6)
                .containsExactly(2.0, 3.0, 4.0);
        assertThat(truths).allSatisfy(t -> {
            assertThat(t.afterStep().volumeMl()).isEqualTo(35.0);
            assertThat(t.aliquotMl()).isZero();
            assertThat(t.afterAliquot()).isEqualTo(t.afterStep());
        });
    }
}
