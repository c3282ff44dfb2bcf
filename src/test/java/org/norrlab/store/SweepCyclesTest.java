package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.testing.Fixtures;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sweep step's samples by cycle, for the analysis; a step whose samples have no cycle is refused, not guessed. */
class SweepCyclesTest {
    @TempDir
    Path temp;

    @Test
    void aCvsSamplesComeBackByCycleInOrderAndACaOrAnOldCvIsRefused() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("s.db"));
             ImportWriter writer = store.beginImport(new NewSession("cv", "cv.txt", "", Fixtures.cellAtPh7(),
                     new InstrumentIdentity("imported", "x", "x", "x", "x"), Map.of(), "test", Instant.now()))) {
            long id = writer.sessionId();
            Sample a = new Sample(0.0, -0.42, 1e-6, 1e-3, 0).inSweep(1, 1);
            Sample b = new Sample(2.5, -0.37, 2e-6, 1e-3, 0).inSweep(1, 2);
            Sample c = new Sample(7.5, -0.47, -1e-6, 1e-3, 0).inSweep(1, 3);
            Sample d = new Sample(10.0, -0.42, 1.5e-6, 1e-3, 0).inSweep(2, 1);
            step(writer, "cv", List.of(a, b, c, d));
            step(writer, "ca", List.of(new Sample(1.0, -1.0, -1e-3, 1e-2, 0)));
            // a CV as an import before schema 13 stored it: no cycle on its samples
            step(writer, "cv", List.of(new Sample(0.0, -0.42, 1e-6, 1e-3, 0)));
            writer.finish("cv.txt", "imported");
            List<StoredStep> steps = store.steps(id);

            SortedMap<Integer, List<Sample>> cycles = SweepCycles.read(store, id, steps.get(0));
            assertThat(cycles).isEqualTo(Map.of(1, List.of(a, b, c), 2, List.of(d)));
            assertThat(cycles.firstKey()).isEqualTo(1);
            assertThatThrownBy(() -> SweepCycles.read(store, id, steps.get(1))).isInstanceOf(StoreException.class)
                    .hasMessage("step 2 of session " + id + " is ca, not a sweep (lsv, cv): its samples have no cycles");
            assertThatThrownBy(() -> SweepCycles.read(store, id, steps.get(2))).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("sample 0 of cv step 3 of session " + id + " has no cycle and segment");
        }
    }

    private static void step(ImportWriter writer, String kind, List<Sample> samples) throws StoreException {
        writer.beginStep(new ImportWriter.Step(kind, kind, Double.NaN, Double.NaN, Double.NaN, "file", "", 0, 0, 0,
                Optional.empty(), null));
        for (Sample s : samples) {
            writer.sample(s);
        }
        writer.endStep();
    }
}
