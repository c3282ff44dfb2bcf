package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.Potential;
import org.norrlab.core.Sample;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Squidstat CSV exports built from the layout notes in shared/fixtures/vendor/SOURCES.md ("squidstat/ — Admiral
 * Instruments Squidstat User Interface CSV exports"): the nine-column header (quoted or not, '²' as the Latin-1 byte
 * B2, or UTF-8 with a BOM after Excel), mA currents, elapsed time since the experiment started, mixed CRLF/LF, no
 * newline after the last row, and the neighbouring 'Experiment settings and notes.txt'. No licensed Squidstat file
 * exists, so the test writes them; expected values are the numbers typed in, converted by hand (mA / 1000).
 */
class SquidstatImporterTest {
    private static final String HEADER = "Step number,Step name,Elapsed Time (s),Working Electrode (V),Working Electrode"
            + " vs. NHE (V),Current (mA),Current Density (mA/cm²),Cumulative Charge (mAh),Counter Electrode (V)";
    private static final String QUOTED_HEADER = "\"" + HEADER.replace(",", "\",\"") + "\"";
    private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;

    @TempDir
    Path temp;

    private static Path write(Path file, byte[]... parts) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static byte[] latin1(String text) {
        return text.getBytes(LATIN_1);
    }

    private static ImportedSession read(Path file) throws Exception {
        Importer importer = ImportService.importerFor(file, Optional.empty());
        assertThat(importer.format()).isEqualTo("squidstat");
        return importer.read(file);
    }

    private static Path settings(Path folder, String area, String... stepLines) throws Exception {
        // mixed line ends, as the notes saw: mostly CRLF, some LF
        return write(folder.resolve(SquidstatImporter.SETTINGS), latin1("Software Version: Squidstat User Interface"
                + " v2.11.19.2020\r\nPrime1092, Channel 1\r\nWorking Electrode Area (cm2): " + area + "\r\n\r\n"
                + String.join("\r\n", stepLines) + "\n"));
    }

