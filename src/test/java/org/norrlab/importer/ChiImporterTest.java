package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.Potential;
import org.norrlab.core.Sample;
import org.norrlab.testing.SharedFixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.norrlab.importer.ChiTestFiles.CRLF;
import static org.norrlab.importer.ChiTestFiles.chi;

/**
 * CH Instruments text exports: files written here from the SOURCES.md "chi/" layout notes (i-t, OCP), and every real
 * file of the shared fixtures' chi/ folder with its rows counted and its first and last rows typed in from the file.
 */
class ChiImporterTest {
    @TempDir
    Path temp;

    private static ImportedSession recognisedAndRead(Path file) throws Exception {
        Importer importer = ImportService.importerFor(file, Optional.empty());
        assertThat(importer.format()).isEqualTo("chi");
        return importer.read(file);
    }

    private static ImportedSession fixture(String name) throws Exception {
        return recognisedAndRead(SharedFixtures.vendorFile("chi/" + name));
    }

    private static void assertSample(Sample s, double t, double volts, double amperes) {
        assertThat(s.timeSeconds()).isCloseTo(t, within(Math.abs(t) * 1e-12 + 1e-15));
        if (Double.isNaN(volts)) {
            assertThat(s.potentialVolts()).isNaN();
        } else {
            assertThat(s.potentialVolts()).isCloseTo(volts, within(1e-12));
        }
        if (Double.isNaN(amperes)) {
            assertThat(s.hasCurrent()).isFalse();
        } else {
            assertThat(s.currentAmperes()).isCloseTo(amperes, within(Math.abs(amperes) * 1e-9));
        }
    }

    private static Sample last(ImportedSession.Step step) {
        return step.samples().get(step.samples().size() - 1);
    }

    // ---- files built from the layout notes ----

    /** 50 rows at 0.1 s, I_k = −(1.000 + 0.010·k) mA, held at Init E −0.5 V: the header sits below 28 peak results. */
    static double[] itCurrents() {
        double[] currents = new double[50];
        for (int k = 1; k <= 50; k++) {
            currents[k - 1] = -(1.000 + 0.010 * k) * 1e-3;
        }
        return currents;
    }

    @Test
    void anAmperometricItCurveIsOneCaStepAtInitE() throws Exception {
        Path file = ChiTestFiles.amperometric(temp.resolve("it-4.txt"), -0.5, 0.1, itCurrents());
        assertThat(Files.readString(file)).contains("tp = 94.40s").contains("\r\nTime/sec, Current/A\r\n");
        ImportedSession imported = recognisedAndRead(file);

        assertThat(imported.technique()).isEqualTo("Amperometric i-t Curve");
        assertThat(imported.instrument().model()).isEqualTo("CHI760E");
        assertThat(imported.facts().cell()).isEqualTo(StatedCell.NONE);
        assertThat(imported.metadata()).containsEntry("recorded", "2025-06-18T10:15:02")
                .containsEntry("chi parameter Init E (V)", "-0.5");
        assertThat(imported.steps()).hasSize(1);
        ImportedSession.Step step = imported.steps().get(0);
        assertThat(step.kind()).isEqualTo("ca");
        assertThat(step.facts().setPotential()).contains(new Potential(-0.5, Potential.Scale.RE));
        assertThat(step.intervalSeconds()).isEqualTo(0.1);
        assertThat(step.samples()).hasSize(50);
        // row 1: '1.000e-1, -1.010e-3'; row 50: '5.000e+0, -1.500e-3'; no potential column, so no potential
        assertSample(step.samples().get(0), 0.1, Double.NaN, -1.010e-3);
        assertSample(step.samples().get(24), 2.5, Double.NaN, -1.250e-3);
        assertSample(last(step), 5.0, Double.NaN, -1.500e-3);
        assertThat(imported.notes()).anyMatch(n -> n.contains("row × Sample Interval (0.1 s)"));
    }

