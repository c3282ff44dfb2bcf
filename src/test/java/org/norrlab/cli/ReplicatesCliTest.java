package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.Product;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.HandSessions;
import org.norrlab.testing.HandSessions.Step;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code analyze 1 2 3}: replicate sessions combined per potential. Every step passes Q = 10 mA × 100 s = 1 C on
 * 1 cm², so FE NH3 = n × 5 × 96485.332 C/mol / 1 C and the yield is n / (100 s / 3600 s/h) / 1 cm² = 36 n per µmol.
 */
class ReplicatesCliTest {
    @TempDir
    Path temp;

    private static List<Step> sweep(Double nh3At03, double nh3At05) {
        return List.of(Step.of(-0.3, -0.010, nh3At03 == null ? Map.of() : Map.of(Product.NH3, nh3At03)),
                Step.of(-0.5, -0.010, Map.of(Product.NH3, nh3At05)));
    }

    @Test
    void replicatesGiveMeanAndSampleStandardDeviationPerPotentialInTextAndJson() throws Exception {
        Path db = temp.resolve("r.db");
        try (SessionStore store = SessionStore.open(db)) {
            HandSessions.session(store, "sweep", sweep(0.5, 1.6));
            HandSessions.session(store, "sweep", sweep(null, 1.7));
            HandSessions.session(store, "sweep", sweep(0.7, 1.8));
        }
        // −0.5 V: n = 1.6, 1.7, 1.8 µmol → FE 77.188, 82.013, 86.837 %: mean 82.013 % (1.7e-6 × 482426.66 = 0.820125);
        // equally spaced by d = 0.1e-6 × 482426.66 = 4.824 %, so SD (n − 1) = d = 4.82 %. Yield 36 × 1.7 = 61.2 ± 3.6.
        // −0.3 V: session 2 has no NH3 assay; 0.5 and 0.7 µmol → 24.121 and 33.770 %: mean 28.946 %, SD = 9.649 / √2 = 6.82 %
        CliRunner.Result text = CliRunner.norrlabOn(db, "analyze", "1", "2", "3");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Replicates of sweep: sessions 1, 2, 3")
                .containsPattern("-0\\.300 +2 +28\\.95 ± 6\\.82 +28\\.95 ± 6\\.82 +21\\.600 ± 5\\.091")
                .containsPattern("-0\\.500 +3 +82\\.01 ± 4\\.82 +82\\.01 ± 4\\.82 +61\\.200 ± 3\\.600")
                .contains("-0.300 V: session 2 step 1 left out: no NH3 assay")
                .contains("± is the sample standard deviation (n − 1) across the sessions");

        CliRunner.Result json = CliRunner.norrlabOn(db, "analyze", "1", "2", "3", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("format").asText()).isEqualTo("norrlab-replicates");
        JsonNode minus05 = root.get("potentials").get(1);
        assertThat(minus05.get("E_vs_RHE_V").asDouble()).isEqualTo(-0.5);
        assertThat(minus05.get("n").asInt()).isEqualTo(3);
        assertThat(minus05.get("faradaic_efficiency_nh3").get("mean").asDouble()).isCloseTo(0.820125, within(1e-6));
        assertThat(minus05.get("faradaic_efficiency_nh3").get("sd").asDouble()).isCloseTo(0.0482427, within(1e-6));
        JsonNode minus03 = root.get("potentials").get(0);
        assertThat(minus03.get("sessions").toString()).isEqualTo("[1,3]");
        // FE sums of 24 and 34 % with only NH3 assayed are flagged in their sessions: counted, and said so
        assertThat(minus03.get("notes").toString()).isEqualTo("[\"session 1 step 1 is flagged (fe_sum_low_unmeasured):"
                + " counted; see its own analysis\",\"session 2 step 1 left out: no NH3 assay\",\"session 3 step 1 is flagged"
                + " (fe_sum_low_unmeasured): counted; see its own analysis\"]");
    }

    /** A session and its own JSON Lines export imported back are one measurement: refused, not n = 2 with ± 0.00. */
    @Test
    void aSessionAndItsOwnReimportAreNotReplicates() throws Exception {
        Path db = temp.resolve("copy.db");
        try (SessionStore store = SessionStore.open(db)) {
            HandSessions.session(store, "sweep", sweep(0.5, 1.6));
            HandSessions.session(store, "sweep", sweep(0.7, 1.8));
        }
        Path jsonl = temp.resolve("s1.jsonl");
        assertThat(CliRunner.norrlabOn(db, "export", "1", "--format", "jsonl", "-o", jsonl.toString()).exitCode()).isZero();
        CliRunner.Result imported = CliRunner.norrlabOn(db, "import", jsonl.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        CliRunner.Result copy = CliRunner.norrlabOn(db, "analyze", "1", "2", "3");
        assertThat(copy.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(copy.err()).contains("sessions 1 and 3 hold the same measurement: each of their 2 CA steps has the same"
                + " sample count and charge to the last digit, and their assays are the same; one is a copy of the other (an"
                + " export imported back, say), not a replicate: give each measurement once");
        // the two real replicates still combine
        assertThat(CliRunner.norrlabOn(db, "analyze", "1", "2").exitCode()).isZero();
    }

    @Test
    void aSessionOfAnotherProtocolOrOtherPotentialsIsRefusedByName() throws Exception {
        Path db = temp.resolve("x.db");
        try (SessionStore store = SessionStore.open(db)) {
            HandSessions.session(store, "sweep", sweep(0.5, 1.6));
            HandSessions.session(store, "stability", sweep(0.5, 1.6));
            HandSessions.session(store, "sweep", List.of(Step.of(-0.3, -0.010, Map.of()), Step.of(-0.4, -0.010, Map.of())));
        }
        CliRunner.Result protocol = CliRunner.norrlabOn(db, "analyze", "1", "2");
        assertThat(protocol.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(protocol.err()).contains("session 2 is not a replicate of session 1: its protocol is 'stability',"
                + " session 1's is 'sweep'; replicates are sessions of the same protocol");
        CliRunner.Result potentials = CliRunner.norrlabOn(db, "analyze", "1", "3");
        assertThat(potentials.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(potentials.err()).contains("session 3 is not a replicate of session 1: its CA potentials vs RHE are"
                + " -0.300, -0.400 V, session 1's are -0.300, -0.500 V");
        CliRunner.Result twice = CliRunner.norrlabOn(db, "analyze", "1", "1");
        assertThat(twice.err()).contains("session 1 is given twice: each replicate counts once");
    }
}
