package org.norrlab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.figures.CurrentFigure;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreWriter;
import org.norrlab.testing.Fixtures;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The report of a session with only a CP step: no empty figures, summary.md says why, E(t) vs RHE is drawn. */
class ChronopotentiometryReportTest {
    @TempDir
    Path temp;

    @Test
    void aCpOnlySessionGetsItsPotentialFigureAndNoEmptyOnes() throws Exception {
        CellSettings cell = Fixtures.cellAtPh7();
        double offset = cell.rheScale().offsetVolts();
        try (SessionStore store = SessionStore.open(temp.resolve("cp.db"))) {
            long id = store.createSession(new NewSession("cp-only", "cp.yaml", "", cell,
                    new InstrumentIdentity("sim", "sim", "model", "fw", "SN1"), Map.of(), "test", Instant.now(), Map.of(),
                    Optional.empty(), Optional.empty(), Electrolyte.Mode.REFRESH));
            PlannedStep cp = new PlannedStep.Chronopotentiometry(1, "CP", "-2 mA", -2e-3, Duration.ofSeconds(1),
                    Duration.ofSeconds(10), Optional.empty(), Optional.empty(), CurrentRangeChoice.AUTO,
                    new Location(Path.of("cp.yaml"), 1, 1), StepContext.NONE);
            try (StoreWriter writer = store.writer(id)) {
                writer.accept(new AcquisitionRecord.StepStarted(cp, Instant.now(), 0), false);
                for (int k = 0; k <= 10; k++) {
                    // E vs RE = −0.90 V − 0.01 V·k: vs RHE that is −0.90 − 0.01·k + offset
                    writer.accept(new AcquisitionRecord.SampleTaken(1, k, new Sample(k, -0.90 - 0.01 * k, -2e-3, 1e-2, 0)), false);
                }
                writer.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, 11, 10, Double.NaN, Instant.now()), true);
            }
            SessionAnalysis.Result result = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT);
            Path dir = temp.resolve("report");
            List<Path> files = ReportWriter.write(store, result, dir);

            assertThat(files).allMatch(Files::isRegularFile)
                    .contains(dir.resolve("cp-potential.png"), dir.resolve("cp-potential.svg"));
            assertThat(dir.resolve("fe-yield.png")).doesNotExist();
            assertThat(dir.resolve("current.png")).doesNotExist();
            String md = Files.readString(dir.resolve("summary.md"));
            assertThat(md).contains("No FE/yield figure: the session has no CA step with an assayed product.")
                    .contains("No current figure: the session has no CA step with samples.")
                    .contains("![Potential vs RHE of the CP steps](cp-potential.png)")
                    .doesNotContain("current.png").doesNotContain("fe-yield.png");
            BufferedImage png = ImageIO.read(dir.resolve("cp-potential.png").toFile());
            assertThat(png.getWidth()).isEqualTo(ReportWriter.WIDTH);

            List<CurrentFigure.Trace> traces = ReportWriter.potentialTraces(store, result);
            assertThat(traces).hasSize(1);
            CurrentFigure.Trace t = traces.get(0);
            assertThat(t.label()).isEqualTo("CP step 1, -2.000 mA");
            // first sample: −0.90 V vs RE + offset; last (k = 10, 10 s = 10/3600 h): −1.00 V vs RE + offset
            assertThat(t.milliampsPerCm2()[0]).isCloseTo(-0.90 + offset, within(1e-9));
            assertThat(t.milliampsPerCm2()[t.milliampsPerCm2().length - 1]).isCloseTo(-1.00 + offset, within(1e-9));
            assertThat(t.hours()[t.hours().length - 1]).isCloseTo(10.0 / 3600, within(1e-9));
            assertThat(CurrentFigure.potential("t", traces).getXYPlot().getRangeAxis().getLabel()).isEqualTo("E (V vs RHE)");
            // -Dnorrlab.cpFigure=FILE keeps the PNG to look at
            String keep = System.getProperty("norrlab.cpFigure");
            if (keep != null) {
                Files.copy(dir.resolve("cp-potential.png"), Path.of(keep), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
