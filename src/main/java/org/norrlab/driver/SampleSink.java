package org.norrlab.driver;

import org.norrlab.core.Event;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Sample;

/** Where a measurement delivers what it sees, in order, on the driver's thread. */
public interface SampleSink {
    /** May block when the acquisition core is full: the store never loses a sample, so the driver waits. */
    void sample(Sample sample) throws InterruptedException;

    /**
     * One point of an impedance spectrum (EIS steps deliver these instead of samples). May block like
     * {@link #sample}.
     */
    void impedance(ImpedancePoint point) throws InterruptedException;

    /** Something happened that is not a sample: a range change, a device error, ground truth. */
    void event(Event event) throws InterruptedException;
}
