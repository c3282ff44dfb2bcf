package org.norrlab.figures;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a chart as PNG (for slides and the README) and SVG (for papers) of the same size. */
public final class ChartFiles {
    private ChartFiles() {
    }

    public static void write(JFreeChart chart, Path directory, String baseName, int width, int height) throws IOException {
        ChartUtils.saveChartAsPNG(directory.resolve(baseName + ".png").toFile(), chart, width, height);
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        chart.draw(svg, new Rectangle(0, 0, width, height));
        SVGUtils.writeToSVG(directory.resolve(baseName + ".svg").toFile(), svg.getSVGElement());
    }
}
