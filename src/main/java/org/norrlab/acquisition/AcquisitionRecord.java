package org.norrlab.acquisition;

import org.norrlab.core.StepOutcome;
import org.norrlab.core.Event;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Sample;
import org.norrlab.plan.PlannedStep;

import java.time.Instant;

/** What flows through the core, in the order it happened: the documents of a run. */
public sealed interface AcquisitionRecord {

    int stepIndex();

    /**
     * What a consumer does with each kind of record. Every consumer implements all of them, so a new kind
     * of record does not compile until the store, the statistics and the live views handle it.
     *
     * @param <X> what the handling may throw (a store's {@code SQLException}; {@code RuntimeException} for none)
     */
    interface Visitor<X extends Exception> {
        void stepStarted(StepStarted started) throws X;

        void sampleTaken(SampleTaken taken) throws X;

        void impedanceMeasured(ImpedanceMeasured measured) throws X;

        void eventSeen(EventSeen seen) throws X;

        void stepEnded(StepEnded ended) throws X;
    }

    /** The one dispatch on the record's kind. */
    <X extends Exception> void accept(Visitor<X> visitor) throws X;

    /** A step begins. {@code sessionOffsetSeconds} is instrument time since the session began. */
    record StepStarted(PlannedStep step, Instant wallTime, double sessionOffsetSeconds) implements AcquisitionRecord {
        @Override
        public int stepIndex() {
            return step.index();
        }

        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.stepStarted(this);
        }
    }

    /** One sample; {@code sequence} counts from 0 within the step. */
    record SampleTaken(int stepIndex, long sequence, Sample sample) implements AcquisitionRecord {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.sampleTaken(this);
        }
    }

    /** One point of an impedance spectrum; {@code sequence} counts from 0 within the step, apart from samples. */
    record ImpedanceMeasured(int stepIndex, long sequence, ImpedancePoint point) implements AcquisitionRecord {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.impedanceMeasured(this);
        }
    }

    record EventSeen(int stepIndex, Event event, Instant wallTime) implements AcquisitionRecord {
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.eventSeen(this);
        }
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
        @Override
        public <X extends Exception> void accept(Visitor<X> visitor) throws X {
            visitor.stepEnded(this);
        }
    }
}
