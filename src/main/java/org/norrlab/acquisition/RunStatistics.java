package org.norrlab.acquisition;

import org.norrlab.analysis.ChargeAccumulator;
import org.norrlab.core.Sample;

import java.util.Optional;

/**
 * Running figures of the step in progress (samples, latest sample, mean current, charge), published
 * once per batch as an immutable snapshot that any thread may read, however slowly.
 */
public final class RunStatistics implements RecordConsumer {

    /** What a viewer sees; {@code latest} is empty before the step's first sample. */
    public record Snapshot(int stepIndex, long samples, Optional<Sample> latest, double meanAmperes, double coulombs,
                           long totalSamples) {
    }

    private volatile Snapshot snapshot = new Snapshot(0, 0, Optional.empty(), Double.NaN, 0, 0);
    private int stepIndex;
    private long samples;
    private long totalSamples;
    private Sample latest;
    private ChargeAccumulator charge = new ChargeAccumulator();

    @Override
    public void accept(AcquisitionRecord record, boolean endOfBatch) {
        if (record instanceof AcquisitionRecord.SampleTaken taken) {
            samples++;
            totalSamples++;
            latest = taken.sample();
            charge.add(latest.timeSeconds(), latest.currentAmperes());
        } else if (record instanceof AcquisitionRecord.StepStarted started) {
            stepIndex = started.stepIndex();
            samples = 0;
            latest = null;
            charge = new ChargeAccumulator();
        }
        if (endOfBatch || record instanceof AcquisitionRecord.StepStarted) {
            snapshot = new Snapshot(stepIndex, samples, Optional.ofNullable(latest), charge.meanAmperes(),
                    charge.coulombs(), totalSamples);
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }
}