    @Test
    void anOpenCircuitPotentialFileIsAnOcpStepOfPotentialsOnly() throws Exception {
        // 50 rows every 5 s (CHI's first OCP row is at '5.000e+0'), E_k = 0.3000 − 0.0010·k V.
        StringBuilder b = new StringBuilder(ChiTestFiles.head("Open Circuit Potential - Time", "CHI660E"));
        b.append("Run Time (sec) = 4e+6").append(CRLF).append("Sample Interval (s) = 5").append(CRLF)
                .append("High E Limit (V) = 1").append(CRLF).append("Low E Limit (V) = -1").append(CRLF).append(CRLF)
                .append(ChiTestFiles.itResults()).append("Time/sec, Potential/V").append(CRLF).append(CRLF);
        for (int k = 1; k <= 50; k++) {
            b.append(chi(5.0 * k)).append(", ").append(chi(0.3000 - 0.0010 * k)).append(CRLF);
        }
        // with the optional line of a file post-processed in CHI
        Path file = Files.writeString(temp.resolve("ocp.csv"), b.toString().replace("Instrument Model:  CHI660E" + CRLF,
                "Instrument Model:  CHI660E" + CRLF + "Data Proc:  Smoothing" + CRLF), StandardCharsets.US_ASCII);

        ImportedSession imported = recognisedAndRead(file);
        ImportedSession.Step step = imported.steps().get(0);
        assertThat(imported.steps()).hasSize(1);
        assertThat(step.kind()).isEqualTo("ocp");
        assertThat(step.facts().setPotential()).isEmpty();
        assertThat(step.intervalSeconds()).isEqualTo(5.0);
        assertThat(step.samples()).hasSize(50);
        // row 1: '5.000e+0, 2.990e-1'; row 50: '2.500e+2, 2.500e-1'
        assertSample(step.samples().get(0), 5.0, 0.2990, Double.NaN);
        assertSample(last(step), 250.0, 0.2500, Double.NaN);
        assertThat(step.samples()).noneMatch(Sample::hasCurrent);
        assertThat(imported.metadata()).containsEntry("chi data proc", "Smoothing");
        assertThat(imported.notes()).anyMatch(n -> n.contains("processed in the CHI software before it was exported"));
    }

    @Test
    void aRowCutShortAtTheEndIsLeftOutWithANoteAndElsewhereIsAnError() throws Exception {
        Path whole = ChiTestFiles.amperometric(temp.resolve("it.txt"), -0.5, 0.1, itCurrents());
        String text = Files.readString(whole);
        // Cut inside the last row's current: '5.000e+0, -1.5' with no line end.
        Path cut = Files.writeString(temp.resolve("cut.txt"), text.substring(0, text.length() - "00e-3\r\n".length()));
        ImportedSession imported = recognisedAndRead(cut);
        assertThat(imported.steps().get(0).samples()).hasSize(49);
        assertThat(imported.notes()).anyMatch(n -> n.contains("is cut short (truncated file?): 49 complete rows kept"));

        // '-1.500e-10' cut to '-1.500e-1' still reads as a number, a billion times too large: left out too.
        double[] picoamperes = itCurrents();
        for (int k = 0; k < picoamperes.length; k++) {
            picoamperes[k] *= 1e-7;
        }
        String small = Files.readString(ChiTestFiles.amperometric(temp.resolve("pA.txt"), -0.5, 0.1, picoamperes));
        assertThat(small).endsWith("5.000e+0, -1.500e-10\r\n");
        Path exponent = Files.writeString(temp.resolve("exponent.txt"), small.substring(0, small.length() - 3));
        assertThat(recognisedAndRead(exponent).steps().get(0).samples()).hasSize(49);
        Path whole49 = Files.writeString(temp.resolve("no-line-end.txt"), text.substring(0, text.length() - 2));
        assertThat(recognisedAndRead(whole49).steps().get(0).samples()).hasSize(50);

        Path broken = Files.writeString(temp.resolve("broken.txt"), text.replace("2.500e+0, -1.250e-3", "2.500e+0, -1.2"
                + "50e-3, 7"));
        assertThatThrownBy(() -> recognisedAndRead(broken)).isInstanceOf(ImportException.class)
                .hasMessageContaining("CHI \"Amperometric i-t Curve\"").hasMessageContaining("only the file's last row may"
                        + " be cut short");
    }

    @Test
    void timesThatDoNotRunAtTheStatedIntervalAreRefused() throws Exception {
        Path whole = ChiTestFiles.amperometric(temp.resolve("it.txt"), -0.5, 0.1, itCurrents());
        Path skewed = Files.writeString(temp.resolve("skewed.txt"), Files.readString(whole)
                .replace("3.000e+0, ", "3.100e+0, "));
        assertThatThrownBy(() -> recognisedAndRead(skewed)).isInstanceOf(ImportException.class)
                .hasMessageContaining("3.100e+0 s is not row 30 × Sample Interval 0.1 s");
    }

