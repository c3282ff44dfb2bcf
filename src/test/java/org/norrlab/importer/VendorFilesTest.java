package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.norrlab.core.Sample;
import org.norrlab.testing.SharedFixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every real vendor file in the shared fixtures, with values from their SOURCES.md descriptions
 * (skipped on a clone without ../shared, see {@link SharedFixtures}).
 */
class VendorFilesTest {
    @TempDir
    Path temp;

    private static ImportedSession read(String file) throws Exception {
        Path path = SharedFixtures.vendorFile(file);
        return ImportService.read(path);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, format, steps, samples in the first step, first step kind, first E (V), first I (A)
            "biologic-mpt/yadg_ca.mpt,                    eclab,       1,  721, ca,   0.14643160, 1.8604061e-5",
            // four loops (header "Loop k from point number …"): one step each, 20 rows apiece
            "biologic-mpt/yadg_ca.issue_149.mpt,          eclab,       4,   20, ca,   3.4241872,  9.693702445496222e-6",
            "biologic-mpt/yadg_cv.mpt,                    eclab,       1, 5103, cv,   2.4807117,  -1.235983972946997e-9",
            "biologic-mpt/ixdat_Pt_poly_cv_CUT.mpt,       eclab,       1,  223, cv,   0.87869531, -2.604324994466466e-6",
            // sequences Ns 0, 1, 2 of 11 rows each: one step per sequence
            "biologic-mpt/yadg_mb.issue_95.de.mpt,        eclab,       3,   11, other, 2.3278546,  0",
            // the row at T = 0 is the pre-step's (Sig = VPRESTEP 0 V), then TSTEP1 30 s and step 2: three steps
            "gamry-dta/gamryparser_chronoa_data.dta,      gamry,       3,    1, ca,   -5.4e-4,    -2.34197e-8",
            "gamry-dta/gamryparser_chronoa_de_data.dta,   gamry,       3,    1, ca,   -5.0e-4,    -2.0e-8",
            // a CV's CURVEn tables are the cycles of one step
            "gamry-dta/gamryparser_cv_data.dta,           gamry,       1,   50, cv,   0.49,       7.80498e-9",
            "gamry-dta/gamryjl_AAP1_24_PhOx2_CV.DTA,      gamry,       1, 2801, cv,   0.500318,   1.66142e-7",
            "gamry-dta/shepard_Chronopot_0A_decimalcomma.DTA, gamry,   1,  121, cp,   1.57964,    -0.0341116",
            "palmsens-pssession/EN_1Hz_3600s_amperometric.pssession, pssession, 1, 3601, ca, 0.0, -3.788738e-9",
            "palmsens-pssession/cv_1scan.pssession,       pssession,   1,   41, cv,   -0.499971,  -4.8536196e-5",
            "rodeostat/const_test_data.txt,               rodeostat,   1, 2000, other, 0.0,       3.667e-7",
    })
    void importsWithTheValuesTheFileHolds(String file, String format, int steps, int samples, String kind, double volts,
                                          double amperes) throws Exception {
        ImportedSession imported = read(file);
        assertThat(imported.format()).isEqualTo(format);
        assertThat(imported.steps()).hasSize(steps);
        ImportedSession.Step first = imported.steps().get(0);
        assertThat(first.kind()).isEqualTo(kind);
        assertThat(first.samples()).hasSize(samples);
        Sample s = first.samples().get(0);
        assertThat(s.timeSeconds()).isGreaterThanOrEqualTo(0);
        assertThat(s.potentialVolts()).isCloseTo(volts, within(Math.abs(volts) * 1e-6 + 1e-12));
        assertThat(s.currentAmperes()).isCloseTo(amperes, within(Math.abs(amperes) * 1e-6 + 1e-15));
        for (int i = 1; i < first.samples().size(); i++) {
            assertThat(first.samples().get(i).timeSeconds()).isGreaterThanOrEqualTo(first.samples().get(i - 1).timeSeconds());
        }
    }

    @Test
    void openCircuitAndImpedanceFilesKeepWhatIsPotentialOnly() throws Exception {
        ImportedSession ocp = read("gamry-dta/shepard_OCP_1_decimalcomma.DTA");
        assertThat(ocp.steps().get(0).kind()).isEqualTo("ocp");
        assertThat(ocp.steps().get(0).samples()).hasSize(545).allMatch(x -> !x.hasCurrent());
        assertThat(ocp.steps().get(0).samples().get(0).potentialVolts()).isCloseTo(-5.63428e-3, within(1e-9));
        // impedance is a spectrum, never its OCV table's time series kept as if it were the whole file (issue 17)
        ImportedSession eis = read("gamry-dta/impedancepy_exampleDataGamry_EIS.DTA");
        assertThat(eis.steps()).extracting(ImportedSession.Step::kind).containsExactly("ocp", "eis");
        assertThat(eis.steps().get(1).samples()).isEmpty();
        assertThat(eis.steps().get(1).spectrum()).hasSize(72);
        ImportedSession cv = read("gamry-dta/maxtenenbaum_20240321_C_GM0016_HL03_E01_CV50.DTA");
        assertThat(cv.steps()).extracting(ImportedSession.Step::kind).containsExactly("ocp", "cv"); // CURVE1..5: the CV's cycles
        assertThat(cv.steps().get(0).samples()).hasSize(39);
    }

    @Test
    void truncatedTablesAndMissingTimeColumnsAreSaidNotHidden() throws Exception {
        ImportedSession ca = read("gamry-dta/gamryparser_chronoa_data.dta");
        assertThat(ca.warnings()).containsExactly(
                "gamryparser_chronoa_data.dta:64: table CURVE declares 5258 rows but 10 are present (truncated file?); imported what is there");
        // step 0 is the pre-step at VPRESTEP 0 V; step 1 holds VSTEP1
        assertThat(ca.steps().get(1).voltsVsReference()).isEqualTo(0.5);
        ImportedSession ec = read("biologic-mpt/yadg_ca.mpt");
        assertThat(ec.steps().get(0).voltsVsReference()).isCloseTo(0.3, within(1e-9));
        assertThat(ec.metadata()).containsEntry("technique", "Chronoamperometry / Chronocoulometry");
        assertThat(read("palmsens-pssession/EN_1Hz_3600s_amperometric.pssession").instrument().serialNumber())
                .isEqualTo("ES4HR20B0012");
        // when each was measured, as the file states it: PSTrace's UTCTimeStamp (.NET ticks, 639009584415849215) is
        // UTC (its TimeStamp, one hour on, is local); Gamry's DATE and TIME are the instrument PC's clock, kept as written
        assertThat(read("palmsens-pssession/EN_1Hz_3600s_amperometric.pssession").metadata())
                .containsEntry("acquisition_started", "2025-12-10T10:14:01.584921500Z (its measurement's UTCTimeStamp)");
        assertThat(read("gamry-dta/nomadce_CHRONOA.DTA").metadata())
                .containsEntry("acquisition_started", "16/11/2023 10:15:24 (its DATE and TIME, the instrument PC's clock)");
        // the file's "DeviceUsed":15, said to be a code rather than shown bare as the model
        assertThat(read("palmsens-pssession/EN_1Hz_3600s_amperometric.pssession").instrument().model())
                .isEqualTo("PalmSens instrument (PSTrace DeviceUsed code 15)");
    }

    private Path variant(String fixture, java.util.function.UnaryOperator<String> change, String name) throws Exception {
        String text = new String(Files.readAllBytes(SharedFixtures.vendorFile(fixture)), StandardCharsets.ISO_8859_1);
        Path file = temp.resolve(name);
        Files.write(file, change.apply(text).getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    @Test
    void badFilesNameTheLineAndWhatWasExpected() throws Exception {
        Path noCount = variant("biologic-mpt/yadg_ca.mpt", t -> t.replace("Nb header lines : 68", "Header lines: 68"), "a.mpt");
        assertThatThrownBy(() -> new EcLabImporter().read(noCount)).isInstanceOf(ImportException.class)
                .hasMessage(noCount + ":2: expected 'Nb header lines : N'; this EC-Lab version's header is not one we read");
        Path renamed = variant("biologic-mpt/yadg_ca.mpt", t -> t.replace("\tEwe/V\t", "\tEwe2/V\t"), "b.mpt");
        assertThatThrownBy(() -> new EcLabImporter().read(renamed))
                .hasMessageStartingWith(renamed + ":68: EC-Lab \"Chronoamperometry / Chronocoulometry\": expected the columns"
                        + " time/s, Ewe/V or <Ewe>/V or <Ewe/V> and I/mA or <I>/mA or <I/mA>; found: mode");
        // a row cut short at the end of the file is dropped with a note, as the time rule says (issue 17)
        Path cut = variant("biologic-mpt/yadg_ca.mpt", t -> t.substring(0, t.length() - 300), "c.mpt");
        assertThat(new EcLabImporter().read(cut).notes()).hasSize(2)
                .startsWith("c.mpt:789: the last row is cut short (truncated file?): 720 complete rows kept")
                .last().asString().contains("the file's (Q-Qo)/C changes by ");
        Path noTag = variant("gamry-dta/gamryparser_chronoa_data.dta", t -> t.replace("TAG\tCHRONOA", "TAGS\tCHRONOA"), "d.dta");
        assertThatThrownBy(() -> new GamryImporter().read(noTag)).hasMessage(noTag + ":2: expected 'TAG<tab>technique'");
        Path badNumber = variant("gamry-dta/gamryparser_chronoa_data.dta", t -> t.replace("-5.40000E-004", "-5.4x000E-004"), "e.dta");
        assertThatThrownBy(() -> new GamryImporter().read(badNumber)).hasMessageContaining("column 'Vf': '-5.4x000E-004' is not a number");
        byte[] session = Files.readAllBytes(SharedFixtures.vendorFile("palmsens-pssession/cv_1scan.pssession"));
        Path halfSession = temp.resolve("half.pssession");
        Files.write(halfSession, java.util.Arrays.copyOf(session, session.length / 2 & ~1));
        assertThatThrownBy(() -> new PalmSensImporter().read(halfSession)).hasMessageContaining("the file may be truncated");
        Path unknown = temp.resolve("notes.bin");
        Files.writeString(unknown, "hello");
        assertThatThrownBy(() -> ImportService.importerFor(unknown, Optional.empty()))
                .hasMessageContaining("is not a format norrlab recognises");
        assertThatThrownBy(() -> new MethodScriptOutputImporter().read(SharedFixtures.vendorFile("methodscript/example_CA.mscr")))
                .hasMessageContaining("is a MethodSCRIPT script (what the host sends), not device output");
    }

    @Test
    void aCsvNamesItsColumnsAndUnits() throws Exception {
        Path csv = temp.resolve("run.csv");
        Files.writeString(csv, "time (min),E/mV,I [mA],step\n0.5,-1111,-14.5,1\n1.0,-1111,-14.4,1\n0.5,-1211,-26.6,2\n");
        ImportedSession imported = new DelimitedImporter().read(csv);
        assertThat(imported.steps()).hasSize(2);
        Sample s = imported.steps().get(0).samples().get(1);
        assertThat(s.timeSeconds()).as("0.5 min → 1.0 min, counted from the step's first row").isEqualTo(30.0);
        assertThat(s.potentialVolts()).isCloseTo(-1.111, within(1e-12));
        assertThat(s.currentAmperes()).isCloseTo(-0.0144, within(1e-12));
        Path bad = temp.resolve("bad.csv");
        Files.writeString(bad, "time (fortnight),I (mA)\n1,2\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(bad))
                .hasMessageContaining(bad + ":1: column 'time (fortnight)': 'fortnight' is not a unit here; allowed:");
        Path unitless = temp.resolve("unitless.csv");
        Files.writeString(unitless, "time,current\n1,2\n2,3\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(unitless)).hasMessageContaining("column 'time': no unit");
        ImportedSession given = new DelimitedImporter(new DelimitedImporter.DefaultUnits(Optional.of("min"), Optional.of("mA"),
                Optional.empty())).read(unitless);
        assertThat(given.steps().get(0).samples().get(1).timeSeconds()).isEqualTo(60.0);
        assertThat(given.steps().get(0).samples().get(1).currentAmperes()).isCloseTo(3e-3, within(1e-15));
        Path noHeader = temp.resolve("noheader.csv");
        Files.writeString(noHeader, "a,b\n1,2\n");
        assertThatThrownBy(() -> new DelimitedImporter().read(noHeader))
                .hasMessageContaining("expected a header naming a time and a current column with units");
    }
}
