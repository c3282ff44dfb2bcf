package org.norrlab.sync;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.plan.Electrolyte;
import org.norrlab.report.AnalysisExport;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.AccumulatingSweep;
import org.norrlab.testing.PostgresServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** An accumulating session's mode, step batches and aliquots reach the lab, and the lab analyses it the same way. */
class AliquotSyncTest {
    @TempDir
    Path temp;

    @Test
    void theElectrolyteModeBatchesAndAliquotsAreCopiedOnceAndTheAnalysisIsTheSame() throws Exception {
        Path bench = temp.resolve("bench.db");
        long id;
        String benchJson;
        try (SessionStore store = SessionStore.open(bench)) {
            id = AccumulatingSweep.session(store, Electrolyte.Mode.ACCUMULATE, List.of(1, 2, 3), false);
            double[] mM = {0.10, 0.25, 0.38, 0.50};
            for (int k = 1; k <= 4; k++) {
                store.assays().addAssay(id, new Assay(0, k, Product.NH3, Assay.Kind.CONCENTRATION, new Measure(mM[k - 1], 0.005),
                        "mM", Optional.empty(), 1, 0, Optional.empty(), Optional.empty(), Optional.empty(), "op", "",
                        Instant.now()));
            }
            store.finishSession(id, SessionStatus.COMPLETED, "all 4 steps completed");
            benchJson = AnalysisExport.json(SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT));
        }
        try (PostgresServer pg = PostgresServer.start()) {
            assertThat(SyncService.sync(bench, pg.url(), false, SyncService.Listener.NONE).copied()).containsExactly(id);
            // a second sync after a change of status replaces the copy: the aliquots must not double
            try (SessionStore store = SessionStore.open(bench)) {
                store.finishSession(id, SessionStatus.ABORTED, "aborted by the operator");
            }
            assertThat(SyncService.sync(bench, pg.url(), false, SyncService.Listener.NONE).replaced()).containsExactly(id);
            try (SessionStore lab = SessionStore.open(StoreLocation.parse(pg.url(), temp))) {
                long labId = lab.sessions().get(0).id();
                assertThat(lab.session(labId).orElseThrow().electrolyte()).isEqualTo(Electrolyte.Mode.ACCUMULATE);
                assertThat(lab.steps(labId)).extracting(s -> s.context().batch()).containsExactly(1, 1, 1, 1);
                assertThat(lab.aliquots(labId)).extracting(StoredAliquot::afterStep, StoredAliquot::volumeMl,
                        StoredAliquot::replaced).containsExactly(tuple(1, 1.0, false),
                        tuple(2, 1.0, false), tuple(3, 1.0, false));
                String labJson = AnalysisExport.json(SessionAnalysis.analyze(lab, labId, SessionAnalysis.Options.DEFAULT));
                // the session's id differs between the stores; everything the analysis says is the same
                assertThat(labJson.replaceFirst("\"session\" : \\d+", "")).isEqualTo(
                        benchJson.replaceFirst("\"session\" : \\d+", ""));
            }
        }
    }
}
