package org.norrlab.plan;

import org.norrlab.config.Location;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What happens to the catholyte over a run, as the protocol says: {@link Mode#REFRESH} (fresh electrolyte
 * for every CA step, each step its own batch) or {@link Mode#ACCUMULATE} (one batch over several steps, a
 * new batch only after a hold with {@code new_electrolyte: true}); and the aliquots taken out of it, after
 * which step, how much, and whether the same volume of fresh electrolyte went back in.
 * Each step's batch is in its {@link StepContext#batch()}.
 */
public record Electrolyte(Mode mode, List<PlannedAliquot> aliquots) {

    public static final Electrolyte REFRESH = new Electrolyte(Mode.REFRESH, List.of());

    public enum Mode {
        REFRESH, ACCUMULATE;

        /** As written in a protocol and stored with a session. */
        public String written() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode ofWritten(String text) {
            return switch (text) {
                case "refresh" -> REFRESH;
                case "accumulate" -> ACCUMULATE;
                default -> throw new IllegalArgumentException("'" + text + "' is not an electrolyte mode; allowed: refresh, accumulate");
            };
        }
    }

    public enum TakenBy {
        OPERATOR, AUTOSAMPLER;

        public String written() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static TakenBy ofWritten(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * An aliquot the protocol plans: taken after step {@code afterStep} (at a hold: after the step before the
     * hold; by an autosampler: after the CA step that names it).
     */
    public record PlannedAliquot(int afterStep, double volumeMl, boolean replaced, TakenBy takenBy, Location source) {
        public PlannedAliquot {
            if (!(volumeMl > 0) || !Double.isFinite(volumeMl)) {
                throw new IllegalArgumentException("an aliquot's volume must be positive, was " + volumeMl);
            }
        }

        /** The ALIQUOT event a run records when this aliquot is taken, {@code timeSeconds} into the step it goes with. */
        public Event event(double timeSeconds) {
            return aliquotEvent(timeSeconds, afterStep, volumeMl, replaced, takenBy);
        }
    }

    public Electrolyte {
        aliquots = List.copyOf(aliquots);
    }

    /**
     * The event a run records when an aliquot is taken (after a step's end, or when the operator continues a hold);
     * the store writes the aliquot row from it, in the same transaction. Here, not in the store, so that the
     * scheduler (which may not use the store) records the same event.
     */
    public static Event aliquotEvent(double timeSeconds, int afterStep, double volumeMl, boolean replaced, TakenBy takenBy) {
        String message = String.format(Locale.ROOT, "aliquot of %s mL taken after step %d by the %s%s",
                new BigDecimal(Double.toString(volumeMl)).stripTrailingZeros().toPlainString(), afterStep, takenBy.written(),
                replaced ? ", replaced with fresh electrolyte" : ", not replaced");
        return new Event(EventKind.ALIQUOT, timeSeconds, message, Map.of(
                "after_step", (double) afterStep, "volume_ml", volumeMl, "replaced", replaced ? 1.0 : 0.0,
                "by_autosampler", takenBy == TakenBy.AUTOSAMPLER ? 1.0 : 0.0));
    }

    /** The aliquots planned right after step {@code stepIndex}, in protocol order. */
    public List<PlannedAliquot> after(int stepIndex) {
        return aliquots.stream().filter(a -> a.afterStep() == stepIndex).toList();
    }
}
