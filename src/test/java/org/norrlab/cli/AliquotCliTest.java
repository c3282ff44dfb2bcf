package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.plan.Electrolyte;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.AccumulatingSweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Aliquots recorded by hand on an accumulating session, and what analyze and report make of them. */
class AliquotCliTest {
    @TempDir
    Path temp;

    @Test
    void aliquotsAddedByHandGiveEachStepItsDifferenceInAnalyzeAndTheReport() throws Exception {
        Path db = temp.resolve("a.db");
        try (SessionStore store = SessionStore.open(db)) {
            AccumulatingSweep.session(store, Electrolyte.Mode.ACCUMULATE, List.of(), false);
        }
        for (int k = 1; k <= 3; k++) {
            CliRunner.Result added = CliRunner.norrlabOn(db, "aliquot", "add", "1", "--after-step", String.valueOf(k),
                    "--volume", "1 mL", "--note", "by hand");
            assertThat(added.exitCode()).as(added.err()).isZero();
            assertThat(added.out()).isEqualTo("Saved aliquot " + k + " of session 1: 1 mL after step " + k + ", not replaced.\n");
        }
        String[] c = {"0.10", "0.25", "0.38", "0.50"};
        for (int k = 1; k <= 4; k++) {
            assertThat(CliRunner.norrlabOn(db, "assay", "add", "1", "--step", String.valueOf(k), "--concentration",
                    c[k - 1] + " ± 0.005 mM").exitCode()).isZero();
        }
        CliRunner.Result list = CliRunner.norrlabOn(db, "aliquot", "list", "1");
        assertThat(list.out()).startsWith("Electrolyte: accumulate (").contains("         2            1        no  operator  by hand");

        CliRunner.Result table = CliRunner.norrlabOn(db, "analyze", "1");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Electrolyte: accumulate (one catholyte batch over several steps")
                .contains("Aliquots:").contains("Batch amounts:")
                // step 2: V = 34 mL, c·V = 0.25·34 = 8.5 µmol, P = 8.5 + 0.10·1 = 8.6 µmol, n = 5.1 µmol
                .containsPattern("\\n\\s+2\\s+1\\s+NH3\\s+34\\.00\\s+8\\.500 ± 0\\.\\d+\\s+8\\.600 ± 0\\.\\d+\\s+5\\.100 ± 0\\.246\\n");

        JsonNode doc = new ObjectMapper().readTree(CliRunner.norrlabOn(db, "analyze", "1", "--format", "json").out());
        assertThat(doc.path("electrolyte").path("mode").asText()).isEqualTo("accumulate");
        assertThat(doc.path("electrolyte").path("aliquots")).hasSize(3);
        // FE₂ = 5·96485.332·5.1e-6 / 4.0 C = 0.61509399
        assertThat(doc.path("steps").get(1).path("products").path("NH3").path("faradaic_efficiency").asDouble())
                .isCloseTo(0.6150939915, within(1e-9));

        Path out = temp.resolve("report");
        CliRunner.Result report = CliRunner.norrlabOn(db, "report", "1", "-o", out.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(out.resolve("summary.md"))).contains("- Electrolyte: accumulate (")
                .contains("## Aliquots").contains("| 1 | 1 | no | operator | by hand |").contains("## Electrolyte batches");
    }

    @Test
    void anAliquotAfterAStepTheSessionDoesNotHaveIsRefused() throws Exception {
        Path db = temp.resolve("b.db");
        try (SessionStore store = SessionStore.open(db)) {
            AccumulatingSweep.session(store, Electrolyte.Mode.ACCUMULATE, List.of(), false);
        }
        CliRunner.Result added = CliRunner.norrlabOn(db, "aliquot", "add", "1", "--after-step", "9", "--volume", "1 mL");
        assertThat(added.exitCode()).isNotZero();
        assertThat(added.err()).contains("session 1 has no step 9 (--after-step); its steps are 1, 2, 3, 4");
    }
}
