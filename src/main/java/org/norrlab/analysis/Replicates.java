package org.norrlab.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Replicate sessions of one protocol (replicate electrodes) combined per potential the way NORR papers report them:
 * the mean and the sample standard deviation (n − 1) across sessions, with n. The spread between electrodes is what
 * this shows; each session's own propagated σ is not in it.
 */
public final class Replicates {
    /** Potentials closer than this (V) are the same potential; a protocol's steps are written to the millivolt. */
    public static final double SAME_POTENTIAL_VOLTS = 0.0005;

    private Replicates() {
    }

    /**
     * One CA step of one session.
     *
     * @param feNh3        the NH3 faradaic efficiency (fraction); empty when the step has none shown as a number
     * @param feSum        the sum over the products assayed (fraction); empty likewise
     * @param yield        NH3 yield in µmol h⁻¹ cm⁻²; empty likewise
     * @param absentReason why the FE is empty (e.g. "no NH3 assay"), for the note that leaves the step out
     * @param flags        the step's plausibility flags: the step still counts, and a note says it is flagged
     */
    public record Observation(long session, int step, double voltsVsRhe, Optional<Double> feNh3, Optional<Double> feSum,
                              Optional<Double> yield, String absentReason, List<Plausibility> flags) {
        public Observation {
            Objects.requireNonNull(absentReason, "absentReason");
            flags = List.copyOf(flags);
        }
    }

    /** Mean and sample standard deviation of n values; the deviation is NaN for fewer than two, the mean for none. */
    public record Statistic(int n, double mean, double standardDeviation) {
        public static Statistic of(List<Double> values) {
            int n = values.size();
            double mean = n == 0 ? Double.NaN : values.stream().mapToDouble(Double::doubleValue).sum() / n;
            double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            return new Statistic(n, mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1)));
        }
    }

    /**
     * One potential over the sessions.
     *
     * @param sessions the sessions whose FE counts (those left out are named in the notes)
     */
    public record AtPotential(double voltsVsRhe, List<Long> sessions, Statistic feNh3, Statistic feSum, Statistic yield,
                              List<String> notes) {
        public AtPotential {
            sessions = List.copyOf(sessions);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The observations grouped by potential (most positive first, as a sweep's table reads). A session with several
     * steps at one potential (a repeated step) counts once there, with the mean of its steps; a session without an FE
     * at a potential is left out of that potential, with a note.
     */
    public static List<AtPotential> combine(List<Observation> observations) {
        Map<Long, List<Observation>> byPotential = new TreeMap<>((a, b) -> Long.compare(b, a));
        for (Observation o : observations) {
            byPotential.computeIfAbsent(Math.round(o.voltsVsRhe() / (2 * SAME_POTENTIAL_VOLTS)), k -> new ArrayList<>()).add(o);
        }
        List<AtPotential> result = new ArrayList<>();
        for (List<Observation> atPotential : byPotential.values()) {
            double volts = atPotential.get(0).voltsVsRhe();
            Map<Long, List<Observation>> bySession = new LinkedHashMap<>();
            atPotential.forEach(o -> bySession.computeIfAbsent(o.session(), k -> new ArrayList<>()).add(o));
            List<Long> counted = new ArrayList<>();
            List<Double> fe = new ArrayList<>();
            List<Double> sum = new ArrayList<>();
            List<Double> yield = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (Map.Entry<Long, List<Observation>> session : bySession.entrySet()) {
                List<Observation> withFe = session.getValue().stream().filter(o -> o.feNh3().isPresent()).toList();
                for (Observation o : session.getValue()) {
                    if (o.feNh3().isEmpty()) {
                        notes.add(String.format(Locale.ROOT, "session %d step %d left out: %s", o.session(), o.step(),
                                o.absentReason()));
                    } else if (!o.flags().isEmpty()) {
                        notes.add(String.format(Locale.ROOT, "session %d step %d is flagged (%s): counted; see its own"
                                + " analysis", o.session(), o.step(), String.join(", ", o.flags().stream()
                                .map(f -> f.name().toLowerCase(Locale.ROOT)).toList())));
                    }
                }
                if (withFe.isEmpty()) {
                    continue;
                }
                if (withFe.size() > 1) {
                    notes.add(String.format(Locale.ROOT, "session %d has %d steps here (%s): their mean counts as one"
                            + " replicate", session.getKey(), withFe.size(),
                            String.join(", ", withFe.stream().map(o -> "step " + o.step()).toList())));
                }
                counted.add(session.getKey());
                fe.add(mean(withFe, Observation::feNh3).orElseThrow());
                mean(withFe, Observation::feSum).ifPresent(sum::add);
                mean(withFe, Observation::yield).ifPresent(yield::add);
            }
            result.add(new AtPotential(volts, counted, Statistic.of(fe), Statistic.of(sum), Statistic.of(yield), notes));
        }
        return result;
    }

    /** The mean of a value over a session's steps at one potential, when every one of them has it. */
    private static Optional<Double> mean(List<Observation> steps, Function<Observation, Optional<Double>> value) {
        if (steps.stream().anyMatch(o -> value.apply(o).isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(steps.stream().mapToDouble(o -> value.apply(o).orElseThrow()).average().orElseThrow());
    }
}
