package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.testing.SharedFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * MethodSCRIPT device output: the README LSV in the shared fixtures (methodscript/, SOURCES.md), and files built here
 * from the packet format in reference/serial-protocols.md (values decoded by hand: hex − 2^27, times the prefix).
 */
class MethodScriptOutputImporterTest {
    @TempDir
    Path temp;

    private Path output(String name, String text) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void theReadmeLinearSweepWithoutTimeIsRefused() throws Exception {
        // its packages carry da and ba but no eb: the sample numbers 0, 1, 2, 3 would stand for seconds and
        // dE/d(number) for a scan rate, which the output (the script is not in it) never states (issue 20)
        Path file = SharedFixtures.vendorFile("methodscript/lsv_dummy10k_response.txt");
        assertThatThrownBy(() -> new MethodScriptOutputImporter().read(file)).isInstanceOf(ImportException.class)
                .hasMessage(file + ":3: MethodSCRIPT output: loop 1 (M0000) is a lsv sweep whose packages carry no time"
                        + " (eb) and the output states no scan rate, so its scan rate cannot be known; record the time"
                        + " with the packages (pck_add of a time variable, type eb) or import the PSTrace session"
                        + " (.pssession) of the measurement");
    }

    @Test
    void aTimedLinearSweepImportsWithTheScanRateItsTimesShow() throws Exception {
        // the README's four packages with a time added: eb 8000000m + k·3E8m (hex; 0x3E8 = 1000 ms) = 0, 1, 2, 3 s
        Path file = output("timed.txt", "e\nM0000\nPda7F85F3Fu;ba48D503Dp,10,288;eb8000000m\n"
                + "Pda7F9234Bu;ba4E2C324p,10,288;eb80003E8m\nPda806EC24u;baAE16C6Dp,10,288;eb80007D0m\n"
                + "Pda807B031u;baB360495p,10,288;eb8000BB8m\n*\n\n");
        ImportedSession lsv = new MethodScriptOutputImporter().read(file);
        assertThat(lsv.steps()).singleElement().satisfies(s -> assertThat(s.kind()).isEqualTo("lsv"));
        assertThat(lsv.steps().get(0).samples()).extracting(Sample::timeSeconds).containsExactly(0.0, 1.0, 2.0, 3.0);
        assertThat(lsv.warnings()).noneMatch(w -> w.contains("carry no time"));
        // a later package without its time is refused too: its number would stand for its time
        Path gap = output("gap.txt", "e\nM0000\nPda7F85F3Fu;ba48D503Dp,10,288;eb8000000m\n"
                + "Pda7F9234Bu;ba4E2C324p,10,288\n*\n");
        assertThatThrownBy(() -> new MethodScriptOutputImporter().read(gap)).hasMessageStartingWith(gap
                + ":4: MethodSCRIPT output: loop 1 (M0000) is a lsv sweep whose packages carry no time (eb)");
    }

    @Test
    void aNanPotentialIsNoPotentialNeverZeroVolts() throws Exception {
        // CA loop; da "     nan" then da 7F85F3Fu (-0.499905 V); eb 8000064m = 0.1 s, 80000C8m = 0.2 s
        Path file = output("ca.txt", "e\nM0007\nPda     nan;ba48D503Dp,10,288;eb8000064m\n"
                + "Pda7F85F3Fu;ba4BA99F0p,10,288;eb80000C8m\n*\n\n");
        ImportedSession ca = new MethodScriptOutputImporter().read(file);
        ImportedSession.Step step = ca.steps().get(0);
        assertThat(step.kind()).isEqualTo("ca");
        assertThat(step.samples().get(0).potentialVolts()).isNaN();
        assertThat(step.samples().get(0).currentAmperes()).isCloseTo(-5.7847747e-5, within(1e-17));
        assertThat(step.samples().get(0).timeSeconds()).isEqualTo(0.1);
        assertThat(step.samples().get(1).potentialVolts()).isCloseTo(-0.499905, within(1e-12));
        assertThat(step.samples().get(1).currentAmperes()).isCloseTo(-5.487976e-5, within(1e-17));
        assertThat(step.samples().get(1).timeSeconds()).isEqualTo(0.2);
        // the first package's applied potential is the set potential; "nan" states none
        assertThat(step.facts().setPotential()).isEmpty();
        assertThat(ca.warnings()).isEmpty();
    }

