package org.norrlab.report;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.ProductResult;
import org.norrlab.analysis.Standard;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.driver.Speed;
import org.norrlab.driver.sim.ProductTally;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Simulate a CA at a preset's published potential, then assay the simulator's true NH3 as a lab
 * would: standards with absorbance noise, an aliquot diluted into range, one reading. The analysis
 * must find the simulator's FE within 1 % and the published FE within 5 %.
 */
class ClosedLoopTest {
    @TempDir
    Path temp;

    static final double SLOPE = 0.40;       // AU per µg/mL NH4+-N, 1 cm cuvette (typical indophenol)
    static final double INTERCEPT = 0.012;
    static final double NOISE = 0.002;      // AU, one sigma

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "MnO2-x,     -0.7, 0.828",
            "MnO2,       -0.7, 0.448",
            "CoS1-x,     -0.4, 0.5362",
            "CoS,        -0.4, 0.3668",
            "Fe1/MoS2-x, -0.6, 0.825",
            "NiNC,       -0.5, 0.87",
    })
    void simulatedAssayRecoversTheFaradaicEfficiency(String catalyst, double voltsVsRhe, double publishedFe) throws Exception {
        Path protocol = temp.resolve("ca.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: " + voltsVsRhe + " V vs RHE, duration: 30 min, interval: 200 ms}\n");
        Path db = temp.resolve("loop.db");
        RunOutcome outcome = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(db).withPreset(catalyst).withSeed(13))
                .execute(RunListener.NONE);
        SplittableRandom noise = new SplittableRandom(catalyst.hashCode());
        try (SessionStore store = SessionStore.open(db)) {
            ProductTally truth = store.events(outcome.sessionId()).stream()
                    .filter(e -> e.event().kind() == EventKind.SIMULATOR_TRUTH)
                    .map(e -> ProductTally.fromValues(e.event().values())).findFirst().orElseThrow();

            List<Standard> standards = new ArrayList<>();
            for (double c : new double[] {0, 0.25, 0.5, 1.0, 1.5, 2.0}) {
                standards.add(new Standard(c, INTERCEPT + SLOPE * c + noise.nextGaussian() * NOISE));
            }
            List<Double> blanks = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                blanks.add(INTERCEPT + noise.nextGaussian() * NOISE);
            }
            long calibration = store.assays().addCalibration(new Calibration(0, Instant.now(), "test", "", Product.NH3,
                    "indophenol", 655, "µg/mL NH4+-N", "generated", standards, blanks, false));

            // True concentration in the 35 mL catholyte, as NH4+-N, diluted into the calibrated range.
            double cellMicrogramPerMl = truth.nh3Mol() * 14.007 / 0.035 * 1000;
            double dilution = Math.max(1, Math.ceil(cellMicrogramPerMl / 1.5));
            double absorbance = INTERCEPT + SLOPE * cellMicrogramPerMl / dilution + noise.nextGaussian() * NOISE;
            store.assays().addAssay(outcome.sessionId(), new Assay(0, 1, Product.NH3, Assay.Kind.ABSORBANCE,
                    Measure.exact(absorbance), "AU", Optional.of(calibration), dilution, Assay.DEFAULT_DILUTION_RELATIVE_SIGMA,
                    Optional.empty(), Optional.empty(), Optional.empty(), "test", "", Instant.now()));

            SessionAnalysis.Result result = SessionAnalysis.analyze(store, outcome.sessionId(), SessionAnalysis.Options.DEFAULT);
            ProductResult nh3 = result.steps().get(0).outcome().products().get(Product.NH3);
            double fe = nh3.faradaicEfficiency().value();
            assertThat(nh3.amount().flags()).isEmpty();
            assertThat(fe).as("FE against the simulator's truth").isCloseTo(truth.nh3FaradaicEfficiency(),
                    within(truth.nh3FaradaicEfficiency() * 0.01));
            assertThat(fe).as("FE against the published value").isCloseTo(publishedFe, within(publishedFe * 0.05));
            // The charge the analysis integrates is the one the simulator passed.
            assertThat(result.steps().get(0).charge().coulombs()).isCloseTo(truth.chargeCoulombs(),
                    within(truth.chargeCoulombs() * 0.005));
        }
    }
}
