package org.norrlab.report;

import org.norrlab.analysis.Plausibility;
import org.norrlab.core.EventKind;
import org.norrlab.plan.Electrolyte;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredStep;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the CA steps that follow a hold nobody continued. Such a hold (its timeout ran out, or the run was
 * unattended and did not wait) asked for fresh catholyte that probably never came, yet the run went on: the next
 * step's assay may hold earlier steps' NH3 too, an FE too high with nothing else to show it.
 */
final class HoldsWithoutOperator {
    /** The HOLD event's {@code continued_by} values for "nobody continued" (see {@link EventKind#HOLD}). */
    private static final double BY_TIMEOUT = 1;
    private static final double BY_UNATTENDED = 2;
    private static final String MESSAGE_START = "hold '";
    private static final String MESSAGE_END = "': ";

    private HoldsWithoutOperator() {
    }

    /**
     * The flag for each CA step (by index) that is the first after a hold nobody continued, where fresh catholyte was
     * due: in a refreshing session every CA step starts fresh; in an accumulating one only a step in a new batch (the
     * hold had new_electrolyte), and only when the batches are known. Only the last hold before a step counts: that
     * is where its catholyte was prepared.
     */
    static Map<Integer, Plausibility.Flag> flags(Electrolyte.Mode mode, List<StoredStep> steps, List<StoredEvent> events) {
        Map<Integer, StoredEvent> holdEvents = new HashMap<>();
        for (StoredEvent event : events) {
            if (event.event().kind() == EventKind.HOLD) {
                holdEvents.put(event.stepIndex(), event);
            }
        }
        Map<Integer, Plausibility.Flag> flags = new HashMap<>();
        StoredStep lastHold = null;
        StoredStep previousCa = null;
        for (StoredStep step : steps) {
            if (step.kind().equals("hold")) {
                lastHold = step;
            } else if (step.kind().equals("ca")) {
                boolean accumulating = mode == Electrolyte.Mode.ACCUMULATE;
                boolean freshDue = !accumulating || previousCa != null && step.batch() != 0
                        && step.batch() != previousCa.batch();
                StoredEvent hold = lastHold == null ? null : holdEvents.get(lastHold.index());
                Double by = hold == null ? null : hold.event().values().get("continued_by");
                if (freshDue && by != null && (by == BY_TIMEOUT || by == BY_UNATTENDED)) {
                    flags.put(step.index(), Plausibility.electrolyteNotConfirmed(lastHold.index(),
                            holdMessage(hold, lastHold), by == BY_UNATTENDED, accumulating));
                }
                lastHold = null;
                previousCa = step;
            }
        }
        return flags;
    }

    /** What the hold asked for, from its HOLD event ("hold 'MESSAGE': …"); the step's label if that cannot be read. */
    private static String holdMessage(StoredEvent event, StoredStep hold) {
        String message = event.event().message();
        int end = message.indexOf(MESSAGE_END);
        return message.startsWith(MESSAGE_START) && end > MESSAGE_START.length()
                ? message.substring(MESSAGE_START.length(), end) : hold.label();
    }
}
