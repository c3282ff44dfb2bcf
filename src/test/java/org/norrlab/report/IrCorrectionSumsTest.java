package org.norrlab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.analysis.IrCorrection;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreWriter;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The iR correction of a CA step from the sums its tally keeps (schema 16) is the correction from every sample, to the
 * bit; by hand on a small step; and a tally stored before schema 16 (NULL sums) or a step without a tally still gets
 * the same numbers, from its samples.
 */
class IrCorrectionSumsTest {
    private static final UncompensatedResistance RU = new UncompensatedResistance(12.5, Double.NaN,
            UncompensatedResistance.TYPED, OptionalInt.empty(), 0.2, Instant.parse("2026-01-01T00:00:00Z"), "test");

    @TempDir
    Path temp;

    @Test
    void aSmallStepByHand() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("hand.db"))) {
            long id = session(store);
            try (StoreWriter writer = store.writer(id)) {
                start(writer, 1);
                // E vs RE and I: (−1.0 V, −2 mA), (−1.1 V, −4 mA), a sample without a current (left out), (−1.2 V, −6 mA)
                take(writer, 1, 0, new Sample(1, -1.0, -2e-3, 1e-2, 0));
                take(writer, 1, 1, new Sample(2, -1.1, -4e-3, 1e-2, 0));
                take(writer, 1, 2, Sample.potentialOnly(3, -5.0));
                take(writer, 1, 3, new Sample(4, -1.2, -6e-3, 1e-2, 0));
                end(writer, 1, 4);
            }
            StoredStep step = store.steps(id).get(0);
            assertThat(store.tally(id, 1).usable()).contains(new IrCorrection.UsableSums(3, -1.0 - 1.1 - 1.2,
                    -2e-3 - 4e-3 - 6e-3));
            IrCorrection.CorrectedStep c = ResistanceAnalysis.corrected(store, id, step, RU, 0.6, false);
            // mean E = −1.1 V, mean I = −4 mA; drop = I·R_u·(1 − c) = −4e-3 · 12.5 · 0.8 = −0.04 V
            assertThat(c.samplesUsed()).isEqualTo(3);
            assertThat(c.meanMeasuredVoltsVsRe()).isCloseTo(-1.1, within(1e-12));
            assertThat(c.meanCurrentAmperes()).isCloseTo(-4e-3, within(1e-15));
            assertThat(c.dropVolts()).isCloseTo(-0.04, within(1e-12));
            // set −1.05 V vs RE: corrected −1.05 + 0.04 = −1.01 V vs RE, −0.41 V vs RHE with the 0.6 V offset
            assertThat(c.correctedSetVoltsVsRe()).isCloseTo(-1.01, within(1e-12));
            assertThat(c.correctedSetVoltsVsRhe()).isCloseTo(-0.41, within(1e-12));
            assertThat(c.correctedMeanVoltsVsRhe()).isCloseTo(-1.1 + 0.04 + 0.6, within(1e-12));
        }
    }

    @Test
    void keptSumsOldRowsAndNoTallyAllGiveTheSampleCorrection() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("sums.db"))) {
            long id = session(store);
            Random random = new Random(16);
            try (StoreWriter writer = store.writer(id)) {
                for (int index = 1; index <= 3; index++) {
                    start(writer, index);
                    int samples = 20_000 + 1_000 * index;
                    for (int k = 0; k < samples; k++) {
                        // potentials and currents that do not add up exactly in binary, and a few without a current
                        Sample sample = random.nextInt(500) == 0 ? Sample.potentialOnly(0.1 * (k + 1), -1.1)
                                : new Sample(0.1 * (k + 1), -1.05 + 1e-3 * random.nextGaussian(),
                                -3e-3 + 1e-4 * random.nextGaussian(), 1e-2, 0);
                        take(writer, index, k, sample);
                    }
                    end(writer, index, samples);
                }
            }
            // step 2 as stored before schema 16 (the sums NULL), step 3 without a tally (imported, cut off)
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("sums.db"));
                 Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE step_tallies SET usable_samples = NULL, usable_sum_volts = NULL,"
                        + " usable_sum_amperes = NULL WHERE step_index = 2");
                s.executeUpdate("DELETE FROM step_tallies WHERE step_index = 3");
            }
            assertThat(store.tally(id, 1).usable()).isPresent();
            assertThat(store.tally(id, 2).usable()).isEmpty();
            assertThat(store.tally(id, 3).usable()).isPresent();
            for (StoredStep step : store.steps(id)) {
                IrCorrection.CorrectedStep kept = ResistanceAnalysis.corrected(store, id, step, RU, 0.6, false);
                IrCorrection.CorrectedStep samples = ResistanceAnalysis.corrected(store, id, step, RU, 0.6, true);
                assertThat(samples.steadyCurrentAmperes()).isFinite();
                // every number analyze and the report print, to the bit; the steady current only with the samples
                assertThat(kept.samplesUsed()).isEqualTo(samples.samplesUsed()).isLessThan((int) step.sampleCount());
                assertThat(kept.meanMeasuredVoltsVsRe()).isEqualTo(samples.meanMeasuredVoltsVsRe());
                assertThat(kept.meanCurrentAmperes()).isEqualTo(samples.meanCurrentAmperes());
                assertThat(kept.dropVolts()).isEqualTo(samples.dropVolts());
                assertThat(kept.correctedSetVoltsVsRhe()).isEqualTo(samples.correctedSetVoltsVsRhe());
                assertThat(kept.correctedMeanVoltsVsRhe()).isEqualTo(samples.correctedMeanVoltsVsRhe());
                assertThat(ResistanceAnalysis.cells(new ResistanceAnalysis.CorrectedCaStep(step.index(), kept)))
                        .isEqualTo(ResistanceAnalysis.cells(new ResistanceAnalysis.CorrectedCaStep(step.index(), samples)));
            }
        }
    }

    private static long session(SessionStore store) throws Exception {
        return store.createSession(new NewSession("ir", "ir.yaml", "", Fixtures.cellAtPh7(),
                new InstrumentIdentity("sim", "sim", "model", "fw", "SN1"), Map.of(), "test", Instant.now(), Map.of(),
                Optional.empty(), Optional.empty(), Electrolyte.Mode.REFRESH));
    }

    private static void start(StoreWriter writer, int index) throws Exception {
        PlannedStep ca = new PlannedStep.Chronoamperometry(index, "CA", new Potential(-0.45, Potential.Scale.RHE), -0.45,
                -1.05, Duration.ofMillis(100), Duration.ofSeconds(3600), CurrentRangeChoice.AUTO,
                new Location(Path.of("ir.yaml"), index, 1), StepContext.NONE);
        writer.accept(new AcquisitionRecord.StepStarted(ca, Instant.now(), 0), false);
    }

    private static void take(StoreWriter writer, int index, long k, Sample sample) throws Exception {
        writer.accept(new AcquisitionRecord.SampleTaken(index, k, sample), false);
    }

    private static void end(StoreWriter writer, int index, int samples) throws Exception {
        writer.accept(new AcquisitionRecord.StepEnded(index, StepOutcome.COMPLETED, samples, 0.1 * samples, Double.NaN,
                Instant.now()), true);
    }
}
