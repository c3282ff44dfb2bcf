package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.plan.Electrolyte;
import org.norrlab.report.SessionExporter;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredAliquot;
import org.norrlab.testing.AccumulatingSweep;
import org.norrlab.testing.Fixtures;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The aliquots of a session go out in its CSV and JSON Lines export and come back with the import of either. */
class AliquotRoundTripTest {
    @TempDir
    Path temp;

    @Test
    void aliquotsSurviveExportAndImportInBothFormats() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("rt.db"))) {
            long id = AccumulatingSweep.session(store, Electrolyte.Mode.ACCUMULATE, List.of(1, 3), false);
            store.addAliquot(id, new StoredAliquot(0, 2, 0.5, true, Electrolyte.TakenBy.OPERATOR,
                    java.time.Instant.parse("2026-12-03T10:00:00Z"), "by hand, with a pipette"));
            var session = store.session(id).orElseThrow();
            Path csv = temp.resolve("s.csv");
            Path jsonl = temp.resolve("s.jsonl");
            try (OutputStream out = Files.newOutputStream(csv)) {
                SessionExporter.write(store, session, SessionExporter.Format.CSV, out);
            }
            try (OutputStream out = Files.newOutputStream(jsonl)) {
                SessionExporter.write(store, session, SessionExporter.Format.JSONL, out);
            }
            assertThat(Files.readString(csv)).contains("# electrolyte: accumulate\n")
                    .contains("# aliquot: after step 2, 0.5 mL, replaced, taken by operator, at 2026-12-03T10:00:00Z;"
                            + " by hand, with a pipette\n");
            List<StoredAliquot> original = store.aliquots(id);
            assertThat(original).hasSize(3);
            for (Path file : List.of(csv, jsonl)) {
                ImportSummary summary = ImportService.importSession(store, List.of(ImportService.Input.of(file,
                        ImportService.importerFor(file, Optional.empty()))), ImportOptions.NONE, Fixtures.cellAtPh7(), "test");
                List<StoredAliquot> back = store.aliquots(summary.sessionId());
                assertThat(back).as(file.getFileName().toString()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                        .containsExactlyElementsOf(original);
                // The export keeps the mode and every step's batch, so the import is analysed per batch as the original.
                assertThat(store.session(summary.sessionId()).orElseThrow().electrolyte()).as(file.getFileName().toString())
                        .isEqualTo(Electrolyte.Mode.ACCUMULATE);
                assertThat(store.steps(summary.sessionId())).as(file.getFileName().toString())
                        .extracting(s -> s.context().batch())
                        .containsExactlyElementsOf(store.steps(id).stream().map(s -> s.context().batch()).toList());
            }
        }
    }
}
