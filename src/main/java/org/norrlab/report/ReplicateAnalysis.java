package org.norrlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.norrlab.analysis.AssayFlag;
import org.norrlab.analysis.Plausibility;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.ProductResult;
import org.norrlab.analysis.Replicates;
import org.norrlab.core.BadInputException;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Several sessions of one protocol (replicate electrodes) analysed each and combined per potential
 * ({@link Replicates}). Sessions of different protocols, or whose CA steps ran at other potentials, are refused:
 * a mean over them would look like a replicate result and be none.
 */
public final class ReplicateAnalysis {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record Result(List<SessionAnalysis.Result> sessions, List<Replicates.AtPotential> potentials) {
        public Result {
            sessions = List.copyOf(sessions);
            potentials = List.copyOf(potentials);
        }

        public String protocol() {
            return sessions.get(0).session().protocolName();
        }

        public List<Long> sessionIds() {
            return sessions.stream().map(s -> s.session().id()).toList();
        }
    }

    private ReplicateAnalysis() {
    }

    public static Result analyze(SessionStore store, List<Long> sessionIds, SessionAnalysis.Options options)
            throws StoreException {
        Set<Long> seen = new HashSet<>();
        for (long id : sessionIds) {
            if (!seen.add(id)) {
                throw new BadInputException("session " + id + " is given twice: each replicate counts once");
            }
        }
        List<SessionAnalysis.Result> results = new ArrayList<>();
        for (long id : sessionIds) {
            results.add(SessionAnalysis.analyze(store, id, options));
        }
        SessionAnalysis.Result first = results.get(0);
        for (SessionAnalysis.Result other : results.subList(1, results.size())) {
            requireReplicate(first, other);
        }
        requireDistinctMeasurements(store, results);
        List<Replicates.Observation> observations = new ArrayList<>();
        for (SessionAnalysis.Result result : results) {
            for (StepAnalysis step : result.steps()) {
                observations.add(observation(result.session().id(), step));
            }
        }
        return new Result(results, Replicates.combine(observations));
    }

    private static void requireReplicate(SessionAnalysis.Result first, SessionAnalysis.Result other) {
        String name = first.session().protocolName();
        if (!other.session().protocolName().equals(name)) {
            throw new BadInputException(String.format(Locale.ROOT, "session %d is not a replicate of session %d: its"
                    + " protocol is '%s', session %d's is '%s'; replicates are sessions of the same protocol",
                    other.session().id(), first.session().id(), other.session().protocolName(), first.session().id(), name));
        }
        List<Long> mine = potentials(first);
        List<Long> theirs = potentials(other);
        if (!mine.equals(theirs)) {
            throw new BadInputException(String.format(Locale.ROOT, "session %d is not a replicate of session %d: its CA"
                            + " potentials vs RHE are %s V, session %d's are %s V (same protocol '%s', but another pH,"
                            + " reference or edited steps); replicates ran at the same potentials", other.session().id(),
                    first.session().id(), volts(theirs), first.session().id(), volts(mine), name));
        }
    }

    /**
     * Two sessions whose CA steps have the same sample counts and charges to the last bit, and the same assays, are one
     * measurement twice: a session and its own JSON Lines export imported back (which carries the assays). Averaging
     * them reported one result as n = 2 with ± 0.00 (a bench-chemist trial). Independent runs never integrate to
     * bit-identical charges; sessions that share them but differ in an assay are left to combine.
     */
    private static void requireDistinctMeasurements(SessionStore store, List<SessionAnalysis.Result> results)
            throws StoreException {
        for (int i = 0; i < results.size(); i++) {
            for (int j = i + 1; j < results.size(); j++) {
                SessionAnalysis.Result a = results.get(i);
                SessionAnalysis.Result b = results.get(j);
                if (sameCharges(a.steps(), b.steps()) && assays(store, a).equals(assays(store, b))) {
                    throw new BadInputException(String.format(Locale.ROOT, "sessions %d and %d hold the same measurement:"
                                    + " each of their %d CA steps has the same sample count and charge to the last digit, and"
                                    + " their assays are the same; one is a copy of the other (an export imported back, say),"
                                    + " not a replicate: give each measurement once", a.session().id(), b.session().id(),
                            a.steps().size()));
                }
            }
        }
    }

