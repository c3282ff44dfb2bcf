package org.norrlab.testing;

import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreWriter;
import org.norrlab.store.StoredAliquot;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A 4-step sweep written straight through the store, as a run with an electrolyte batch and aliquots would write it:
 * steps at -0.3, -0.4, -0.5, -0.6 V vs RHE, each CA step 100 s at 40 mA (Q = 4.0 C) in the 35 mL, 1 cm² cell of {@link Fixtures#cellAtPh7()}.
 */
public final class AccumulatingSweep {
    private AccumulatingSweep() {
    }

    /** Steps 1..4 in batch 1 of an accumulating session; an aliquot after each step in {@code aliquotsAfter}. */
    public static long session(SessionStore store, Electrolyte.Mode mode, List<Integer> aliquotsAfter, boolean replaced)
            throws Exception {
        long id = store.createSession(new NewSession("sweep", "sweep.yaml", "", Fixtures.cellAtPh7(),
                new InstrumentIdentity("sim", "sim", "m", "f", "s"), Map.of(), "test", Instant.now(), Map.of(),
                Optional.empty(), Optional.empty(), mode));
        try (StoreWriter writer = store.writer(id)) {
            for (int k = 1; k <= 4; k++) {
                PlannedStep ca = new PlannedStep.Chronoamperometry(k, "CA", new Potential(-0.2 - 0.1 * k, Potential.Scale.RHE), -0.2 - 0.1 * k,
                        -1.111, Duration.ofSeconds(1), Duration.ofSeconds(100), CurrentRangeChoice.AUTO,
                        new Location(Path.of("sweep.yaml"), k, 1), new StepContext("", 0, 0,
                        mode == Electrolyte.Mode.ACCUMULATE ? 1 : k));
                writer.accept(new AcquisitionRecord.StepStarted(ca, Instant.now(), 100.0 * (k - 1)), false);
                for (int t = 1; t <= 100; t++) {
                    writer.accept(new AcquisitionRecord.SampleTaken(k, t - 1, new Sample(t, -1.111, -0.040, 0.1, 0)), false);
                }
                writer.accept(new AcquisitionRecord.StepEnded(k, StepOutcome.COMPLETED, 100, 100, Double.NaN, Instant.now()), true);
                if (aliquotsAfter.contains(k)) {
                    writer.accept(new AcquisitionRecord.EventSeen(k, StoredAliquot.event(100, k, 1.0, replaced,
                            Electrolyte.TakenBy.AUTOSAMPLER), Instant.now()), true);
                }
            }
        }
        return id;
    }

}