    @Test
    void aLoopWithoutItsEndMarkerIsKeptAndSaidSo() throws Exception {
        // single_packets.txt lines 1 and 3 (SOURCES.md): -0.499905 V, -5.48798e-05 A; 0.00513737 V, 2.79999e-09 A underload
        Path file = output("cut.txt", "Pda7F85F3Fu;ba4BA99F0p,10,288\nPda84E63DAn;ba82AB973f,14,284\n");
        ImportedSession cut = new MethodScriptOutputImporter().read(file);
        List<Sample> samples = cut.steps().get(0).samples();
        assertThat(cut.steps().get(0).kind()).isEqualTo("other");
        assertThat(samples).hasSize(2);
        assertThat(samples.get(1).potentialVolts()).isCloseTo(0.00513737, within(1e-12));
        assertThat(samples.get(1).currentAmperes()).isCloseTo(2.799987e-9, within(1e-18));
        assertThat(samples.get(1).has(SampleFlag.UNDERLOAD)).isTrue();
        assertThat(cut.warnings()).containsExactly(
                "cut.txt: the last measurement loop has no end marker (truncated output?); imported what is there",
                "cut.txt: the packages carry no time (eb) column; each sample's number (0, 1, 2, …) in its loop stands for"
                        + " its time, not seconds");
    }

    @Test
    void impedancePackagesAreRefused() throws Exception {
        // single_packets.txt line 2 is the README's EIS package (dc, cc, cd): before, it became a 0 V sample
        Path file = SharedFixtures.vendorFile("methodscript/single_packets.txt");
        assertThatThrownBy(() -> new MethodScriptOutputImporter().read(file)).isInstanceOf(ImportException.class)
                .hasMessage(file + ":2: MethodSCRIPT output of an impedance measurement (EIS: frequency dc, Z' cc, Z'' cd)"
                        + " holds impedance spectra, which norrlab does not read from saved MethodSCRIPT output (it"
                        + " measures them itself over the serial link): import the time-series output of the session");
    }

    @Test
    void aTimeBeforeTheLoopIsRefusedNotClamped() throws Exception {
        // eb 7FFFF9Cm = -0.1 s
        Path file = output("neg.txt", "e\nM0007\nPda7F85F3Fu;ba4BA99F0p,10,288;eb7FFFF9Cm\n*\n");
        assertThatThrownBy(() -> new MethodScriptOutputImporter().read(file)).hasMessage(file
                + ":3: MethodSCRIPT output: time (eb) -0.1 s is not a time since the loop began; a sample's time must be"
                + " 0 s or later");
    }

    @Test
    void samplesReachTheSinkAsTheLinesAreRead() throws Exception {
        Path file = output("bad.txt", "e\nM0007\nPda7F85F3Fu;ba48D503Dp,10,288\nPda7F9234Bu;ba4E2C324p,10,288\nPda8!\n*\n");
        List<String> seen = new ArrayList<>();
        ImportSink sink = new ImportSink() {
            @Override
            public void file(FileFacts facts) {
                seen.add("file");
            }

            @Override
            public void beginStep(StepFacts step) {
                seen.add("begin");
            }

            @Override
            public void sample(Sample sample) {
                seen.add("sample");
            }

            @Override
            public void endStep() {
                seen.add("end");
            }

            @Override
            public void note(String text) {
                seen.add("note");
            }
        };
        assertThatThrownBy(() -> new MethodScriptOutputImporter().read(file, sink)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(file + ":5: ");
        // streamed: the two good packages were handed on before line 5 was read
        assertThat(seen).containsExactly("file", "begin", "sample", "sample");
    }
}
