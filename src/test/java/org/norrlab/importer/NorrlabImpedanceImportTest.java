package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.UncompensatedResistance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * norrlab's CSV export with an R_u history and a spectrum section (schema 14), written by hand in SessionExporter's
 * layout and read back: each value as written, the NaN point as NaN, the derived E_iR column skipped, and bad rows and
 * lines refused with the file's line named.
 */
class NorrlabImpedanceImportTest {
    @TempDir
    Path temp;

    private static final String HEADER = """
            # norrlab session export (CSV)
            # session: 7; status: completed (done)
            # protocol: eis (eis.yaml)
            # instrument: simulated Sim
            # started: 2026-11-30T10:00:00Z; software: norrlab 1.0
            # reference electrode: SCE, E = 0.2410 V vs SHE (site)
            # pH: 1.0; temperature: 25.0 C; electrode area: 0.5 cm2; catalyst loading: 0.2 mg/cm2; electrolyte volume: 30.0 mL
            # E vs RHE = E vs RE + 0.3001 V
            # step 1: eis, spectrum, set -0.1 V vs RHE = -0.4001 V vs RE, interval 37.0 s, 0 samples, completed
            # step 2: ca, hold, set -0.5 V vs RHE = -0.8001 V vs RE, interval 0.1 s, 2 samples, completed
            # R_u: 13.0 ohm, standard error none, typed, compensated fraction 0.0, recorded 2026-12-01T10:00:00Z, uid aa11; from the last run
            # R_u: 12.5 ohm, standard error 0.0421 ohm, randles-fit of the spectrum of step 1, compensated fraction 0.2, recorded 2026-12-01T11:00:00Z, uid bb22
            # impedance of step 1 (spectrum): 3 frequencies
            step,seq,t_s,frequency_Hz,Z_real_ohm,Z_imag_ohm,Z_mod_ohm,phase_deg,E_dc_V_vs_RE,I_dc_A,range_A,flags
            1,0,0.53,100000.0,12.512345678901234,-0.3456789012345678,12.5,-1.6,-0.4001,-1.234567E-6,0.001,0
            """;
    private static final String REST = """
            1,2,37.36,1.0,160.5,-20.0625,161.7,-7.1,,,1.0E-4,0

            # units: …
            step,seq,t_s,E_V_vs_RE,E_iR_V_vs_RE,I_A,range_A,flags,cycle,segment
            2,0,0.1,-0.8001,-0.7801,-0.002,0.01,0,,
            2,1,0.2,-0.8002,-0.7802,-0.002,0.01,0,,
            """;

    /** What the importer hands on, in order. */
    private static final class Recording implements ImportSink {
        final List<String> calls = new ArrayList<>();
        final List<ImpedancePoint> points = new ArrayList<>();
        final List<Sample> samples = new ArrayList<>();
        final List<UncompensatedResistance> resistances = new ArrayList<>();
        final List<String> uids = new ArrayList<>();

        @Override
        public void file(FileFacts facts) {
            calls.add("file");
        }

        @Override
        public void beginStep(StepFacts step) {
            calls.add("begin " + step.kind());
        }

        @Override
        public void sample(Sample sample) {
            samples.add(sample);
        }

        @Override
        public void impedance(ImpedancePoint point) {
            calls.add("point");
            points.add(point);
        }

        @Override
        public void resistance(UncompensatedResistance ru, String uid) {
            calls.add("R_u");
            resistances.add(ru);
            uids.add(uid);
        }

        @Override
        public void endStep() {
            calls.add("end");
        }

        @Override
        public void note(String text) {
        }
    }

    private Recording read(String content) throws Exception {
        Path file = temp.resolve("s7.csv");
        Files.writeString(file, content);
        Recording sink = new Recording();
        new DelimitedImporter().read(file, sink);
        return sink;
    }

    @Test
    void theSpectrumAndTheHistoryComeBackAsWritten() throws Exception {
        Recording sink = read(HEADER + "1,1,2.86,1000.0,,,,,,,,65\n" + REST);
        assertThat(sink.calls).containsExactly("file", "R_u", "R_u", "begin eis", "point", "point", "point", "end",
                "begin ca", "end");
        assertThat(sink.points).containsExactly(
                new ImpedancePoint(0.53, 100_000.0, 12.512345678901234, -0.3456789012345678, -0.4001, -1.234567e-6, 0.001,
                        0),
                // flags 65 = 1 overload + 64 no impedance: the instrument sent NaN
                ImpedancePoint.missing(2.86, 1000.0, SampleFlag.OVERLOAD.bit()),
                new ImpedancePoint(37.36, 1.0, 160.5, -20.0625, Double.NaN, Double.NaN, 1e-4, 0));
        assertThat(sink.resistances).containsExactly(
                new UncompensatedResistance(13.0, Double.NaN, "typed", OptionalInt.empty(), 0,
                        Instant.parse("2026-12-01T10:00:00Z"), "from the last run"),
                new UncompensatedResistance(12.5, 0.0421, "randles-fit", OptionalInt.of(1), 0.2,
                        Instant.parse("2026-12-01T11:00:00Z"), ""));
        assertThat(sink.uids).containsExactly("aa11", "bb22");
        // the E_iR column is derived, not read: the samples are E, I, range and flags as measured
        assertThat(sink.samples).containsExactly(new Sample(0.1, -0.8001, -0.002, 0.01, 0),
                new Sample(0.2, -0.8002, -0.002, 0.01, 0));
    }

    @Test
    void aBadSpectrumRowIsRefusedWithItsLine() {
        // line 16: the frequency is not a number
        assertThatThrownBy(() -> read(HEADER + "1,1,2.86,1 kHz,1,2,,,,,,0\n" + REST))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("s7.csv:16")
                .hasMessageContaining("column 'frequency_Hz': '1 kHz' is not a number");
        assertThatThrownBy(() -> read(HEADER + "1,1,2.86,1000.0,1,2,0\n" + REST))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("s7.csv:16")
                .hasMessageContaining("has 7 cells; a spectrum row has 12");
    }

    @Test
    void aBadRuLineIsRefusedWithItsLine() {
        String bad = HEADER.replace("compensated fraction 0.2,", "compensated 20 %,");
        assertThatThrownBy(() -> read(bad + REST))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("s7.csv:12")
                .hasMessageContaining("an R_u line of the header: expected '# R_u: R ohm, standard error");
        String tooMuch = HEADER.replace("compensated fraction 0.2,", "compensated fraction 1.5,");
        assertThatThrownBy(() -> read(tooMuch + REST))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("s7.csv:12")
                .hasMessageContaining("compensated fraction must be from 0 to 1");
    }
}
