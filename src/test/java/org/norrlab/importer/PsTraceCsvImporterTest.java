package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.Sample;
import org.norrlab.testing.SharedFixtures;

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
 * The real PSTrace CSV exports in the shared fixtures (pstrace-csv/, second set in SOURCES.md), with their row counts
 * and the first and last row of every curve as read by hand from the files (µA converted to A by hand), plus files
 * built here in the same layout for what the fixtures lack.
 */
class PsTraceCsvImporterTest {
    private static final String CA = "pstrace-csv/proespm_PS241105-2_1_ca.csv";
    private static final String CP = "pstrace-csv/proespm_PS241105-1_1_cp.csv";
    private static final String CV = "pstrace-csv/proespm_PS241105-3_1_cv5.csv";

    @TempDir
    Path temp;

    private static ImportedSession read(Path file) throws Exception {
        Importer importer = ImportService.importerFor(file, Optional.empty());
        assertThat(importer.format()).isEqualTo("pstrace-csv");
        return importer.read(file);
    }

    private static void assertSample(Sample s, double t, double volts, double amperes) {
        assertThat(s.timeSeconds()).isCloseTo(t, within(1e-9));
        if (Double.isNaN(volts)) {
            assertThat(s.potentialVolts()).isNaN();
        } else {
            assertThat(s.potentialVolts()).isCloseTo(volts, within(Math.abs(volts) * 1e-12));
        }
        if (Double.isNaN(amperes)) {
            assertThat(s.hasCurrent()).isFalse();
        } else {
            assertThat(s.currentAmperes()).isCloseTo(amperes, within(Math.abs(amperes) * 1e-12));
        }
    }

    @Test
    void chronoamperometryKeepsEveryRowAndHasNoPotential() throws Exception {
        ImportedSession ca = read(SharedFixtures.vendorFile(CA));
        assertThat(ca.technique()).isEqualTo("Chronoamperometry");
        assertThat(ca.metadata()).containsEntry("measured", "2024-11-07 13:38:29").containsEntry("exported", "2024-11-07 14:48:04");
        assertThat(ca.steps()).hasSize(1);
        ImportedSession.Step step = ca.steps().get(0);
        assertThat(step.kind()).isEqualTo("ca");
        assertThat(step.label()).isEqualTo("Chronoamperometry: CA i vs t");
        assertThat(step.facts().setPotential()).isEmpty();
        // 36 007 lines: 6 preamble lines and 36 001 rows (0 to 3600 s at 0.1 s)
        assertThat(step.samples()).hasSize(36001).allMatch(s -> Double.isNaN(s.potentialVolts()));
        // line 7: 0,0.000538253458216786 (µA); line 36007: 3600,-1.03307247627527E-05 (µA)
        assertSample(step.samples().get(0), 0, Double.NaN, 5.38253458216786e-10);
        assertSample(step.samples().get(36000), 3600, Double.NaN, -1.03307247627527e-11);
        assertSample(step.samples().get(1), 0.100000001490116, Double.NaN, 3.33246018271893e-10);
        // µA to A by moving the decimal point: exactly the double written 5.38253458216786e-10 (× 1e-6 is 1 ulp off)
        assertThat(step.samples().get(0).currentAmperes()).isEqualTo(5.38253458216786e-10);
        assertThat(ca.warnings()).anyMatch(n -> n.contains("states no set potential")
                && n.endsWith("the file does not state the step's set potential"));
    }

    @Test
    void chronopotentiometryIsPotentialOnly() throws Exception {
        ImportedSession cp = read(SharedFixtures.vendorFile(CP));
        assertThat(cp.steps()).hasSize(1);
        ImportedSession.Step step = cp.steps().get(0);
        assertThat(step.kind()).isEqualTo("cp");
        assertThat(step.label()).isEqualTo("Chronopotentiometry: CP E vs t");
        assertThat(step.samples()).hasSize(401).noneMatch(Sample::hasCurrent);
        // line 7: 0,-5.6463885307312; line 407: 400,-5.7415452003479
        assertSample(step.samples().get(0), 0, -5.6463885307312, Double.NaN);
        assertSample(step.samples().get(400), 400, -5.7415452003479, Double.NaN);
        assertThat(cp.warnings()).isEmpty();
    }

    @Test
    void aCyclicVoltammogramWithoutTimeOrScanRateIsRefused() throws Exception {
        // 'V,µA' per scan: no time column and no scan rate anywhere in the file; row numbers for times would make
        // dE/d(row) pass for a scan rate (issue 20). The titles are on line 4, scan 1 first.
        Path file = SharedFixtures.vendorFile(CV);
        assertThatThrownBy(() -> read(file)).isInstanceOf(ImportException.class).hasMessage(file + ":4: PSTrace CSV"
                + " curve 'Cyclic Voltammetry: CV i vs E Scan 1' (step 1) is a Cyclic Voltammetry sweep, but the export has"
                + " no time column and states no scan rate, so its scan rate, durations and charges cannot be known;"
                + " import the .pssession of the measurement, which carries the method's scan rate");
    }

