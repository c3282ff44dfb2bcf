package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.plan.StepContext;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredStep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A repeat block run on the simulator: its cycles in the store, in plan and show, and in 'analyze --cycles'. One run
 * serves every test (none changes what another reads).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StabilityCyclesCliTest {
    static final String PROTOCOL = """
            name: three cycles
            steps:
              - ocp: {duration: 2 s, interval: 1 s}
              - repeat:
                  times: 3
                  label: stability
                  steps:
                    - ca: {potential: -0.6 V vs RHE, duration: 10 s, interval: 1 s}
                    - ocp: {duration: 2 s, interval: 1 s}
            """;

    @TempDir
    static Path temp;
    Path db;
    Path protocol;

    private CliRunner.Result norrlab(String... args) {
        return CliRunner.norrlabOn(db, args);
    }

    @BeforeAll
    void runThreeCycles() throws Exception {
        db = temp.resolve("s.db");
        protocol = temp.resolve("cycles.yaml");
        Files.writeString(protocol, PROTOCOL);
        CliRunner.Result run = norrlab("run", protocol.toString(), "--speed", "max", "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void theStoreKeepsEachStepsCycleAndPlanAndShowPrintIt() throws Exception {
        try (SessionStore store = SessionStore.open(db)) {
            List<StoredStep> steps = store.steps(1);
            assertThat(steps).extracting(StoredStep::kind).containsExactly("ocp", "ca", "ocp", "ca", "ocp", "ca", "ocp");
            assertThat(steps).extracting(StoredStep::context).containsExactly(StepContext.NONE.inBatch(1),
                    new StepContext("stability", 1, 3, 1), new StepContext("stability", 1, 3, 1),
                    new StepContext("stability", 2, 3, 2), new StepContext("stability", 2, 3, 2),
                    new StepContext("stability", 3, 3, 3), new StepContext("stability", 3, 3, 3));
        }
        CliRunner.Result plan = norrlab("plan", protocol.toString());
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).containsPattern("\\n\\s*step\\s+cycle\\s+kind")
                .containsPattern("\\n\\s*1\\s+—\\s+ocp")
                .containsPattern("\\n\\s*4\\s+2/3\\s+ca\\s+-0\\.600")
                .contains("cycle: which cycle of repeat block 'stability' (3 cycles) the step belongs to.");
        CliRunner.Result show = norrlab("show", "1");
        assertThat(show.out()).containsPattern("\\n\\s*step\\s+cycle\\s+kind")
                .containsPattern("\\n\\s*6\\s+3/3\\s+ca\\s+-0\\.600");
        // A protocol without a repeat block keeps its table as it was.
        assertThat(norrlab("plan", "protocols/demo-sweep.yaml").out()).doesNotContain("cycle");
    }

    @Test
    void analyzeCyclesGivesFeAndYieldPerCycleWithMeanSdAndChange() throws Exception {
        // 0.05, 0.045, 0.04 µmol NH3 on the CA steps 2, 4, 6 of the three cycles.
        for (String[] assay : List.of(new String[] {"2", "0.05 umol"}, new String[] {"4", "0.045 umol"},
                new String[] {"6", "0.04 umol"})) {
            CliRunner.Result added = norrlab("assay", "add", "1", "--step", assay[0], "--amount", assay[1]);
            assertThat(added.exitCode()).as(added.err()).isZero();
        }
        CliRunner.Result json = norrlab("analyze", "1", "--cycles", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.out());
        JsonNode steps = new ObjectMapper().readTree(norrlab("analyze", "1", "--format", "json").out()).path("steps");
        JsonNode series = doc.path("blocks").get(0).path("series").get(0);
        assertThat(doc.path("blocks").get(0).path("block").asText()).isEqualTo("stability");
        assertThat(doc.path("blocks").get(0).path("planned_cycles").asInt()).isEqualTo(3);
        assertThat(series.path("E_vs_RHE_V").asDouble()).isEqualTo(-0.6);
        double[] micromoles = {0.05, 0.045, 0.04};
        double[] fe = new double[3];
        for (int i = 0; i < 3; i++) {
            JsonNode cycle = series.path("cycles").get(i);
            assertThat(cycle.path("cycle").asInt()).isEqualTo(i + 1);
            assertThat(cycle.path("steps").get(0).asInt()).isEqualTo(2 + 2 * i);
            double charge = steps.get(i).path("charge_C").asDouble();
            assertThat(cycle.path("charge_C").asDouble()).isEqualTo(charge);
            // FE = n · 5 · F / |Q|
            fe[i] = micromoles[i] * 1e-6 * 5 * 96485.332 / charge;
            assertThat(cycle.path("faradaic_efficiency_NH3").asDouble()).isCloseTo(fe[i], within(1e-12));
            // yield = n / t / area (1 cm² in config/site.yaml): µmol h⁻¹ cm⁻²
            double hours = steps.get(i).path("duration_s").asDouble() / 3600;
            assertThat(cycle.path("nh3_yield_umol_h-1_cm-2").asDouble()).isCloseTo(micromoles[i] / hours / 1.0,
                    within(1e-9));
        }
        double mean = (fe[0] + fe[1] + fe[2]) / 3;
        double sd = Math.sqrt((Math.pow(fe[0] - mean, 2) + Math.pow(fe[1] - mean, 2) + Math.pow(fe[2] - mean, 2)) / 2);
        JsonNode spread = series.path("faradaic_efficiency_NH3");
        assertThat(spread.path("n").asInt()).isEqualTo(3);
        assertThat(spread.path("mean").asDouble()).isCloseTo(mean, within(1e-12));
        assertThat(spread.path("sd").asDouble()).isCloseTo(sd, within(1e-12));
        assertThat(spread.path("change_first_to_last_percent").asDouble())
                .isCloseTo((fe[2] - fe[0]) / fe[0] * 100, within(1e-9));
        assertThat(doc.path("method").asText()).contains("charge of the cycle's CA steps at one potential is summed");

        CliRunner.Result table = norrlab("analyze", "1", "--cycles");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Session 1, repeat block 'stability' (3 cycles planned, 3 with a CA step) at -0.600 V vs RHE")
                // amounts entered without an uncertainty: the FE has no ± (σ 0 is not shown as perfect precision)
                .containsPattern(String.format(java.util.Locale.ROOT, "\\n\\s*1\\s+2\\s+10\\.0\\s+\\S+\\s+%.2f\\s", fe[0] * 100))
                .contains(String.format(java.util.Locale.ROOT, "FE NH3 over 3 cycles: mean %.3f %%, SD %.3f, change first → last %+.1f %%",
                        mean * 100, sd * 100, (fe[2] - fe[0]) / fe[0] * 100))
                .contains("FE sum over 3 cycles")
                .contains("How: per cycle, the charge of the cycle's CA steps at one potential is summed");

        // The report draws the stability chart; its current figure tells the cycles' traces apart (the same potential
        // in every cycle once made the chart library refuse a second series of the same name).
        Path report = temp.resolve("report");
        CliRunner.Result written = norrlab("report", "1", "-o", report.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(report.resolve("stability.png")).isNotEmptyFile();
        // No title by default (a journal sets the caption): the one potential is named on the cycle axis instead.
        assertThat(report.resolve("stability.svg")).content().contains(">Cycle at -0.60 V vs RHE<")
                .doesNotContain("Session 1: stability");
        assertThat(report.resolve("current.svg")).content().contains("-0.60 V vs RHE, cycle 3");
        // One bar group per cycle in the FE figure: one per potential kept only the last cycle's values.
        assertThat(report.resolve("fe-yield.svg")).content().contains(">-0.60 (1)<").contains(">-0.60 (3)<");
        assertThat(report.resolve("summary.md")).content().contains("## Stability: repeat block 'stability'")
                .contains("![FE and NH3 yield per cycle](stability.png)")
                .contains(String.format(java.util.Locale.ROOT, "| 2 | 4 | 10.0 | %.5f | %.2f | %.2f |", steps.get(1)
                        .path("charge_C").asDouble(), fe[1] * 100, fe[1] * 100));
    }

    @Test
    void theShippedStabilityProtocolPlansCleanly() {
        // at --speed max: this PC's sleep setting (warned for a real-time run over 1 h) is not the protocol's
        CliRunner.Result plan = norrlab("plan", "protocols/norr-stability.yaml", "--strict", "--speed", "max");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.err()).isEmpty();
        assertThat(plan.out()).doesNotContain("Warning")
                // 5 cycles of a 1 h CA at -0.6 V vs RHE, each followed by a hold that may last its 30 min timeout
                .containsPattern("\\n\\s*2\\s+1/5\\s+ca\\s+-0\\.600\\s+\\S+\\s+1 h")
                .containsPattern("\\n\\s*11\\s+5/5\\s+hold\\s+—\\s+—\\s+≤ 30 min")
                // 5 min + 5 × (1 h + 30 min) = 7 h 35 min; 300 + 5 × 3600 samples
                .contains("Total: 11 steps, up to 7 h 35 min, 18300 samples");
    }

    @Test
    void aSessionWithoutRepeatBlockIsToldItHasNoCycles() throws Exception {
        Path single = temp.resolve("single.yaml");
        Files.writeString(single, "steps:\n  - ca: {potential: -0.6 V vs RHE, duration: 5 s, interval: 1 s}\n");
        assertThat(norrlab("run", single.toString(), "--speed", "max", "--no-progress").exitCode()).isZero();
        CliRunner.Result result = norrlab("analyze", "2", "--cycles");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("session 2 has no CA step inside a repeat block, so it has no cycles to compare;"
                + " --cycles needs a session run from a protocol with 'repeat: {times, steps}'");
        Path report = temp.resolve("report-2");
        assertThat(norrlab("report", "2", "-o", report.toString()).exitCode()).isZero();
        assertThat(report.resolve("stability.png")).doesNotExist();
        assertThat(report.resolve("summary.md")).content().doesNotContain("Stability");
    }
}