    @Test
    void otherTechniquesAndColumnSetsAreRefusedByName() throws Exception {
        Path dpv = Files.writeString(temp.resolve("dpv.txt"), ChiTestFiles.head("Differential Pulse Voltammetry", "CHI760E")
                + "Init E (V) = 0" + CRLF + CRLF + "Potential/V, Current/A" + CRLF + CRLF + "0.000, 1.000e-6" + CRLF);
        assertThatThrownBy(() -> recognisedAndRead(dpv)).isInstanceOf(ImportException.class)
                .hasMessageContaining("dpv.txt:2: CHI \"Differential Pulse Voltammetry\": not a technique norrlab reads"
                        + " from CHI files; it reads Amperometric i-t Curve, Chronoamperometry");
        Path columns = Files.writeString(temp.resolve("columns.txt"), ChiTestFiles.head("Amperometric i-t Curve", "CHI760E")
                + "Init E (V) = 0" + CRLF + "Sample Interval (s) = 0.1" + CRLF + CRLF + "Time/sec, Current/A, Charge/C"
                + CRLF + CRLF + "1.000e-1, 1.000e-6, 1.000e-7" + CRLF);
        assertThatThrownBy(() -> recognisedAndRead(columns)).isInstanceOf(ImportException.class)
                .hasMessageContaining("columns.txt:12: CHI \"Amperometric i-t Curve\": columns 'Time/sec, Current/A,"
                        + " Charge/C' are not the columns of this technique that norrlab reads; accepted:"
                        + " 'Time/sec, Current/A'");
        Path noInterval = Files.writeString(temp.resolve("lsv.txt"), ChiTestFiles.head("Linear Sweep Voltammetry", "CHI760E")
                + "Init E (V) = 0" + CRLF + "Final E (V) = -0.5" + CRLF + "Sample Interval (V) = 0.001" + CRLF + CRLF
                + "Potential/V, Current/A" + CRLF + CRLF + "0.000, 1.000e-6" + CRLF);
        assertThatThrownBy(() -> recognisedAndRead(noInterval)).isInstanceOf(ImportException.class)
                .hasMessageContaining("CHI \"Linear Sweep Voltammetry\": the parameters have no 'Scan Rate (V/s) = …' line");
    }

    @Test
    void aChronoamperometryAtOnePotentialGivesEachPulseThatPotential() throws Exception {
        // High E = Low E: whatever the order of the pulses, every one is held at 0.1 V. 2 pulses × 5 rows at 0.2 s.
        StringBuilder b = new StringBuilder(ChiTestFiles.head("Chronoamperometry", "CHI660E"));
        b.append("Init E (V) = 0").append(CRLF).append("High E (V) = 0.1").append(CRLF).append("Low E (V) = 0.1")
                .append(CRLF).append("Init P/N = P").append(CRLF).append("Step = 2").append(CRLF)
                .append("Pulse Width (sec) = 1").append(CRLF).append("Sample Interval (s) = 0.2").append(CRLF).append(CRLF)
                .append("Time/sec, Current/A").append(CRLF).append(CRLF);
        for (int k = 1; k <= 10; k++) {
            b.append(chi(0.2 * k)).append(", ").append(chi(k * 1e-6)).append(CRLF);
        }
        ImportedSession imported = recognisedAndRead(Files.writeString(temp.resolve("ca.txt"), b.toString()));
        assertThat(imported.steps()).hasSize(2);
        for (ImportedSession.Step step : imported.steps()) {
            assertThat(step.kind()).isEqualTo("ca");
            assertThat(step.facts().setPotential()).contains(new Potential(0.1, Potential.Scale.RE));
            assertThat(step.samples()).hasSize(5);
        }
        assertThat(imported.steps().get(1).label()).startsWith("pulse 2 of 2 at 0.1 V");
        // row 6 '1.200e+0, 6.000e-6' is the second pulse's first row, 0.2 s after it began at 1 s
        assertSample(imported.steps().get(1).samples().get(0), 0.2, Double.NaN, 6e-6);
        assertSample(last(imported.steps().get(1)), 1.0, Double.NaN, 10e-6);
    }

