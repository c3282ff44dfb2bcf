package org.norrlab.labdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.analysis.Assay;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.report.PlacesAndCorrectionsTest;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreWriter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 22, defect 3 below the window: a session's simulated assays are drawn once. The readings come from the
 * session's seed, so a second set would repeat them and the analysis would average the copies as replicates.
 */
public class SimulatedAssaysOnceTest {
    @TempDir
    Path temp;

    /**
     * PlacesAndCorrectionsTest's hand-made session (one CA step of 100 s at 10 mA: Q = 1 C; 35 mL cell) on the
     * simulated instrument, with the simulator's truth for its step: 0.14 µmol NH3.
     */
    public static long simulatedSession(SessionStore store) throws Exception {
        long id = PlacesAndCorrectionsTest.session(store);
        try (StoreWriter writer = store.writer(id)) {
            writer.accept(new AcquisitionRecord.EventSeen(1, new Event(EventKind.SIMULATOR_TRUTH, 100, "truth",
                    Map.of("charge_C", 1.0, "NH3_mol", 0.14e-6, "NH2OH_mol", 0.0, "N2O_mol", 0.0, "N2_mol", 0.0,
                            "H2_mol", 0.0)), Instant.now()), true);
        }
        store.finishSession(id, SessionStatus.COMPLETED, "completed");
        return id;
    }

    @Test
    void aSecondSetIsRefusedUntilTheFirstIsRemoved() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("s.db"))) {
            long id = simulatedSession(store);
            List<Assay> first = SimulatedAssays.addTo(store, id);
            assertThat(first).hasSize(1);
            assertThatThrownBy(() -> SimulatedAssays.addTo(store, id)).isInstanceOf(BadInputException.class)
                    .hasMessage("session 1 has its simulated assays already (assay 1). They are drawn from the simulator's"
                            + " truth with the session's seed: a second set would repeat the same readings, and the"
                            + " analysis would average them as replicates and shrink the ± for no new measurement. To"
                            + " change one, correct it (Edit… in the Analysis view, 'norrlab assay correct'); to assay"
                            + " again, remove them first (Delete…, 'norrlab assay remove'). Nothing was added.");
            assertThat(store.assays().assays(id)).hasSize(1);

            // A corrected simulated assay still counts (its correction carries the reading on) ...
            AssayCorrections.Edit note = new AssayCorrections.Edit(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("vial 7"));
            AssayCorrections.Corrected corrected = AssayCorrections.correct(store, 1, note, "vial number missing", "ana");
            assertThat(corrected.newId()).isEqualTo(2);
            assertThat(SimulatedAssays.stored(store, id)).extracting(Assay::id).containsExactly(1L);
            assertThatThrownBy(() -> SimulatedAssays.addTo(store, id)).hasMessageContaining("(assay 1)");
            // ... a removed one does not: the operator who removed the set may draw it again.
            AssayCorrections.remove(store, 2, "the set is redone", "ana");
            assertThat(SimulatedAssays.stored(store, id)).isEmpty();
            assertThat(SimulatedAssays.addTo(store, id)).extracting(Assay::id).containsExactly(3L);
            assertThat(store.assays().currentAssays(id)).extracting(Assay::id).containsExactly(3L);
        }
    }
}
