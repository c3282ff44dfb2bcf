package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.SharedFixtures;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * IviumSoft .idf/.ids files are recognised by their content: the three real impedance files in
 * shared/fixtures/vendor/ivium are read as eis steps, and an E–t/I–t file (never observed; built here from the
 * "ivium/ — IviumSoft .idf / .ids data files" notes in SOURCES.md) is refused with its method named.
 */
class IviumImporterTest {
    @TempDir
    Path temp;

    private static Importer recognised(Path file) throws Exception {
        Importer importer = ImportService.importerFor(file, Optional.empty());
        assertThat(importer.format()).isEqualTo("ivium");
        return importer;
    }

    @Test
    void theImpedanceFixturesAreRecognisedAndReadAsEisSteps() throws Exception {
        // the spectra themselves are checked in ImpedanceImportTest and VendorContractTest
        for (String name : List.of("pyvium_test_open.idf", "impedancepy_exampleDataIvium.idf", "pyvium_eis_test.idf")) {
            Path file = SharedFixtures.vendorFile("ivium/" + name);
            CollectingSink sink = new CollectingSink();
            recognised(file).read(file, sink);
            assertThat(sink.session().steps()).extracting(ImportedSession.Step::kind).containsExactly("eis");
        }
    }

    private static byte[] record(String method, String technique, String... rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[16]);
        bytes.writeBytes(new byte[]{0x40, 0x01, 0, 0, '\r', 0});
        StringBuilder text = new StringBuilder("Version=12\r\nstarttime=45579.933380\r\nVersion=15\r\n");
        text.append("Method=").append(method).append("\r\nTechnique=").append(technique)
                .append("\r\nTitle=Test\r\nData Options.Area=0.196\r\nData Objects    \r\u00000         \r\n")
                .append("primary_data    \r\u00003         \r\n").append(rows.length).append("         \r\n");
        for (String row : rows) {
            text.append(row).append("\r\n");
        }
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        return bytes.toByteArray();
    }

    @Test
    void aTimeSeriesIdfIsRecognisedAndRefusedAsNotYetRead() throws Exception {
        Path file = temp.resolve("ca.dat");
        Files.write(file, record("Chronoamperometry", "Constant E", "1.00000E+00  -2.33822E-09 -4.00000E-01",
                "2.00000E+00  -2.31309E-09 -4.00000E-01"));
        assertThatThrownBy(() -> recognised(file).read(file)).isInstanceOf(ImportException.class).hasMessage(file
                + ": Ivium .idf method \"Chronoamperometry\" (technique \"Constant E\", primary_data: 2 rows of 3"
                + " columns) is not yet read: export as text from IviumSoft");
    }

    @Test
    void anIdsDataSetNamesEachOfItsMeasurements() throws Exception {
        Path file = temp.resolve("set.ids");
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(record("Impedance", "Constant E", "1.09009E+02  -2.65557E+01 1.00000E+04"));
        both.writeBytes(record("Impedance", "Constant E", "1.19009E+02  -2.75557E+01 1.00000E+04"));
        Files.write(file, both.toByteArray());
        // each measurement is its own eis step, in the file's order
        ImportedSession set = recognised(file).read(file);
        assertThat(set.steps()).extracting(ImportedSession.Step::kind).containsExactly("eis", "eis");
        assertThat(set.steps().get(0).spectrum()).singleElement().satisfies(p -> {
            assertThat(p.realOhms()).isEqualTo(109.009);
            assertThat(p.imaginaryOhms()).isEqualTo(-26.5557);
        });
        assertThat(set.steps().get(1).spectrum()).singleElement().satisfies(p -> assertThat(p.realOhms()).isEqualTo(119.009));
    }
}
