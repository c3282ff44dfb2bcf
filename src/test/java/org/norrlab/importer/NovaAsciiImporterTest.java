package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.Potential;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.testing.SharedFixtures;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Autolab NOVA ASCII exports built from the layout notes in shared/fixtures/vendor/SOURCES.md ("autolab/ — Metrohm
 * Autolab NOVA ASCII exports"): no metadata, line 1 the NOVA signal names, delimiter ';', TAB or ',', decimal comma
 * only with ';' or TAB, UTF-8 with an optional BOM and the µ of 'Current range' as C2 B5, time not starting at 0.
 * No licensed NOVA column export exists, so every file here is written by the test; the expected values are the
 * numbers typed into it, converted by hand.
 */
class NovaAsciiImporterTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String[] CV = {
            "Potential applied (V);Time (s);WE(1).Current (A);WE(1).Potential (V);Scan;Index;Q+;Q-;Current range;Overload",
            "0;1323,58;1,8890380859375E-06;1,2E-04;1;1013;0;0;10 µA;",
            "0,1;1323,68;5,53253173828125E-07;0,0999;1;1014;0;0;10 µA;",
            "0,2;1323,78;-2,5E-03;0,2001;1;1015;0;0;1 mA;Current overload",
            "0,1;1323,88;-3,25E-08;0,1002;2;1016;0;0;100 nA;",
            "0;1323,98;-1,5E-08;-0,0003;2;1017;0;0;100 nA;"};

    @TempDir
    Path temp;

    private Path write(String name, boolean bom, String... lines) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (bom) {
            bytes.write(BOM);
        }
        bytes.write(String.join("\r\n", lines).concat("\r\n").getBytes(StandardCharsets.UTF_8));
        Path file = temp.resolve(name);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static ImportedSession read(Path file) throws Exception {
        Importer importer = ImportService.importerFor(file, Optional.empty());
        assertThat(importer.format()).isEqualTo("nova");
        return importer.read(file);
    }

    @Test
    void cvWithTwoScansSemicolonDecimalCommaAndBom() throws Exception {
        Path file = write("cv.txt", true, CV);
        assertThat(Files.readAllBytes(file)).startsWith(BOM);
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).contains("10 \u00C2\u00B5A");
        ImportedSession imported = read(file);
        assertThat(imported.steps()).hasSize(1);
        ImportedSession.Step step = imported.steps().get(0);
        assertThat(step.kind()).isEqualTo("cv");
        assertThat(step.facts().setPotential()).isEmpty();
        List<Sample> s = step.samples();
        assertThat(s).hasSize(5);
        assertThat(s.get(0).timeSeconds()).isEqualTo(0.0);
        assertThat(s.get(0).potentialVolts()).isCloseTo(1.2e-4, within(1e-12));
        assertThat(s.get(0).currentAmperes()).isCloseTo(1.8890380859375e-6, within(1e-18));
        assertThat(s.get(0).rangeAmperes()).isCloseTo(1e-5, within(1e-15));
        assertThat(s.get(0).flags()).isZero();
        assertThat(s.get(2).currentAmperes()).isCloseTo(-2.5e-3, within(1e-15));
        assertThat(s.get(2).rangeAmperes()).isCloseTo(1e-3, within(1e-15));
        assertThat(SampleFlag.decode(s.get(2).flags())).containsExactlyInAnyOrder(SampleFlag.OVERLOAD,
                SampleFlag.RANGE_CHANGED);
        assertThat(SampleFlag.decode(s.get(3).flags())).containsExactly(SampleFlag.RANGE_CHANGED);
        assertThat(s.get(3).rangeAmperes()).isCloseTo(1e-7, within(1e-17));
        assertThat(s.get(4).flags()).isZero();
        // 1323.98 − 1323.58 s
        assertThat(s.get(4).timeSeconds()).isCloseTo(0.40, within(1e-9));
        assertThat(s.get(4).potentialVolts()).isCloseTo(-3e-4, within(1e-12));
        assertThat(s.get(4).currentAmperes()).isCloseTo(-1.5e-8, within(1e-20));
        assertThat(imported.warnings()).contains("NOVA ASCII exports name no technique: cv inferred from the columns"
                        + " 'Scan' and 'Potential applied (V)' (2 scans, the sweep reverses from 0.0 V)",
                "time: the file's 'Time (s)' starts at 1323.58 s; the step begins at its first sample (t − 1323.58 s)");
        assertThat(step.label()).isEqualTo("NOVA cv (Time (s) from 1323.58 s)");
        // the 'Scan' column (1, 1, 1, 2, 2) is each sample's cycle (issue 20); each scan here runs one way
        assertThat(s).extracting(Sample::cycle).containsExactly(1, 1, 1, 2, 2);
        assertThat(s).extracting(Sample::segment).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void aReEncodedExportGivesTheSameSamples() throws Exception {
        ImportedSession utf8 = read(write("cv.txt", true, CV));
        Path utf16 = temp.resolve("cv16.txt");
        Files.write(utf16, ("\uFEFF" + String.join("\n", CV)).getBytes(StandardCharsets.UTF_16LE));
        Path windows1252 = temp.resolve("cv1252.txt");
        Files.write(windows1252, String.join("\r\n", CV).getBytes("windows-1252"));
        assertThat(read(utf16).steps()).isEqualTo(utf8.steps());
        assertThat(read(windows1252).steps()).isEqualTo(utf8.steps());
    }

    @Test
    void oneScanThatRunsOneWayIsAnLsvTabWithPoint() throws Exception {
        Path file = write("lsv.txt", false,
                "Index\tTime (s)\tPotential applied (V)\tWE(1).Current (A)\tWE(1).Potential (V)\tScan",
                "1013\t132.32\t-0.2\t-1.25E-06\t-0.20012\t1",
                "1014\t132.42\t-0.21\t-2.5E-06\t-0.21007\t1",
                "1015\t132.52\t-0.22\t-5.0E-06\t-0.22004\t1");
        ImportedSession imported = read(file);
        ImportedSession.Step step = imported.steps().get(0);
        assertThat(step.kind()).isEqualTo("lsv");
        assertThat(step.samples()).hasSize(3);
        Sample last = step.samples().get(2);
        assertThat(last.timeSeconds()).isCloseTo(0.20, within(1e-9));
        assertThat(last.potentialVolts()).isCloseTo(-0.22004, within(1e-12));
        assertThat(last.currentAmperes()).isCloseTo(-5.0e-6, within(1e-18));
        assertThat(last.rangeAmperes()).isNaN();
        assertThat(imported.metadata()).containsEntry("delimiter", "TAB").containsEntry("time_offset_s", "132.32");
    }

    @Test
    void oneScanThatReversesIsACvCommaWithPoint() throws Exception {
        Path file = write("cv1.csv", false,
                "Potential applied (V),Time (s),WE(1).Current (A),WE(1).Potential (V),Scan",
                "0.5,10.5,1.0E-06,0.5001,1",
                "0.6,10.6,2.0E-06,0.6001,1",
                "0.5,10.7,-1.0E-06,0.5002,1");
        ImportedSession imported = read(file);
        assertThat(imported.steps().get(0).kind()).isEqualTo("cv");
        assertThat(imported.steps().get(0).samples()).extracting(Sample::currentAmperes)
                .containsExactly(1.0e-6, 2.0e-6, -1.0e-6);
        assertThat(imported.steps().get(0).samples().get(2).timeSeconds()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void correctedTimeWithAConstantAppliedPotentialIsCaAtThatPotentialVsRe() throws Exception {
        Path file = write("ca.txt", true,
                "Time (s);Potential applied (V);WE(1).Current (A);WE(1).Potential (V);Corrected time (s);Current range;Overload",
                "132.32;-0.5;-1.8890380859375E-06;-0.49987;0.01;10 µA;",
                "132.42;-0.5;-1.7E-06;-0.49991;0.11;10 µA;",
                "132.52;-0.5;-1.6E-06;-0.49993;0.21;10 µA;",
                "132.62;-0.5;-1.55E-06;-0.49995;0.31;10 µA;");
        ImportedSession imported = read(file);
        ImportedSession.Step step = imported.steps().get(0);
        assertThat(step.kind()).isEqualTo("ca");
        assertThat(step.facts().setPotential()).contains(new Potential(-0.5, Potential.Scale.RE));
        assertThat(step.samples()).hasSize(4);
        assertThat(step.samples().get(0).currentAmperes()).isCloseTo(-1.8890380859375e-6, within(1e-18));
        assertThat(step.samples().get(3).timeSeconds()).isCloseTo(0.30, within(1e-9));
        assertThat(step.samples().get(3).potentialVolts()).isCloseTo(-0.49995, within(1e-12));
        assertThat(imported.warnings()).contains("NOVA ASCII exports name no technique: ca inferred from the columns"
                + " 'Corrected time (s)' and a constant 'Potential applied (V)' (-0.5 V vs the reference electrode)");
    }

    @Test
    void aLastRowCutShortIsDroppedWithANoteAndAShortRowElsewhereIsRefused() throws Exception {
        String header = "Time (s);Potential applied (V);WE(1).Current (A);Corrected time (s)";
        Path cut = temp.resolve("cut.txt");
        Files.writeString(cut, header + "\n5;-0.5;-1E-06;0.1\n6;-0.5;-2E-06;1.1\n7;-0.5;-3E", StandardCharsets.UTF_8);
        ImportedSession imported = read(cut);
        assertThat(imported.steps().get(0).samples()).hasSize(2);
        assertThat(imported.steps().get(0).facts().setPotential()).contains(new Potential(-0.5, Potential.Scale.RE));
        assertThat(imported.warnings()).contains("no 'WE(1).Potential (V)' column: the samples carry no measured"
                        + " potential", "the last row (line 4) is cut short (truncated file?): 2 complete rows kept");
        assertThat(imported.steps().get(0).samples().get(1).potentialVolts()).isNaN();

        Path shortRow = write("short.txt", false, header, "5;-0.5;-1E-06;0.1", "6;-0.5", "7;-0.5;-3E-06;2.1");
        assertThatThrownBy(() -> read(shortRow)).isInstanceOf(ImportException.class)
                .hasMessage(shortRow + ":3: has 2 cells where the header names 4 columns");
    }

    @Test
    void refusesWhatTheNotesDoNotDescribe() throws Exception {
        Path steps = write("steps.txt", false, "Time (s);Potential applied (V);WE(1).Current (A);Corrected time (s)",
                "5;-0.2;-1E-06;0.1", "6;-0.5;-2E-06;1.1");
        assertThatThrownBy(() -> read(steps)).isInstanceOf(ImportException.class).hasMessage(steps + ":1: NOVA ASCII"
                + " export: the technique cannot be told from the columns Time (s), Potential applied (V),"
                + " WE(1).Current (A), Corrected time (s) ('Potential applied (V)' from -0.5 to -0.2 V, with 'Corrected"
                + " time (s)'); norrlab reads 'Scan' with a sweeping 'Potential applied (V)' (CV or LSV) or 'Corrected"
                + " time (s)' with a constant 'Potential applied (V)' (chronoamperometry): export one of those, or the"
                + " data as a CSV with --technique");

        Path impedance = write("eis.txt", false, "Index;Frequency (Hz);Z' (Ω);-Z'' (Ω);WE(1).Current (A);Time (s)",
                "1;10000;1,5;0,2;1E-06;0");
        assertThatThrownBy(() -> read(impedance)).isInstanceOf(ImportException.class).hasMessage(impedance + ":1: NOVA"
                + " ASCII header: column 'Frequency (Hz)' is not one norrlab reads; accepted: Potential applied (V),"
                + " Time (s), WE(1).Current (A), WE(1).Potential (V), Scan, Index, Q+, Q-, Current range, Overload,"
                + " Corrected time (s), Column n [(unit)]");

        Path overload = write("overload.txt", false, "Time (s);WE(1).Current (A);Corrected time (s);Overload;Potential applied (V)",
                "1;1E-06;0;Potential overload;0.1");
        assertThatThrownBy(() -> read(overload)).isInstanceOf(ImportException.class).hasMessage(overload + ":2: column"
                + " 'Overload': 'Potential overload' is not a value norrlab reads; accepted: empty or 'Current overload'");

        Path range = write("range.txt", false, "Time (s);WE(1).Current (A);Corrected time (s);Current range;Potential applied (V)",
                "1;1E-06;0;10 uA;0.1");
        assertThatThrownBy(() -> read(range)).isInstanceOf(ImportException.class).hasMessage(range + ":2: column"
                + " 'Current range': '10 uA' is not a range norrlab reads; accepted: a number with A, mA, µA or nA"
                + " ('1 mA', '10 µA', '100 nA')");

        Path comma = write("comma.csv", false, "Time (s),WE(1).Current (A),Corrected time (s),Potential applied (V)",
                "1,5,1E-06,0,0.1");
        assertThatThrownBy(() -> read(comma)).isInstanceOf(ImportException.class).hasMessage(comma + ":2: has 5 cells"
                + " where the header names 4 columns (a decimal comma in a ','-delimited export? NOVA writes '.' there)");

        Path mixed = write("mixed.txt", false, "Time (s);WE(1).Current (A),Scan", "1;2,3");
        assertThatThrownBy(() -> read(mixed)).isInstanceOf(ImportException.class).hasMessage(mixed + ":1: NOVA ASCII"
                + " header: more than one delimiter (';' and ',') in 'Time (s);WE(1).Current (A),Scan'; a NOVA export"
                + " separates its column names by one of ';', TAB or ','");
    }

    @Test
    void theAutolabZViewImpedanceExportIsRecognisedAndReadInAnyEncoding() throws Exception {
        Path file = SharedFixtures.vendorFile("autolab/impedancepy_exampleDataAutolab.txt");
        assertThat(ImportService.importerFor(file, Optional.empty()).format()).isEqualTo("nova");
        assertThat(read(file).steps().get(0).spectrum()).hasSize(41);
        // the same file as UTF-16LE with a BOM and CRLF line ends reads the same
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\n", "\r\n");
        Path utf16 = temp.resolve("autolab16.txt");
        Files.write(utf16, text.getBytes(StandardCharsets.UTF_16LE));
        assertThat(text).startsWith("\uFEFF");
        ImportedSession again = read(utf16);
        assertThat(again.steps().get(0).spectrum()).isEqualTo(read(file).steps().get(0).spectrum());
    }
}