    @Test
    void oneFilePerStepWithTheSettingsFileGivesAreaAndSetPotential() throws Exception {
        Path folder = temp.resolve("experiment");
        settings(folder, "0.196", "Step 1) Constant potential interval parameters",
                "Potential: 0.2 V, with respect to reference\nDuration: 96 hr", "Sampling interval", "60 seconds",
                "Step 2) Cyclic voltammetry parameters", "Start potential: 0 V, with respect to reference");
        // CRLF on every line, no newline after the last row, '²' as the single byte B2
        Path ca = write(folder.resolve("1_NORR-Constant Potential 20210128 120741.csv"), latin1(HEADER + "\r\n"
                + "1_1,Constant Potential,60.0123,0.2001,0.2001,-0.0512,0,-8.5333E-07,-1.2034\r\n"
                + "1_1,Constant Potential,120.0124,0.2000,0.2000,-0.0498,0,-1.6833E-06,-1.2011\r\n"
                + "1_1,Constant Potential,180.0125,0.1999,0.1999,-0.0487,0,-2.4950E-06,-1.1998"));
        assertThat(Files.readAllBytes(ca)).contains((byte) 0xB2).doesNotContain((byte) 0xC2);
        ImportedSession imported = read(ca);
        assertThat(imported.steps()).hasSize(1);
        ImportedSession.Step step = imported.steps().get(0);
        assertThat(step.kind()).isEqualTo("ca");
        assertThat(step.label()).isEqualTo("1_1 Constant Potential (Elapsed Time from 60.0123 s of the experiment)");
        assertThat(step.facts().setPotential()).contains(new Potential(0.2, Potential.Scale.RE));
        List<Sample> s = step.samples();
        assertThat(s).hasSize(3);
        assertThat(s.get(0).timeSeconds()).isEqualTo(0.0);
        assertThat(s.get(0).currentAmperes()).isCloseTo(-5.12e-5, within(1e-15));
        assertThat(s.get(0).potentialVolts()).isCloseTo(0.2001, within(1e-12));
        // 180.0125 − 60.0123 s
        assertThat(s.get(2).timeSeconds()).isCloseTo(120.0002, within(1e-9));
        assertThat(s.get(2).currentAmperes()).isCloseTo(-4.87e-5, within(1e-15));
        assertThat(s.get(2).potentialVolts()).isCloseTo(0.1999, within(1e-12));
        assertThat(imported.facts().cell().areaCm2()).contains(new StatedCell.Stated<>(0.196,
                "file: 'Working Electrode Area (cm2): 0.196' (Experiment settings and notes.txt line 3)"));
        assertThat(imported.warnings()).containsExactly("step 1_1 (Constant Potential): set potential +0.200 V vs RE"
                + " from 'Potential: 0.2 V, with respect to reference' (Experiment settings and notes.txt line 6)");
        assertThat(imported.metadata()).containsEntry("software", "Squidstat User Interface v2.11.19.2020");

        // the later variant: quoted header ending CRLF, data lines ending LF
        Path cv = write(folder.resolve("2_NORR-Cyclic Voltammetry 20210407 131320.csv"), latin1(QUOTED_HEADER + "\r\n"
                + "2_1,Cyclic Voltammetry,3233.78,0.0000,0.0000,0.0012,0,0,-0.5\n"
                + "2_1,Cyclic Voltammetry,3233.88,0.0100,0.0100,0.0025,0,0,-0.5\n"
                + "2_1,Cyclic Voltammetry,3233.98,0.0200,0.0200,0.0041,0,0,-0.5\n"));
        ImportedSession voltammetry = read(cv);
        ImportedSession.Step sweep = voltammetry.steps().get(0);
        assertThat(sweep.kind()).isEqualTo("cv");
        assertThat(sweep.facts().setPotential()).isEmpty();
        assertThat(sweep.samples()).hasSize(3);
        assertThat(sweep.samples().get(2).timeSeconds()).isCloseTo(0.20, within(1e-9));
        assertThat(sweep.samples().get(2).currentAmperes()).isCloseTo(4.1e-6, within(1e-15));
        assertThat(sweep.samples().get(2).potentialVolts()).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void severalStepsInOneFileEachRebasedAndAPotentialNotVsReferenceIsLeftEmpty() throws Exception {
        Path folder = temp.resolve("run");
        settings(folder, "", "Step 1) Constant potential interval parameters",
                "Potential: -0.3 V, with respect to reference", "Step 2) Constant potential interval parameters",
                "Potential: -0.1 V, with respect to open circuit", "Step 3) Cyclic voltammetry parameters");
        Path file = write(folder.resolve("all.csv"), latin1(QUOTED_HEADER + "\r\n"
                + "1_1,Constant Potential,60,-0.3,-0.3,-0.2,0,0,-1\r\n"
                + "1_1,Constant Potential,120,-0.3,-0.3,-0.1,0,0,-1\r\n"
                + "2_1,Constant Potential,180,-0.4,-0.4,-0.3,0,0,-1\n"
                + "2_1,Constant Potential,240,-0.4,-0.4,-0.25,0,0,-1\n"
                + "2_1,Constant Potential,533580,-0.4,-0.4,-0.2,0,0,-1\n"
                + "3_1,Cyclic Voltammetry,533590.5,0.1,0.1,0.5,0,0,-1\n"));
        ImportedSession imported = read(file);
        assertThat(imported.steps()).extracting(ImportedSession.Step::kind).containsExactly("ca", "ca", "cv");
        assertThat(imported.steps()).extracting(x -> x.samples().size()).containsExactly(2, 3, 1);
        assertThat(imported.steps().get(0).facts().setPotential()).contains(new Potential(-0.3, Potential.Scale.RE));
        assertThat(imported.steps().get(1).facts().setPotential()).isEmpty();
        assertThat(imported.steps().get(1).samples()).extracting(Sample::timeSeconds).containsExactly(0.0, 60.0, 533400.0);
        assertThat(imported.steps().get(1).samples().get(2).currentAmperes()).isCloseTo(-2.0e-4, within(1e-15));
        assertThat(imported.steps().get(2).samples().get(0).timeSeconds()).isEqualTo(0.0);
        assertThat(imported.facts().cell().areaCm2()).isEmpty();
        assertThat(imported.technique()).isEqualTo("Constant Potential, Cyclic Voltammetry");
        assertThat(imported.warnings()).containsExactly(
                "the settings file states no electrode area ('Working Electrode Area (cm2):' (Experiment settings and"
                        + " notes.txt line 3) is empty)",
                "step 1_1 (Constant Potential): set potential -0.300 V vs RE from 'Potential: -0.3 V, with respect to"
                        + " reference' (Experiment settings and notes.txt line 6)",
                "step 2_1 (Constant Potential): 'Potential: -0.1 V, with respect to open circuit' (Experiment settings"
                        + " and notes.txt line 8) is not stated with respect to the reference electrode and the value it"
                        + " is relative to is not in the files: the files do not state the set potential",
                // the CV step has one sample: no rate to measure, and the settings file states none (issue 20)
                "step 3 (3_1 Cyclic Voltammetry (Elapsed Time from 533590.5 s of the experiment)): the scan rate is"
                        + " unknown: the file states none and no segment has 5 samples over a changing time to measure"
                        + " it from; the step is kept without one",
                "step 3 (3_1 Cyclic Voltammetry (Elapsed Time from 533590.5 s of the experiment)): the file states no"
                        + " start potential of the sweep: taken from the measured potentials (the first sample, the"
                        + " turns, the last sample)");
    }

    @Test
    void excelResavedWithoutSettingsFileSaysThePotentialIsNotKnown() throws Exception {
        // Excel: UTF-8 BOM, '²' as UTF-8, small values as 6.09E-05
        Path file = write(temp.resolve("excel.csv"), new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                (HEADER + "\r\n1_1,Constant Potential,60,-0.5,-0.5,6.09E-05,0,1.0E-06,-1\r\n"
                        + "1_1,Constant Potential,61.5,-0.5,-0.5,-1.2E-04,0,1.0E-06,-1\r\n").getBytes(StandardCharsets.UTF_8));
        ImportedSession imported = read(file);
        ImportedSession.Step step = imported.steps().get(0);
        assertThat(step.facts().setPotential()).isEmpty();
        assertThat(step.samples()).extracting(Sample::currentAmperes).containsExactly(6.09e-8, -1.2e-7);
        assertThat(step.samples().get(1).timeSeconds()).isEqualTo(1.5);
        assertThat(imported.warnings()).containsExactly("no 'Experiment settings and notes.txt' beside the file: the"
                + " electrode area and the set potential of each CA step are not known (give --area)");
    }

    @Test
    void aUtf16CopyGivesTheSameSamples() throws Exception {
        String text = HEADER + "\r\n1_1,Constant Potential,60,-0.5,-0.5,6.09E-05,0,1.0E-06,-1\r\n"
                + "1_1,Constant Potential,61.5,-0.5,-0.5,-1.2E-04,0,1.0E-06,-1";
        ImportedSession latin1 = read(write(temp.resolve("a/latin1.csv"), latin1(text)));
        ImportedSession utf16 = read(write(temp.resolve("b/utf16.csv"), ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE)));
        assertThat(utf16.steps()).isEqualTo(latin1.steps()).hasSize(1);
    }

