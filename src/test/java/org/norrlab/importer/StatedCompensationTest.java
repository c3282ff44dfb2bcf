package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.SharedFixtures;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * iR compensation a vendor file states for its run is kept as the file states it (a warning note), and none is assumed
 * where a file states none: the potentials of a compensated run are already partly iR-corrected, and correcting them
 * again with the whole R_u would move them twice. No file states R_u and the compensated fraction apart, so no
 * UncompensatedResistance is made from one.
 */
class StatedCompensationTest {
    @TempDir
    Path temp;

    private static List<String> compensationWarnings(ImportedSession session) {
        return session.notes().stream().filter(n -> n.startsWith("WARNING") && n.contains("compensat")).toList();
    }

    private Path variant(String fixture, String name, String from, String to, Charset charset)
            throws Exception {
        String text = new String(Files.readAllBytes(SharedFixtures.vendorFile(fixture)), charset);
        assertThat(text).contains(from);
        Path file = temp.resolve(name);
        Files.write(file, text.replace(from, to).getBytes(charset));
        return file;
    }

    @Test
    void ecLabsCompensationResistanceColumnIsNamedWithItsValues() throws Exception {
        // line 59 names column 15 'Rcmp/Ohm'; awk: '5.8054996E+001' on all 4501 data rows (lines 60-4560)
        ImportedSession session = ImportService.read(SharedFixtures.vendorFile("biologic-mpt/cheminfo_ca_1h15.mpt"));
        assertThat(compensationWarnings(session)).containsExactly("WARNING: cheminfo_ca_1h15.mpt: the Rcmp/Ohm column"
                + " (EC-Lab's compensation resistance) holds 58.054996 ohm on all 4501 rows: the run compensated that much"
                + " of the iR drop, so the file's potentials are already partly iR-corrected; the file states neither R_u"
                + " nor the compensated fraction, so norrlab records neither: give both (norrlab ru) before correcting"
                + " these potentials");
        // a file without the column says nothing of compensation: none is assumed
        assertThat(compensationWarnings(ImportService.read(SharedFixtures.vendorFile("biologic-mpt/yadg_ocv.issue_149.mpt"))))
                .isEmpty();
    }

    @Test
    void gamrysIrCompModeIsKeptAndItsOffSettingAssumesNothing() throws Exception {
        // nomadce_CHRONOA.DTA line 30 'IRCOMP SELECTOR 0', line 31 'PFCOR QUANT 5.00000E+001': compensation off
        assertThat(compensationWarnings(ImportService.read(SharedFixtures.vendorFile("gamry-dta/nomadce_CHRONOA.DTA"))))
                .isEmpty();
        Path on = variant("gamry-dta/nomadce_CHRONOA.DTA", "on.DTA", "IRCOMP\tSELECTOR\t0", "IRCOMP\tSELECTOR\t2",
                StandardCharsets.ISO_8859_1);
        assertThat(compensationWarnings(ImportService.read(on))).singleElement().asString()
                .startsWith("WARNING: on.DTA: the header states iR compensation during the run (IRCOMP 2 (line 30),"
                        + " PFCOR 5.00000E+001 (line 31)), so the file's potentials are already partly iR-corrected");
    }

    @Test
    void palmSensIrDropCompensationIsKept() throws Exception {
        String fixture = "palmsens-pssession/cv_1scan.pssession";
        assertThat(compensationWarnings(ImportService.read(SharedFixtures.vendorFile(fixture)))).isEmpty();
        Path on = variant(fixture, "on.pssession", "USE_IR_DROP_COMP=False", "USE_IR_DROP_COMP=True",
                StandardCharsets.UTF_16LE);
        assertThat(compensationWarnings(ImportService.read(on))).singleElement().asString()
                .contains("the method states iR drop compensation during the run (USE_IR_DROP_COMP=True,"
                        + " IR_DROP_COMP_RES=");
    }
}
