package org.norrlab.driver.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's truth for one CA step and the batch of catholyte it ran in, as stored in the step's
 * SIMULATOR_TRUTH event: what the step made, what was in the batch right after the step (what an assay of
 * the catholyte at that moment finds), and what was left once the aliquots planned after the step were taken.
 *
 * @param batch        the electrolyte batch, counted from 1 as in the plan
 * @param step         what the step itself made, and its charge
 * @param afterStep    the batch right after the step, before any aliquot
 * @param aliquotMl    the volume taken out after the step (0 when none)
 * @param afterAliquot the batch once the aliquots were taken (equal to {@code afterStep} when none)
 */
public record BatchTruth(int batch, ProductTally step, SimulatedCatholyte afterStep, double aliquotMl,
                         SimulatedCatholyte afterAliquot) {
    static final String BATCH = "batch";
    static final String ALIQUOT = "aliquot_mL";
    static final String AFTER_STEP = "batch_";
    static final String AFTER_ALIQUOT = "batch_after_aliquot_";

    /** The values of the SIMULATOR_TRUTH event: the step's own ({@link ProductTally#asValues}) and the batch's. */
    public Map<String, Double> asValues() {
        Map<String, Double> values = new LinkedHashMap<>(step.asValues());
        values.put(BATCH, (double) batch);
        values.putAll(afterStep.asValues(AFTER_STEP));
        values.put(ALIQUOT, aliquotMl);
        values.putAll(afterAliquot.asValues(AFTER_ALIQUOT));
        return values;
    }

    /**
     * The batch truth in a SIMULATOR_TRUTH event's values; empty for an event recorded without it (a session
     * stored before the simulator followed the electrolyte: each step's truth then stands alone).
     */
    public static Optional<BatchTruth> fromValues(Map<String, Double> values) {
        if (!values.containsKey(BATCH)) {
            return Optional.empty();
        }
        return Optional.of(new BatchTruth(values.get(BATCH).intValue(), ProductTally.fromValues(values),
                SimulatedCatholyte.fromValues(values, AFTER_STEP), values.get(ALIQUOT),
                SimulatedCatholyte.fromValues(values, AFTER_ALIQUOT)));
    }
}