    @Test
    void reEncodedExportsGiveTheSameSamples() throws Exception {
        // the CA file has the same layout as these two (and the 'µA' of the CV): left out, its 36 001 rows are slow
        for (String fixture : List.of(CP)) {
            Path original = SharedFixtures.vendorFile(fixture);
            ImportedSession reference = new PsTraceCsvImporter().read(original);
            String text = new String(Files.readAllBytes(original), StandardCharsets.UTF_16);
            for (String encoding : List.of("UTF-8", "UTF-8 BOM", "windows-1252", "UTF-16LE BOM LF")) {
                byte[] bytes = switch (encoding) {
                    case "UTF-8" -> text.getBytes(StandardCharsets.UTF_8);
                    case "UTF-8 BOM" -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
                    // µ is 0xB5 in Windows-1252: every character of these exports is representable
                    case "windows-1252" -> text.getBytes(Charset.forName("windows-1252"));
                    default -> ("\uFEFF" + text.replace("\r\n", "\n")).getBytes(StandardCharsets.UTF_16LE);
                };
                Path copy = temp.resolve(encoding.replace(' ', '_') + "_" + original.getFileName());
                Files.write(copy, bytes);
                ImportedSession again = read(copy);
                assertThat(again.steps()).as(encoding).hasSameSizeAs(reference.steps());
                for (int i = 0; i < reference.steps().size(); i++) {
                    assertThat(again.steps().get(i).facts()).as(encoding).isEqualTo(reference.steps().get(i).facts());
                    assertThat(again.steps().get(i).samples()).as(encoding).isEqualTo(reference.steps().get(i).samples());
                }
                assertThat(again.warnings()).as(encoding).hasSameSizeAs(reference.warnings());
            }
        }
    }

    /** A file in the fixtures' layout (SOURCES.md, second set, pstrace-csv rows), LF ends for brevity. */
    private Path export(String name, String title, String units, String... rows) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, "Date and time:,2024-12-02 15:15:02\nNotes:\n\n" + title + "\n"
                + "Date and time measurement:,2024-12-02 15:08:19,\n" + units + "\n" + String.join("\n", rows),
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aLinearSweepIsRefusedAndEveryCurrentUnitRead() throws Exception {
        Path lsv = export("lsv.csv", "Linear Sweep Voltammetry: LSV i vs E", "V,mA", "-0.5,-1.25", "-0.495,-1.5");
        assertThatThrownBy(() -> read(lsv)).hasMessage(lsv + ":4: PSTrace CSV curve 'Linear Sweep Voltammetry: LSV i vs"
                + " E' (step 1) is a Linear Sweep Voltammetry sweep, but the export has no time column and states no scan"
                + " rate, so its scan rate, durations and charges cannot be known; import the .pssession of the"
                + " measurement, which carries the method's scan rate");
        // mA: -1.25 mA = -1.25e-3 A
        assertSample(read(export("ma.csv", "Chronoamperometry: CA i vs t", "s,mA", "0,-1.25")).steps().get(0).samples()
                .get(0), 0, Double.NaN, -1.25e-3);
        assertSample(read(export("na.csv", "Chronoamperometry: CA i vs t", "s,nA", "0,-12.5")).steps().get(0).samples().get(0),
                0, Double.NaN, -1.25e-8);
        assertSample(read(export("a.csv", "Chronoamperometry: CA i vs t", "s,A", "0.5,-1.5E-3")).steps().get(0).samples().get(0),
                0.5, Double.NaN, -1.5e-3);
    }

