package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.Potential;
import org.norrlab.core.Sample;
import org.norrlab.testing.SharedFixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every .pssession in the shared fixtures (palmsens-pssession/, first and second set in SOURCES.md): point counts and
 * the first and last point of every step as read independently from the JSON (a Python json.loads of the UTF-16 text,
 * µA converted to A by hand), the impedance refusal, and damaged copies.
 */
class PalmSensImporterTest {
    private static final String FOLDER = "palmsens-pssession/";

    @TempDir
    Path temp;

    private static ImportedSession read(String fixture) throws Exception {
        Path file = SharedFixtures.vendorFile(FOLDER + fixture);
        Importer importer = ImportService.importerFor(file, Optional.empty());
        assertThat(importer.format()).isEqualTo("pssession");
        return importer.read(file);
    }

    private static void assertSample(Sample s, double t, double volts, double amperes) {
        assertThat(s.timeSeconds()).isCloseTo(t, within(1e-12));
        assertThat(s.potentialVolts()).isCloseTo(volts, within(Math.abs(volts) * 1e-12 + 1e-15));
        assertThat(s.currentAmperes()).isCloseTo(amperes, within(Math.abs(amperes) * 1e-12));
    }

    private static void assertStep(ImportedSession.Step step, String kind, int points, double[] first, double[] last) {
        assertThat(step.kind()).isEqualTo(kind);
        assertThat(step.samples()).hasSize(points);
        assertSample(step.samples().get(0), first[0], first[1], first[2]);
        assertSample(step.samples().get(points - 1), last[0], last[1], last[2]);
    }

    @Test
    void anHourOfChronoamperometry() throws Exception {
        ImportedSession ca = read("EN_1Hz_3600s_amperometric.pssession");
        assertThat(ca.steps()).hasSize(1);
        ImportedSession.Step step = ca.steps().get(0);
        // 3601 points; first t 0, E 0.0, I -0.003788738 µA; last t 3600, E 0.0, I -0.003920719 µA
        assertStep(step, "ca", 3601, new double[] {0, 0, -3.788738e-9}, new double[] {3600, 0, -3.920719e-9});
        // METHOD_ID=ad, E=0.0000000E+000, EOCP=NaN, VS_PREV_E=False: E is vs the reference electrode
        assertThat(step.facts().setPotential()).contains(new Potential(0.0, Potential.Scale.RE));
        assertThat(step.intervalSeconds()).isEqualTo(1.0);
        assertThat(ca.instrument().serialNumber()).isEqualTo("ES4HR20B0012");
        assertThat(ca.warnings()).containsExactly("EN_1Hz_3600s_amperometric.pssession: PSTrace session (.pssession)"
                + " measurement 1 \"Chronoamperometry\": arrays not imported: 'charge' (MicroCoulomb), 'Measured WE"
                + " potential' (Volt)");
    }

    @Test
    void chronoamperometryFromPsTrace510() throws Exception {
        ImportedSession ca = read("nomadce_palmsens_ca.pssession");
        assertThat(ca.steps()).hasSize(1);
        // 101 points; first t 0, E 3.910064697265625E-05, I 1.7881393432617188 µA; last t 10, I 0.10731267929077148 µA
        assertStep(ca.steps().get(0), "ca", 101, new double[] {0, 3.910064697265625e-5, 1.7881393432617188e-6},
                new double[] {10, 3.910064697265625e-5, 1.0731267929077148e-7});
        assertThat(ca.steps().get(0).intervalSeconds()).isEqualTo(0.1);
    }

    @Test
    void oneScanCyclicVoltammogram() throws Exception {
        ImportedSession cv = read("cv_1scan.pssession");
        assertThat(cv.steps()).hasSize(1);
        // 41 points; first t 0, E -0.499971, I -48.536196 µA; last t 3.9997758865356445, E -0.499971, I -47.31024 µA
        assertStep(cv.steps().get(0), "cv", 41, new double[] {0, -0.499971, -4.8536196e-5},
                new double[] {3.9997758865356445, -0.499971, -4.731024e-5});
        assertThat(cv.steps().get(0).facts().setPotential()).isEmpty();
    }

