package org.norrlab.testing;

import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.plan.PlannedStep;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreWriter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions written by hand through the store's writer, as a run writes them: CA steps of 100 s at 1 s with a
 * constant current, so that Q is I × 100 s exactly (the first sample counts from the step's start), and product
 * amounts entered in µmol.
 */
public final class HandSessions {
    private HandSessions() {
    }

    /**
     * One CA step as written.
     *
     * @param voltsVsRhe  its potential
     * @param amperes     the constant current, cathodic negative
     * @param samples     how many of the 100 planned samples were recorded (at 1 … samples s)
     * @param micromoles  the products assayed after it
     */
    public record Step(double voltsVsRhe, double amperes, int samples, Map<Product, Double> micromoles) {
        public static Step of(double voltsVsRhe, double amperes, Map<Product, Double> micromoles) {
            return new Step(voltsVsRhe, amperes, 100, micromoles);
        }
    }

    /** A completed session of the given protocol name with one CA step per entry, numbered from 1. */
    public static long session(SessionStore store, String protocol, List<Step> steps) throws Exception {
        long id = store.createSession(new NewSession(protocol, protocol + ".yaml", "", Fixtures.cellAtPh7(),
                new InstrumentIdentity("sim", "sim", "m", "f", "s"), Map.of(), "test", Instant.now()));
        try (StoreWriter writer = store.writer(id)) {
            long seq = 0;
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                int index = i + 1;
                PlannedStep ca = new PlannedStep.Chronoamperometry(index, "CA", new Potential(step.voltsVsRhe(),
                        Potential.Scale.RHE), step.voltsVsRhe(), step.voltsVsRhe() - 0.611, Duration.ofSeconds(1),
                        Duration.ofSeconds(100), CurrentRangeChoice.AUTO, new Location(Path.of(protocol + ".yaml"), index, 1));
                writer.accept(new AcquisitionRecord.StepStarted(ca, Instant.now(), i * 100.0), false);
                for (int t = 1; t <= step.samples(); t++) {
                    writer.accept(new AcquisitionRecord.SampleTaken(index, seq++,
                            new Sample(t, step.voltsVsRhe() - 0.611, step.amperes(), 0.1, 0)), false);
                }
                writer.accept(new AcquisitionRecord.StepEnded(index, StepOutcome.COMPLETED, step.samples(), 100,
                        Double.NaN, Instant.now()), i == steps.size() - 1);
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            for (Map.Entry<Product, Double> product : steps.get(i).micromoles().entrySet()) {
                store.assays().addAssay(id, new Assay(0, i + 1, product.getKey(), Assay.Kind.AMOUNT,
                        new Measure(product.getValue(), 0.01), "µmol", Optional.empty(), 1, 0, Optional.empty(),
                        Optional.empty(), Optional.empty(), "", "", Instant.now()));
            }
        }
        return id;
    }
}
