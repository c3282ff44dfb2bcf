package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.SweepSessions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** 'report' of a sweep session draws the LSV overlay with Δj, each CV with its cycles, and the C_dl fit. */
class SweepReportCliTest {
    @TempDir
    Path temp;

    @Test
    void theSweepFiguresAndTheirSectionAreWritten() throws Exception {
        Path db = temp.resolve("sweeps.db");
        try (SessionStore store = SessionStore.open(db)) {
            SweepSessions.study(store);
        }
        // -Dnorrlab.sweepFigures=DIR (in surefire's argLine) keeps the figures to look at; by default they go with the test.
        Path out = Path.of(System.getProperty("norrlab.sweepFigures", temp.resolve("report").toString()));
        CliRunner.Result r = CliRunner.norrlabOn(db, "report", "1", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String name : new String[] {"lsv", "cv-step-1", "cv-step-2", "cv-step-5", "cdl-fit"}) {
            assertThat(r.out()).contains(name + ".png").contains(name + ".svg");
            BufferedImage png = ImageIO.read(out.resolve(name + ".png").toFile());
            assertThat(png.getWidth()).isEqualTo(1000);
            assertThat(png.getHeight()).isEqualTo(620);
        }
        String svg = Files.readString(out.resolve("cdl-fit.svg"));
        // the legend gives the slope: C_dl = 2 mF cm⁻² from the constructed CVs
        assertThat(svg).contains("C_dl = 2.000 ± ").contains("Δj/2 at 0.200 V vs RHE");
        assertThat(Files.readString(out.resolve("lsv.svg"))).contains("LSV step 6 (Ar)").contains("LSV step 7 (NO)")
                .contains("Δj = LSV step 7 (NO) − LSV step 6 (Ar)");
        assertThat(Files.readString(out.resolve("cv-step-2.svg"))).contains("cycle 1").contains("cycle 2");
        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).contains("## Sweeps").contains("![lsv](lsv.png)").contains("![cdl-fit](cdl-fit.png)")
                .contains("| 7 | NO | 5 mV/s | 0.300 → -0.500 | -0.098 |")
                .contains("- Onset of Δj at 1 mA/cm²: -0.100 V vs RHE")
                // sweeps only: no CA step, so neither the current nor the FE figure is drawn (empty axes before)
                .contains("No current figure: the session has no CA step with samples.")
                .contains("No FE/yield figure: the session has no CA step with an assayed product.");
        assertThat(out.resolve("current.png")).doesNotExist();
        assertThat(out.resolve("fe-yield.png")).doesNotExist();
    }
}
