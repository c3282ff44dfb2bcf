package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.StepOutcome;
import org.norrlab.core.StepSettings;
import org.norrlab.plan.StepContext;
import org.norrlab.store.StoredStep;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The lines 'run' prints for its EIS steps: the store's count of points against the planned frequencies. */
class SpectrumCountsTest {
    private static StoredStep step(int index, String kind, String label, StepSettings settings, StepOutcome outcome) {
        return new StoredStep(index, kind, label, Double.NaN, Double.NaN, 1, 10, "auto", "p.yaml:" + index,
                Instant.EPOCH, 0, Optional.of(Instant.EPOCH), 10, 0, Optional.of(outcome), Double.NaN, StepContext.NONE,
                settings);
    }

    @Test
    void eachEisStepSaysHowManyPointsTheStoreHoldsOfThosePlanned() {
        StoredStep ocp = step(1, "ocp", "OCP rest", StepSettings.NONE, StepOutcome.COMPLETED);
        // 3 frequencies planned, 10 kHz → 100 Hz; the store holds 2, one of them NaN (the instrument's 'nan')
        StoredStep eis = step(2, "eis", "EIS for R_u", StepSettings.impedance(Double.NaN, 0, 0.01, 1e4, 100, 3),
                StepOutcome.ENDED_EARLY);
        List<String> lines = SpectrumCounts.lines(List.of(ocp, eis), Map.of(2, List.of(ImpedancePoint.of(0.5, 1e4, 10, -1),
                ImpedancePoint.missing(1.0, 1e3, SampleFlag.NO_IMPEDANCE.bit()))));
        assertThat(lines).containsExactly("Impedance: step 2 (EIS for R_u) stored 2 of 3 planned points (10 kHz → 100 Hz),"
                + " 1 of them without an impedance (the instrument sent NaN); ended early.");
        // a spectrum the store has no point of says 0, and a session without EIS steps prints nothing
        assertThat(SpectrumCounts.lines(List.of(eis), Map.of())).singleElement().asString()
                .startsWith("Impedance: step 2 (EIS for R_u) stored 0 of 3 planned points");
        assertThat(SpectrumCounts.lines(List.of(ocp), Map.of())).isEmpty();
    }
}