    private static boolean sameCharges(List<StepAnalysis> mine, List<StepAnalysis> theirs) {
        if (mine.isEmpty() || mine.size() != theirs.size()) {
            return false;
        }
        for (int k = 0; k < mine.size(); k++) {
            StepAnalysis x = mine.get(k);
            StepAnalysis y = theirs.get(k);
            if (x.samples() != y.samples()
                    || Double.doubleToLongBits(x.charge().coulombs()) != Double.doubleToLongBits(y.charge().coulombs())) {
                return false;
            }
        }
        return true;
    }

    /** A session's assays in use, each as its step, product, kind, value bits and unit, in order. */
    private static List<String> assays(SessionStore store, SessionAnalysis.Result result) throws StoreException {
        return store.assays().currentAssays(result.session().id()).stream()
                .map(a -> a.stepIndex() + " " + a.product() + " " + a.kind() + " "
                        + Double.doubleToLongBits(a.value().value()) + " " + a.unit())
                .sorted().toList();
    }

    /** The distinct CA potentials of a session, in millivolts, in step order. */
    private static List<Long> potentials(SessionAnalysis.Result result) {
        return result.steps().stream().map(s -> Math.round(s.step().voltsVsRhe() / (2 * Replicates.SAME_POTENTIAL_VOLTS)))
                .distinct().toList();
    }

    private static String volts(List<Long> millivolts) {
        return millivolts.isEmpty() ? "none" : millivolts.stream().map(mv -> String.format(Locale.ROOT, "%.3f", mv / 1000.0))
                .collect(Collectors.joining(", "));
    }

    private static Replicates.Observation observation(long session, StepAnalysis step) {
        ProductResult nh3 = step.outcome().products().get(Product.NH3);
        List<Plausibility> flags = step.flags().stream().map(Plausibility.Flag::kind).toList();
        Optional<String> absent = nh3 == null ? Optional.of("no NH3 assay")
                : nh3.amount().flags().stream().anyMatch(AssayFlag::hidesValue) ? Optional.of("NH3 below the limit of detection")
                : Optional.empty();
        if (absent.isPresent()) {
            return new Replicates.Observation(session, step.step().index(), step.step().voltsVsRhe(), Optional.empty(),
                    Optional.empty(), Optional.empty(), absent.get(), flags);
        }
        boolean sumHidden = step.outcome().products().values().stream()
                .anyMatch(p -> p.amount().flags().stream().anyMatch(AssayFlag::hidesValue));
        return new Replicates.Observation(session, step.step().index(), step.step().voltsVsRhe(),
                Optional.of(nh3.faradaicEfficiency().value()),
                sumHidden ? Optional.empty() : step.outcome().faradaicEfficiencySum().map(m -> m.value()),
                step.outcome().nh3Yield().map(y -> y.micromolPerHourPerCm2().value()), "", flags);
    }

    /** "mean ± sd" scaled, "—" without values, and the mean alone (with "n = 1") when one session has one. */
    public static String text(Replicates.Statistic s, double scale, int decimals) {
        if (s.n() == 0) {
            return "—";
        }
        if (s.n() == 1) {
            return String.format(Locale.ROOT, "%." + decimals + "f (n = 1)", s.mean() * scale);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", s.mean() * scale,
                s.standardDeviation() * scale);
    }

    public static String json(Result result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "norrlab-replicates");
        root.put("format_version", 1);
        root.put("protocol", result.protocol());
        ArrayNode sessions = root.putArray("sessions");
        result.sessionIds().forEach(sessions::add);
        root.put("spread", "mean and sample standard deviation (n - 1) across sessions; FE as a fraction");
        ArrayNode potentials = root.putArray("potentials");
        for (Replicates.AtPotential p : result.potentials()) {
            ObjectNode n = potentials.addObject();
            n.put("E_vs_RHE_V", p.voltsVsRhe());
            n.put("n", p.sessions().size());
            ArrayNode counted = n.putArray("sessions");
            p.sessions().forEach(counted::add);
            statistic(n.putObject("faradaic_efficiency_nh3"), p.feNh3());
            statistic(n.putObject("faradaic_efficiency_sum"), p.feSum());
            statistic(n.putObject("nh3_yield_umol_h-1_cm-2"), p.yield());
            ArrayNode notes = n.putArray("notes");
            p.notes().forEach(notes::add);
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the replicate analysis as JSON", e);
        }
    }

    private static void statistic(ObjectNode node, Replicates.Statistic s) {
        node.put("n", s.n());
        if (Double.isNaN(s.mean())) {
            node.putNull("mean");
        } else {
            node.put("mean", s.mean());
        }
        if (Double.isNaN(s.standardDeviation())) {
            node.putNull("sd");
        } else {
            node.put("sd", s.standardDeviation());
        }
    }
}
