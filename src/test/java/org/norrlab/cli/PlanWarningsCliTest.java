package org.norrlab.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A protocol with a plausible mistake (here a sign slip) runs, but its warning is printed before the run starts and
 * stored with the session; --strict refuses it instead. And plan checks what run checks, with the same words.
 */
class PlanWarningsCliTest {
    @TempDir
    Path temp;
    Path slip;
    String warning;

    @BeforeEach
    void aSweepWithASignSlip() throws Exception {
        slip = temp.resolve("slip.yaml");
        Files.writeString(slip, """
                steps:
                  - sweep: {potentials: [-0.4 V vs RHE, 0.6 V vs RHE, -0.5 V vs RHE], duration: 2 s, interval: 1 s}
                """);
        // "  - sweep: {potentials: [-0.4 V vs RHE, " is 40 characters: the slip is at line 2, column 41
        warning = "step 2 (CA +0.600 V vs RHE, " + slip + ":2:41): +0.600 V vs RHE is oxidising, while 2 of the protocol's"
                + " 3 CA steps are below 0 V vs RHE (reducing, as NORR is); a sign slip? Write the potential with its minus"
                + " sign, or run with this warning if the step is meant to oxidise";
    }

    @Test
    void theWarningIsPrintedBeforeTheRunStartsAndStoredAsAnEventOfTheSession() throws Exception {
        Path db = temp.resolve("w.db");
        CliRunner.Result run = CliRunner.norrlab("run", slip.toString(), "--speed", "max", "--no-progress", "--db",
                db.toString(), "--home", Fixtures.HOME.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        int printed = run.out().indexOf("Warning: " + warning + "\n");
        assertThat(printed).as(run.out()).isGreaterThanOrEqualTo(0);
        assertThat(printed).isLessThan(run.out().indexOf("Protocol slip: 3 steps"));
        List<String> stored = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT session_id, step_index, kind, message FROM events WHERE kind = 'WARNING'")) {
            while (rs.next()) {
                stored.add(rs.getLong(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        assertThat(stored).containsExactly("1|0|WARNING|" + warning);
    }

    @Test
    void strictRefusesAProtocolWithWarningsInRunAndInPlanAndStartsNothing() {
        Path db = temp.resolve("strict.db");
        String refusal = "Bad input: --strict: 1 warning, so nothing was started; correct the protocol or the setup (--db, the PC),"
                + " or run without --strict to run it as written:\n  " + warning;
        CliRunner.Result run = CliRunner.norrlab("run", slip.toString(), "--strict", "--speed", "max", "--no-progress",
                "--db", db.toString(), "--home", Fixtures.HOME.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(refusal);
        assertThat(db).doesNotExist();
        CliRunner.Result plan = CliRunner.norrlab("plan", slip.toString(), "--strict", "--home", Fixtures.HOME.toString());
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(plan.err()).contains(refusal);
        CliRunner.Result lenient = CliRunner.norrlab("plan", slip.toString(), "--home", Fixtures.HOME.toString());
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains("Warning: " + warning + "\n")
                .contains("Checked as 'run' checks it: the safety envelope (potential window, step limit), the"
                        + " instrument profile sim, the simulator (potential window, minimum interval, techniques) and this"
                        + " PC (free space for the store ");
    }

    @Test
    void planAndRunRefuseAPotentialOutsideTheSafetyWindowWithTheSameMessage() throws Exception {
        Path high = temp.resolve("high.yaml");
        Files.writeString(high, "steps:\n  - ca: {potential: 1.2 V vs RHE, duration: 1 min, interval: 1 s}\n");
        CliRunner.Result plan = CliRunner.norrlab("plan", high.toString(), "--home", Fixtures.HOME.toString());
        CliRunner.Result run = CliRunner.norrlab("run", high.toString(), "--speed", "max", "--no-progress", "--db",
                temp.resolve("h.db").toString(), "--home", Fixtures.HOME.toString());
        // the fixture home's config/site.yaml: potential_window {min: -1.5 V vs RHE, max: 1.0 V vs RHE}
        String refusal = "Bad input: the protocol cannot run on sim:\n  step 1 (CA +1.200 V vs RHE, " + high + ":2:5):"
                + " 1.200 V vs RHE is outside the safety window -1.500 .. 1.000 V vs RHE (config/site.yaml or the"
                + " protocol's safety block)";
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(plan.err()).contains(refusal);
        assertThat(run.err()).contains(refusal);
        assertThat(plan.out()).doesNotContain("Total:");
    }
}