    @Test
    void aChronoamperometryStoppedEarlyKeepsItsRowsAndSaysSo() throws Exception {
        // Step = 3 pulses of 4 rows (0.4 s / 0.1 s), but the run ended 2 rows into the third pulse: 10 rows.
        StringBuilder b = new StringBuilder(ChiTestFiles.head("Chronoamperometry", "CHI660E"));
        b.append("Init E (V) = 0").append(CRLF).append("High E (V) = -0.3").append(CRLF).append("Low E (V) = -0.3")
                .append(CRLF).append("Init P/N = N").append(CRLF).append("Step = 3").append(CRLF)
                .append("Pulse Width (sec) = 0.4").append(CRLF).append("Sample Interval (s) = 0.1").append(CRLF).append(CRLF)
                .append("Time/sec, Current/A").append(CRLF).append(CRLF);
        for (int k = 1; k <= 10; k++) {
            b.append(chi(0.1 * k)).append(", ").append(chi(-k * 1e-6)).append(CRLF);
        }
        ImportedSession imported = recognisedAndRead(Files.writeString(temp.resolve("stopped.txt"), b.toString()));
        assertThat(imported.steps()).extracting(s -> s.samples().size()).containsExactly(4, 4, 2);
        // row 10 '1.000e+0, -1.000e-5' is the third pulse's second row: 0.2 s after it began at 0.8 s
        assertSample(last(imported.steps().get(2)), 0.2, Double.NaN, -1.0e-5);
        assertThat(imported.notes()).anyMatch(n -> n.contains("holds 10 of the 12 rows") && n.contains("in pulse 3"));
    }

    // ---- the real files of the shared fixtures ----

    /**
     * The three CHI Chronoamperometry files: Step = 200 pulses of Pulse Width 1e-4 s at Sample Interval 1e-6 s, i.e.
     * 100 rows a pulse and 20000 rows, which is what each holds. Rows typed in from the files (awk on the data rows).
     */
    @Test
    void chronoamperometryFilesBecomeOneCaStepPerPulse() throws Exception {
        checkPulses(fixture("d3tales_0.01_n_kcl.csv"), "CHI650E", 2.754e-2, 2.755e-2, 2.755e-2, 2.754e-2, 2.755e-2,
                2.755e-2);
        // CR CR LF line ends and a Charge/C column
        ImportedSession bicon = fixture("d3tales_0p1_M_KCl-bicon.csv");
        checkPulses(bicon, "CHI660D", -1.454e-4, -3.375e-4, -2.375e-5, 3.637e-4, -3.427e-5, 3.524e-4);
        assertThat(bicon.notes()).anyMatch(n -> n.contains("Charge/C column is not stored"));
        // a Results:/Channel 1:/Forward:/Reverse: fit block before the data header
        checkPulses(fixture("d3tales_10_mS_cm_std-2.csv"), "CHI620E", -6.083e-4, -2.244e-3, -2.257e-3, -1.822e-5,
                -1.613e-3, 4.133e-4);
    }

    /** Rows 1, 100 (pulse 1), 101, 200 (pulse 2), 19901 and 20000 (pulse 200) of a 200-pulse file. */
    private static void checkPulses(ImportedSession imported, String model, double row1, double row100, double row101,
                                    double row200, double row19901, double row20000) {
        assertThat(imported.technique()).isEqualTo("Chronoamperometry");
        assertThat(imported.instrument().model()).isEqualTo(model);
        List<ImportedSession.Step> steps = imported.steps();
        assertThat(steps).hasSize(200).allMatch(s -> s.kind().equals("ca") && s.samples().size() == 100
                && s.intervalSeconds() == 1e-6);
        assertThat(steps.stream().mapToInt(s -> s.samples().size()).sum()).isEqualTo(20000);
        // every pulse's time counts from its own start: 1 µs at its first row, 100 µs at its last
        assertThat(steps).allMatch(s -> Math.abs(s.samples().get(0).timeSeconds() - 1e-6) < 1e-18
                && Math.abs(last(s).timeSeconds() - 1e-4) < 1e-16);
        // High E 0.025/0.001 V, Low E the opposite: the file does not make certain which pulse held which.
        assertThat(steps).allMatch(s -> s.facts().setPotential().isEmpty());
        assertThat(imported.notes()).anyMatch(n -> n.contains("does not say which pulse held which")
                && n.endsWith("so the file does not state each pulse's set potential"));
        assertSample(steps.get(0).samples().get(0), 1e-6, Double.NaN, row1);
        assertSample(last(steps.get(0)), 1e-4, Double.NaN, row100);
        assertSample(steps.get(1).samples().get(0), 1e-6, Double.NaN, row101);
        assertSample(last(steps.get(1)), 1e-4, Double.NaN, row200);
        assertSample(steps.get(199).samples().get(0), 1e-6, Double.NaN, row19901);
        assertSample(last(steps.get(199)), 1e-4, Double.NaN, row20000);
        assertThat(steps.get(199).label()).isEqualTo("pulse 200 of 200 (from 0.0199 s of the file)");
    }

