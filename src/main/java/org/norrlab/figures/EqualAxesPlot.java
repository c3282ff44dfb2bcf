package org.norrlab.figures;

import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * An XY plot whose two axes have the same scale in the drawn image: one unit is as many pixels along x as along y,
 * whatever the size the chart is drawn at (a report's PNG, an SVG, a resized window). A Nyquist plot needs it: a
 * semicircle of a parallel RC must look like a semicircle, and its depression (a CPE) is read from the shape.
 *
 * <p>The ranges are fitted to the data area just before every draw, because only then is the size known; the data
 * area is computed as {@link XYPlot#draw} computes it, and again after the new ranges changed the tick labels' width.
 */
final class EqualAxesPlot extends XYPlot {
    private static final long serialVersionUID = 1L;
    /** Refits after the tick labels of the new ranges changed the axes' space; two are enough in practice. */
    private static final int FITS = 3;

    private final Range xData;
    private final Range yData;

    /**
     * @param xData the x values to show, padded already
     * @param yData the y values to show, padded already; the range grows upwards when y needs more room, so that a
     *              Nyquist arc stays on its axis
     */
    EqualAxesPlot(XYDataset dataset, NumberAxis x, NumberAxis y, XYItemRenderer renderer, Range xData, Range yData) {
        super(dataset, x, y, renderer);
        this.xData = xData;
        this.yData = yData;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        fitRanges(g2, area);
        super.draw(g2, area, anchor, parentState, info);
    }

    /** Sets both axes' ranges (without a change event: this runs while drawing) so that units per pixel agree. */
    void fitRanges(Graphics2D g2, Rectangle2D area) {
        for (int i = 0; i < FITS; i++) {
            Rectangle data = dataArea(g2, area);
            if (data.width <= 0 || data.height <= 0) {
                return;
            }
            double perPixel = Math.max(xData.getLength() / data.width, yData.getLength() / data.height);
            double xHalf = perPixel * data.width / 2;
            getDomainAxis().setRange(new Range(xData.getCentralValue() - xHalf, xData.getCentralValue() + xHalf), true,
                    false);
            getRangeAxis().setRange(new Range(yData.getLowerBound(), yData.getLowerBound() + perPixel * data.height),
                    true, false);
        }
    }

    /** The data area {@link XYPlot#draw} will use for {@code area}, in whole pixels as it rounds it. */
    Rectangle dataArea(Graphics2D g2, Rectangle2D area) {
        Rectangle2D plotArea = area.getBounds2D();
        getInsets().trim(plotArea);
        AxisSpace space = calculateAxisSpace(g2, plotArea);
        Rectangle2D data = space.shrink(plotArea, null);
        getAxisOffset().trim(data);
        int x0 = (int) Math.ceil(data.getMinX());
        int y0 = (int) Math.ceil(data.getMinY());
        int x1 = (int) Math.floor(data.getMaxX());
        int y1 = (int) Math.floor(data.getMaxY());
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }
}
