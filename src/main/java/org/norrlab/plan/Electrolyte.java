package org.norrlab.plan;

import org.norrlab.config.Location;

import java.util.List;
import java.util.Locale;

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
    }

    public Electrolyte {
        aliquots = List.copyOf(aliquots);
    }

    /** The aliquots planned right after step {@code stepIndex}, in protocol order. */
    public List<PlannedAliquot> after(int stepIndex) {
        return aliquots.stream().filter(a -> a.afterStep() == stepIndex).toList();
    }
}
