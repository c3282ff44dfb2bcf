package org.norrlab.trace;

import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.StepOutcome;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The live view's event line for an EIS step counts its impedance points: it stores no samples. */
class LiveRunImpedanceTest {

    @Test
    void anEisStepEndsWithItsPointsCounted() {
        LiveRun live = new LiveRun();
        PlannedStep eis = new PlannedStep.Impedance(1, "EIS", Optional.empty(), 0, 0.010, List.of(1e5, 1e3, 10.0),
                CurrentRangeChoice.AUTO, new Location(Path.of("p.yaml"), 3, 1), StepContext.NONE);
        live.accept(new AcquisitionRecord.StepStarted(eis, Instant.now(), 0), false);
        for (int k = 0; k < 3; k++) {
            live.accept(new AcquisitionRecord.ImpedanceMeasured(1, k, ImpedancePoint.of(k, 1e5 / Math.pow(100, k), 10,
                    -k)), false);
        }
        live.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, 0, 2.0, Double.NaN, Instant.now()), true);
        var view = live.view(100);
        assertThat(view.spectrum()).hasSize(3);
        assertThat(view.events().get(view.events().size() - 1).text()).isEqualTo("step 1 completed: 3 impedance points,"
                + " 2.0 s");
    }
}
