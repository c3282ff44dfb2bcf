package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Gas;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.PlannedPotential;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.testing.Fixtures;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay's page-by-page reader gives exactly what {@link SessionStore#forEachSample} gives (the reading the
 * analysis and export use), whatever the page size, across page boundaries, with NaN readings and sweep places.
 */
class StoredSampleReaderTest {
    @TempDir
    Path temp;

    private static final int SAMPLES = 23;

    /** Session 1, step 1 a CV of {@link #SAMPLES} samples (every third a potential-only one), step 2 with none. */
    private static long session(SessionStore store) throws Exception {
        long id = store.createSession(new NewSession("p", "p.yaml", "", Fixtures.cellAtPh7(),
                new InstrumentIdentity("sim", "sim", "model", "fw", "SN1"), Map.of(), "test", Instant.now(), Map.of(),
                Optional.empty(), Optional.empty(), Electrolyte.Mode.REFRESH));
        PlannedStep cv = new PlannedStep.CyclicVoltammetry(1, "cv",
                new PlannedPotential(new Potential(0.20, Potential.Scale.RHE), 0.20, -0.42),
                new PlannedPotential(new Potential(0.25, Potential.Scale.RHE), 0.25, -0.37),
                new PlannedPotential(new Potential(0.15, Potential.Scale.RHE), 0.15, -0.47), 2, 0.002, 0.020,
                CurrentRangeChoice.AUTO, new Location(Path.of("p.yaml"), 2, 5), new StepContext("", 0, 0, 0, Optional.of(Gas.ARGON)));
        try (StoreWriter writer = store.writer(id)) {
            writer.accept(new AcquisitionRecord.StepStarted(cv, Instant.now(), 0), false);
            for (int k = 0; k < SAMPLES; k++) {
                Sample s = k % 3 == 2 ? Sample.potentialOnly(0.1 * k, -0.4 - 1e-3 * k)
                        : new Sample(0.1 * k, -0.4 - 1e-3 * k, -1e-6 * (k + 1) / 7, k % 2 == 0 ? 1e-3 : Double.NaN, 0);
                writer.accept(new AcquisitionRecord.SampleTaken(1, k, s.inSweep(1 + k / 12, 1 + k % 3)), false);
            }
            writer.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, SAMPLES, 0.1 * (SAMPLES - 1), Double.NaN,
                    Instant.now()), true);
        }
        return id;
    }

    private static List<Sample> read(StoredSampleReader reader) throws Exception {
        List<Sample> read = new ArrayList<>();
        reader.read(read::add);
        return read;
    }

    @Test
    void everyPageSizeReadsTheSamplesForEachSampleReads() throws Exception {
        Path file = temp.resolve("pages.db");
        try (SessionStore store = SessionStore.open(file)) {
            long id = session(store);
            List<Sample> expected = new ArrayList<>();
            store.forEachSample(id, 1, (seq, s) -> expected.add(s));
            assertThat(expected).hasSize(SAMPLES);
            assertThat(expected.get(2).currentAmperes()).isNaN();
            assertThat(expected.get(1).rangeAmperes()).isNaN();
            assertThat(expected.get(22).cycle()).isEqualTo(2);
            // 1: a page per sample; 5: four full pages and one of 3; 23: one full page, then an empty one; 4096: one
            for (int page : List.of(1, 5, 23, StoredSampleReader.PAGE_ROWS)) {
                assertThat(read(new StoredSampleReader(store.location(), id, 1, page))).as("pages of " + page)
                        .isEqualTo(expected);
            }
            assertThat(read(new StoredSampleReader(store.location(), id, 2))).isEmpty();
            assertThat(store.lastSampleTime(id, 1)).hasValue(expected.get(SAMPLES - 1).timeSeconds());
            assertThat(store.lastSampleTime(id, 2)).isEmpty();
        }
    }

    @Test
    void aReaderThatSaysStopGetsNoMore() throws Exception {
        Path file = temp.resolve("stop.db");
        try (SessionStore store = SessionStore.open(file)) {
            long id = session(store);
            List<Sample> taken = new ArrayList<>();
            // stops at the 7th sample, in the second page of 5
            new StoredSampleReader(store.location(), id, 1, 5).read(s -> {
                taken.add(s);
                return taken.size() < 7;
            });
            List<Sample> expected = new ArrayList<>();
            store.forEachSample(id, 1, (seq, s) -> expected.add(s));
            assertThat(taken).isEqualTo(expected.subList(0, 7));
        }
    }

    @Test
    void theReaderNeedsNotTheStoreItWasMadeFrom() throws Exception {
        Path file = temp.resolve("closed.db");
        StoredSampleReader reader;
        List<Sample> expected = new ArrayList<>();
        try (SessionStore store = SessionStore.open(file)) {
            long id = session(store);
            store.forEachSample(id, 1, (seq, s) -> expected.add(s));
            reader = new StoredSampleReader(store.location(), id, 1, 4);
        }
        assertThat(read(reader)).isEqualTo(expected);
    }
}
