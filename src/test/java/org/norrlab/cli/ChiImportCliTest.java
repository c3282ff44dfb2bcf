package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.importer.ChiTestFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A CH Instruments i-t file taken through the whole flow a lab uses it for: import, a calibration, assays, analyze.
 * The file is written here from the SOURCES.md "chi/" layout notes (see {@link ChiTestFiles}), so every row of it
 * is known and the charge, faradaic efficiency and yield can be worked out by hand below.
 */
class ChiImportCliTest {
    @TempDir
    Path temp;
    Path db;

    private CliRunner.Result norrlab(String... args) {
        return CliRunner.norrlabOn(db, args);
    }

    @BeforeEach
    void database() {
        db = temp.resolve("chi.db");
    }

    /** 50 rows every 60 s (3000 s), I_k = −(5.000 + 0.020·k) mA: row 1 −5.020 mA, row 50 −6.000 mA. */
    private static double[] currents() {
        double[] currents = new double[50];
        for (int k = 1; k <= 50; k++) {
            currents[k - 1] = -(5.000 + 0.020 * k) * 1e-3;
        }
        return currents;
    }

    @Test
    void anItFileWithACalibrationAndAssaysGivesTheHandCalculatedFeAndYield() throws Exception {
        Path it = ChiTestFiles.amperometric(temp.resolve("it -0.5 V.txt"), -0.5, 60, currents());
        CliRunner.Result imported = norrlab("import", it.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Session 1: 1 step(s), 50 samples").contains("(chi \"Amperometric i-t Curve\")")
                .containsPattern("1 +ca +Amperometric i-t Curve at Init E -0.5 V +50 +60 … 3000 +-5.51 mA +-0.5000 ");

        // Standards in mM on A = 0.010 + 1.5·c exactly, with five blank replicates for σ.
        Path standards = Files.writeString(temp.resolve("standards.csv"), "concentration,absorbance,kind\n"
                + "0,0.010,standard\n0.15,0.235,standard\n0.3,0.460,standard\n0.45,0.685,standard\n0.6,0.910,standard\n"
                + "0,0.009,blank\n0,0.011,blank\n0,0.010,blank\n0,0.012,blank\n0,0.008,blank\n");
        CliRunner.Result calib = norrlab("calib", "add", standards.toString(), "--method", "indophenol",
                "--wavelength", "655 nm", "--unit", "mM");
        assertThat(calib.exitCode()).as(calib.err()).isZero();
        assertThat(calib.out()).contains("Saved as calibration 1.");
        for (int replicate = 0; replicate < 2; replicate++) {
            CliRunner.Result assay = norrlab("assay", "add", "1", "--step", "1", "--absorbance", "0.760", "--calibration", "1");
            assertThat(assay.exitCode()).as(assay.err()).isZero();
        }

        CliRunner.Result analyzed = norrlab("analyze", "1", "--format", "json");
        assertThat(analyzed.exitCode()).as(analyzed.err()).isZero();
        JsonNode step = new ObjectMapper().readTree(analyzed.out()).path("steps").get(0);
        assertThat(step.path("step").asInt()).isEqualTo(1);
        assertThat(step.path("E_vs_RE_V").asDouble()).isEqualTo(-0.5);
        assertThat(step.path("samples").asInt()).isEqualTo(50);
        assertThat(step.path("duration_s").asDouble()).isCloseTo(3000, within(1e-9));
        // Q by hand: the first row's current held over its first interval (0…60 s, as the analysis counts an
        // instrument's first sample), then the trapezoid over 60…3000 s, exact here since I is linear in t:
        //   60 s × 5.020 mA + 2940 s × (5.020 + 6.000)/2 mA = 0.3012 C + 16.1994 C = 16.5006 C (analyze prints |Q|).
        double charge = 16.5006;
        assertThat(step.path("charge_C").asDouble()).isCloseTo(charge, within(1e-9));
        // A = 0.760 → c = (0.760 − 0.010)/1.5 = 0.5 mM, in the site's 35 mL: n = 17.5 µmol of NH3.
        double moles = 17.5e-6;
        JsonNode nh3 = step.path("products").path("NH3");
        assertThat(nh3.path("amount_mol").asDouble()).isCloseTo(moles, within(1e-15));
        // FE = 5·F·n/|Q| = 5 × 96485.332 C/mol × 17.5e-6 mol / 16.5006 C = 8.442467 C / 16.5006 C = 0.511646
        assertThat(nh3.path("faradaic_efficiency").asDouble()).isCloseTo(5 * 96485.332 * moles / charge, within(1e-7))
                .isCloseTo(0.511646, within(1e-6));
        // yield = n / t / area = 17.5 µmol / (3000 s = 0.8333 h) / 1 cm² (config/site.yaml) = 21.0 µmol h⁻¹ cm⁻²
        assertThat(step.path("nh3_yield").path("umol_h-1_cm-2").asDouble()).isCloseTo(21.0, within(1e-9));
    }

    @Test
    void fourItFilesOnePerPotentialBecomeOneSessionOfFourCaSteps() throws Exception {
        double[] potentials = {-0.3, -0.4, -0.5, -0.6};
        List<String> args = new ArrayList<>(List.of("import"));
        for (double e : potentials) {
            args.add(ChiTestFiles.amperometric(temp.resolve("it " + e + " V.txt"), e, 60, currents()).toString());
        }
        args.add("--one-session");
        CliRunner.Result imported = norrlab(args.toArray(String[]::new));
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        JsonNode steps = new ObjectMapper().readTree(norrlab("analyze", "1", "--format", "json").out()).path("steps");
        assertThat(steps).hasSize(4);
        for (int i = 0; i < 4; i++) {
            // in the order the files were given, each at its own Init E, each with all 50 rows
            assertThat(steps.get(i).path("step").asInt()).isEqualTo(i + 1);
            assertThat(steps.get(i).path("E_vs_RE_V").asDouble()).isEqualTo(potentials[i]);
            assertThat(steps.get(i).path("samples").asInt()).isEqualTo(50);
            assertThat(steps.get(i).path("charge_C").asDouble()).isCloseTo(16.5006, within(1e-9));
        }
    }
}
