package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.norrlab.cli.CliRunner.norrlab;

/**
 * A CSV whose header says mA over values of A magnitude imports 1000× too small; the summary shows each step's mean
 * current with its unit beside the column it was read from and that column's unit, so the operator sees the slip
 * (issue 18).
 */
class ImportCurrentShownTest {
    @TempDir
    Path temp;

    @Test
    void theSummaryShowsTheMeanCurrentAndTheColumnAndUnitItWasReadIn() throws Exception {
        // Values of a -5 mA CA written in A under a mA header: mean (-0.0052 - 0.0051 - 0.0053) / 3 = -0.0052 mA = -5.20 µA.
        Path csv = Files.writeString(temp.resolve("slip.csv"), "time/s,I/mA\n0,-0.0052\n1,-0.0051\n2,-0.0053\n");
        CliRunner.Result result = norrlab("import", csv.toString(), "--technique", "ca", "--potential", "-0.5 V vs RHE",
                "--db", temp.resolve("s.db").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("mean I").contains("-5.20 µA")
                .contains("  columns of slip.csv: time: 'time/s' in s; current: 'I/mA' in mA;");
    }

    @Test
    void theSameValuesUnderAnAmpereHeaderShowMilliamperes() throws Exception {
        Path csv = Files.writeString(temp.resolve("amps.csv"), "time/s,I_A\n0,-0.0052\n1,-0.0051\n2,-0.0053\n");
        CliRunner.Result result = norrlab("import", csv.toString(), "--technique", "ca", "--potential", "-0.5 V vs RHE",
                "--db", temp.resolve("a.db").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("-5.20 mA").contains("current: 'I_A' in A;");
    }
}
