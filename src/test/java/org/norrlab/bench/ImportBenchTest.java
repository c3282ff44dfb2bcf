package org.norrlab.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.store.SampleRows;

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
        assertThat(CommandTimer.launcherOptions(List.of("export"))).contains("-XX:+UseSerialGC")
                .doesNotContain("-XX:TieredStopAtLevel=1");
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
}
