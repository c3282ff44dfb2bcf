package org.norrlab.testing;

import org.norrlab.core.Event;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Sample;
import org.norrlab.driver.SampleSink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps everything a measurement delivers, for assertions. */
public final class CollectingSink implements SampleSink {
    public final List<Sample> samples = new CopyOnWriteArrayList<>();
    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final List<ImpedancePoint> impedance = new CopyOnWriteArrayList<>();

    @Override
    public void impedance(ImpedancePoint point) {
        impedance.add(point);
    }

    @Override
    public void sample(Sample sample) {
        samples.add(sample);
    }

    @Override
    public void event(Event event) {
        events.add(event);
    }
}
