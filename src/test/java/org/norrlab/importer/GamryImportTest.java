package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.norrlab.config.Potential;
import org.norrlab.core.Sample;
import org.norrlab.testing.SharedFixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every Gamry file in the shared fixtures (gamry-dta/), checked against readings of the files made by hand (awk over
 * the T, Vf and Im columns of each table), and variants of them built here.
 */
class GamryImportTest {
    @TempDir
    Path temp;

    private static ImportedSession read(String fixture) throws Exception {
        Path file = SharedFixtures.vendorFile("gamry-dta/" + fixture);
        return ImportService.read(file);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, steps, samples in all steps (= data rows of the tables imported, counted with awk); a CV's CURVE
            // tables are the cycles of one step
            "gamryjl_AAP1_24_PhOx2_CV.DTA,                     1, 2801",
            "gamryparser_chronoa_data.dta,                     3,   10",
            "gamryparser_chronoa_de_data.dta,                  3,   10",
            "gamryparser_cv_data.dta,                          1,   50",
            "maxtenenbaum_20240321_C_GM0016_HL03_E01_CV50.DTA, 2, 1160",
            "nomadce_230531-CA-test2_decimalcomma.DTA,         3,  105",
            "nomadce_3stepCACA.DTA,                            3,  105",
            "nomadce_CHRONOA.DTA,                              3, 1050",
            "shepard_Chronopot_0A_decimalcomma.DTA,            1,  121",
            "shepard_OCP_1_decimalcomma.DTA,                   1,  545",
    })
    void everyDataRowBecomesOneSample(String file, int steps, int rows) throws Exception {
        ImportedSession imported = read(file);
        assertThat(imported.format()).isEqualTo("gamry");
        assertThat(imported.steps()).hasSize(steps);
        assertThat(imported.steps().stream().mapToInt(s -> s.samples().size()).sum()).isEqualTo(rows);
    }

    @ParameterizedTest(name = "{0} step {1}")
    @CsvSource({
            // file, step, kind, rows, the file time T the step counts from; first row T, Vf (V), Im (A; NaN: no Im);
            // last row the same. Chrono tables count from the header's step starts (-TPRESTEP, 0, TSTEP1), every
            // other table from its first row.
            // a CV's CURVE tables are one step counted from the first table's first row
            "gamryjl_AAP1_24_PhOx2_CV.DTA,    0, cv, 2801, 0.5, 0.5, 0.500318, 1.66142E-7, 1400.5, 0.500327, -4.21129E-6",
            // TPRESTEP 0.5 s, TSTEP1 30 s, SAMPLETIME 30 s: T = 0 is the pre-step's row (Sig 0 = VPRESTEP)
            "gamryparser_chronoa_data.dta,    0, ca,    1, -0.5, 0, -5.4E-4, -2.34197E-8, 0, -5.4E-4, -2.34197E-8",
            "gamryparser_chronoa_data.dta,    1, ca,    1, 0, 30, 0.499669, 1.40441E-8, 30, 0.499669, 1.40441E-8",
            "gamryparser_chronoa_data.dta,    2, ca,    8, 30, 60, 0.499668, 9.32775E-9, 270, 0.4, 3.0E-9",
            "gamryparser_chronoa_de_data.dta, 0, ca,    1, -0.5, 0, -5.0E-4, -2.0E-8, 0, -5.0E-4, -2.0E-8",
            "gamryparser_chronoa_de_data.dta, 2, ca,    8, 30, 60, 0.499668, 9.32775E-9, 270, 0.4, 3.0E-9",
            "gamryparser_cv_data.dta,         0, cv,   50, 0.1, 0.1, 0.49, 7.80498E-9, 601.1, 0.889001, 2.62272E-7",
            "maxtenenbaum_20240321_C_GM0016_HL03_E01_CV50.DTA, 0, ocp, 39, 0.258333, 0.258333, 0.147195, NaN, 10.075, 0.158092, NaN",
            "maxtenenbaum_20240321_C_GM0016_HL03_E01_CV50.DTA, 1, cv, 1121, 0.2, 0.2, 0.158214, 7.01007E-12, 224.2, 0.160214, -1.44996E-10",
            "nomadce_230531-CA-test2_decimalcomma.DTA, 0, ca,  5, -0.5, -0.4, -2.713E-4, -9.19035E-8, 0, -1.842E-4, -1.55855E-7",
            "nomadce_230531-CA-test2_decimalcomma.DTA, 1, ca, 50, 0, 0.1, 0.498515, 6.55364E-7, 5, 0.499656, 2.50157E-4",
            "nomadce_230531-CA-test2_decimalcomma.DTA, 2, ca, 50, 5, 5.1, 0.0997283, 4.99543E-5, 10, 0.0997243, 4.99598E-5",
            // the generator (disk) table; the detector (ring) table is left out with a note
            "nomadce_3stepCACA.DTA,           0, ca,    5, -0.5, -0.4, 2.9253E-4, -1.62485E-5, 0, 2.46936E-4, -1.57653E-5",
            "nomadce_3stepCACA.DTA,           1, ca,   50, 0, 0.1, 0.0329059, 1.76299E-4, 5, 0.100255, 3.80341E-6",
            "nomadce_3stepCACA.DTA,           2, ca,   50, 5, 5.1, 0.200246, 2.09165E-4, 10, 0.200248, 8.66542E-6",
            // 49 rows at T < 0 and the row at T = 0 (Vf 0.48 mV, still the pre-step) before VSTEP1
            "nomadce_CHRONOA.DTA,             0, ca,   50, -0.5, -0.49, 1.47992E-3, -5.47776E-4, 0, 4.82967E-4, -2.05678E-4",
            "nomadce_CHRONOA.DTA,             1, ca,  500, 0, 0.01, 0.100493, 1.09289E-3, 5, 0.100252, 5.39658E-7",
            "nomadce_CHRONOA.DTA,             2, ca,  500, 5, 5.01, 0.200219, 1.09389E-6, 10, 0.200236, 7.75052E-6",
            "shepard_Chronopot_0A_decimalcomma.DTA, 0, cp, 121, 0, 0, 1.57964, -0.0341116, 120, 0.534215, -0.0334522",
            "shepard_OCP_1_decimalcomma.DTA,  0, ocp, 545, 0.11, 0.11, -5.63428E-3, NaN, 59.95, -5.22146E-3, NaN",
    })
    void stepsHoldTheRowsTheFileHolds(String file, int step, String kind, int rows, double from, double firstTime,
                                      double firstVolts, double firstAmperes, double lastTime, double lastVolts,
                                      double lastAmperes) throws Exception {
        ImportedSession.Step imported = read(file).steps().get(step);
        assertThat(imported.kind()).isEqualTo(kind);
        StepSpots.check(imported, rows, from, firstTime, firstVolts, firstAmperes, lastTime, lastVolts, lastAmperes);
    }

    @Test
    void eachChronoStepHoldsItsOwnSetPotential() throws Exception {
        assertThat(setPotentials(read("nomadce_CHRONOA.DTA"))).containsExactly(0.0, 0.1, 0.2);
        assertThat(setPotentials(read("nomadce_3stepCACA.DTA"))).containsExactly(0.0, 0.1, 0.2);
        assertThat(setPotentials(read("nomadce_230531-CA-test2_decimalcomma.DTA"))).containsExactly(0.0, 0.5, 0.1);
        assertThat(read("nomadce_CHRONOA.DTA").steps()).extracting(ImportedSession.Step::label).containsExactly(
                "CURVE pre-step (VPRESTEP, from T = -0.5 s)", "CURVE step 1 (VSTEP1, from T = 0 s)",
                "CURVE step 2 (VSTEP2, from T = 5 s)");
        assertThat(read("maxtenenbaum_20240321_C_GM0016_HL03_E01_CV50.DTA").steps().get(1).label())
                .isEqualTo("CV, CURVE tables from file time 0.2 s");
    }

    private static List<Double> setPotentials(ImportedSession imported) {
        return imported.steps().stream().map(s -> s.facts().setPotential().filter(p -> p.scale() == Potential.Scale.RE)
                .map(Potential::volts).orElse(Double.NaN)).toList();
    }

    @Test
    void theMainStepsChargeIsTheTrapezoidOfItsRows() throws Exception {
        // awk over rows 0 < T <= 5 and T > 5 of the file: sum of (Im_i + Im_i+1) / 2 × (T_i+1 − T_i)
        List<ImportedSession.Step> steps = read("nomadce_CHRONOA.DTA").steps();
        assertThat(trapezoid(steps.get(1).samples())).isCloseTo(9.5001515653e-05, within(1e-15));
        assertThat(trapezoid(steps.get(2).samples())).isCloseTo(1.3106747565e-04, within(1e-15));
    }

    private static double trapezoid(List<Sample> samples) {
        double coulombs = 0;
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            coulombs += (a.currentAmperes() + b.currentAmperes()) / 2 * (b.timeSeconds() - a.timeSeconds());
        }
        return coulombs;
    }

    @Test
    void theRingTableAndATruncatedTableAreSaid() throws Exception {
        assertThat(read("nomadce_3stepCACA.DTA").instrument().model()).isEqualTo("Gamry Louie");
        assertThat(read("nomadce_3stepCACA.DTA").notes()).containsExactly("nomadce_3stepCACA.DTA:109: table CURVE DETECTOR"
                + " (105 rows) is the ring electrode's (a second working electrode, held at VRING); norrlab keeps one working"
                + " electrode per session, so only the generator's table is imported");
        assertThat(read("gamryparser_chronoa_data.dta").notes()).containsExactly("gamryparser_chronoa_data.dta:64: table"
                + " CURVE declares 5258 rows but 10 are present (truncated file?); imported what is there");
    }

    @Test
    void theStatedAreaIsUsedWithItsLine() throws Exception {
        assertThat(read("shepard_Chronopot_0A_decimalcomma.DTA").facts().cell().areaCm2()).hasValue(
                new StatedCell.Stated<>(25.0, "file: 'AREA QUANT 2,50000E+001 Sample Area (cm^2)' (line 21)"));
        assertThat(read("nomadce_CHRONOA.DTA").facts().cell().areaCm2()).hasValue(
                new StatedCell.Stated<>(1.0, "file: 'AREA QUANT 1.00000E+000 Sample Area (cm^2)' (line 29)"));
        assertThat(read("gamryparser_cv_data.dta").facts().cell().areaCm2()).isEmpty();
    }

    private Path variant(String fixture, UnaryOperator<String> change, String name) throws Exception {
        String text = new String(Files.readAllBytes(SharedFixtures.vendorFile("gamry-dta/" + fixture)),
                StandardCharsets.ISO_8859_1);
        Path file = temp.resolve(name);
        Files.write(file, change.apply(text).getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    @Test
    void aStepSetVsOpenCircuitIsConvertedOnlyWithTheMeasuredOpenCircuit() throws Exception {
        UnaryOperator<String> vsEoc = t -> t.replace("VSTEP1\tPOTEN\t1.00000E-001\tF", "VSTEP1\tPOTEN\t1.00000E-001\tT");
        // no EOC line in the file: empty, with a note
        ImportedSession unknown = new GamryImporter().read(variant("nomadce_CHRONOA.DTA", vsEoc, "noeoc.DTA"));
        assertThat(setPotentials(unknown).get(1)).isNaN();
        assertThat(unknown.notes()).containsExactly("noeoc.DTA:18: VSTEP1 1.00000E-001 V is set vs open circuit and the"
                + " file states no measured open-circuit potential (EOC) before the data: that step's set potential is left"
                + " empty");
        // a measured EOC before the table: VSTEP1 + EOC vs the reference
        ImportedSession measured = new GamryImporter().read(variant("nomadce_CHRONOA.DTA",
                t -> vsEoc.apply(t).replace("CURVE\tTABLE", "EOC\tQUANT\t-0.5110000\tOpen Circuit (V)\r\nCURVE\tTABLE"),
                "eoc.DTA"));
        assertThat(setPotentials(measured).get(1)).isCloseTo(-0.411, within(1e-12));
        assertThat(setPotentials(measured)).element(2).isEqualTo(0.2);
        assertThat(measured.notes()).containsExactly("eoc.DTA:18: VSTEP1 1.00000E-001 V is set vs open circuit; with the"
                + " file's EOC -0.5110000 V (line 73) it is -0.411 V vs RE");
        // Gamry writes a bare 'EOC 0' when it measured none: not an open circuit of 0 V
        ImportedSession zero = new GamryImporter().read(variant("gamryparser_chronoa_data.dta",
                t -> t.replace("VSTEP1\tPOTEN\t5.00000E-001\tF", "VSTEP1\tPOTEN\t5.00000E-001\tT"), "zero.dta"));
        assertThat(setPotentials(zero).get(1)).isNaN();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"nomadce_CHRONOA.DTA", "shepard_OCP_1_decimalcomma.DTA", "maxtenenbaum_20240321_C_GM0016_HL03_E01_CV50.DTA"})
    void crlfAndLfGiveTheSameSamples(String fixture) throws Exception {
        ImportedSession original = read(fixture);
        Path crlf = variant(fixture, t -> t.replace("\r\n", "\n").replace("\n", "\r\n"), "crlf.DTA");
        Path lf = variant(fixture, t -> t.replace("\r\n", "\n"), "lf.DTA");
        assertThat(new GamryImporter().read(crlf).steps()).isEqualTo(original.steps());
        assertThat(new GamryImporter().read(lf).steps()).isEqualTo(original.steps());
    }

    @Test
    void aRowCutShortIsDroppedOnlyAtTheEnd() throws Exception {
        Path cut = variant("shepard_OCP_1_decimalcomma.DTA", t -> t.substring(0, t.length() - 40), "cut.DTA");
        ImportedSession kept = new GamryImporter().read(cut);
        assertThat(kept.steps().get(0).samples()).hasSize(544);
        assertThat(kept.notes()).containsExactly("cut.DTA:601: the last row is cut short (truncated file?): 544 complete rows"
                + " of table CURVE kept");
        Path inside = variant("shepard_OCP_1_decimalcomma.DTA", t -> t.replace("\t10\t1,21\t", "\t10\t"), "inside.DTA");
        assertThatThrownBy(() -> new GamryImporter().read(inside)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(inside + ":67: Gamry CORPOT: table CURVE row has");
    }

    @Test
    void impedanceOtherTechniquesAndOtherSignConventionsAreRefused() throws Exception {
        // EISPOT is read (ImpedanceImportTest); galvanostatic EIS, of which no file was seen, is not
        Path eis = variant("impedancepy_exampleDataGamry_EIS.DTA", t -> t.replace("TAG\tEISPOT", "TAG\tEISGALV"),
                "galv.DTA");
        assertThatThrownBy(() -> new GamryImporter().read(eis)).hasMessage(eis + ":2: is a Gamry EISGALV file: impedance"
                + " spectra norrlab does not read (it reads potentiostatic EIS, EISPOT, only): export the ZCURVE table as"
                + " CSV");
        Path other = variant("nomadce_CHRONOA.DTA", t -> t.replace("TAG\tCHRONOA", "TAG\tPOTSTAIR"), "stair.DTA");
        assertThatThrownBy(() -> new GamryImporter().read(other)).hasMessage(other + ":2: is a Gamry POTSTAIR file, a"
                + " technique norrlab does not read (it reads CHRONOA, COLLECTCHRONOA, CHRONOP, CV, CORPOT,"
                + " EISPOT): export its"
                + " table as CSV and import that with --technique");
        Path sign = variant("nomadce_CHRONOA.DTA", t -> t.replace("CONVENTION\tIQUANT\t1", "CONVENTION\tIQUANT\t0"), "sign.DTA");
        assertThatThrownBy(() -> new GamryImporter().read(sign)).hasMessageStartingWith(sign + ":44: Gamry CHRONOA:"
                + " CONVENTION 0 is a current sign convention norrlab does not read");
    }
}
