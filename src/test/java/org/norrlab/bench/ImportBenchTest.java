package org.norrlab.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.store.SampleRows;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The import benchmark measures what bin/norrlab runs, on the rows its reference inserts. */
class ImportBenchTest {
    @TempDir
    Path temp;

    /**
     * The bench starts norrlab with what the launcher gives each command: if one changed alone, the figures would
     * stop being the user's. The launcher's choices themselves are checked in LauncherArchiveTest.
     */
    @Test
    void theBenchGivesEachCommandTheLaunchersCompilerAndCollector() {
        assertThat(CommandTimer.launcherOptions(List.of("import"))).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(CommandTimer.launcherOptions(List.of("sessions"))).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(CommandTimer.launcherOptions(List.of("export"))).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(CommandTimer.launcherOptions(List.of("report"))).doesNotContain("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    @Test
    void theCsvHoldsTheReferencesRowsAsJavaWritesThem() throws Exception {
        Path csv = temp.resolve("b.csv");
        SampleRows rows = ImportBench.write(csv, 3, true);
        List<String> lines = Files.readString(csv).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("time (s),current (A),potential (V)");
        for (int k = 0; k < 3; k++) {
            String[] cells = lines.get(k + 1).split(",");
            assertThat(Double.parseDouble(cells[0])).isEqualTo(rows.t()[k]).isEqualTo(k / 100.0);
            assertThat(Double.parseDouble(cells[1])).isEqualTo(rows.i()[k]);
            assertThat(Double.parseDouble(cells[2])).isEqualTo(rows.e()[k]);
            assertThat(rows.step()[k]).isEqualTo(1);
            assertThat(rows.seq()[k]).isEqualTo(k);
            assertThat(rows.range()[k]).isNaN();
        }
    }

    /**
     * Each pair is a plain insert and then an import by a new process, into fresh files; the figures are the medians
     * (a single run of each moved the ratio by ±0.05 on a busy 2-core machine). The last import's file holds every row.
     */
    @Test
    void theImportAndItsReferenceRunInTurnAndTheMediansAreKept() throws Exception {
        ImportBench.Result result = ImportBench.run(Fixtures.HOME, 300, temp, List.of(), 2);
        assertThat(result.runs()).isEqualTo(2);
        assertThat(result.rows()).isEqualTo(300);
        assertThat(result.importSeconds()).isPositive();
        assertThat(result.plainInsertSeconds()).isPositive();
        assertThat(result.toString()).contains("median of 2 runs, each after a plain insert");
        try (SessionStore store = SessionStore.open(temp.resolve("import-bench.db"))) {
            assertThat(store.sampleCount(1)).isEqualTo(300);
        }
        try (SessionStore store = SessionStore.open(temp.resolve("import-plain.db"))) {
            assertThat(store.sampleCount(1)).isEqualTo(300);
        }
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(CommandTimer.median(new double[] {3.0, 1.0, 2.0})).isEqualTo(2.0);
        assertThat(CommandTimer.median(new double[] {4.0, 1.0, 3.0, 2.0})).isEqualTo(2.5);
        assertThat(CommandTimer.median(new double[] {7.5})).isEqualTo(7.5);
    }
}
