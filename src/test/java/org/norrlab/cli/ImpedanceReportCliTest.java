package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.Product;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.HandSessions;
import org.norrlab.testing.RandlesSpectra;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 'report' of a session with an impedance spectrum and an R_u: Nyquist and Bode figures of the spectrum, and on
 * request the FE figure against the iR-corrected potential; none of them for a session without spectra or R_u.
 */
class ImpedanceReportCliTest {
    @TempDir
    Path temp;

    /** Two CA steps (-0.50 V at -10 mA, -0.60 V at -15 mA, NH3 assayed) and, when asked, a spectrum and an R_u. */
    private Path session(boolean impedance) throws Exception {
        Path db = temp.resolve(impedance ? "eis.db" : "plain.db");
        try (SessionStore store = SessionStore.open(db)) {
            long id = HandSessions.session(store, "eis-study", List.of(
                    HandSessions.Step.of(-0.50, -0.010, Map.of(Product.NH3, 0.5)),
                    HandSessions.Step.of(-0.60, -0.015, Map.of(Product.NH3, 0.8))));
            if (impedance) {
                List<ImpedancePoint> spectrum = new ArrayList<>(RandlesSpectra.spectrum(10, 0.005));
                // the instrument sent NaN at one frequency: left out of the figures, and the summary says so
                spectrum.add(ImpedancePoint.missing(61, 0.08, SampleFlag.OVERLOAD.bit()));
                store.impedance().addSpectrum(id, 3, spectrum);
                store.impedance().recordResistance(id, new UncompensatedResistance(10, Double.NaN,
                        UncompensatedResistance.TYPED, OptionalInt.empty(), 0.2, Instant.now(), "read off the bench"));
            }
        }
        return db;
    }

    @Test
    void aSpectrumGetsNyquistAndBodeAndTheCorrectedFeFigureIsDrawnOnRequest() throws Exception {
        Path db = session(true);
        // -Dnorrlab.impedanceFigures=DIR keeps the figures to look at; by default they go with the test.
        Path out = Path.of(System.getProperty("norrlab.impedanceFigures", temp.resolve("report").toString()));
        CliRunner.Result r = CliRunner.norrlabOn(db, "report", "1", "-o", out.toString(), "--ir-corrected");
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String name : List.of("nyquist-step-3", "bode-step-3", "fe-yield", "fe-yield-ir-corrected")) {
            assertThat(r.out()).contains(name + ".png").contains(name + ".svg");
            BufferedImage png = ImageIO.read(out.resolve(name + ".png").toFile());
            assertThat(png.getWidth()).isEqualTo(1000);
        }
        // R_u 10 Ω, 20 % compensated: 8 Ω left. E − I·8 Ω: -0.50 − (-0.010 · 8) = -0.42 V; -0.60 − (-0.015 · 8) = -0.48 V
        String corrected = Files.readString(out.resolve("fe-yield-ir-corrected.svg"));
        assertThat(corrected).contains(">-0.42<").contains(">-0.48<").doesNotContain(">-0.50<");
        // the set potentials stay on the usual figure
        assertThat(Files.readString(out.resolve("fe-yield.svg"))).contains(">-0.50<").contains(">-0.60<")
                .contains(">E (V vs RHE)<");
        assertThat(Files.readString(out.resolve("nyquist-step-3.svg"))).contains("100 kHz<").contains("0.1 Hz<");
        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).contains("## Impedance")
                .contains("- R_u in force: 10.00 Ω (typed), 20 % compensated by the instrument; read off the bench")
                .contains("- EIS step 3: 62 frequencies, 1 without an impedance (left out of the figures), 100 kHz to"
                        + " 0.1 Hz.")
                .contains("![nyquist-step-3](nyquist-step-3.png)").contains("![bode-step-3](bode-step-3.png)")
                .contains("(fe-yield-ir-corrected.png)");

        // without the request: the spectrum's figures, but no corrected FE figure
        Path plain = temp.resolve("plain-report");
        r = CliRunner.norrlabOn(db, "report", "1", "-o", plain.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(plain.resolve("fe-yield.png")).exists();
        assertThat(plain.resolve("nyquist-step-3.png")).exists();
        assertThat(plain.resolve("fe-yield-ir-corrected.png")).doesNotExist();
    }

    @Test
    void aSessionWithoutSpectraGetsNoImpedanceFiguresAndTheCorrectionIsRefusedWithoutRu() throws Exception {
        Path db = session(false);
        Path out = temp.resolve("no-eis");
        CliRunner.Result r = CliRunner.norrlabOn(db, "report", "1", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("nyquist") || n.startsWith("bode") || n.contains("ir-corrected"));
        }
        assertThat(Files.readString(out.resolve("summary.md"))).doesNotContain("## Impedance");

        Path refused = temp.resolve("refused");
        r = CliRunner.norrlabOn(db, "report", "1", "-o", refused.toString(), "--ir-corrected");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("no R_u is recorded for session 1")
                .contains("the FE/yield figure against the iR-corrected potential needs one");
        assertThat(refused).doesNotExist();
    }
}
