package org.norrlab.gui;

import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYDataset;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Optional;

/**
 * An XY plot whose two axes have the same scale (ohms per pixel) at whatever size it is drawn: a Nyquist plot with
 * unequal axes turns a semicircle into an ellipse and hides a depressed arc. Before each drawing it works out the data
 * area as {@link XYPlot#draw} will, and sets both ranges around the data so that they fill it at one scale; a resized
 * window or an image of any size therefore keeps the scale equal. It does not zoom (a zoom would break the equality).
 */
final class EqualAxes extends XYPlot {
    /** The free space around the data, as a fraction of the larger span, on each side. */
    static final double MARGIN = 0.05;

    EqualAxes(XYDataset data, NumberAxis x, NumberAxis y, XYItemRenderer renderer) {
        super(data, x, y, renderer);
        x.setAutoRange(false);
        y.setAutoRange(false);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        Optional<Range[]> box = dataBox();
        if (box.isPresent()) {
            // The axes' room depends on their tick labels, which depend on the ranges: two passes settle it.
            for (int pass = 0; pass < 3; pass++) {
                Rectangle2D dataArea = dataArea(g2, area);
                Range[] ranges = ranges(box.get()[0], box.get()[1], dataArea.getWidth(), dataArea.getHeight());
                getDomainAxis().setRange(ranges[0], true, false);
                getRangeAxis().setRange(ranges[1], true, false);
            }
        }
        super.draw(g2, area, anchor, parentState, info);
    }

    /** The data area {@link XYPlot#draw} will use for {@code area}: the same steps, on a copy. */
    private Rectangle2D dataArea(Graphics2D g2, Rectangle2D area) {
        Rectangle2D plotArea = (Rectangle2D) area.clone();
        getInsets().trim(plotArea);
        AxisSpace space = calculateAxisSpace(g2, plotArea);
        Rectangle2D dataArea = space.shrink(plotArea, null);
        getAxisOffset().trim(dataArea);
        // XYPlot draws on whole pixels (its private integerise): so must the scale.
        double x0 = Math.ceil(dataArea.getMinX());
        double y0 = Math.ceil(dataArea.getMinY());
        double x1 = Math.floor(dataArea.getMaxX());
        double y1 = Math.floor(dataArea.getMaxY());
        return new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
    }

    /** The data's extent over every dataset, the vertical one including 0 (the real axis); empty without data. */
    private Optional<Range[]> dataBox() {
        Range x = null;
        Range y = null;
        for (int i = 0; i < getDatasetCount(); i++) {
            XYDataset data = getDataset(i);
            if (data == null) {
                continue;
            }
            x = Range.combine(x, DatasetUtils.findDomainBounds(data, false));
            y = Range.combine(y, DatasetUtils.findRangeBounds(data, false));
        }
        if (x == null || y == null) {
            return Optional.empty();
        }
        return Optional.of(new Range[] {x, Range.expandToInclude(y, 0)});
    }

    /**
     * Ranges for {@code x} and {@code y} that fill a data area of {@code width} x {@code height} pixels at one scale:
     * the larger of the two spans per pixel, plus {@link #MARGIN}, each range centred on its data.
     */
    static Range[] ranges(Range x, Range y, double width, double height) {
        double w = Math.max(width, 1);
        double h = Math.max(height, 1);
        double perPixel = Math.max(x.getLength() / w, y.getLength() / h);
        if (!(perPixel > 0)) {
            // a single point: a span of a tenth of its size (or 1 ohm at the origin) around it
            double size = Math.max(Math.max(Math.abs(x.getCentralValue()), Math.abs(y.getCentralValue())), 10);
            perPixel = 0.1 * size / Math.min(w, h);
        }
        perPixel *= 1 + 2 * MARGIN;
        double halfX = perPixel * w / 2;
        double halfY = perPixel * h / 2;
        return new Range[] {new Range(x.getCentralValue() - halfX, x.getCentralValue() + halfX),
                new Range(y.getCentralValue() - halfY, y.getCentralValue() + halfY)};
    }

    @Override
    public boolean isDomainZoomable() {
        return false;
    }

    @Override
    public boolean isRangeZoomable() {
        return false;
    }
}
