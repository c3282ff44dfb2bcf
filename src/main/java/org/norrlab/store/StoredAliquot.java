package org.norrlab.store;

import org.norrlab.core.Event;
import org.norrlab.plan.Electrolyte;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * An aliquot taken out of a session's catholyte after step {@code afterStep}.
 *
 * @param replaced the same volume of fresh electrolyte was put back (the batch's volume stays; its NH3 is diluted)
 */
public record StoredAliquot(long id, int afterStep, double volumeMl, boolean replaced, Electrolyte.TakenBy takenBy,
                            Instant created, String note) {

    /**
     * The event a run records when an aliquot is taken (after a step's end, or when the operator continues a hold);
     * the store writes the aliquot row from it, in the same transaction.
     */
    public static Event event(double timeSeconds, int afterStep, double volumeMl, boolean replaced,
                                               Electrolyte.TakenBy takenBy) {
        return Electrolyte.aliquotEvent(timeSeconds, afterStep, volumeMl, replaced, takenBy);
    }

    /** An aliquot as an export writes it, {@code takenBy} as written ("operator", "autosampler"). */
    public static StoredAliquot written(int afterStep, double volumeMl, boolean replaced, String takenBy, Instant created,
                                        String note) {
        return new StoredAliquot(0, afterStep, volumeMl, replaced, Electrolyte.TakenBy.ofWritten(takenBy), created, note);
    }

    /** The aliquot an ALIQUOT event stands for. */
    static StoredAliquot ofEvent(Event event, Instant wallTime) {
        java.util.Map<String, Double> v = event.values();
        return new StoredAliquot(0, v.get("after_step").intValue(), v.get("volume_ml"), v.get("replaced") != 0,
                v.get("by_autosampler") != 0 ? Electrolyte.TakenBy.AUTOSAMPLER : Electrolyte.TakenBy.OPERATOR,
                wallTime, "");
    }

    /** Binds session, after_step, volume_ml, replaced, taken_by, created_utc and note, in that order. */
    static void bind(PreparedStatement ps, long sessionId, StoredAliquot aliquot) throws SQLException {
        ps.setLong(1, sessionId);
        ps.setInt(2, aliquot.afterStep());
        ps.setDouble(3, aliquot.volumeMl());
        ps.setInt(4, aliquot.replaced() ? 1 : 0);
        ps.setString(5, aliquot.takenBy().written());
        ps.setString(6, aliquot.created().toString());
        ps.setString(7, aliquot.note());
    }
}
