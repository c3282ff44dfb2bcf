package org.norrlab.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.driver.Speed;
import org.norrlab.driver.sim.ProductTally;
import org.norrlab.labdata.SimulatedAssays;
import org.norrlab.plan.Electrolyte;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredAliquot;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop from the simulated cell to the FE an operator reads, in both electrolyte modes: 20 seeds of a
 * 4-step sweep, assayed by {@code --simulate-assays}' lab, analysed; the simulator's true FE of each step must
 * lie within 2σ of the measured FE for at least 85 % of the steps. With fresh electrolyte per step the assay
 * is the step's own NH3; in an accumulating batch with a 1 mL aliquot after each step it is the batch's, and
 * the per-step amount is the difference {@link SessionAnalysis} takes (its σ is larger, as it should be).
 */
class ElectrolyteClosedLoopTest {
    private static final int SEEDS = 20;
    private static final double REQUIRED_FRACTION = 0.85;
    private static final String SWEEP = """
            steps:
              - sweep:
                  potentials: [-0.4 V vs RHE, -0.5 V vs RHE, -0.6 V vs RHE, -0.7 V vs RHE]
                  duration: 2 min
                  interval: 1 s
            """;

    @TempDir
    static Path temp;
    static RunService service;

    @BeforeAll
    static void site() throws Exception {
        service = new RunService(SiteConfig.load(Fixtures.HOME));
    }

    /** One step: the simulator's true FE and the measured FE with its σ. */
    record StepFe(int seed, int step, double truth, Measure measured) {
        boolean within2Sigma() {
            return Math.abs(measured.value() - truth) <= 2 * measured.sigma();
        }
    }

    @Test
    void refreshedElectrolyteGivesEachStepsTrueFeWithin2Sigma() throws Exception {
        Path protocol = temp.resolve("refresh.yaml");
        Files.writeString(protocol, "electrolyte: refresh\n" + SWEEP);
        Path db = temp.resolve("refresh.db");
        List<StepFe> steps = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            long session = run(protocol, db, seed);
            try (SessionStore store = SessionStore.open(db)) {
                SimulatedAssays.addTo(store, session);
                steps.addAll(analysedAgainstTruth(store, session, seed));
            }
        }
        assertFraction("refresh", steps);
    }

    @Test
    void anAccumulatingBatchWithAliquotsGivesEachStepsTrueFeWithin2Sigma() throws Exception {
        Path protocol = temp.resolve("accumulate.yaml");
        // One batch of 35 mL for the four steps; the autosampler takes 1 mL after each (not replaced).
        Files.writeString(protocol, "electrolyte: accumulate\n"
                + SWEEP.replace("interval: 1 s", "interval: 1 s\n      aliquot: {volume: 1 mL}"));
        Path db = temp.resolve("accumulate.db");
        List<StepFe> steps = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            long session = run(protocol, db, seed);
            try (SessionStore store = SessionStore.open(db)) {
                SimulatedAssays.addTo(store, session);
                // The autosampler's aliquots as the run records them (ALIQUOT events); a scheduler that does not
                // record them yet leaves the table empty, and they are entered as the plan took them.
                if (store.aliquots(session).isEmpty()) {
                    for (int step = 1; step <= 4; step++) {
                        store.addAliquot(session, new StoredAliquot(0, step, 1.0, false, Electrolyte.TakenBy.AUTOSAMPLER,
                                Instant.now(), ""));
                    }
                }
                assertThat(store.aliquots(session)).hasSize(4);
                steps.addAll(analysedAgainstTruth(store, session, seed));
            }
        }
        assertFraction("accumulate", steps);
    }

    private static long run(Path protocol, Path db, int seed) throws Exception {
        RunOutcome outcome = service.prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(db).withSeed(seed))
                .execute(RunListener.NONE);
        assertThat(outcome.status()).as(outcome.reason()).hasToString("COMPLETED");
        return outcome.sessionId();
    }

    /**
     * Each of the session's four steps: the simulator's true NH3 FE and the analysed one (in an accumulating batch the
     * analysis' difference of the batch's amounts, corrected for the aliquots).
     */
    private static List<StepFe> analysedAgainstTruth(SessionStore store, long session, int seed) throws Exception {
        List<ProductTally> truths = truths(store, session);
        List<StepAnalysis> analysed = SessionAnalysis.analyze(store, session, SessionAnalysis.Options.DEFAULT).steps();
        assertThat(analysed).hasSize(4);
        List<StepFe> steps = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Measure fe = analysed.get(k).outcome().products().get(Product.NH3).faradaicEfficiency();
            steps.add(new StepFe(seed, k + 1, truths.get(k).nh3FaradaicEfficiency(), fe));
        }
        return steps;
    }

    private static List<ProductTally> truths(SessionStore store, long session) throws Exception {
        return store.events(session).stream().filter(e -> e.event().kind() == EventKind.SIMULATOR_TRUTH)
                .map(e -> ProductTally.fromValues(e.event().values())).toList();
    }

    private static void assertFraction(String mode, List<StepFe> steps) {
        assertThat(steps).hasSize(SEEDS * 4);
        long within = steps.stream().filter(StepFe::within2Sigma).count();
        double fraction = (double) within / steps.size();
        double meanRelativeSigma = steps.stream().mapToDouble(s -> s.measured().sigma() / s.measured().value()).average()
                .orElseThrow();
        System.out.printf(Locale.ROOT, "closed loop, %s: %d of %d steps (%.1f %%) have the true FE within 2σ of the"
                + " measured FE; mean σ/FE %.2f %%%n", mode, within, steps.size(), 100 * fraction, 100 * meanRelativeSigma);
        assertThat(fraction).as(mode + ": steps outside 2σ: " + steps.stream().filter(s -> !s.within2Sigma()).toList())
                .isGreaterThanOrEqualTo(REQUIRED_FRACTION);
    }
}
