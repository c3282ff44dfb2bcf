package org.norrlab.acquisition;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.analysis.ChargeAccumulator;
import org.norrlab.core.Sample;

import java.util.Optional;

/**
 * Running figures of the step in progress (samples, latest sample, mean current, charge), published
 * once per batch as an immutable snapshot that any thread may read, however slowly.
 */
public final class RunStatistics implements RecordConsumer {
    @Override
    public String name() {
        return "the running figures of the step";
    }


    /** What a viewer sees; {@code latest} is empty before the step's first sample. */
    public record Snapshot(int stepIndex, long samples, Optional<Sample> latest, double meanAmperes, double coulombs,
                           long totalSamples, long impedancePoints, Optional<ImpedancePoint> latestImpedance) {
    }

    private volatile Snapshot snapshot = new Snapshot(0, 0, Optional.empty(), Double.NaN, 0, 0, 0, Optional.empty());
    private int stepIndex;
    private long samples;
    private long totalSamples;
    private Sample latest;
    private long impedancePoints;
    private ImpedancePoint latestImpedance;
    private ChargeAccumulator charge = new ChargeAccumulator();

    /** True after a record that a viewer must see at once, whatever the batch: a new step. */
    private boolean publishNow;

    private final AcquisitionRecord.Visitor<RuntimeException> apply = new AcquisitionRecord.Visitor<>() {
        @Override
        public void sampleTaken(AcquisitionRecord.SampleTaken taken) {
            samples++;
            totalSamples++;
            latest = taken.sample();
            charge.add(latest.timeSeconds(), latest.currentAmperes());
        }

        @Override
        public void impedanceMeasured(AcquisitionRecord.ImpedanceMeasured measured) {
            impedancePoints++;
            latestImpedance = measured.point();
        }

        @Override
        public void stepStarted(AcquisitionRecord.StepStarted started) {
            stepIndex = started.stepIndex();
            samples = 0;
            latest = null;
            impedancePoints = 0;
            latestImpedance = null;
            charge = new ChargeAccumulator();
            publishNow = true;
        }

        @Override
        public void eventSeen(AcquisitionRecord.EventSeen seen) {
            // events do not change the figures
        }

        @Override
        public void stepEnded(AcquisitionRecord.StepEnded ended) {
            // the figures of the ended step stay until the next one starts
        }
    };

    @Override
    public void accept(AcquisitionRecord record, boolean endOfBatch) {
        publishNow = false;
        record.accept(apply);
        if (endOfBatch || publishNow) {
            snapshot = new Snapshot(stepIndex, samples, Optional.ofNullable(latest), charge.meanAmperes(),
                    charge.coulombs(), totalSamples, impedancePoints, Optional.ofNullable(latestImpedance));
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }
}
