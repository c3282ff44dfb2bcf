package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.norrlab.config.Potential;
import org.norrlab.testing.SharedFixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every BioLogic file in the shared fixtures (biologic-mpt/, biologic-mpr/), checked against readings of the files
 * made by hand (awk over the named columns; mA converted to A by hand), and variants of them built here.
 */
class EcLabImportTest {
    @TempDir
    Path temp;

    private static ImportedSession read(String fixture) throws Exception {
        Path file = SharedFixtures.vendorFile(fixture);
        return ImportService.read(file);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, steps, samples in all steps (= data rows after 'Nb header lines', counted with awk)
            "cheminfo_ca_1h15.mpt,      1, 4501",
            "ixdat_Pt_poly_cv_CUT.mpt,  1,  223",
            "yadg_ca.issue_149.mpt,     4,   80",
            "yadg_ca.mpt,               1,  721",
            "yadg_cp.issue_61.mpt,     11,  312",
            "yadg_cv.mpt,               1, 5103",
            "yadg_mb.issue_95.de.mpt,   3,   33",
            "yadg_ocv.issue_149.mpt,    4,   43",
            "yadg_ocv.mpt,              1,  602",
    })
    void everyDataRowBecomesOneSample(String file, int steps, int rows) throws Exception {
        ImportedSession imported = read("biologic-mpt/" + file);
        assertThat(imported.format()).isEqualTo("eclab");
        assertThat(imported.steps()).hasSize(steps);
        assertThat(imported.steps().stream().mapToInt(s -> s.samples().size()).sum()).isEqualTo(rows);
        assertThat(imported.notes()).noneMatch(n -> n.contains("cut short"));
    }

    @ParameterizedTest(name = "{0} step {1}")
    @CsvSource({
            // file, step, kind, rows; first row: time/s, Ewe (V), I (A); last row: the same. Each step counts from its
            // first row. Read from the files by hand; I/mA × 1e-3 by hand.
            "cheminfo_ca_1h15.mpt,     0, ca,  4501, 5.079999871668406E-2, -0.39180946, -4.0969043E-3, 4500.050691634417, -0.39974755, 2.9835263E-6",
            "ixdat_Pt_poly_cv_CUT.mpt, 0, cv,   223, 3.289600104471901, 0.87869531, -2.604324994466466E-6, 151.8101963525260, 0.15471299, 1.777131863198953E-5",
            // four loops ('Loop k from point number a to b'), Ei vs. Emeas
            "yadg_ca.issue_149.mpt,    0, ca,    20, 20.65059947832196, 3.4241872, 9.693702445496222E-6, 30.10259923954436, 3.4243207, 1.105896046475827E-5",
            "yadg_ca.issue_149.mpt,    1, ca,    20, 221.0711987998657, 3.4335508, 9.547224525788683E-6, 230.5231985610881, 3.4336615, 1.319525796277199E-5",
            "yadg_ca.issue_149.mpt,    2, ca,    20, 420.8817980924359, 3.4388921, 9.386411851541526E-6, 430.3337978536583, 3.4389951, 1.294163771682474E-5",
            "yadg_ca.issue_149.mpt,    3, ca,    20, 620.4833973750792, 3.4430401, 9.855054563905064E-6, 629.9353971363016, 3.4431317, 1.332343220587126E-5",
            "yadg_ca.mpt,              0, ca,   721, 108874.2284907824, 0.14643160, 1.8604061E-5, 152074.2269261391, 0.29859304, 2.7650740E-9",
            // chronopotentiometry, <Ewe>/V, one step per sequence Ns 0…10 (Ns 10 cut off after two rows by the file)
            "yadg_cp.issue_61.mpt,     0, cp,    31, 1557.303214959975, 1.6626049, 0.24974144, 1586.304814227333, 1.6665083, 0.25073457",
            "yadg_cp.issue_61.mpt,     1, cp,    31, 1587.304814202071, 1.7358052, 0.49978284, 1616.305013469464, 1.7391620, 0.50050858",
            "yadg_cp.issue_61.mpt,     9, cp,    31, 1827.306408139120, 2.1401844, 3.9993691, 1856.306607406514, 2.1502104, 4.0002861",
            "yadg_cp.issue_61.mpt,    10, cp,     2, 1856.332407405862, 2.1988628, 4.4999487, 1856.332607405857, 2.2000198, 4.5004067",
            "yadg_cv.mpt,              0, cv,  5103, 43202.04396882385, 2.4807117, -1.235983972946997E-9, 149651.3870154098, 3.1632588, 6.838552079206513E-7",
            // German locale, the column '|Energy|/W.h' after I/mA: read by name; Modulo Bat sequences Ns 0, 1, 2
            "yadg_mb.issue_95.de.mpt,  0, other, 11, 0, 2.3278546, 0, 9.999799747383804, 2.3274920, 0",
            "yadg_mb.issue_95.de.mpt,  1, other, 11, 9.999999747378752, 2.3308508, 0.099315010, 19.99979949476256, 2.3327432, 0.10001924",
            "yadg_mb.issue_95.de.mpt,  2, other, 11, 20.00039949473285, 2.3316529, -0.064125290, 30.00019924211665, 2.3260789, -0.064980278",
            // open circuit: no current column, so no current (not 0 A); <Ewe/V> spelling; four loops
            "yadg_ocv.issue_149.mpt,   0, ocp,   10, 0.9999999747378752, 3.4206879, NaN, 9.999799747383804, 3.4206650, NaN",
            "yadg_ocv.issue_149.mpt,   1, ocp,   11, 201.4195992963068, 3.4372160, NaN, 210.4203990689275, 3.4314282, NaN",
            "yadg_ocv.issue_149.mpt,   3, ocp,   11, 600.8317978715204, 3.4460111, NaN, 609.8325976441411, 3.4408994, NaN",
            "yadg_ocv.mpt,             0, ocp,  602, 0, 0.25594452, NaN, 35999.99995540908, 0.44194466, NaN",
    })
    void stepsHoldTheRowsTheFileHolds(String file, int step, String kind, int rows, double firstTime, double firstVolts,
                                      double firstAmperes, double lastTime, double lastVolts, double lastAmperes)
            throws Exception {
        ImportedSession.Step imported = read("biologic-mpt/" + file).steps().get(step);
        assertThat(imported.kind()).isEqualTo(kind);
        StepSpots.check(imported, rows, firstTime, firstTime, firstVolts, firstAmperes, lastTime, lastVolts, lastAmperes);
    }

    @Test
    void labelsSayWhichSequenceOrLoopAndWhereTheFileTimeBegan() throws Exception {
        assertThat(read("biologic-mpt/yadg_cp.issue_61.mpt").steps().get(3).label())
                .isEqualTo("Chronopotentiometry, Ns 3 (from file time 1647.305212686333 s)");
        assertThat(read("biologic-mpt/yadg_ca.issue_149.mpt").steps().get(2).label())
                .isEqualTo("Chronoamperometry / Chronocoulometry, Ns 0, loop 2 (from file time 420.8817980924359 s)");
        assertThat(read("biologic-mpt/yadg_ocv.mpt").steps().get(0).label()).isEqualTo("Open Circuit Voltage (from file time 0 s)");
    }

    @Test
    void theStatedElectrodeAreaIsUsedWithItsLine() throws Exception {
        ImportedSession cheminfo = read("biologic-mpt/cheminfo_ca_1h15.mpt");
        assertThat(cheminfo.facts().cell().areaCm2()).hasValue(
                new StatedCell.Stated<>(0.001, "file: 'Electrode surface area : 0.001 cm²' (line 28)"));
        assertThat(read("biologic-mpt/yadg_ca.mpt").facts().cell().areaCm2()).hasValue(
                new StatedCell.Stated<>(1.131, "file: 'Electrode surface area : 1.131 cm²' (line 38)"));
        assertThat(read("biologic-mpt/yadg_mb.issue_95.de.mpt").facts().cell().areaCm2().map(StatedCell.Stated::value))
                .hasValue(0.001);
        ImportedSession zero = read("biologic-mpt/yadg_ca.issue_149.mpt");
        assertThat(zero.facts().cell().areaCm2()).isEmpty();
        assertThat(zero.notes()).contains("yadg_ca.issue_149.mpt:32: the electrode area is stated as 0,000 cm², which is"
                + " no area; not used (give --area)");
    }

    /** 0.001 cm² is also what EC-Lab writes when no area was entered: the file cannot say which, so a note says so. */
    @Test
    void ecLabsDefaultAreaIsNamedInANote() throws Exception {
        assertThat(read("biologic-mpt/cheminfo_ca_1h15.mpt").notes()).contains("cheminfo_ca_1h15.mpt:28: the electrode"
                + " area 0.001 cm² is also what EC-Lab writes when none was entered: if the electrode area was not entered"
                + " in EC-Lab, give --area");
        assertThat(read("biologic-mpt/yadg_mb.issue_95.de.mpt").notes()).anyMatch(n -> n.contains("area 0,001 cm² is also"
                + " what EC-Lab writes"));
        assertThat(read("biologic-mpt/yadg_ca.mpt").notes()).noneMatch(n -> n.contains("EC-Lab writes when none")); // 1.131
    }

    /**
     * The file's (Q-Qo)/C is not stored; a note gives its change over the step beside norrlab's trapezoid of the
     * sampled current. Read by hand (awk over the 4501 rows of cheminfo_ca_1h15.mpt): (Q-Qo)/C runs from
     * 0.0000000E+000 to 9.1428114E-003; the trapezoid of I/mA × 1e-3 over time/s is 0.007998568981 C.
     */
    @Test
    void theFilesChargeColumnIsComparedWithNorrlabsIntegralInANote() throws Exception {
        assertThat(read("biologic-mpt/cheminfo_ca_1h15.mpt").notes()).contains("cheminfo_ca_1h15.mpt: step"
                + " 'Chronoamperometry / Chronocoulometry, Ns 0 (from file time 0.05079999871668406 s)': the file's"
                + " (Q-Qo)/C changes by 0.0091428114 C over the step; it is not stored: norrlab integrates the sampled"
                + " current (trapezoid) instead, which gives 0.00799856898 C");
        // one note per step: the four loops of yadg_ca.issue_149.mpt
        assertThat(read("biologic-mpt/yadg_ca.issue_149.mpt").notes()).filteredOn(n -> n.contains("(Q-Qo)/C changes by"))
                .hasSize(4);
    }

    /** mA to A by moving the decimal point: -4.0969043 mA is exactly the double written -0.0040969043 (not ...01). */
    @Test
    void milliamperesBecomeAmperesWithoutFloatNoise() throws Exception {
        ImportedSession.Step step = read("biologic-mpt/cheminfo_ca_1h15.mpt").steps().get(0);
        assertThat(Double.toString(step.samples().get(0).currentAmperes())).isEqualTo("-0.0040969043");
        assertThat(step.samples().get(step.samples().size() - 1).currentAmperes()).isEqualTo(2.9835263E-6);
    }

    @Test
    void aPotentialSetVsTheReferenceIsKeptAndOneVsEmeasIsLeftEmptyWithANote() throws Exception {
        assertThat(read("biologic-mpt/cheminfo_ca_1h15.mpt").steps().get(0).facts().setPotential())
                .hasValue(new Potential(-0.400, Potential.Scale.RE));
        assertThat(read("biologic-mpt/yadg_ca.mpt").steps().get(0).facts().setPotential())
                .hasValue(new Potential(0.300, Potential.Scale.RE));
        ImportedSession emeas = read("biologic-mpt/yadg_ca.issue_149.mpt");
        assertThat(emeas.steps()).allMatch(s -> s.facts().setPotential().isEmpty());
        assertThat(emeas.notes()).containsOnlyOnce("yadg_ca.issue_149.mpt: sequence Ns 0 holds Ei = 0,000 V vs. Emeas, and"
                + " the file does not state the potential that is relative to, so it does not state the set potential vs the"
                + " reference electrode");
        // a CV's Ei is where its sweep starts, not a set potential
        assertThat(read("biologic-mpt/yadg_cv.mpt").steps().get(0).facts().setPotential()).isEmpty();
    }

    @Test
    void theBinaryMprIsRefusedWithWhatToDo() throws Exception {
        Path mpr = SharedFixtures.vendorFile("biologic-mpr/nomadce_kmc3_biologic_CA_example.mpr");
        assertThat(ImportService.importerFor(mpr, Optional.empty())).isInstanceOf(EcLabImporter.class);
        assertThatThrownBy(() -> new EcLabImporter().read(mpr)).isInstanceOf(ImportException.class)
                .hasMessage(mpr + ": is an EC-Lab binary .mpr file (\"BIO-LOGIC MODULAR FILE\"), which norrlab does not"
                        + " read: export it as text (.mpt) from EC-Lab (File > Export as text) and import that");
    }

    private Path variant(String fixture, UnaryOperator<String> change, String name) throws Exception {
        String text = new String(Files.readAllBytes(SharedFixtures.vendorFile("biologic-mpt/" + fixture)),
                StandardCharsets.ISO_8859_1);
        Path file = temp.resolve(name);
        Files.write(file, change.apply(text).getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"yadg_ca.mpt", "yadg_cp.issue_61.mpt", "yadg_mb.issue_95.de.mpt", "yadg_ocv.issue_149.mpt", "cheminfo_ca_1h15.mpt"})
    void crlfAndLfGiveTheSameSamples(String fixture) throws Exception {
        ImportedSession original = read("biologic-mpt/" + fixture);
        Path crlf = variant(fixture, t -> t.replace("\r\n", "\n").replace("\n", "\r\n"), "crlf.mpt");
        Path lf = variant(fixture, t -> t.replace("\r\n", "\n"), "lf.mpt");
        assertThat(new EcLabImporter().read(crlf).steps()).isEqualTo(original.steps());
        assertThat(new EcLabImporter().read(lf).steps()).isEqualTo(original.steps());
    }

    @Test
    void aUtf8CopyReadsTheSameAreaAndSamples() throws Exception {
        // EC-Lab writes Windows-1252 ('²' is the byte B2); the same text saved as UTF-8 must read alike
        Path original = SharedFixtures.vendorFile("biologic-mpt/cheminfo_ca_1h15.mpt");
        Path utf8 = temp.resolve("utf8.mpt");
        Files.writeString(utf8, new String(Files.readAllBytes(original), "windows-1252"), StandardCharsets.UTF_8);
        ImportedSession read = new EcLabImporter().read(utf8);
        assertThat(read.facts().cell()).isEqualTo(new EcLabImporter().read(original).facts().cell());
        assertThat(read.steps()).isEqualTo(new EcLabImporter().read(original).steps());
    }

    @Test
    void aRowCutShortIsDroppedOnlyAtTheEnd() throws Exception {
        // the last row stops inside its last number (no line end after it): it is not kept
        Path cut = variant("yadg_ocv.mpt", t -> t.substring(0, t.length() - 4), "cut.mpt");
        ImportedSession kept = new EcLabImporter().read(cut);
        assertThat(kept.steps().get(0).samples()).hasSize(601);
        assertThat(kept.notes()).containsExactly("cut.mpt:655: the last row is cut short (truncated file?): 601 complete rows kept");
        // a short row inside the data is an error naming its line
        Path inside = variant("yadg_ocv.mpt", t -> t.replace("3\t0\t1.199999969685450E+002\t", "3\t0\t"), "inside.mpt");
        assertThatThrownBy(() -> new EcLabImporter().read(inside)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(inside + ":56: ")
                .hasMessageContaining("EC-Lab \"Open Circuit Voltage\": the row has 3 cells where the header names 4");
    }

    @Test
    void impedanceAndMissingColumnsAreRefusedByName() throws Exception {
        Path peis = variant("yadg_ocv.mpt", t -> t.replace("Open Circuit Voltage", "Potentio Electrochemical Impedance Spectroscopy"),
                "peis.mpt");
        assertThatThrownBy(() -> new EcLabImporter().read(peis)).hasMessage(peis + ":53: is an EC-Lab \"Potentio"
                + " Electrochemical Impedance Spectroscopy\" file: it holds impedance spectra, which norrlab does not"
                + " read from EC-Lab files (no example file was available to test EC-Lab's -Im(Z) column against):"
                + " export Z' and Z'' with their frequency as CSV");
        // a chronoamperometry without a current column is not an OCP: refused, not imported without current
        Path noCurrent = variant("yadg_ocv.mpt", t -> t.replace("Open Circuit Voltage", "Chronoamperometry"), "ca.mpt");
        assertThatThrownBy(() -> new EcLabImporter().read(noCurrent)).hasMessageStartingWith(noCurrent + ":53: EC-Lab"
                + " \"Chronoamperometry\": expected the columns time/s, Ewe/V or <Ewe>/V or <Ewe/V> and I/mA or <I>/mA or"
                + " <I/mA>; found: mode, error, time/s, Ewe/V");
    }
}
