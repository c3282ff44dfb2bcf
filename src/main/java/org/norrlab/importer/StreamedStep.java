package org.norrlab.importer;

import org.norrlab.core.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * One step handed on to a sink as its rows are read. A file that states no sample interval (a generic CSV, a
 * Rodeostat file) gets the median spacing of the step's first {@value #PROBE} samples, as the whole-file readers took
 * it from all of them: those few samples are held back until the interval is known (or the step ends), then the
 * step begins on the sink and every later sample goes straight through. So at most {@value #PROBE} samples are ever
 * held, whatever the file's size.
 */
final class StreamedStep {
    static final int PROBE = 32;

    private final ImportSink sink;
    private final StepFacts facts;
    private List<Sample> held;
    private long count;

    private StreamedStep(ImportSink sink, StepFacts facts, List<Sample> held) {
        this.sink = sink;
        this.facts = facts;
        this.held = held;
    }

    /** Begins a step; one whose interval is NaN begins on the sink once its first samples give the interval. */
    static StreamedStep begin(ImportSink sink, StepFacts facts) throws ImportException {
        if (Double.isNaN(facts.intervalSeconds())) {
            return new StreamedStep(sink, facts, new ArrayList<>(PROBE));
        }
        sink.beginStep(facts);
        return new StreamedStep(sink, facts, null);
    }

    void sample(Sample sample) throws ImportException {
        count++;
        if (held == null) {
            sink.sample(sample);
            return;
        }
        held.add(sample);
        if (held.size() == PROBE) {
            release();
        }
    }

    /** The samples of this step so far. */
    long count() {
        return count;
    }

    void end() throws ImportException {
        if (held != null) {
            release();
        }
        sink.endStep();
    }

    private void release() throws ImportException {
        sink.beginStep(facts.withInterval(VendorText.medianInterval(held)));
        for (Sample sample : held) {
            sink.sample(sample);
        }
        held = null;
    }
}