    @Test
    void linearSweepTimeComesFromScanRateAndInterval() throws Exception {
        ImportedSession imported = fixture("nomadce_LSV.txt");
        ImportedSession.Step step = imported.steps().get(0);
        assertThat(imported.steps()).hasSize(1);
        assertThat(step.kind()).isEqualTo("lsv");
        assertThat(step.samples()).hasSize(500);
        // 0.001 V / 0.005 V/s = 0.2 s a row: '-0.200, 8.053e-6' at 0 s, '-0.699, -3.679e-3' at 499 × 0.2 s
        assertThat(step.intervalSeconds()).isCloseTo(0.2, within(1e-12));
        assertSample(step.samples().get(0), 0, -0.200, 8.053e-6);
        assertSample(last(step), 99.8, -0.699, -3.679e-3);
        assertThat(imported.notes()).anyMatch(n -> n.contains("no time column") && n.contains("0.2 s"));
    }

    @Test
    void aFileReEncodedAsUtf16WithLfImportsToTheSameSamples() throws Exception {
        // In UTF-16 the 'Instrument Model:' line lies beyond the 256 bytes of head the service looks at, so
        // recognition reads the file's first lines itself.
        Path original = SharedFixtures.vendorFile("chi/nomadce_LSV.txt");
        String text = Files.readString(original, StandardCharsets.US_ASCII).replace("\r\n", "\n");
        Path utf16 = temp.resolve("lsv-utf16.txt");
        Files.write(utf16, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
        assertThat(new String(Files.readAllBytes(utf16), 0, 256, StandardCharsets.UTF_16LE)).doesNotContain("Instrument");
        assertThat(recognisedAndRead(utf16).steps().get(0).samples())
                .isEqualTo(fixture("nomadce_LSV.txt").steps().get(0).samples());
    }

    @Test
    void cyclicVoltammetryKeepsTheStoredSegmentsOnly() throws Exception {
        // CV-1T: Segment = 6 but 1400 rows = 2 sweeps of 700 mV; 0.001 V / 0.04 V/s = 0.025 s a row
        ImportedSession cv1t = fixture("nomadce_CV-1T.txt");
        checkCv(cv1t, 1400, 0.025, -0.500, -4.214e-4, -0.499, -4.127e-4);
        assertThat(cv1t.notes()).anyMatch(n -> n.contains("1400 rows stored = 2 sweep(s)") && n.contains("Segment = 6"));
        // all 6 segments of 1000 rows stored; 0.001 / 0.02 = 0.05 s a row; a UNC path in File:
        ImportedSession ferri = fixture("d3tales_01_GC_WE_Pt_RE_Pt_CE_10_mM_ferricyanide_in_100_mM_KCl_20_mV_scan_rate.csv");
        checkCv(ferri, 6000, 0.05, -0.500, -5.780e-5, -0.499, -3.183e-5);
        assertThat(ferri.instrument().model()).isEqualTo("CHI1100B");
        assertThat(ferri.notes()).anyMatch(n -> n.contains("6000 rows stored = 6 sweep(s)"));
        // nA currents, 2 segments of 800 rows; 0.001 / 0.01 = 0.1 s a row
        ImportedSession micro = fixture("d3tales_CV_microelectrode.csv");
        checkCv(micro, 1600, 0.1, 0.000, 1.100e-9, 0.001, 9.904e-10);
        assertThat(micro.notes()).anyMatch(n -> n.contains("1600 rows stored = 2 sweep(s)"));
    }

    private static void checkCv(ImportedSession imported, int rows, double secondsPerRow, double firstE, double firstI,
                                double lastE, double lastI) {
        assertThat(imported.steps()).hasSize(1);
        ImportedSession.Step step = imported.steps().get(0);
        assertThat(step.kind()).isEqualTo("cv");
        assertThat(step.facts().setPotential()).isEmpty();
        assertThat(step.samples()).hasSize(rows);
        assertSample(step.samples().get(0), 0, firstE, firstI);
        assertSample(last(step), (rows - 1) * secondsPerRow, lastE, lastI);
    }

    @Test
    void impedanceFilesAreRecognisedAsChiAndReadAsEisSteps() throws Exception {
        // the spectra themselves are checked in ImpedanceImportTest
        for (String name : List.of("impedancepy_exampleDataCHInstruments.txt", "nomadce_EIS_-0,48_V.txt")) {
            Path file = SharedFixtures.vendorFile("chi/" + name);
            assertThat(ImportService.importerFor(file, Optional.empty()).format()).isEqualTo("chi");
            assertThat(new ChiImporter().read(file).steps()).extracting(ImportedSession.Step::kind)
                    .containsExactly("eis");
        }
    }
}
