package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Gas;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepSettings;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.SharedFixtures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Imported LSV and CV files become sweep steps: each sample's cycle and segment, the scan rate read from the file and
 * checked against the data, or measured (docs/import.md, "Sweeps"). The vendor files are skipped without ../shared
 * ({@link SharedFixtures}); every E and I below is copied from the line of the file named beside it.
 */
class SweepImportTest {
    @TempDir
    Path temp;

    private static ImportedSession read(String file) throws Exception {
        return ImportService.read(SharedFixtures.vendorFile(file));
    }

    /** How many samples each "cycle/segment" of a step holds, in order. */
    private static Map<String, Integer> counts(ImportedSession.Step step) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Sample s : step.samples()) {
            counts.merge(s.cycle() + "/" + s.segment(), 1, Integer::sum);
        }
        return counts;
    }

    private static void firstAndLast(ImportedSession.Step step, double firstVolts, double firstAmperes, double lastVolts,
                                     double lastAmperes) {
        Sample first = step.samples().get(0);
        Sample last = step.samples().get(step.samples().size() - 1);
        assertThat(first.potentialVolts()).isCloseTo(firstVolts, within(1e-12));
        assertThat(first.currentAmperes()).isCloseTo(firstAmperes, within(Math.abs(firstAmperes) * 1e-9));
        assertThat(last.potentialVolts()).isCloseTo(lastVolts, within(1e-12));
        assertThat(last.currentAmperes()).isCloseTo(lastAmperes, within(Math.abs(lastAmperes) * 1e-9));
    }

    private static List<String> warnings(ImportedSession session) {
        return session.notes().stream().filter(n -> n.startsWith("WARNING")).toList();
    }

    @Test
    void ecLabCyclesComeFromItsCycleNumberColumnAndTheRateFromDeDt() throws Exception {
        ImportedSession cv = read("biologic-mpt/yadg_cv.mpt");
        ImportedSession.Step step = cv.steps().get(0);
        assertThat(step.kind()).isEqualTo("cv");
        // 'cycle number' is 1 on 3778 rows, 2 on 1325 (awk on column 10); turns split them into segments
        assertThat(counts(step)).containsExactly(Map.entry("1/1", 493), Map.entry("1/2", 1966), Map.entry("1/3", 1319),
                Map.entry("2/1", 492), Map.entry("2/2", 833));
        // line 59: time 4.320204396882385E+004, Ewe 2.4807117E+000, <I> -1.235983972946997E-006 mA;
        // line 5160 (last): Ewe 3.1632588E+000, <I> 6.838552079206513E-004 mA
        firstAndLast(step, 2.4807117, -1.235983972946997e-9, 3.1632588, 6.838552079206513e-7);
        // header line 38 'dE/dt 0.100' with 'dE/dt unit mV/s': 1e-4 V/s. By hand from the first segment's ends,
        // line 59 and line 551 (time 5.301576198710347E+004, Ewe 1.4991953E+000):
        // (2.4807117 − 1.4991953) / (53015.76198710347 − 43202.04396882385) = 0.9815164 / 9813.7180 = 1.00015e-4 V/s
        StatedSweep sweep = step.facts().sweep();
        assertThat(sweep.scanRateVoltsPerSecond()).isEqualTo(1e-4);
        assertThat(sweep.scanRateSource()).isEqualTo("dE/dt 0.100 mV/s, line 38");
        assertThat((2.4807117 - 1.4991953) / (53015.76198710347 - 43202.04396882385)).isCloseTo(1e-4, within(3e-6));
        // E1 1.500 and E2 5.500 are vs Ref; Ei 0.000 is vs Eoc, which the file does not give: the start is the data's
        assertThat(sweep.vertex1VsReference()).isEqualTo(1.5);
        assertThat(sweep.vertex2VsReference()).isEqualTo(5.5);
        assertThat(sweep.startVsReference()).isEqualTo(2.4807117);
        assertThat(sweep.cycles()).isEqualTo(2);
        assertThat(warnings(cv)).isEmpty();
    }

    @Test
    void ecLabWithDecimalCommas() throws Exception {
        ImportedSession cv = read("biologic-mpt/ixdat_Pt_poly_cv_CUT.mpt");
        ImportedSession.Step step = cv.steps().get(0);
        // cycle number 1 on 48 rows, 2, 3, 4 on 52, 5 on 19 (the file is cut)
        assertThat(counts(step)).containsExactly(Map.entry("1/1", 15), Map.entry("1/2", 24), Map.entry("1/3", 9),
                Map.entry("2/1", 15), Map.entry("2/2", 26), Map.entry("2/3", 11), Map.entry("3/1", 15),
                Map.entry("3/2", 27), Map.entry("3/3", 10), Map.entry("4/1", 16), Map.entry("4/2", 26),
                Map.entry("4/3", 10), Map.entry("5/1", 16), Map.entry("5/2", 3));
        // line 74: Ewe 8,7869531E-001, <I> -2,604324994466466E-003 mA; last line: Ewe 1,5471299E-001, <I> 1,777131863198953E-002 mA
        firstAndLast(step, 0.87869531, -2.604324994466466e-6, 0.15471299, 1.777131863198953e-5);
        // header line 43 'dE/dt 100,000' mV/s. By hand, lines 74 and 87 (time 1,204059988340305E+001, Ewe 3,5945496E-003):
        // (0.87869531 − 0.0035945496) / (12.04059988340305 − 3.289600104471901) = 0.87510076 / 8.75099978 = 0.100000 V/s
        assertThat(step.facts().sweep().scanRateVoltsPerSecond()).isEqualTo(0.1);
        assertThat((0.87869531 - 0.0035945496) / (12.04059988340305 - 3.289600104471901)).isCloseTo(0.1, within(1e-5));
        assertThat(warnings(cv)).isEmpty();
    }

    @Test
    void gamryCurveTablesAreTheCyclesOfOneStepWithTheHeadersScan() throws Exception {
        ImportedSession cv = read("gamry-dta/gamryjl_AAP1_24_PhOx2_CV.DTA");
        assertThat(cv.steps()).extracting(ImportedSession.Step::kind).containsExactly("cv");
        ImportedSession.Step step = cv.steps().get(0);
        // CURVE1 (1401 rows) is cycle 1, CURVE2 (1400) cycle 2; VINIT = VLIMIT1 = 0.5 V: up to VLIMIT2 1.2 V and back
        assertThat(counts(step)).containsExactly(Map.entry("1/1", 701), Map.entry("1/2", 700), Map.entry("2/1", 700),
                Map.entry("2/2", 700));
        // line 67 '0 0.5 5.00318E-001 1.66142E-007'; line 2870 (last) '2800 1400.5 5.00327E-001 -4.21129E-006'
        firstAndLast(step, 0.500318, 1.66142e-7, 0.500327, -4.21129e-6);
        // line 1467 '1400 700.5 5.00321E-001 -1.99767E-006' ends cycle 1; the next table's first row '1401 701 …'
        // begins cycle 2 at 701 − 0.5 = 700.5 s of the step
        assertThat(step.samples().get(1400).currentAmperes()).isEqualTo(-1.99767e-6);
        assertThat(step.samples().get(1401).timeSeconds()).isCloseTo(700.5, within(1e-9));
        assertThat(step.samples().get(1401).cycle()).isEqualTo(2);
        StatedSweep sweep = step.facts().sweep();
        // line 13 'SCANRATE QUANT 2.00000E+000 &Scan Rate (mV/s)'; by hand, lines 67 and 70 (T 2, Vf 5.03316E-001):
        // (0.503316 − 0.500318) / (2 − 0.5) = 0.002998 / 1.5 = 0.0019987 V/s, within 3 % of 0.002: no warning
        assertThat(sweep.scanRateVoltsPerSecond()).isEqualTo(0.002);
        assertThat((0.503316 - 0.500318) / (2 - 0.5)).isCloseTo(0.002, within(0.002 * 0.03));
        assertThat(sweep.stepVolts()).isEqualTo(0.001);
        assertThat(sweep.startVsReference()).isEqualTo(0.5);
        assertThat(sweep.vertex1VsReference()).isEqualTo(0.5);
        assertThat(sweep.vertex2VsReference()).isEqualTo(1.2);
        assertThat(sweep.cycles()).isEqualTo(2); // CYCLES 2 (line 15) and two tables
        assertThat(warnings(cv)).isEmpty();

        // CYCLES 4 but five CURVE tables (the last a half cycle back to VINIT): the tables count, a note says so
        ImportedSession fifty = read("gamry-dta/maxtenenbaum_20240321_C_GM0016_HL03_E01_CV50.DTA");
        assertThat(fifty.steps().get(1).facts().sweep().cycles()).isEqualTo(5);
        assertThat(fifty.notes()).contains("step 2 (CV, CURVE tables from file time 0.2 s): the file states 4 cycle(s)"
                + " and holds 5");
        // VINIT 0 V vs open circuit (T) with EOC 0.1580925 V (line 70): begin 0.1580925 V vs RE
        assertThat(fifty.steps().get(1).facts().sweep().startVsReference()).isEqualTo(0.1580925);
    }

    @Test
    void aStatedRateTheDataContradictIsKeptWithAWarning() throws Exception {
        ImportedSession cv = read("gamry-dta/gamryparser_cv_data.dta");
        assertThat(cv.steps()).hasSize(1);
        ImportedSession.Step step = cv.steps().get(0);
        assertThat(step.samples()).hasSize(50);
        assertThat(step.samples().stream().mapToInt(Sample::cycle).max().orElse(0)).isEqualTo(5);
        // line 17 states 1.23456 mV/s; by hand, CURVE2's lines 36 and 45 (T 120.2 → 121.1, Vf 0.897987 → 0.889031):
        // 0.008956 V / 0.9 s = 0.00995 V/s, eight times the stated rate
        assertThat((0.897987 - 0.889031) / (121.1 - 120.2)).isCloseTo(0.00995, within(1e-5));
        assertThat(step.facts().sweep().scanRateVoltsPerSecond()).isEqualTo(0.00123456);
        assertThat(warnings(cv)).anyMatch(w -> w.startsWith("WARNING: step 1 (CV, CURVE tables from file time 0.1 s): the"
                + " file states a scan rate of 0.00123456 V/s (SCANRATE 1.23456E+000 mV/s, line 17) but the data move at"
                + " 0.0099"));
    }

    @Test
    void palmSensSweepsTakeTheMethodsScanRate() throws Exception {
        ImportedSession cv = read("palmsens-pssession/cv_1scan.pssession");
        ImportedSession.Step step = cv.steps().get(0);
        // E_BEGIN −0.5 → E_VTX1 −1 → E_VTX2 1 → −0.5 in 0.1 V steps: 6 + 20 + 15 points
        assertThat(counts(step)).containsExactly(Map.entry("1/1", 6), Map.entry("1/2", 20), Map.entry("1/3", 15));
        assertThat(step.facts().sweep().scanRateVoltsPerSecond()).isEqualTo(1.0);
        assertThat(step.facts().sweep().vertex1VsReference()).isEqualTo(-1.0);
        assertThat(step.facts().sweep().vertex2VsReference()).isEqualTo(1.0);

        // three scans, the cycles of one step: scans 1 and 2 end one 0.1 V step before E_BEGIN (40 points), scan 3 on it
        ImportedSession three = read("palmsens-pssession/sdk_cv_3scan.pssession");
        assertThat(counts(three.steps().get(0))).containsExactly(Map.entry("1/1", 6), Map.entry("1/2", 20),
                Map.entry("1/3", 14), Map.entry("2/1", 6), Map.entry("2/2", 20), Map.entry("2/3", 14), Map.entry("3/1", 6),
                Map.entry("3/2", 20), Map.entry("3/3", 15));
        assertThat(three.steps().get(0).facts().sweep().cycles()).isEqualTo(3);

        ImportedSession lsv = read("palmsens-pssession/sdk_PSNoiseTest_lsv.pssession");
        ImportedSession.Step sweep = lsv.steps().get(0);
        assertThat(counts(sweep)).containsExactly(Map.entry("1/1", 198));
        // no time array: the time is point × E_STEP / SCAN_RATE = 0.005 / 0.5 = 0.01 s. The first point −5.00026e-001 V
        // at 0 s, the last 0.498337 V at 197 × 0.01 = 1.97 s: (0.498337 + 0.500026) / 1.97 = 0.50678 V/s, 1.4 % above
        // the method's 0.5 V/s (the measured E lags the set one): within 3 %, no warning
        firstAndLast(sweep, -0.500026, -2.55432e-9, 0.498337, 3.71704e-9);
        assertThat(sweep.samples().get(197).timeSeconds()).isCloseTo(1.97, within(1e-9));
        assertThat((0.498337 + 0.500026) / 1.97).isCloseTo(0.50678, within(1e-5));
        assertThat(sweep.facts().sweep().scanRateVoltsPerSecond()).isEqualTo(0.5);
        assertThat(sweep.facts().sweep().endVsReference()).isEqualTo(0.5);
        assertThat(warnings(lsv)).isEmpty();
    }

    @Test
    void psTraceSweepsWithoutTimeOrScanRateAreRefused() throws Exception {
        // the rows carry no time and the file no scan rate: before, each row's number stood for its time and analyze
        // printed dE/d(row) as a scan rate (issue 20); the message itself is checked in PsTraceCsvImporterTest
        // the fixture is looked up outside the lambda: without ../shared the test must skip, not see the skip as a throw
        Path file = SharedFixtures.vendorFile("pstrace-csv/proespm_PS241105-3_1_cv5.csv");
        assertThatThrownBy(() -> ImportService.read(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining("(step 1) is a Cyclic Voltammetry sweep, but the export has no time column and"
                        + " states no scan rate");
    }

    @Test
    void chiSweepsTakeScanRateAndPotentialsFromTheHeader() throws Exception {
        ImportedSession cv = read("chi/nomadce_CV-1T.txt");
        // Init E −0.5 = Low E, Init P/N = P: up to High E 0.2 V and back, the two segments CHI stored
        assertThat(counts(cv.steps().get(0))).containsExactly(Map.entry("1/1", 701), Map.entry("1/2", 699));
        // line 28 '-0.500, -4.214e-4'; last line '-0.499, -4.127e-4'
        firstAndLast(cv.steps().get(0), -0.5, -4.214e-4, -0.499, -4.127e-4);
        StatedSweep sweep = cv.steps().get(0).facts().sweep();
        assertThat(sweep.scanRateVoltsPerSecond()).isEqualTo(0.04);
        assertThat(List.of(sweep.startVsReference(), sweep.vertex1VsReference(), sweep.vertex2VsReference()))
                .containsExactly(-0.5, 0.2, -0.5);

        // three cycles of 2 segments: Init E = Low E −0.5, High E 0.5, 0.001 V rows, Segment = 6
        ImportedSession d3 = read("chi/d3tales_01_GC_WE_Pt_RE_Pt_CE_10_mM_ferricyanide_in_100_mM_KCl_20_mV_scan_rate.csv");
        assertThat(counts(d3.steps().get(0))).containsExactly(Map.entry("1/1", 1001), Map.entry("1/2", 1000),
                Map.entry("2/1", 1000), Map.entry("2/2", 1000), Map.entry("3/1", 1000), Map.entry("3/2", 999));
        assertThat(d3.steps().get(0).facts().sweep().scanRateVoltsPerSecond()).isEqualTo(0.02);
    }

    @Test
    void aChiLsvIsStoredWithItsSettingsOnTheRheScale() throws Exception {
        Path file = SharedFixtures.vendorFile("chi/nomadce_LSV.txt");
        try (SessionStore store = SessionStore.open(temp.resolve("s.db"))) {
            ImportSummary summary = ImportService.importSession(store, List.of(ImportService.Input.of(file,
                    ImportService.importerFor(file, Optional.empty()))), ImportOptions.NONE, Fixtures.cellAtPh7(),
                    "config/site.yaml");
            StoredStep step = store.steps(summary.sessionId()).get(0);
            assertThat(step.kind()).isEqualTo("lsv");
            assertThat(step.sampleCount()).isEqualTo(500);
            StepSettings settings = step.settings();
            // Scan Rate (V/s) = 0.005, Sample Interval (V) = 0.001, Init E −0.2 V → Final E −0.7 V vs RE
            assertThat(settings.scanRateVoltsPerSecond()).isEqualTo(0.005);
            assertThat(settings.stepVolts()).isEqualTo(0.001);
            // Ag/AgCl (sat. KCl) 0.197 V vs SHE at pH 7, 25 °C: E_RHE = E_RE + 0.197 + 0.0591597 × 7 = E_RE + 0.611118
            assertThat(settings.startVsRhe()).isCloseTo(-0.2 + 0.611118, within(1e-5));
            assertThat(settings.endVsRhe()).isCloseTo(-0.7 + 0.611118, within(1e-5));
            // the step's potential is the sweep's start, so that its two scales convert the samples as for CA
            assertThat(step.voltsVsReference()).isEqualTo(-0.2);
            assertThat(step.voltsVsRhe()).isCloseTo(-0.2 + 0.611118, within(1e-5));
            List<Sample> samples = new ArrayList<>();
            store.forEachSample(summary.sessionId(), 1, (seq, s) -> samples.add(s));
            // the file's first data row '-0.200, 8.053e-6' and its last '-0.699, -3.679e-3'
            assertThat(samples).hasSize(500).allMatch(s -> s.cycle() == 1 && s.segment() == 1);
            assertThat(samples.get(0).currentAmperes()).isEqualTo(8.053e-6);
            assertThat(samples.get(499).potentialVolts()).isEqualTo(-0.699);
        }
    }

    @Test
    void aRodeostatFileIsACvWithTechniqueCvAndItsRateMeasured() throws Exception {
        Path file = SharedFixtures.vendorFile("rodeostat/cyclic_test_data.txt");
        try (SessionStore store = SessionStore.open(temp.resolve("s.db"))) {
            ImportSummary summary = ImportService.importSession(store, List.of(ImportService.Input.of(file,
                    ImportService.importerFor(file, Optional.empty()))), ImportOptions.parse("cv", List.of(), null, null,
                    null, null, null), Fixtures.cellAtPh7(), "config/site.yaml");
            StoredStep step = store.steps(summary.sessionId()).get(0);
            assertThat(step.kind()).isEqualTo("cv");
            // by hand, line 101 '1.010, -0.0880' and line 199 '1.990, 1.0880': (1.088 + 0.088) / 0.98 = 1.2 V/s
            assertThat(step.settings().scanRateVoltsPerSecond()).isCloseTo((1.088 + 0.088) / 0.98, within(1e-6));
            List<Sample> samples = new ArrayList<>();
            store.forEachSample(summary.sessionId(), 1, (seq, s) -> samples.add(s));
            Map<String, Integer> counts = new LinkedHashMap<>();
            samples.forEach(s -> counts.merge(s.cycle() + "/" + s.segment(), 1, Integer::sum));
            // a 1 s rest at −0.1 V (100 rows), up to 1.1 V, back to −0.1 V, up, back: begins at its second vertex
            assertThat(counts).containsExactly(Map.entry("1/1", 200), Map.entry("1/2", 100), Map.entry("2/1", 100),
                    Map.entry("2/2", 100));
            assertThat(step.settings().cycles()).isEqualTo(2);
            assertThat(step.gas()).isEmpty(); // the file does not state it, and no --gas did
            // the rest makes the first segment's rate (0.6045 V/s) disagree with the others'
            assertThat(summary.notes()).anyMatch(n -> n.startsWith("WARNING: step 1 (Rodeostat test): the scan rate"
                    + " measured over its 4 segment run(s) ranges from 0.604500 to 1.20000 V/s"));
        }
    }

    @Test
    void gasGivesTheElectrolytesGasToEveryImportedStep() throws Exception {
        Path file = SharedFixtures.vendorFile("chi/nomadce_LSV.txt");
        try (SessionStore store = SessionStore.open(temp.resolve("s.db"))) {
            ImportSummary summary = ImportService.importSession(store, List.of(ImportService.Input.of(file,
                    ImportService.importerFor(file, Optional.empty()))), ImportOptions.NONE.withGas("NO"),
                    Fixtures.cellAtPh7(), "config/site.yaml");
            assertThat(store.steps(summary.sessionId()).get(0).gas()).contains(Gas.NITRIC_OXIDE);
        }
        assertThatThrownBy(() -> ImportOptions.NONE.withGas("N2")).isInstanceOf(BadInputException.class)
                .hasMessage("--gas 'N2' is not a gas norrlab knows; allowed: Ar, NO");
    }

    @Test
    void aSweepWithoutPotentialsOrWithCyclesOutOfOrderIsRefused() {
        InstrumentIdentity instrument = new InstrumentIdentity("imported", "test", "unknown", "unknown", "unknown");
        CollectingSink collected = new CollectingSink();
        SweepSink sink = new SweepSink(collected, Path.of("cv.txt"), Optional.empty());
        assertThatThrownBy(() -> {
            sink.file(new FileFacts("test", "Test CV", instrument, Map.of(), StatedCell.NONE));
            sink.beginStep(new StepFacts("cv", "scan", Double.NaN, StatedSweep.NONE));
            sink.sample(new Sample(0, 0.1, 1e-6, Double.NaN, 0));
            sink.sample(new Sample(1, Double.NaN, 1e-6, Double.NaN, 0));
            sink.endStep();
        }).isInstanceOf(ImportException.class).hasMessage("cv.txt: test \"Test CV\" step 1 (scan): sample 2 of the cv has"
                + " no potential, so its cycle and segment cannot be told; a sweep needs a potential in every row: export"
                + " it with its potential column");

        SweepSink again = new SweepSink(new CollectingSink(), Path.of("cv.txt"), Optional.empty());
        assertThatThrownBy(() -> {
            again.file(new FileFacts("test", "Test CV", instrument, Map.of(), StatedCell.NONE));
            again.beginStep(new StepFacts("cv", "scan", Double.NaN, StatedSweep.NONE));
            again.sample(new Sample(0, 0.1, 1e-6, Double.NaN, 0).inSweep(2, 1));
            again.sample(new Sample(1, 0.2, 1e-6, Double.NaN, 0).inSweep(1, 1));
            again.endStep();
        }).isInstanceOf(ImportException.class).hasMessage("cv.txt: test \"Test CV\" step 1 (scan): sample 2 is in cycle 1"
                + " after cycle 2; the cycles of a sweep run 1, 2, 3, … in order");
    }
}
