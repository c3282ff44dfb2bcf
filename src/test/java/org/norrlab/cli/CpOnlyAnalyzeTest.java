package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session norrlab ran itself without a CA step has no FE to compute, and 'analyze' says so in words that fit it:
 * a bench trial got the advice meant for imported files ("the file states these steps' kinds") for a CP run.
 */
class CpOnlyAnalyzeTest {
    @TempDir
    Path temp;

    @Test
    void aRunWithoutACaStepIsToldToPutOneInTheProtocolNotToImportAgain() throws Exception {
        Path protocol = temp.resolve("cp.yaml");
        Files.writeString(protocol, """
                name: CP only
                steps:
                  - cp: {current: -5 mA, duration: 30 s, interval: 1 s}
                """);
        Path db = temp.resolve("cp.db");
        CliRunner.Result run = CliRunner.norrlabOn(db, "run", protocol.toString(), "--speed", "max", "--no-progress");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        CliRunner.Result analyzed = CliRunner.norrlabOn(db, "analyze", "1");
        assertThat(analyzed.exitCode()).isEqualTo(3);
        assertThat(analyzed.err()).isEqualTo("Bad input: session 1 has no chronoamperometry step (its steps are cp): FE and"
                + " yield need the charge of a chronoamperometry (CA) step; this session ran none: a protocol needs a ca"
                + " step for them\n");
    }
}
