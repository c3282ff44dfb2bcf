package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Quick-start analysis flow on the command line: run, calibrate, add assays, analyze, report. */
class AnalysisCliTest {
    @TempDir
    Path temp;
    Path db;

    private CliRunner.Result norrlab(String... args) {
        return CliRunner.norrlabOn(db, args);
    }

    @BeforeEach
    void runTheDemo() {
        db = temp.resolve("a.db");
        assertThat(norrlab("run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress").exitCode()).isZero();
    }

    @Test
    void theShippedExampleFlowGivesFeAndYieldNearTheSimulatorsTruth() throws Exception {
        CliRunner.Result calib = norrlab("calib", "add", "config/examples/indophenol-standards.csv", "--method", "indophenol",
                "--wavelength", "655 nm", "--unit", "µg/mL NH4+-N", "--operator", "test");
        assertThat(calib.exitCode()).as(calib.err()).isZero();
        assertThat(calib.out()).contains("Saved as calibration 1.").contains("σ = ").contains("blank replicates");
        CliRunner.Result imported = norrlab("assay", "import", "1", "config/examples/demo-assays.csv");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 4 assays");

        CliRunner.Result json = norrlab("analyze", "1", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.out());
        JsonNode step3 = doc.path("steps").get(1);
        assertThat(step3.path("step").asInt()).isEqualTo(3);
        // The example absorbances were made from the simulator's truth for this run (seed 42): FE 86.99 %.
        assertThat(step3.path("products").path("NH3").path("faradaic_efficiency").asDouble()).isCloseTo(0.8699, within(0.01));
        assertThat(step3.path("nh3_yield").path("umol_h-1_cm-2").asDouble()).isCloseTo(7.83043 * 12, within(2.0));
        assertThat(doc.path("calibrations").get(0).path("sigma_source").asText()).isEqualTo("blank_replicates");

        CliRunner.Result table = norrlab("analyze", "1");
        assertThat(table.out()).containsPattern("\\n\\s+3\\s+-0\\.500\\s+300\\.0\\s+4\\.\\d+\\s+7\\.\\d+ ± 0\\.\\d+\\s+8\\d\\.\\d\\d ± \\d\\.\\d\\d");

        Path out = temp.resolve("report");
        CliRunner.Result report = norrlab("report", "1", "-o", out.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(out.resolve("fe-yield.png")).isRegularFile();
        assertThat(out.resolve("summary.md")).isRegularFile();
    }

    @Test
    void aPoorCalibrationIsRefusedUnlessAcceptedAndThenFlagged() throws Exception {
        Path standards = temp.resolve("three.csv");
        Files.writeString(standards, "concentration,absorbance\n0,0.01\n1,0.41\n2,0.80\n");
        CliRunner.Result refused = norrlab("calib", "add", standards.toString(), "--method", "indophenol",
                "--wavelength", "655 nm", "--unit", "mM");
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("was not saved: only 3 standards (at least 4 are required)")
                .contains("--accept-poor-fit");
        CliRunner.Result accepted = norrlab("calib", "add", standards.toString(), "--method", "indophenol",
                "--wavelength", "655 nm", "--unit", "mM", "--accept-poor-fit");
        assertThat(accepted.out()).contains("Saved as calibration 1 (FAILS the acceptance rule");
        assertThat(norrlab("assay", "add", "1", "--step", "3", "--absorbance", "0.30", "--calibration", "1").exitCode()).isZero();
        CliRunner.Result analyzed = norrlab("analyze", "1");
        assertThat(analyzed.out()).contains("[calibration failed the acceptance rule]").contains("FAILS the acceptance rule");
        assertThat(analyzed.out()).containsPattern("\\n\\s+3\\s+-0\\.500.*\\*");
    }

    @Test
    void everyKindOfMeasurementAndAControl() throws Exception {
        assertThat(norrlab("assay", "add", "1", "--step", "3", "--concentration", "0.2237 ± 0.002 mM").exitCode()).isZero();
        assertThat(norrlab("assay", "add", "1", "--step", "3", "--product", "N2O", "--amount", "0.5 umol").exitCode()).isZero();
        CliRunner.Result gc = norrlab("assay", "add", "1", "--step", "3", "--product", "H2", "--gc", "1000 ppm", "--flow",
                "20 mL/min");
        assertThat(gc.exitCode()).as(gc.err()).isZero();
        // A second session as the control: the same demo run, with a little NH3 found in it.
        assertThat(norrlab("run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress").exitCode()).isZero();
        assertThat(norrlab("assay", "add", "2", "--step", "3", "--amount", "0.10 umol").exitCode()).isZero();
        CliRunner.Result control = norrlab("control", "1", "--control", "2");
        assertThat(control.out()).contains("Session 2 is now the control for session 1 (every step).");

        JsonNode doc = new ObjectMapper().readTree(norrlab("analyze", "1", "--format", "json").out());
        JsonNode products = doc.path("steps").get(1).path("products");
        // 0.2237 mM in 35 mL = 7.8295 µmol, minus 0.10 µmol of the control.
        assertThat(products.path("NH3").path("amount_mol").asDouble() * 1e6).isCloseTo(7.7295, within(1e-4));
        assertThat(products.path("NH3").path("control_subtracted").asBoolean()).isTrue();
        assertThat(products.path("N2O").path("amount_mol").asDouble() * 1e6).isCloseTo(0.5, within(1e-12));
        // 1000 ppm of 20 mL/min over the 5 min step at 25 °C: 0.1 L of gas, 4.088 µmol H2.
        assertThat(products.path("H2").path("amount_mol").asDouble() * 1e6).isCloseTo(4.0878, within(1e-3));
        double charge = doc.path("steps").get(1).path("charge_C").asDouble();
        double sum = 0;
        for (String p : List.of("NH3", "N2O", "H2")) {
            sum += products.path(p).path("faradaic_efficiency").asDouble();
        }
        assertThat(doc.path("steps").get(1).path("faradaic_efficiency_sum").asDouble()).isCloseTo(sum, within(1e-12));
        assertThat(products.path("N2O").path("faradaic_efficiency").asDouble())
                .isCloseTo(2 * 96485.332 * 0.5e-6 / charge, within(1e-12));
        assertThat(doc.path("steps").get(1).path("notes").toString()).contains("NH3 of control session 2 step 3 subtracted");
    }

    @Test
    void badMeasurementsAreExplained() throws Exception {
        CliRunner.Result ocp = norrlab("assay", "add", "1", "--step", "1", "--amount", "1 umol");
        assertThat(ocp.exitCode()).isEqualTo(3);
        assertThat(ocp.err()).contains("step 1 of session 1 is an open-circuit rest");
        CliRunner.Result unit = norrlab("assay", "add", "1", "--step", "3", "--concentration", "3 mg");
        assertThat(unit.err()).contains("'mg' is not a concentration unit");
        CliRunner.Result two = norrlab("assay", "add", "1", "--step", "3", "--amount", "1 umol", "--concentration", "1 mM");
        assertThat(two.err()).contains("give exactly one of");
        Path batch = temp.resolve("batch.csv");
        Files.writeString(batch, "step,product,concentration\n2,NH3,1 mM\n3,NH3,1 furlong\n");
        CliRunner.Result bad = norrlab("assay", "import", "1", batch.toString());
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.err()).contains(batch + ":3:1: 'furlong' is not a concentration unit");
        // Nothing of a rejected batch is stored.
        assertThat(norrlab("assay", "list", "1").out()).doesNotContain("mM");
    }
}
