package org.norrlab.store;

import org.norrlab.core.Sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A sweep step's samples read by cycle, as the analysis takes them (a CV's cycles compared, the last cycle of a
 * scan-rate series for C_dl): cycle (from 1) → its samples in sequence order, each with its segment.
 */
public final class SweepCycles {
    private SweepCycles() {
    }

    /**
     * The samples of {@code step} of session {@code sessionId}, by cycle. Refuses a step that is not a sweep, and a
     * sweep whose samples have no cycle (an LSV or CV imported before schema 13 stored them): its scans cannot be
     * told apart from the table, and a guess would mix them.
     */
    public static SortedMap<Integer, List<Sample>> read(SessionStore store, long sessionId, StoredStep step)
            throws StoreException {
        if (!step.isSweep()) {
            throw new StoreException("step " + step.index() + " of session " + sessionId + " is " + step.kind()
                    + ", not a sweep (lsv, cv): its samples have no cycles");
        }
        SortedMap<Integer, List<Sample>> byCycle = new TreeMap<>();
        store.forEachSample(sessionId, step.index(), (seq, s) -> {
            if (!s.inSweep()) {
                throw new StoreException("sample " + seq + " of " + step.kind() + " step " + step.index() + " of session "
                        + sessionId + " has no cycle and segment (stored before schema 13, or imported without them):"
                        + " its scans cannot be told apart; import the file again to have them");
            }
            byCycle.computeIfAbsent(s.cycle(), c -> new ArrayList<>()).add(s);
        });
        byCycle.replaceAll((cycle, samples) -> Collections.unmodifiableList(samples));
        return Collections.unmodifiableSortedMap(byCycle);
    }
}
