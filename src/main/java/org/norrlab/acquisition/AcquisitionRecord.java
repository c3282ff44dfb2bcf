package org.norrlab.acquisition;

import org.norrlab.core.StepOutcome;
import org.norrlab.core.Event;
import org.norrlab.core.Sample;
import org.norrlab.plan.PlannedStep;

import java.time.Instant;

/** What flows through the core, in the order it happened: the documents of a run. */
public sealed interface AcquisitionRecord {

    int stepIndex();

    /** A step begins. {@code sessionOffsetSeconds} is instrument time since the session began. */
    record StepStarted(PlannedStep step, Instant wallTime, double sessionOffsetSeconds) implements AcquisitionRecord {
        @Override
        public int stepIndex() {
            return step.index();
        }
    }

    /** One sample; {@code sequence} counts from 0 within the step. */
    record SampleTaken(int stepIndex, long sequence, Sample sample) implements AcquisitionRecord {
    }

    record EventSeen(int stepIndex, Event event, Instant wallTime) implements AcquisitionRecord {
    }

    /**
     * A step is over.
     *
     * @param outcome         completed, aborted, failed or link_lost
     * @param durationSeconds instrument time of the last sample
     * @param lagMillis       wall time between the end of the previous step and the start of this one (NaN for the first)
     */
    record StepEnded(int stepIndex, StepOutcome outcome, long samples, double durationSeconds, double lagMillis,
                     Instant wallTime) implements AcquisitionRecord {
    }
}
