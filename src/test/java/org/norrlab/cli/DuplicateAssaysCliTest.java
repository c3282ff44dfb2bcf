package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.Assay;
import org.norrlab.labdata.SimulatedAssays;
import org.norrlab.labdata.SimulatedAssaysOnceTest;
import org.norrlab.store.SessionStore;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22, defect 3 on the command line: a store written before the fix may hold a session whose simulated assays
 * were added twice; 'assay remove' takes the copy out with a reason and the FE ± is the single reading's again.
 */
class DuplicateAssaysCliTest {
    @TempDir
    Path temp;

    private static CliRunner.Result ok(Path db, String... args) {
        CliRunner.Result r = CliRunner.norrlabOn(db, args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    @Test
    void aDuplicateSetIsRemovedWithAReasonAndTheUncertaintyComesBack() throws Exception {
        Path db = temp.resolve("old.db");
        double reading;
        try (SessionStore store = SessionStore.open(db)) {
            long id = SimulatedAssaysOnceTest.simulatedSession(store);
            Assay first = SimulatedAssays.addTo(store, id).get(0);
            store.assays().addAssay(id, first);     // the second press of an older version: the same reading again
            reading = first.value().value();
        }
        // FE = c µg/mL · 35 mL / 14.007 g/mol · 5 · F / 1 C; one reading: relative σ √(0.01² (reading) + 0.01² (cell
        // volume)) = 0.014142; two identical copies averaged: 0.014142/√2 = 0.01.
        double fe = reading * 1e-6 * 35 / 14.007 * 5 * 96485.33212 * 100;
        assertThat(ok(db, "analyze", "1").out())
                .contains(String.format(Locale.ROOT, "FE = %.2f ± %.2f %%", fe, 0.01 * fe));
        assertThat(ok(db, "assay", "remove", "2", "--reason", "second simulated set: a copy of assay 1", "--operator",
                "ana").out()).startsWith("Assay 2 of session 1 is removed from the analysis (NH3, step 1, catholyte:"
                + " concentration ");
        assertThat(ok(db, "analyze", "1").out())
                .contains(String.format(Locale.ROOT, "FE = %.2f ± %.2f %%", fe, Math.sqrt(2e-4) * fe));
        assertThat(ok(db, "assay", "list", "1").out().lines().filter(l -> l.endsWith("current"))).hasSize(1);
        assertThat(ok(db, "assay", "history", "1").out()).contains("assay 2 removed").contains("ana")
                .contains("second simulated set: a copy of assay 1");
    }
}
