package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.Assay;
import org.norrlab.testing.SharedFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema 12 on the store written before this round: every old assay is a catholyte assay, and corrections work there. */
class CorrectionsMigrationTest {
    @TempDir
    Path temp;

    @Test
    void oldAssaysAreCatholyteAssaysAndCanBeCorrected() throws Exception {
        Path copy = Files.copy(SharedFixtures.storeFile("norrlab-445807d.db"), temp.resolve("copy.db"));
        assertThat(copy.toFile().setWritable(true)).isTrue();
        try (SessionStore store = SessionStore.open(copy)) {
            List<Assay> assays = store.assays().assays(1);
            assertThat(assays).hasSize(4).allMatch(a -> a.place() == Assay.Place.CATHOLYTE);   // the fixture has no GC
            assertThat(store.corrections().corrections(1)).isEmpty();
            assertThat(store.assays().currentAssays(1)).isEqualTo(assays);

            long removed = assays.get(0).id();
            store.corrections().removeAssay(removed, "first", "vial broken", "ana");
            store.corrections().correctSession(1, List.of(new CorrectionStore.Change("ph", "7", "7.2")), "re-measured", "ana");
            assertThat(store.assays().currentAssays(1)).hasSize(3).noneMatch(a -> a.id() == removed);
            assertThat(store.assays().assays(1)).hasSize(4);
            List<StoredCorrection> trail = store.corrections().corrections(1);
            assertThat(trail).extracting(StoredCorrection::what).containsExactly("assay " + removed + " removed", "session ph");
            assertThat(CorrectionStore.correctedCell(store.existingSession(1).cell(), trail).pH()).isEqualTo(7.2);
        }
    }
}
