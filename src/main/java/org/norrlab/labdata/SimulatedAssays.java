package org.norrlab.labdata;

import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.core.BadInputException;
import org.norrlab.core.EventKind;
import org.norrlab.driver.sim.BatchTruth;
import org.norrlab.driver.sim.ProductTally;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredCorrection;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Plays the analytical lab for a simulated session: the catholyte is "assayed" for NH3 right after every
 * CA step from the simulator's truth, with the scatter of a good indophenol measurement, and the result is
 * stored as an ordinary assay of that step. With fresh electrolyte per step that is the step's own NH3; with
 * an accumulating electrolyte it is the concentration of the whole batch at that moment (what earlier steps
 * made, less what earlier aliquots took), which the analysis turns back into per-step amounts. This lets the
 * demo and the GUI go from a run to FE and yield without a spectrophotometer; on a real cell the assays are
 * entered from the lab instead.
 */
public final class SimulatedAssays {
    /** One-sigma relative scatter of a reading (indophenol, mid-range, read in duplicate: about 1 %). */
    public static final double RELATIVE_SIGMA = 0.01;
    public static final String UNIT = "µg/mL NH4+-N";
    public static final String OPERATOR = "simulator";
    private static final double NITROGEN_G_PER_MOL = 14.007;

    private SimulatedAssays() {
    }

    /**
     * The simulated assays of a session that still count: current, or superseded by a correction whose latest
     * version is current (it carries the reading on). Removed ones do not, nor those whose correction was removed: an
     * operator who removed the set may draw it again.
     */
    public static List<Assay> stored(SessionStore store, long sessionId) throws StoreException {
        Map<Long, Long> replacedBy = new HashMap<>();
        for (StoredCorrection c : store.corrections().corrections(sessionId)) {
            c.assayId().ifPresent(old -> c.replacementId().ifPresent(r -> replacedBy.put(old, r)));
        }
        Set<Long> current = store.assays().currentAssays(sessionId).stream().map(Assay::id).collect(Collectors.toSet());
        return store.assays().assays(sessionId).stream().filter(a -> a.operator().equals(OPERATOR)).filter(a -> {
            long latest = a.id();
            while (replacedBy.containsKey(latest)) {
                latest = replacedBy.get(latest);
            }
            return current.contains(latest);
        }).toList();
    }

    /** Why a second set of simulated assays is not added, and what to do instead. */
    public static String refusal(long sessionId, List<Assay> earlier) {
        return "session " + sessionId + " has its simulated assays already (assay" + (earlier.size() == 1 ? " " : "s ")
                + earlier.stream().map(a -> String.valueOf(a.id())).collect(Collectors.joining(", ")) + "). They are"
                + " drawn from the simulator's truth with the session's seed: a second set would repeat the same"
                + " readings, and the analysis would average them as replicates and shrink the ± for no new measurement."
                + " To change one, correct it (Edit… in the Analysis view, 'norrlab assay correct'); to assay again,"
                + " remove them first (Delete…, 'norrlab assay remove'). Nothing was added.";
    }

    /**
     * Adds one NH3 concentration per CA step of the session, drawn around the true value with a seed
     * taken from the session's seed, so that the same session always gets the same readings.
     *
     * Refused when the session has its simulated assays already: the readings are drawn with the session's seed, so
     * a second set repeats the first, and the analysis, averaging replicates, would shrink the ± by √2 for no new
     * measurement.
     *
     * @return the assays stored, in step order
     * @throws BadInputException if the session has no simulator truth (it was not simulated), or has simulated
     *                           assays already
     */
    public static List<Assay> addTo(SessionStore store, long sessionId) throws StoreException {
        StoredSession session = store.session(sessionId)
                .orElseThrow(() -> new BadInputException("there is no session " + sessionId));
        List<Assay> earlier = stored(store, sessionId);
        if (!earlier.isEmpty()) {
            throw new BadInputException(refusal(sessionId, earlier));
        }
        // The simulator records its truth after sweeps too (an LSV under NO makes a little NH3), but an operator
        // assays the catholyte of the electrolysis steps: the CA steps, whose charge the FE is taken over.
        Set<Integer> caSteps = store.steps(sessionId).stream().filter(s -> s.kind().equals("ca"))
                .map(StoredStep::index).collect(Collectors.toSet());
        List<StoredEvent> truths = store.events(sessionId).stream()
                .filter(e -> e.event().kind() == EventKind.SIMULATOR_TRUTH && caSteps.contains(e.stepIndex())).toList();
        if (truths.isEmpty()) {
            throw new BadInputException("session " + sessionId + " has no simulator truth to assay: it ran on "
                    + session.instrument().describe() + ", not on the simulated cell with a CA step");
        }
        long seed = Long.parseLong(session.runOptions().getOrDefault("seed", "0"));
        SplittableRandom scatter = new SplittableRandom(seed * 31 + sessionId);
        double volumeMl = session.cell().electrolyteVolumeMl();
        List<Assay> added = new ArrayList<>();
        for (StoredEvent truthEvent : truths) {
            // What is in the cell right after the step: the step's own NH3 in fresh electrolyte (refresh), the
            // batch's NH3 in its present volume when it accumulates. Older sessions recorded the step's truth only.
            Optional<BatchTruth> batch = BatchTruth.fromValues(truthEvent.event().values());
            double molPerMl = batch.map(b -> b.afterStep().nh3MolPerMl())
                    .orElseGet(() -> ProductTally.fromValues(truthEvent.event().values()).nh3Mol() / volumeMl);
            double microgramPerMl = molPerMl * NITROGEN_G_PER_MOL * 1e6;
            double reading = microgramPerMl * (1 + RELATIVE_SIGMA * scatter.nextGaussian());
            String note = batch.filter(b -> b.batch() > 0)
                    .map(b -> "simulated assay of catholyte batch " + b.batch() + " after step " + truthEvent.stepIndex()
                            + " (simulator truth with 1 % scatter)")
                    .orElse("simulated assay of the catholyte (simulator truth with 1 % scatter)");
            Assay assay = new Assay(0, truthEvent.stepIndex(), Product.NH3, Assay.Kind.CONCENTRATION,
                    Measure.relative(reading, RELATIVE_SIGMA), UNIT, Optional.empty(), 1,
                    Assay.DEFAULT_DILUTION_RELATIVE_SIGMA, Optional.empty(), Optional.empty(), Optional.empty(),
                    OPERATOR, note, Instant.now());
            long id = store.assays().addAssay(sessionId, assay);
            added.add(new Assay(id, assay.stepIndex(), assay.product(), assay.kind(), assay.value(), assay.unit(),
                    assay.calibrationId(), assay.dilution(), assay.dilutionRelativeSigma(), assay.volumeMl(),
                    assay.gasFlowMlPerMinute(), assay.gasMinutes(), assay.operator(), assay.note(), assay.created()));
        }
        return added;
    }
}
