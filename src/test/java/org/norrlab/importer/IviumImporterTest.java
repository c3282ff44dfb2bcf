package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.SharedFixtures;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * IviumSoft .idf/.ids files are recognised by their content and refused with the method named: the three real
 * impedance files in shared/fixtures/vendor/ivium, and an E–t/I–t file (never observed; built here from the
 * "ivium/ — IviumSoft .idf / .ids data files" notes in SOURCES.md) that norrlab does not read yet.
 */
class IviumImporterTest {
    private static final String IMPEDANCE = " holds impedance spectra; norrlab does not store them yet: import the"
            + " time-series files of the session";

    @TempDir
    Path temp;

    private static Importer recognised(Path file) throws Exception {
        Importer importer = ImportService.importerFor(file, Optional.empty());
        assertThat(importer.format()).isEqualTo("ivium");
        return importer;
    }

    @Test
    void theImpedanceFixturesAreRefusedWithMethodTechniqueAndRows() throws Exception {
        Path open = SharedFixtures.vendorFile("ivium/pyvium_test_open.idf");
        assertThatThrownBy(() -> recognised(open).read(open)).isInstanceOf(ImportException.class).hasMessage(open
                + ": Ivium .idf method \"Impedance\" (technique \"Constant E\", primary_data: 34 rows of Z′, Z″ and"
                + " frequency)" + IMPEDANCE);
        Path example = SharedFixtures.vendorFile("ivium/impedancepy_exampleDataIvium.idf");
        assertThatThrownBy(() -> recognised(example).read(example)).isInstanceOf(ImportException.class).hasMessage(
                example + ": Ivium .idf method \"Impedance\" (technique \"Constant I\", primary_data: 26 rows of Z′,"
                        + " Z″ and frequency)" + IMPEDANCE);
        // pyvium's altered copy: CR-only line ends and spaces where the NULs were
        Path altered = SharedFixtures.vendorFile("ivium/pyvium_eis_test.idf");
        assertThatThrownBy(() -> recognised(altered).read(altered)).isInstanceOf(ImportException.class).hasMessage(
                altered + ": Ivium .idf method \"Impedance\" (technique \"Constant E\", primary_data: 64 rows of Z′,"
                        + " Z″ and frequency)" + IMPEDANCE);
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
        assertThatThrownBy(() -> recognised(file).read(file)).isInstanceOf(ImportException.class).hasMessage(file
                + ": Ivium .ids with 2 measurements, method \"Impedance\" (technique \"Constant E\", primary_data: 1"
                + " row of Z′, Z″ and frequency); method \"Impedance\" (technique \"Constant E\", primary_data: 1 row"
                + " of Z′, Z″ and frequency)," + IMPEDANCE);
    }
}