    @Test
    void theScansOfAMultiScanCyclicVoltammogramAreTheCyclesOfOneStep() throws Exception {
        ImportedSession cv = read("sdk_cv_3scan.pssession");
        // 40 + 40 + 41 points; the one time array (40 points) belongs to scan 1; E_STEP 0.1 V / SCAN_RATE 1 V/s = 0.1 s
        // runs the time on: scan 2 begins one interval after scan 1's last point, 3.8997814655303955 + 0.1 s
        assertThat(cv.steps()).extracting(ImportedSession.Step::label).containsExactly(
                "Cyclic Voltammetry (scans as cycles)");
        ImportedSession.Step step = cv.steps().get(0);
        assertStep(step, "cv", 121, new double[] {0, -0.499971, -4.8536196e-5},
                new double[] {3.8997814655303955 + 0.1 + 3.9 + 0.1 + 4.0, -0.499971, -4.731024e-5});
        assertThat(step.samples()).extracting(Sample::cycle).containsOnly(1, 2, 3);
        assertThat(step.samples().get(39).potentialVolts()).isCloseTo(-0.399977, within(1e-12)); // scan 1's last
        assertThat(step.samples().get(40).cycle()).isEqualTo(2);
        assertThat(step.samples().get(40).timeSeconds()).isCloseTo(3.9997814655303955, within(1e-9));
        assertThat(step.samples().get(80).cycle()).isEqualTo(3);
        assertThat(cv.warnings()).contains("sdk_cv_3scan.pssession: PSTrace session (.pssession) measurement 1 \"Cyclic"
                + " Voltammetry\" scan2channel1 has no time array: each sample's time is its point number × E_STEP /"
                + " SCAN_RATE of the method (1.0000000E-001 V / 1.0000000E+000 V/s = 0.1 s), counted from the step's start");
    }

    @Test
    void lowerCaseKeysAndPointsOnlyInTheCurves() throws Exception {
        ImportedSession lsv = read("sdk_PSNoiseTest_lsv.pssession");
        assertThat(lsv.steps()).hasSize(1);
        // 198 points; first E -0.500026, I -0.00255432 µA; last E 0.498337, I 0.00371704 µA; 5 mV / 0.5 V/s = 0.01 s
        assertStep(lsv.steps().get(0), "lsv", 198, new double[] {0, -0.500026, -2.55432e-9},
                new double[] {1.97, 0.498337, 3.71704e-9});
        assertThat(lsv.warnings()).singleElement().asString().contains("has no time array", "= 0.01 s");
    }

    @Test
    void impedanceIsASpectrumNeverStoredAsATimeSeries() throws Exception {
        Path file = SharedFixtures.vendorFile(FOLDER + "sdk_BatteryCurve_eis.pssession");
        ImportedSession session = ImportService.read(file);
        assertThat(session.steps()).extracting(ImportedSession.Step::kind).containsExactly("eis");
        assertThat(session.steps().get(0).samples()).isEmpty();
        assertThat(session.steps().get(0).spectrum()).hasSize(50);
    }

    /** A copy of a fixture with its JSON text changed, written back as PSTrace writes it (UTF-16LE after a BOM). */
    private Path variant(String fixture, UnaryOperator<String> change) throws Exception {
        String text = new String(Files.readAllBytes(SharedFixtures.vendorFile(FOLDER + fixture)), StandardCharsets.UTF_16);
        Path file = temp.resolve("changed-" + fixture);
        Files.write(file, ("\uFEFF" + change.apply(text)).getBytes(StandardCharsets.UTF_16LE));
        return file;
    }

    @Test
    void aPotentialVsOpenCircuitIsNotTakenForOneVsTheReference() throws Exception {
        Path file = variant("nomadce_palmsens_ca.pssession", t -> t.replace("EOCP=NaN", "EOCP=1.0000000E-001"));
        ImportedSession ca = new PalmSensImporter().read(file);
        assertThat(ca.steps().get(0).facts().setPotential()).isEmpty();
        assertThat(ca.warnings()).anyMatch(n -> n.contains("the method's set potential E is not stated vs the reference"
                + " electrode (REF_ELECTRODE_OFFSET=0.0000000E+000, E=0.0000000E+000, EOCP=1.0000000E-001, VS_PREV_E=False)")
                && !n.contains("--potential"));
    }

