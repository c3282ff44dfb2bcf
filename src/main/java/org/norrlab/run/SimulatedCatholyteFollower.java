package org.norrlab.run;

import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.acquisition.RecordConsumer;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.driver.sim.BatchTruth;
import org.norrlab.driver.sim.ProductTally;
import org.norrlab.driver.sim.SimulatedCatholyte;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes the simulator's truth follow the electrolyte: the simulated cell reports what each CA step made
 * (a SIMULATOR_TRUTH event); this consumer, in front of the store, adds the batch of catholyte the step ran
 * in, as the plan says ({@link PlannedStep#context()}'s batch, {@link Electrolyte}'s aliquots). Products
 * accumulate over the steps of one batch, the aliquots planned after a step take their share, and a new
 * batch starts empty with the cell's electrolyte volume. Every other record passes unchanged.
 *
 * <p>It follows the plan, not the aliquots the run records: the plan is what the simulated autosampler
 * and operator do. A step without a batch (0) is a batch of its own, as the analysis assumes.
 */
final class SimulatedCatholyteFollower implements RecordConsumer {
    private final RecordConsumer store;
    private final Map<Integer, PlannedStep> steps;
    private final Electrolyte electrolyte;
    private final SimulatedCatholyte newBatch;
    private int batchKey;
    private SimulatedCatholyte catholyte;

    /** It only feeds the store: a failure here is nearly always the store's (a full disk). */
    @Override
    public String name() {
        return store.name() + " (through the simulated catholyte)";
    }

    SimulatedCatholyteFollower(Plan plan, RecordConsumer store) {
        this.store = store;
        this.steps = plan.steps().stream().collect(Collectors.toMap(PlannedStep::index, Function.identity()));
        this.electrolyte = plan.electrolyte();
        this.newBatch = SimulatedCatholyte.fresh(plan.cell());
    }

    @Override
    public void accept(AcquisitionRecord record, boolean endOfBatch) throws Exception {
        AcquisitionRecord[] passed = {record};
        record.accept(new AcquisitionRecord.Visitor<RuntimeException>() {
            @Override
            public void stepStarted(AcquisitionRecord.StepStarted started) {
            }

            @Override
            public void sampleTaken(AcquisitionRecord.SampleTaken taken) {
            }

            @Override
            public void impedanceMeasured(AcquisitionRecord.ImpedanceMeasured measured) {
            }

            @Override
            public void eventSeen(AcquisitionRecord.EventSeen seen) {
                if (seen.event().kind() == EventKind.SIMULATOR_TRUTH) {
                    passed[0] = new AcquisitionRecord.EventSeen(seen.stepIndex(), withBatch(seen), seen.wallTime());
                }
            }

            @Override
            public void stepEnded(AcquisitionRecord.StepEnded ended) {
            }
        });
        store.accept(passed[0], endOfBatch);
    }

    @Override
    public void finish() throws Exception {
        store.finish();
    }

    private Event withBatch(AcquisitionRecord.EventSeen seen) {
        BatchTruth truth = follow(seen.stepIndex(), ProductTally.fromValues(seen.event().values()));
        String message = seen.event().message() + String.format(Locale.ROOT,
                "; batch %d: NH3 = %.6g mol in %.4g mL after the step", truth.batch(), truth.afterStep().nh3Mol(),
                truth.afterStep().volumeMl())
                + (truth.aliquotMl() > 0 ? String.format(Locale.ROOT, ", %.6g mol in %.4g mL after a %.4g mL aliquot",
                truth.afterAliquot().nh3Mol(), truth.afterAliquot().volumeMl(), truth.aliquotMl()) : "");
        // The step's own truth beyond its products (a spectrum's R_u and R_ct) stays with it.
        Map<String, Double> values = new LinkedHashMap<>(seen.event().values());
        values.putAll(truth.asValues());
        return new Event(seen.event().kind(), seen.event().timeSeconds(), message, values);
    }

    /** The batch after step {@code stepIndex} made {@code made}, and after the aliquots planned right after it. */
    BatchTruth follow(int stepIndex, ProductTally made) {
        PlannedStep step = steps.get(stepIndex);
        int batch = step == null ? 0 : step.context().batch();
        int key = batch > 0 ? batch : -stepIndex;
        if (catholyte == null || key != batchKey) {
            batchKey = key;
            catholyte = newBatch;
        }
        SimulatedCatholyte afterStep = catholyte.plus(made);
        SimulatedCatholyte afterAliquot = afterStep;
        double taken = 0;
        for (Electrolyte.PlannedAliquot aliquot : electrolyte.after(stepIndex)) {
            afterAliquot = afterAliquot.afterAliquot(aliquot.volumeMl(), aliquot.replaced());
            taken += aliquot.volumeMl();
        }
        catholyte = afterAliquot;
        return new BatchTruth(Math.max(batch, 0), made, afterStep, taken, afterAliquot);
    }
}
