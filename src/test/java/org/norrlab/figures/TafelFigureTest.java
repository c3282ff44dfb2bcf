package org.norrlab.figures;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TafelFigureTest {
    @TempDir
    Path temp;

    @Test
    void theLineHasTheFittedSlopeOverItsWindowAndTheLegendSaysIt() throws Exception {
        // E = 0.10 V − 0.120 V/dec · log10|j|: at 1 mA cm⁻² 0.10 V, at 10 mA cm⁻² 0.10 − 0.12 = −0.02 V
        double[] logJ = {-0.5, 0, 0.5, 1, 1.5};
        double[] volts = {0.16, 0.10, 0.04, -0.02, -0.08};
        TafelFigure.Line line = new TafelFigure.Line(-0.120, 0.10, 0, 1, "R² 1.000, 3 points");
        JFreeChart chart = TafelFigure.chart("Tafel", "E − iR_u (V vs RHE), R_u = 12.0 Ω",
                new TafelFigure.Points("CA steps", logJ, volts), line);
        XYPlot plot = chart.getXYPlot();
        XYDataset data = plot.getDataset();
        assertThat(data.getItemCount(0)).isEqualTo(5);
        // the line: from log10|j| = 0 to 1 (the window), E from 0.10 to −0.02 V; slope (−0.02 − 0.10) / 1 = −0.120 V/dec
        assertThat(data.getItemCount(1)).isEqualTo(2);
        assertThat(data.getXValue(1, 0)).isEqualTo(0);
        assertThat(data.getXValue(1, 1)).isEqualTo(1);
        double slope = (data.getYValue(1, 1) - data.getYValue(1, 0)) / (data.getXValue(1, 1) - data.getXValue(1, 0));
        assertThat(slope).isCloseTo(-0.120, within(1e-12));
        assertThat(data.getSeriesKey(1)).isEqualTo("Tafel slope -120 mV dec⁻¹ (R² 1.000, 3 points)");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("E − iR_u (V vs RHE), R_u = 12.0 Ω");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("log₁₀ (|j| / mA cm⁻²)");
        Path out = Path.of(System.getProperty("norrlab.impedanceFigures", temp.toString()));
        FigureOutput.DEFAULT.write(chart, out, "tafel");
        assertThat(Files.readString(out.resolve("tafel.svg"))).contains("Tafel slope -120 mV dec⁻¹");
    }
}
