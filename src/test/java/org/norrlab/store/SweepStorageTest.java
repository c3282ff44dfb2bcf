package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Gas;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.core.StepSettings;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.PlannedPotential;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.testing.Fixtures;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema 13: a CV step keeps its settings and gas, its samples their cycle and segment; CA samples neither. */
class SweepStorageTest {
    @TempDir
    Path temp;

    @Test
    void aCvStepKeepsItsSettingsAndGasAndItsSamplesTheirCycleAndSegment() throws Exception {
        Path file = temp.resolve("cv.db");
        // Ag/AgCl at pH 7 in Fixtures.cellAtPh7: the offset only has to be consistent, the test reads back what it wrote.
        PlannedStep cv = new PlannedStep.CyclicVoltammetry(1, "C_dl 20 mV/s",
                new PlannedPotential(new Potential(0.20, Potential.Scale.RHE), 0.20, -0.42),
                new PlannedPotential(new Potential(0.25, Potential.Scale.RHE), 0.25, -0.37),
                new PlannedPotential(new Potential(0.15, Potential.Scale.RHE), 0.15, -0.47), 2, 0.002, 0.020,
                CurrentRangeChoice.AUTO, new Location(Path.of("study.yaml"), 12, 5),
                new StepContext("", 0, 0, 0, Optional.of(Gas.ARGON)));
        try (SessionStore store = SessionStore.open(file)) {
            long id = store.createSession(new NewSession("p", "p.yaml", "", Fixtures.cellAtPh7(),
                    new InstrumentIdentity("sim", "sim", "model", "fw", "SN1"), Map.of(), "test", Instant.now(), Map.of(),
                    Optional.empty(), Optional.empty(), Electrolyte.Mode.REFRESH));
            List<Sample> written = List.of(new Sample(0.0, -0.42, -1e-6, 1e-3, 0).inSweep(1, 1),
                    new Sample(0.1, -0.40, 2e-6, 1e-3, 0).inSweep(1, 1), new Sample(2.6, -0.46, -3e-6, 1e-3, 0).inSweep(1, 2),
                    new Sample(9.9, -0.43, 1e-6, 1e-3, 0).inSweep(2, 3));
            try (StoreWriter writer = store.writer(id)) {
                writer.accept(new AcquisitionRecord.StepStarted(cv, Instant.now(), 0), false);
                for (int k = 0; k < written.size(); k++) {
                    writer.accept(new AcquisitionRecord.SampleTaken(1, k, written.get(k)), false);
                }
                writer.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, written.size(), 9.9, Double.NaN,
                        Instant.now()), true);
            }
            StoredStep step = store.steps(id).get(0);
            assertThat(step.kind()).isEqualTo("cv");
            assertThat(step.isSweep()).isTrue();
            assertThat(step.gas()).contains(Gas.ARGON);
            assertThat(step.settings()).isEqualTo(StepSettings.cyclicVoltammetry(0.20, 0.25, 0.15, 2, 0.002, 0.020));
            // The begin potential on both scales, so that sample E (vs RE) + (0.20 − (−0.42)) is vs RHE.
            assertThat(step.voltsVsRhe()).isEqualTo(0.20);
            assertThat(step.voltsVsReference()).isEqualTo(-0.42);
            List<Sample> read = new ArrayList<>();
            store.forEachSample(id, 1, (seq, s) -> read.add(s));
            assertThat(read).isEqualTo(written);
        }
    }

    @Test
    void aStepWithoutSettingsReadsBackAsNoneAndItsSamplesOutsideAnySweep() throws Exception {
        assertThat(StepSettingsJson.write(StepSettings.NONE)).isNull();
        assertThat(StepSettingsJson.read(null)).isEqualTo(StepSettings.NONE);
        StepSettings cp = StepSettings.chronopotentiometry(-0.010, -0.9, Double.NaN);
        // No NaN in JSON: the missing upper limit is left out and comes back NaN.
        assertThat(StepSettingsJson.write(cp)).isEqualTo("{\"set_current_a\":-0.01,\"lower_limit_vs_rhe_v\":-0.9}");
        assertThat(StepSettingsJson.read(StepSettingsJson.write(cp))).isEqualTo(cp);
    }
}
