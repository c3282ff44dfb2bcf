package org.norrlab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;
import org.norrlab.figures.CurrentFigure;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StepExtremes;
import org.norrlab.store.StoreWriter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's decimated traces from the database's per-bucket extremes ({@link StepExtremes}) are the very points the
 * decimator makes from every sample: same count, same bits. The samples are made to be hard on it: currents on a coarse
 * grid (ties everywhere, as an instrument's ADC gives), spikes, a step longer and one shorter than the bucket count, an
 * area that makes the division round, a CP step, and a step with a sample without a current (which must take the old
 * path).
 */
class DecimatedTracesTest {
    private static final int BUCKETS = 1500;

    @TempDir
    Path temp;

    @Test
    void bucketsFromTheDatabaseDrawTheSamePointsAsEverySample() throws Exception {
        // an area of 0.196 cm² (a 5 mm disc): i·1e3/area rounds, so the value compared is the report's, not the current
        CellSettings cell = new CellSettings(ReferenceElectrode.known("Ag/AgCl (sat. KCl)").orElseThrow(), 7.0, 25,
                0.196, 0.5, 35);
        try (SessionStore store = SessionStore.open(temp.resolve("traces.db"))) {
            long id = store.createSession(new NewSession("traces", "t.yaml", "", cell,
                    new InstrumentIdentity("sim", "sim", "model", "fw", "SN1"), Map.of(), "test", Instant.now(), Map.of(),
                    Optional.empty(), Optional.empty(), Electrolyte.Mode.REFRESH));
            Random random = new Random(23);
            try (StoreWriter writer = store.writer(id)) {
                double offset = 0;
                offset = ca(writer, 1, 10_007, offset, random, false);
                offset = ca(writer, 2, 700, offset, random, false);
                offset = ca(writer, 3, 3_001, offset, random, true);
                cp(writer, 4, 4_003, offset, random);
            }
            SessionAnalysis.Result result = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT);

            List<CurrentFigure.Trace> fast = ReportWriter.traces(store, result, true);
            List<CurrentFigure.Trace> old = ReportWriter.traces(store, result, false);
            assertThat(fast).hasSize(3);
            for (int i = 0; i < old.size(); i++) {
                assertThat(fast.get(i).label()).isEqualTo(old.get(i).label());
                assertThat(fast.get(i).hours()).containsExactly(old.get(i).hours());
                assertThat(fast.get(i).milliampsPerCm2()).containsExactly(old.get(i).milliampsPerCm2());
            }
            // the long step: at most two points per bucket, and more than one per bucket (spikes and slopes survive)
            assertThat(old.get(0).hours().length).isBetween(BUCKETS + 1, 2 * BUCKETS);
            // the short one: every sample its own bucket, one point each
            assertThat(old.get(1).hours()).hasSize(700);

            List<CurrentFigure.Trace> fastCp = ReportWriter.potentialTraces(store, result, true);
            List<CurrentFigure.Trace> oldCp = ReportWriter.potentialTraces(store, result, false);
            assertThat(fastCp).hasSize(1);
            assertThat(fastCp.get(0).hours()).containsExactly(oldCp.get(0).hours());
            assertThat(fastCp.get(0).milliampsPerCm2()).containsExactly(oldCp.get(0).milliampsPerCm2());

            // and the equality above is not two old paths agreeing: the database computed steps 1, 2 and 4, not 3
            StepExtremes extremes = store.extremes();
            assertThat(extremes.buckets(id, 1, 10_007, BUCKETS, 0, StepExtremes.Quantity.CURRENT_DENSITY, 0.196)).isPresent();
            assertThat(extremes.buckets(id, 2, 700, BUCKETS, 0, StepExtremes.Quantity.CURRENT_DENSITY, 0.196)).isPresent();
            assertThat(extremes.buckets(id, 3, 3_001, BUCKETS, 0, StepExtremes.Quantity.CURRENT_DENSITY, 0.196)).isEmpty();
            assertThat(extremes.buckets(id, 4, 4_003, BUCKETS, 0, StepExtremes.Quantity.OFFSET_POTENTIAL, 0.1)).isPresent();
            // a count that is not the stored one (a tally out of step with the rows) is refused, not bucketed wrongly
            assertThat(extremes.buckets(id, 1, 10_006, BUCKETS, 0, StepExtremes.Quantity.CURRENT_DENSITY, 0.196)).isEmpty();
        }
    }

    @Test
    void aBucketsFirstPositionIsWhereTheDecimatorStartsIt() {
        // the decimator puts position i in bucket i * buckets / n: check the inverse against it for awkward sizes
        for (long n : new long[] {1, 7, 700, 1499, 1500, 1501, 10_007, 8_640_000}) {
            long previous = -1;
            for (long i = 0; i < n; i++) {
                long bucket = Math.min(BUCKETS - 1, i * BUCKETS / n);
                if (bucket != previous) {
                    assertThat(StepExtremes.firstPosition(bucket, n, BUCKETS)).as("n %d bucket %d", n, bucket)
                            .isEqualTo(i);
                    previous = bucket;
                }
                if (n > 20_000 && i > 20_000) {
                    break;
                }
            }
        }
    }

    /** Currents on a 1 µA grid with a few spikes; {@code gap} puts a sample without a current in the middle. */
    private static double ca(StoreWriter writer, int index, int samples, double offset, Random random, boolean gap)
            throws Exception {
        PlannedStep ca = new PlannedStep.Chronoamperometry(index, "CA", new Potential(-0.5, Potential.Scale.RHE), -0.5,
                -1.1, Duration.ofMillis(100), Duration.ofMillis(100L * samples), CurrentRangeChoice.AUTO,
                new Location(Path.of("t.yaml"), index, 1), StepContext.NONE);
        writer.accept(new AcquisitionRecord.StepStarted(ca, Instant.now(), offset), false);
        for (int k = 0; k < samples; k++) {
            double t = 0.1 * (k + 1);
            Sample sample;
            if (gap && k == samples / 2) {
                sample = Sample.potentialOnly(t, -1.1);
            } else {
                double current = -1e-6 * (2000 + random.nextInt(5)) + (random.nextInt(997) == 0 ? -5e-3 : 0);
                sample = new Sample(t, -1.1 + 1e-4 * random.nextInt(3), current, 1e-2, 0);
            }
            writer.accept(new AcquisitionRecord.SampleTaken(index, k, sample), false);
        }
        writer.accept(new AcquisitionRecord.StepEnded(index, StepOutcome.COMPLETED, samples, 0.1 * samples, Double.NaN,
                Instant.now()), true);
        return offset + 0.1 * samples + 1;
    }

    private static void cp(StoreWriter writer, int index, int samples, double offset, Random random) throws Exception {
        PlannedStep cp = new PlannedStep.Chronopotentiometry(index, "CP", "-2 mA", -2e-3, Duration.ofMillis(100),
                Duration.ofMillis(100L * samples), Optional.empty(), Optional.empty(), CurrentRangeChoice.AUTO,
                new Location(Path.of("t.yaml"), index, 1), StepContext.NONE);
        writer.accept(new AcquisitionRecord.StepStarted(cp, Instant.now(), offset), false);
        for (int k = 0; k < samples; k++) {
            writer.accept(new AcquisitionRecord.SampleTaken(index, k, new Sample(0.1 * (k + 1),
                    -0.9 - 1e-3 * random.nextInt(4), -2e-3, 1e-2, 0)), false);
        }
        writer.accept(new AcquisitionRecord.StepEnded(index, StepOutcome.COMPLETED, samples, 0.1 * samples, Double.NaN,
                Instant.now()), true);
    }
}