    @Test
    void aLastRowCutShortIsDroppedWithANote() throws Exception {
        Path file = write(temp.resolve("cut.csv"), latin1(HEADER + "\r\n"
                + "1_1,Constant Potential,60,-0.5,-0.5,-0.1,0,0,-1\r\n1_1,Constant Potential,120,-0.5,-0.5,-0.2,0,0,-1\r\n"
                + "1_1,Constant Potential,180,-0.5,-0"));
        ImportedSession imported = read(file);
        assertThat(imported.steps().get(0).samples()).hasSize(2);
        assertThat(imported.warnings()).contains("the last row (line 4) is cut short (truncated file?): 2 complete rows"
                + " kept");
    }

    @Test
    void refusesHeadersStepsAndRowsTheNotesDoNotDescribe() throws Exception {
        Path amperes = write(temp.resolve("a.csv"), latin1(HEADER.replace("Current (mA)", "Current (A)") + "\r\n"
                + "1_1,Constant Potential,60,-0.5,-0.5,-0.1,0,0,-1\r\n"));
        assertThatThrownBy(() -> new SquidstatImporter().read(amperes)).isInstanceOf(ImportException.class)
                .hasMessage(amperes + ":1: Squidstat CSV header: found Step number, Step name, Elapsed Time (s), Working"
                        + " Electrode (V), Working Electrode vs. NHE (V), Current (A), Current Density (mA/cm²),"
                        + " Cumulative Charge (mAh), Counter Electrode (V); norrlab reads exactly these 9 columns, quoted"
                        + " or not: " + String.join(", ", SquidstatImporter.COLUMNS));
        Path galvanostatic = write(temp.resolve("cc.csv"), latin1(HEADER + "\r\n"
                + "1_1,Constant Current,60,-0.5,-0.5,-0.1,0,0,-1\r\n"));
        assertThatThrownBy(() -> read(galvanostatic)).isInstanceOf(ImportException.class).hasMessage(galvanostatic
                + ":2: column 'Step name': Squidstat \"Constant Current\" is not a step norrlab reads; accepted: Constant"
                + " Potential (ca), Cyclic Voltammetry (cv)");
        Path shortRow = write(temp.resolve("short.csv"), latin1(HEADER + "\r\n1_1,Constant Potential,60,-0.5\r\n"
                + "1_1,Constant Potential,120,-0.5,-0.5,-0.2,0,0,-1\r\n"));
        assertThatThrownBy(() -> read(shortRow)).isInstanceOf(ImportException.class).hasMessage(shortRow
                + ":2: has 4 cells where the header names 9 columns");
    }
}
