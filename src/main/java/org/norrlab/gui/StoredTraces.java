package org.norrlab.gui;

import org.norrlab.core.SampleFlag;
import org.norrlab.figures.CurrentFigure;
import org.norrlab.report.ReportWriter;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stored session's CA steps as {@link TimeTraces} for the Sessions view: current (A) against session time (s), a
 * trace per step kept to at most {@link #BUCKETS_PER_STEP} min/max buckets, overloaded and underloaded samples
 * counted exactly and kept as their own decimated points (so they are marked, never joined to the curve), and the
 * current ranges the steps ran in.
 */
final class StoredTraces {
    /** Min/max buckets per step, as the report's current figure. */
    static final int BUCKETS_PER_STEP = 1500;

    private StoredTraces() {
    }

    static TimeTraces of(SessionStore store, StoredSession session) throws StoreException {
        long id = session.id();
        List<TimeTraces.Trace> traces = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        Set<Double> ranges = new TreeSet<>();
        long overloaded = 0;
        long underloaded = 0;
        double end = 0;
        for (StoredStep step : store.steps(id)) {
            if (!step.kind().equals("ca")) {
                continue;
            }
            // The decimator keeps (x, y) as given: here session seconds and amperes.
            CurrentFigure.Decimator plain = new CurrentFigure.Decimator(step.sampleCount(), BUCKETS_PER_STEP);
            CurrentFigure.Decimator over = new CurrentFigure.Decimator(step.sampleCount(), BUCKETS_PER_STEP);
            CurrentFigure.Decimator under = new CurrentFigure.Decimator(step.sampleCount(), BUCKETS_PER_STEP);
            long[] counts = new long[2];
            double[] last = {0};
            store.forEachSample(id, step.index(), (seq, s) -> {
                if (!s.hasCurrent()) {
                    return;
                }
                double t = step.sessionOffsetSeconds() + s.timeSeconds();
                last[0] = Math.max(last[0], t);
                if (Double.isFinite(s.rangeAmperes()) && s.rangeAmperes() > 0) {
                    ranges.add(s.rangeAmperes());
                }
                if (s.has(SampleFlag.OVERLOAD)) {
                    counts[0]++;
                    over.add(t, s.currentAmperes());
                    return;
                }
                if (s.has(SampleFlag.UNDERLOAD)) {
                    counts[1]++;
                    under.add(t, s.currentAmperes());
                } else {
                    plain.add(t, s.currentAmperes());
                }
            });
            overloaded += counts[0];
            underloaded += counts[1];
            end = Math.max(end, last[0]);
            String label = ReportWriter.traceLabel(step);
            String key = labels.add(label) ? label : label + " (step " + step.index() + ")";
            traces.add(TimeTraces.Trace.merged(key, SweepChart.colour(traces.size() + 1),
                    List.of(points(plain), points(over), points(under)),
                    new int[] {0, SampleFlag.OVERLOAD.bit(), SampleFlag.UNDERLOAD.bit()}));
        }
        return new TimeTraces(TimeTraces.Quantity.CURRENT, "", "t", traces,
                OptionalDouble.of(session.cell().electrodeAreaCm2()), end, overloaded, underloaded, List.copyOf(ranges),
                List.of());
    }

    private static double[][] points(CurrentFigure.Decimator decimator) {
        CurrentFigure.Trace trace = decimator.trace("");
        return new double[][] {trace.hours(), trace.milliampsPerCm2()};   // the decimator's x and y, as given
    }
}