    @Test
    void refusesWhatItCannotBeSureOf() throws Exception {
        Path picoamperes = export("pa.csv", "Chronoamperometry: CA i vs t", "s,pA", "0,1");
        assertThatThrownBy(() -> read(picoamperes)).isInstanceOf(ImportException.class).hasMessage(picoamperes
                + ":6: PSTrace CSV curve 'Chronoamperometry: CA i vs t': unit 'pA' in the units row is not one norrlab reads"
                + " (allowed: s for time, V for potential, A, mA, µA or nA for current)");
        Path dpv = export("dpv.csv", "Differential Pulse Voltammetry: DPV i vs E", "V,µA", "0,1");
        assertThatThrownBy(() -> read(dpv)).hasMessage(dpv + ":4: PSTrace CSV curve 'Differential Pulse Voltammetry:"
                + " DPV i vs E': 'Differential Pulse Voltammetry' is not a technique norrlab reads from PSTrace CSV (allowed:"
                + " Chronoamperometry, Chronopotentiometry, Open Circuit Potentiometry, Linear Sweep Voltammetry, Cyclic"
                + " Voltammetry); import the .pssession of the measurement instead");
        Path potentialVsTime = export("cae.csv", "Chronoamperometry: CA E vs t", "s,V", "0,1");
        assertThatThrownBy(() -> read(potentialVsTime)).hasMessageContaining(potentialVsTime + ":6: PSTrace CSV"
                + " \"Chronoamperometry\" curve 'Chronoamperometry: CA E vs t' has columns 's,V' (time, potential)");
        Path shortInside = export("short.csv", "Chronoamperometry: CA i vs t", "s,µA", "0,1", "0.1", "0.2,3");
        assertThatThrownBy(() -> read(shortInside)).hasMessageContaining(shortInside + ":8: PSTrace CSV"
                + " \"Chronoamperometry\": the row has 1 values; every row holds 2");
        Path badNumber = export("bad.csv", "Chronoamperometry: CA i vs t", "s,µA", "0,1", "0.1,x", "0.2,3");
        assertThatThrownBy(() -> read(badNumber)).hasMessage(badNumber + ":8: column 'µA (PSTrace CSV curve"
                + " 'Chronoamperometry: CA i vs t')': 'x' is not a number");
        Path mixedTitles = export("mixed.csv", "Chronoamperometry: CA i vs t,,Scan 2", "s,µA,s,µA", "0,1,0,2");
        assertThatThrownBy(() -> read(mixedTitles)).hasMessage(mixedTitles + ":4: PSTrace CSV: curve title 'Scan 2' does"
                + " not start with its technique ('Chronoamperometry: CA i vs t'); this export's layout is not one norrlab"
                + " reads");
        Path negativeTime = export("neg.csv", "Chronoamperometry: CA i vs t", "s,µA", "-0.1,1", "0,1");
        assertThatThrownBy(() -> read(negativeTime)).hasMessageContaining(negativeTime + ":7: PSTrace CSV: time -0.1 s");
    }

    @Test
    void aRowCutShortAtTheEndIsDroppedWithANote() throws Exception {
        ImportedSession cut = read(export("cut.csv", "Chronoamperometry: CA i vs t,,Chronoamperometry: CA i vs t 2",
                "s,µA,s,µA", "0.1,1,0.1,2", "0.2,3,0.2,4", "0.3,5,0."));
        assertThat(cut.steps()).hasSize(2).allMatch(s -> s.samples().size() == 2);
        assertSample(cut.steps().get(1).samples().get(1), 0.2, Double.NaN, 4e-6);
        assertThat(cut.warnings()).contains("cut.csv:9: the last row is cut short (truncated file?): 2 complete rows kept"
                + " for each curve");
    }

    @Test
    void theShorterPreambleWithoutExportDateAndNotes() throws Exception {
        // the layout the old CSV importer's PSTrace branch read (VendorFilesTest): measurement date, title, units
        Path file = temp.resolve("short.csv");
        Files.writeString(file, "Date and time measurement:,2026-11-27 10:00:00\nChronoamperometry: CH 1\ns,µA\n0.1,-14480.5\n"
                + "0.2,-14479\n");
        ImportedSession ca = read(file);
        assertThat(ca.metadata()).containsEntry("measured", "2026-11-27 10:00:00");
        assertThat(ca.steps().get(0).samples()).hasSize(2);
        assertSample(ca.steps().get(0).samples().get(1), 0.2, Double.NaN, -0.014479);
    }

    @Test
    void aNumberCutShortInTheLastRowIsSaidForItsCurve() throws Exception {
        // no line end after the last row, as PSTrace writes it: the row is cut inside the exponent
        ImportedSession cut = read(export("cutnumber.csv", "Chronoamperometry: CA i vs t", "s,µA", "0,1", "0.1,2",
                "0.2,3E-"));
        assertThat(cut.steps().get(0).samples()).hasSize(2);
        assertThat(cut.warnings()).contains("cutnumber.csv:9: the last row is cut short (truncated file?): its value for"
                + " 'Chronoamperometry: CA i vs t' is not a number (column 'µA (PSTrace CSV curve 'Chronoamperometry: CA i vs"
                + " t')': '3E-' is not a number); 2 complete rows of that curve kept");
        Path noUnits = temp.resolve("nounits.csv");
        Files.writeString(noUnits, "Date and time:,2024-12-02 15:15:02\nNotes:\n\n");
        assertThatThrownBy(() -> read(noUnits)).hasMessageContaining(noUnits + ":4: expected a units row such as 's,µA'");
    }
}
