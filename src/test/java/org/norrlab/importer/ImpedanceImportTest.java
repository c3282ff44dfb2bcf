package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.StepSettings;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.SharedFixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Vendor impedance files become eis steps whose spectra hold Z'' as measured (capacitive negative). Every number
 * below was read from the file with sed/awk (the line is named beside it), never with norrlab; the sign of each
 * format is the one its documentation or its own columns give (see each importer), and is checked here on the data:
 * a capacitive arc's Z'' is negative after import, and a file's own phase agrees with atan2(Z'', Z') after import.
 * The vendor files are skipped without ../shared ({@link SharedFixtures}).
 */
class ImpedanceImportTest {
    @TempDir
    Path temp;

    private static ImportedSession read(Path file) throws Exception {
        return ImportService.read(file);
    }

    private static ImportedSession.Step only(ImportedSession session) {
        assertThat(session.steps()).extracting(ImportedSession.Step::kind).containsExactly("eis");
        return session.steps().get(0);
    }

    /** A point's frequency, Z' and Z'' equal the file's printed numbers (Z'' after the format's sign). */
    private static void point(ImpedancePoint p, double hz, double realOhms, double imaginaryOhms) {
        assertThat(p.frequencyHz()).isEqualTo(hz);
        assertThat(p.realOhms()).isEqualTo(realOhms);
        assertThat(p.imaginaryOhms()).isEqualTo(imaginaryOhms);
    }

    private static long negative(List<ImpedancePoint> spectrum) {
        return spectrum.stream().filter(p -> p.imaginaryOhms() < 0).count();
    }

    private Path copy(Path fixture, String name, String from, String to) throws Exception {
        String text = Files.readString(fixture, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(from);
        Path file = temp.resolve(name);
        Files.writeString(file, text.replace(from, to), StandardCharsets.ISO_8859_1);
        return file;
    }

    @Test
    void chiAcImpedanceIsAnEisStepAtInitEWithZSecondAsWrittenAndItsPhaseChecked() throws Exception {
        ImportedSession.Step step = only(read(SharedFixtures.vendorFile("chi/nomadce_EIS_-0,48_V.txt")));
        List<ImpedancePoint> spectrum = step.spectrum();
        // 73 data rows, lines 18-90 (CRLF); none is a sample
        assertThat(spectrum).hasSize(73);
        assertThat(step.samples()).isEmpty();
        point(spectrum.get(0), 9.990e+5, 1.780e+0, 1.567e-1);   // line 18: 9.990e+5, 1.780e+0, 1.567e-1, 1.787e+0, 5.0
        point(spectrum.get(72), 1.000e+0, 4.495e+2, -7.638e+1); // line 90: 1.000e+0, 4.495e+2, -7.638e+1, 4.559e+2, -9.6
        // the file's phase after import: line 90's -9.6° against atan2(-76.38, 449.5) = -9.644°
        assertThat(spectrum.get(72).phaseDegrees()).isCloseTo(-9.6, within(0.05));
        // a capacitive arc: Z'' < 0 on 72 of the 73 rows (only line 18, at 999 kHz, is inductive: +0.1567 ohm)
        assertThat(negative(spectrum)).isEqualTo(72);
        assertThat(step.facts().setPotential().orElseThrow().volts()).isEqualTo(-0.48); // 'Init E (V) = -0.48'
        StepSettings settings = step.facts().settings();
        assertThat(settings.highestFrequencyHz()).isEqualTo(1e6); // 'High Frequency (Hz) = 1e+6'
        assertThat(settings.lowestFrequencyHz()).isEqualTo(1);   // 'Low Frequency (Hz) = 1'
        // 'Amplitude (V) = 0.005' says neither rms nor peak: unknown, never assumed
        assertThat(settings.amplitudeVolts()).isNaN();
        assertThat(spectrum).allMatch(p -> p.timeSeconds() == 0 && Double.isNaN(p.dcPotentialVolts()));

        ImportedSession.Step other = only(read(SharedFixtures.vendorFile("chi/impedancepy_exampleDataCHInstruments.txt")));
        assertThat(other.spectrum()).hasSize(73); // lines 19-91
        point(other.spectrum().get(0), 9.961e+4, 9.891e+1, -2.748e+0); // line 19
        point(other.spectrum().get(72), 1.000e-1, 5.685e+3, -1.586e+4); // line 91, phase -70.3
        assertThat(other.spectrum().get(72).phaseDegrees()).isCloseTo(-70.3, within(0.05));
        assertThat(negative(other.spectrum())).isGreaterThan(other.spectrum().size() / 2);
    }

    @Test
    void aChiFileWhosePhaseColumnContradictsItsZSecondIsRefusedNamingTheLine() throws Exception {
        Path fixture = SharedFixtures.vendorFile("chi/impedancepy_exampleDataCHInstruments.txt");
        // line 91's phase turned around: -70.3 written as 70.3 while Z" stays -1.586e+4
        Path flipped = copy(fixture, "flipped.txt", "5.685e+3, -1.586e+4, 1.685e+4, -70.3",
                "5.685e+3, -1.586e+4, 1.685e+4, 70.3");
        assertThatThrownBy(() -> read(flipped)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(flipped + ":91: CHI \"A.C. Impedance\": line 91: the phase column says 70.30° but"
                        + " atan2(Z'', Z') of the same row is -70.28°")
                .hasMessageContaining("so the file's Z'' or its phase has the other sign");
    }

    @Test
    void aTruncatedOrGarbledChiSpectrumIsRefusedOrCutWithItsLine() throws Exception {
        Path fixture = SharedFixtures.vendorFile("chi/impedancepy_exampleDataCHInstruments.txt");
        // a garbled row in the middle (line 20) names its line
        Path garbled = copy(fixture, "garbled.txt", "8.252e+4, 9.912e+1, 1.603e+0, 9.913e+1, 0.9",
                "8.252e+4, 9.912e+1, 1.60#e+0, 9.913e+1, 0.9");
        assertThatThrownBy(() -> read(garbled)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(garbled + ":20: CHI \"A.C. Impedance\": '8.252e+4, 9.912e+1, 1.60#e+0,");
        // the last row cut mid-number (no line end): left out with a note, the 72 complete rows kept
        String text = Files.readString(fixture, StandardCharsets.ISO_8859_1);
        Path cut = temp.resolve("cut.txt");
        Files.writeString(cut, text.substring(0, text.indexOf("1.000e-1, 5.685e+3, -1.586e+4") + 24),
                StandardCharsets.ISO_8859_1);
        ImportedSession session = read(cut);
        assertThat(only(session).spectrum()).hasSize(72);
        assertThat(session.notes()).anyMatch(n -> n.startsWith("the last row (line 91, '1.000e-1, 5.685e+3, -1.5')"
                + " is cut short (truncated file?): 72 complete rows kept"));
    }

    @Test
    void gamryEispotKeepsItsOcvCurveAsAnOcpStepAndZimagAsMeasuredAtVdcVsEoc() throws Exception {
        ImportedSession session = read(SharedFixtures.vendorFile("gamry-dta/impedancepy_exampleDataGamry_EIS.DTA"));
        assertThat(session.steps()).extracting(ImportedSession.Step::kind).containsExactly("ocp", "eis");
        // OCVCURVE TABLE 387: lines 23-409, Vf -3.46699E-001 first and -2.91980E-001 last
        ImportedSession.Step ocv = session.steps().get(0);
        assertThat(ocv.samples()).hasSize(387);
        assertThat(ocv.samples().get(0).potentialVolts()).isEqualTo(-0.346699);
        assertThat(ocv.samples().get(386).potentialVolts()).isEqualTo(-0.29198);
        ImportedSession.Step eis = session.steps().get(1);
        List<ImpedancePoint> spectrum = eis.spectrum();
        assertThat(spectrum).hasSize(72); // ZCURVE rows Pt 0-71, lines 449-520
        // line 449: Time 1, Freq 200015.6, Zreal 825.8584, Zimag -1367.239, Zphz -58.86662, Idc -5.89286E-006,
        // Vdc -0.3413299
        point(spectrum.get(0), 200015.6, 825.8584, -1367.239);
        assertThat(spectrum.get(0).timeSeconds()).isEqualTo(1);
        assertThat(spectrum.get(0).dcCurrentAmperes()).isEqualTo(-5.89286e-6);
        assertThat(spectrum.get(0).dcPotentialVolts()).isEqualTo(-0.3413299);
        // atan2(-1367.239, 825.8584) = -58.8666°: the file's Zphz after import
        assertThat(spectrum.get(0).phaseDegrees()).isCloseTo(-58.86662, within(1e-3));
        point(spectrum.get(71), 0.0158898, 17007.49, -6635.557); // line 520, Time 861, Zphz -21.31349
        assertThat(negative(spectrum)).isEqualTo(72);
        // VDC -5.00000E-002 'T' (vs Eoc) + EOC -0.2919803 (line 410) = -0.3419803 V vs Ref
        assertThat(eis.facts().setPotential().orElseThrow().volts()).isCloseTo(-0.3419803, within(1e-12));
        StepSettings settings = eis.facts().settings();
        assertThat(settings.amplitudeVolts()).isEqualTo(0.010); // VAC 1.00000E+001 (mV rms)
        assertThat(settings.highestFrequencyHz()).isEqualTo(2e5); // FREQINIT
        assertThat(settings.lowestFrequencyHz()).isEqualTo(2e-2); // FREQFINAL
    }

    @Test
    void aGamryZcurveWhoseZimagContradictsZphzIsRefused() throws Exception {
        Path fixture = SharedFixtures.vendorFile("gamry-dta/impedancepy_exampleDataGamry_EIS.DTA");
        // line 450 (Pt 1) written with -Z'' where Zphz stays as measured
        Path flipped = copy(fixture, "flipped.DTA", "\t1100.361\t-1502.195\t", "\t1100.361\t1502.195\t");
        assertThatThrownBy(() -> read(flipped)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(flipped + ":450: Gamry EISPOT: table ZCURVE, line 450: the phase column says"
                        + " -53.78° but atan2(Z'', Z') of the same row is 53.78°");
        // a cut row in the middle of the table names its line
        Path garbled = copy(fixture, "garbled.DTA", "\t1100.361\t-1502.195\t1\t", "\t1100.361\t-15x2.195\t1\t");
        assertThatThrownBy(() -> read(garbled)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(garbled + ":450: column 'Zimag': '-15x2.195' is not a number");
    }

    @Test
    void palmSensEisTurnsItsMinusZSecondAroundAndChecksItsMinusPhase() throws Exception {
        Path file = SharedFixtures.vendorFile("palmsens-pssession/sdk_BatteryCurve_eis.pssession");
        ImportedSession.Step step = only(read(file));
        List<ImpedancePoint> spectrum = step.spectrum();
        assertThat(spectrum).hasSize(50); // N_FREQ=50; every array holds 50 values
        // point 1: Frequency 12500.0, ZRe 0.825207, ZIm ('-Z''') 0.129783, Phase ('-Phase') 8.93787, Idc -12.6362 µA,
        // potential 1.439 V
        point(spectrum.get(0), 12500.0, 0.825207, -0.129783);
        assertThat(spectrum.get(0).phaseDegrees()).isCloseTo(-8.93787, within(1e-3));
        assertThat(spectrum.get(0).dcCurrentAmperes()).isCloseTo(-12.6362e-6, within(1e-18));
        assertThat(spectrum.get(0).dcPotentialVolts()).isEqualTo(1.439);
        // point 50: Frequency 0.1, ZRe 58.2055, ZIm 13.9544, Phase 13.4818
        point(spectrum.get(49), 0.1, 58.2055, -13.9544);
        assertThat(spectrum.get(49).phaseDegrees()).isCloseTo(-13.4818, within(1e-3));
        assertThat(negative(spectrum)).isEqualTo(50);
        StepSettings settings = step.facts().settings();
        assertThat(settings.highestFrequencyHz()).isEqualTo(12500); // MAX_FREQ=1.250E+004
        assertThat(settings.lowestFrequencyHz()).isEqualTo(0.1);    // MIN_FREQ=1.000E-001
        assertThat(settings.frequencyCount()).isEqualTo(50);
        assertThat(settings.amplitudeVolts()).isNaN(); // AMPLITUDE=1.000E-002, rms or peak not said
        assertThat(step.facts().setPotential()).isEmpty();
    }

    @Test
    void aPalmSensImpedanceArrayOfAnUnknownQuantityIsRefused() throws Exception {
        Path fixture = SharedFixtures.vendorFile("palmsens-pssession/sdk_BatteryCurve_eis.pssession");
        String text = new String(Files.readAllBytes(fixture), StandardCharsets.UTF_16LE);
        String from = "\"q\":\"-Z''\"";
        assertThat(text).contains(from);
        Path renamed = temp.resolve("renamed.pssession");
        Files.write(renamed, text.replace(from, "\"q\":\"Z''\"").getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> read(renamed)).isInstanceOf(ImportException.class)
                .hasMessageContaining("array 'ZIm' (PalmSens.Units.ZIm) names its quantity 'Z''' where PSTrace writes"
                        + " '-Z''': which sign its values have is not established");
    }

    @Test
    void theAutolabZViewExportIsAnEisStepWithZSecondAsWritten() throws Exception {
        Path file = SharedFixtures.vendorFile("autolab/impedancepy_exampleDataAutolab.txt");
        ImportedSession.Step step = only(read(file));
        assertThat(step.spectrum()).hasSize(41); // line 10 '41'; rows on lines 12-52
        point(step.spectrum().get(0), 10000, 0.013785863964281, 0.007191946305823);   // line 12
        point(step.spectrum().get(40), 0.1, 0.0345697771923854, -0.00390292888845954); // line 52
        // a battery: inductive (Z'' > 0) above 2.4 kHz on lines 12-17, capacitive from line 18 (1778.3 Hz) on
        assertThat(negative(step.spectrum())).isEqualTo(35);
        assertThat(step.facts().settings().frequencyCount()).isEqualTo(41);
        assertThat(step.facts().settings().amplitudeVolts()).isNaN(); // the Ampl column is 0 in every row
        // a row cut short in the middle names its line
        Path garbled = copy(file, "garbled.txt", "4217,0,0,0,0.0133448817513185,0.00232183382850734,0,0,0",
                "4217,0,0,0,0.0133448817513185");
        assertThatThrownBy(() -> read(garbled)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(garbled + ":15: ZView-layout impedance export: '4217,0,0,0,0.0133448817513185'"
                        + " has 5 fields where the column line names 9");
        // the last row missing: 40 rows where line 10 declares 41, refused (which one is missing is not known)
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path cut = temp.resolve("cut.txt");
        Files.writeString(cut, text.substring(0, text.indexOf("0.1,0,0,0,0.0345697771923854")), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(cut)).isInstanceOf(ImportException.class).hasMessage(cut + ":10: ZView-layout"
                + " impedance export: line 10 declares 41 frequencies but 40 rows follow the column line: the file is"
                + " cut short or damaged, and which rows are missing is not known");
    }

    @Test
    void iviumSpectraAreEisStepsAndTheirSignIsCheckedAgainstTheFilesSeriesCapacitance() throws Exception {
        ImportedSession example = read(SharedFixtures.vendorFile("ivium/impedancepy_exampleDataIvium.idf"));
        ImportedSession.Step step = only(example);
        assertThat(step.spectrum()).hasSize(26); // primary_data 3 columns, 26 rows
        point(step.spectrum().get(0), 1.00000E+05, 1.37548E+01, -1.87976E+00);
        point(step.spectrum().get(25), 1.00000E+00, 9.28463E+01, -1.67393E+01);
        assertThat(negative(step.spectrum())).isEqualTo(26);
        // 'Technique=Constant I', 'I start=0': galvanostatic, no DC potential stated
        assertThat(step.facts().setPotential()).isEmpty();
        assertThat(step.facts().settings().frequencyCount()).isEqualTo(26); // I_Frequencies=26

        Path altered = SharedFixtures.vendorFile("ivium/pyvium_eis_test.idf");
        ImportedSession robust = read(altered);
        ImportedSession.Step rope = only(robust);
        assertThat(rope.spectrum()).hasSize(64); // 64 rows where the method lists 71 frequencies
        point(rope.spectrum().get(0), 1.00000E+05, 1.94593E+04, -5.47461E+05);
        point(rope.spectrum().get(63), 5.01187E-02, 1.52745E+09, -1.34181E+07);
        assertThat(rope.facts().setPotential().orElseThrow().volts()).isEqualTo(0); // 'E start=0', not wrt OCP
        assertThat(robust.notes()).anyMatch(n -> n.contains("the method lists 71 frequencies (Frequencies=71) and"
                + " primary_data holds 64"));
        // RsCs_data's first row, Cs 2.90715E-12 F: Cs·ω·Z'' = 2.90715e-12 × 2π × 1e5 × −5.47461e5 = −0.99999…, so
        // the primary rows' Z'' is as measured; written the other way round, the file disagrees with itself
        assertThat(2.90715e-12 * 2 * Math.PI * 1e5 * -5.47461e5).isCloseTo(-1, within(1e-4));
        Path flipped = copy(altered, "flipped.idf", "1.94593E+04  -5.47461E+05 1.00000E+05",
                "1.94593E+04  5.47461E+05  1.00000E+05");
        assertThatThrownBy(() -> read(flipped)).isInstanceOf(ImportException.class)
                .hasMessageContaining("Z″ 547461 ohm at 100000 Hz disagrees with the file's own series capacitance Cs"
                        + " 2.90715e-12 F (RsCs_data): Cs·ω·Z″ is 1.0000");
        // cut inside primary_data, before its row 10 ('-8.59287E+04 …', line 253 of the CR-only file; python splits
        // the cut text into 252 lines, row 9 the last): refused naming where it ends
        String text = Files.readString(altered, StandardCharsets.ISO_8859_1);
        Path cut = temp.resolve("cut.idf");
        Files.writeString(cut, text.substring(0, text.indexOf("-8.59287E+04")), StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(cut)).isInstanceOf(ImportException.class).hasMessage(cut + ":252: Ivium:"
                + " primary_data declares 64 rows but the file ends after 9: it is cut short");
    }

    @Test
    void anImportedSpectrumIsStoredAndCountedWithItsDcPotentialOnTheRheScale() throws Exception {
        Path file = SharedFixtures.vendorFile("gamry-dta/impedancepy_exampleDataGamry_EIS.DTA");
        try (SessionStore store = SessionStore.open(temp.resolve("s.db"))) {
            ImportSummary summary = ImportService.importSession(store, List.of(ImportService.Input.of(file,
                    new GamryImporter())), ImportOptions.NONE, Fixtures.cellAtPh7(), "config/site.yaml");
            assertThat(summary.steps()).extracting(ImportSummary.Step::impedancePoints).containsExactly(0, 72);
            assertThat(summary.impedancePoints()).isEqualTo(72);
            List<ImpedancePoint> stored = store.impedance().spectrum(summary.sessionId(), 2);
            assertThat(stored).hasSize(72);
            point(stored.get(71), 0.0158898, 17007.49, -6635.557);
            StoredStep eis = store.steps(summary.sessionId()).get(1);
            assertThat(eis.kind()).isEqualTo("eis");
            assertThat(eis.sampleCount()).isZero();
            // -0.3419803 V vs Ag/AgCl (sat. KCl) at pH 7, 25 °C: + 0.197 + 0.05915935·7 = 0.2691352 V vs RHE
            assertThat(eis.voltsVsReference()).isCloseTo(-0.3419803, within(1e-9));
            assertThat(eis.voltsVsRhe()).isCloseTo(0.2691352, within(1e-6));
            assertThat(eis.settings().startVsRhe()).isCloseTo(0.2691352, within(1e-6));
            assertThat(eis.settings().amplitudeVolts()).isEqualTo(0.010);
        }
    }
}