    @Test
    void damagedFilesGiveAClearMessage() throws Exception {
        byte[] session = Files.readAllBytes(SharedFixtures.vendorFile(FOLDER + "cv_1scan.pssession"));
        Path half = temp.resolve("half.pssession");
        Files.write(half, Arrays.copyOf(session, session.length / 2 & ~1));
        assertThatThrownBy(() -> new PalmSensImporter().read(half)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(half + ": is not a readable PSTrace session (.pssession): the JSON is broken at")
                .hasMessageEndingWith("the file may be truncated or damaged: save the session again from PSTrace");
        Path garbled = variant("cv_1scan.pssession", t -> t.replace("\"Curves\":[", "\"Curves\":[}}"));
        assertThatThrownBy(() -> new PalmSensImporter().read(garbled)).hasMessageMatching(".*: is not a readable PSTrace"
                + " session \\(\\.pssession\\): the JSON is broken at character \\d+ \\(Unexpected close marker '}': expected"
                + " ']'\\); the file may be truncated or damaged: save the session again from PSTrace");
        Path noValue = variant("cv_1scan.pssession", t -> t.replaceFirst("\\{\"V\":0\\.0}", "{\"W\":0.0}"));
        assertThatThrownBy(() -> new PalmSensImporter().read(noValue)).hasMessage(noValue + ": PSTrace session (.pssession):"
                + " point 1 of array 'time' has no numeric value 'V'; the file is damaged: save the session again from PSTrace");
        Path noMeasurements = variant("cv_1scan.pssession", t -> "{\"Type\":\"x\",\"Measurements\":[]}");
        assertThatThrownBy(() -> new PalmSensImporter().read(noMeasurements)).hasMessage(noMeasurements
                + ": expected a 'Measurements' list with at least one measurement in the PSTrace session (.pssession); found none");
        Path noBom = temp.resolve("nobom.pssession");
        Files.writeString(noBom, "{\"Measurements\":[]}");
        assertThatThrownBy(() -> new PalmSensImporter().read(noBom)).hasMessageContaining(noBom + ": expected UTF-16LE text"
                + " starting with a byte-order mark (FF FE)");
        Path nanoCoulombs = variant("cv_1scan.pssession", t -> t.replace("PalmSens.Units.MicroAmpere", "PalmSens.Units.Gauss"));
        assertThatThrownBy(() -> new PalmSensImporter().read(nanoCoulombs)).hasMessage(nanoCoulombs
                + ": PSTrace session (.pssession) measurement 1 \"Cyclic Voltammetry\": array 'scan1channel1' has unit"
                + " 'PalmSens.Units.Gauss'; norrlab reads currents in PalmSens.Units.Ampere, MilliAmpere, MicroAmpere,"
                + " NanoAmpere or PicoAmpere");
    }

    @Test
    void stepsAndSamplesReachTheSinkInOrder() throws Exception {
        // the sink sees each step begun, its samples and its end before the next step begins
        List<String> events = new ArrayList<>();
        new PalmSensImporter().read(SharedFixtures.vendorFile(FOLDER + "sdk_cv_3scan.pssession"), new ImportSink() {
            private int samples;

            @Override
            public void file(FileFacts facts) {
                events.add("file " + facts.technique());
            }

            @Override
            public void beginStep(StepFacts step) {
                samples = 0;
                events.add("begin " + step.label());
            }

            @Override
            public void sample(Sample sample) {
                samples++;
            }

            @Override
            public void endStep() {
                events.add("end " + samples);
            }

            @Override
            public void note(String text) {
            }
        });
        // the three scans are the cycles of one step (issue 20)
        assertThat(events).containsExactly("file Cyclic Voltammetry", "begin Cyclic Voltammetry (scans as cycles)",
                "end 121");
    }
}
