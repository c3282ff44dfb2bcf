package org.norrlab.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.figures.CurrentFigure;
import org.norrlab.figures.FaradaicFigure;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.Fixtures;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReportWriterTest {
    @TempDir
    Path temp;

    @Test
    void theReportHoldsValidFiguresWithTheExpectedSeries() throws Exception {
        Path db = temp.resolve("r.db");
        RunOutcome outcome = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(Path.of("protocols/demo-sweep.yaml"), Speed.MAX).withDatabase(db))
                .execute(RunListener.NONE);
        try (SessionStore store = SessionStore.open(db)) {
            double[] micromoles = {1.8, 7.8, 12.4, 13.5};
            for (int step = 2; step <= 5; step++) {
                store.assays().addAssay(outcome.sessionId(), new Assay(0, step, Product.NH3, Assay.Kind.AMOUNT,
                        new Measure(micromoles[step - 2], 0.1), "µmol", Optional.empty(), 1, 0, Optional.empty(),
                        Optional.empty(), Optional.empty(), "", "", Instant.now()));
            }
            store.assays().addAssay(outcome.sessionId(), new Assay(0, 5, Product.H2, Assay.Kind.AMOUNT,
                    new Measure(60, 1), "µmol", Optional.empty(), 1, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                    "", "", Instant.now()));
            SessionAnalysis.Result result = SessionAnalysis.analyze(store, outcome.sessionId(), SessionAnalysis.Options.DEFAULT);
            Path dir = temp.resolve("report");
            List<Path> files = ReportWriter.write(store, result, dir);
            assertThat(files).allMatch(Files::isRegularFile);

            for (String png : List.of("fe-yield.png", "current.png")) {
                BufferedImage image = ImageIO.read(dir.resolve(png).toFile());
                assertThat(image).as(png).isNotNull();
                assertThat(image.getWidth()).isEqualTo(ReportWriter.WIDTH);
                assertThat(image.getHeight()).isEqualTo(ReportWriter.HEIGHT);
            }
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            // The SVG names the W3C DTD; a well-formedness check must not try to fetch it.
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            for (String svg : List.of("fe-yield.svg", "current.svg")) {
                Document doc = xml.newDocumentBuilder().parse(dir.resolve(svg).toFile());
                assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
            }
            String feSvg = Files.readString(dir.resolve("fe-yield.svg"));
            // Text is kept as text in the SVG, the rotated axis labels too (JFreeChart's default drew them as glyph
            // outlines, which an editor cannot change); no title is drawn, a journal sets the caption.
            assertThat(feSvg).contains(">E (V vs RHE)<").contains(">FE NH₃<").contains(">FE H₂<").contains(">NH₃ yield<")
                    .contains(">Faradaic efficiency (%)<").contains(">NH₃ yield (µmol h⁻¹ cm⁻²)<")
                    .doesNotContain(">Session " + outcome.sessionId() + ": ");
            // the demo lasts 20 min 20 s: over 10 min and up to 5 h, drawn in min (TimeScale), as in the GUI
            assertThat(Files.readString(dir.resolve("current.svg"))).contains(">Time (min)<").contains(">-0.60 V vs RHE<");

            // The figure's data are the analysis' numbers: 4 potentials, FE bars for NH3 (and H2 at -0.7 V), yield points.
            JFreeChart fe = FaradaicFigure.chart("t", ReportWriter.points(result));
            CategoryPlot plot = fe.getCategoryPlot();
            assertThat(plot.getRangeAxis(0).getLabel()).isEqualTo("Faradaic efficiency (%)");
            assertThat(plot.getRangeAxis(1).getLabel()).isEqualTo("NH₃ yield (µmol h⁻¹ cm⁻²)");
            assertThat(plot.getDataset(0).getColumnKeys()).containsExactly("-0.40", "-0.50", "-0.60", "-0.70");
            assertThat(plot.getDataset(0).getRowKeys()).containsExactly("FE NH₃", "FE H₂");
            assertThat(plot.getDataset(1).getRowKeys()).containsExactly(FaradaicFigure.YIELD_SERIES);
            double feNh3 = plot.getDataset(0).getValue("FE NH₃", "-0.50").doubleValue();
            double expected = result.steps().get(1).outcome().products().get(Product.NH3).faradaicEfficiency().value() * 100;
            assertThat(feNh3).isCloseTo(expected, within(1e-9));
            // 7.8 µmol in 300 s on 1 cm² = 93.6 µmol h-1 cm-2.
            assertThat(plot.getDataset(1).getValue(FaradaicFigure.YIELD_SERIES, "-0.50").doubleValue()).isCloseTo(93.6, within(1e-9));

            XYPlot current = CurrentFigure.chart("t", ReportWriter.traces(store, result)).getXYPlot();
            assertThat(current.getDataset().getSeriesCount()).isEqualTo(4);
            // 3000 samples per step decimated into at most 2 points per bucket; NiNC at -0.5 V: about -14.5 mA/cm².
            assertThat(current.getDataset().getItemCount(1)).isLessThanOrEqualTo(3000);
            assertThat(current.getDataset().getYValue(1, current.getDataset().getItemCount(1) / 2)).isCloseTo(-14.5, within(0.5));

            String md = Files.readString(dir.resolve("summary.md"));
            assertThat(md).contains("Ag/AgCl (sat. KCl)").contains("pH 7.00").contains("![FE and NH3 yield against potential](fe-yield.png)");
            assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"format\" : \"norrlab-analysis\"");
        }
    }

    @Test
    void decimationKeepsSpikes() {
        CurrentFigure.Decimator decimator = new CurrentFigure.Decimator(100_000, 100);
        for (int i = 0; i < 100_000; i++) {
            decimator.add(i, i == 54_321 ? -50 : -10);
        }
        CurrentFigure.Trace trace = decimator.trace("x");
        assertThat(trace.hours().length).isLessThanOrEqualTo(200);
        double min = 0;
        for (double y : trace.milliampsPerCm2()) {
            min = Math.min(min, y);
        }
        assertThat(min).isEqualTo(-50);
        for (int i = 1; i < trace.hours().length; i++) {
            assertThat(trace.hours()[i]).isGreaterThan(trace.hours()[i - 1]);
        }
    }
}
