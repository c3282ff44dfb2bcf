package org.norrlab.report;

import org.norrlab.core.EventKind;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredEvent;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The fraction c of R_u the instrument compensated during a session's run, where the session itself says it: the
 * simulated instrument compensates its preset's share live during CA (drivers/sim/catalysts.yaml, compensation) and
 * records it with each step's truth. Subtracting I·R_u once more from potentials already corrected by the instrument
 * would move them by the whole iR drop, so an R_u recorded for such a session takes this c unless the operator gives
 * one. A real instrument's compensation is not on the wire norrlab reads: there the operator says it.
 */
public final class RunCompensation {
    /** The key of a simulated step's truth that holds the compensated fraction of the steps other than EIS. */
    static final String TRUTH_KEY = "compensation_other_steps";

    private RunCompensation() {
    }

    /** c as the session's own records state it; empty when nothing in the session says. */
    public static OptionalDouble of(SessionStore store, long sessionId) throws StoreException {
        for (StoredEvent e : store.events(sessionId)) {
            if (e.event().kind() == EventKind.SIMULATOR_TRUTH && e.event().values().containsKey(TRUTH_KEY)) {
                return OptionalDouble.of(e.event().values().get(TRUTH_KEY));
            }
        }
        return OptionalDouble.empty();
    }

    /** What the operator reads about a c taken from the session rather than typed. */
    public static String stated(double c) {
        return String.format(Locale.ROOT, "c = %.0f %% as the session records it (the simulated instrument"
                + " compensated that share of R_u live during the CA steps; give --compensated to say otherwise)",
                100 * c);
    }
}
