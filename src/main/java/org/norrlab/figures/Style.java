package org.norrlab.figures;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * One look for every figure, on screen and in print: type, line widths, a colour-blind-safe palette with a dash
 * pattern and a marker per series (so that the series also part in greyscale), and whether the figure carries its
 * title.
 *
 * <p>{@link #print} is laid out in points (1/72 in): a figure drawn on a canvas of its printed size in points has
 * 7 pt tick labels, 8 pt axis labels and 0.5 pt lines at that size, whatever it is written as ({@link FigureOutput}).
 * {@link #SCREEN} is the window's (pixels, with titles), the look the figures had before they were made for print.
 */
public final class Style {
    /**
     * The Okabe–Ito palette (Okabe and Ito 2008, "Color Universal Design"), in the order series take it: blue,
     * vermillion, bluish green, orange, reddish purple, sky blue, black, yellow. Its colours stay apart for
     * deuteranopes, protanopes and tritanopes; yellow is last because a thin yellow line is faint on white.
     */
    public static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xE69F00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442));
    /**
     * The dash pattern of series i (i modulo the count), in multiples of the line width: solid, dashed, dotted,
     * dash-dot, long dash, dash-dot-dot. Six against eight colours, so a colour comes back with another dash.
     */
    static final List<float[]> DASHES = List.of(new float[0], new float[] {5, 2.5f}, new float[] {1, 2},
            new float[] {5, 2, 1, 2}, new float[] {9, 3}, new float[] {5, 2, 1, 2, 1, 2});
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    /** The window's figures: the fonts they always had, in pixels, with their titles. */
    public static final Style SCREEN = new Style(new Font(Font.SANS_SERIF, Font.BOLD, 18),
            new Font(Font.SANS_SERIF, Font.PLAIN, 16), new Font(Font.SANS_SERIF, Font.PLAIN, 14), 1.5f, 0.5f, 10, true,
            null);

    static {
        // JFreeChart draws a rotated string (the y axes' labels) through a TextLayout by default, which an SVG or PDF
        // canvas receives as glyph outlines: the label would be a drawing, not text an editor can change. Java 2D
        // has drawn rotated strings correctly for twenty years; the workaround is for Java 1.3.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** The size of tick labels, legends and annotations in print, in points; journals ask for 6–8 pt at print size. */
    public static final float PRINT_TICKS_PT = 7f;
    /** The size of axis labels in print, in points. */
    public static final float PRINT_LABELS_PT = 8f;
    /** The size of a title in print, when asked for one, in points. */
    public static final float PRINT_TITLE_PT = 9f;
    /** The width of every data line in print, in points; axes, ticks, grid and error bars are {@link #THIN_PT}. */
    public static final float PRINT_LINE_PT = 1f;
    /** The thinnest line a figure draws in print: journals refuse lines under 0.5 pt (they vanish when printed). */
    public static final float THIN_PT = 0.5f;

    final Font title;
    final Font labels;
    final Font ticks;
    final float line;
    final float thin;
    final double marker;
    final boolean titles;
    /** Room around the chart and around each plot; null keeps JFreeChart's (the window's look). */
    final RectangleInsets padding;

    private Style(Font title, Font labels, Font ticks, float line, float thin, double marker, boolean titles,
                  RectangleInsets padding) {
        this.title = title;
        this.labels = labels;
        this.ticks = ticks;
        this.line = line;
        this.thin = thin;
        this.marker = marker;
        this.titles = titles;
        this.padding = padding;
    }

    /**
     * The style of a figure drawn at its printed size in points, in the bundled font ({@link FigureFont}), which the
     * PDF embeds and the PNG is drawn with, so that what was measured for the layout is what is printed.
     *
     * @param titles whether the figure carries its title: journals set the caption themselves, so by default not
     */
    public static Style print(boolean titles) {
        Font font = FigureFont.regular();
        return new Style(font.deriveFont(PRINT_TITLE_PT), font.deriveFont(PRINT_LABELS_PT),
                font.deriveFont(PRINT_TICKS_PT), PRINT_LINE_PT, THIN_PT, 4.5, titles, new RectangleInsets(2, 2, 2, 2));
    }

    /**
     * Room around the chart: for a numeric x axis more on the right, where its last tick label is centred on the
     * plot's edge ("100000" of a Bode plot was cut in half); a category axis has no label there.
     */
    private static RectangleInsets chartPadding(RectangleInsets padding, Plot plot) {
        double right = plot instanceof XYPlot ? padding.getRight() + 8 : padding.getRight();
        return new RectangleInsets(padding.getTop(), padding.getLeft(), padding.getBottom(), right);
    }

    public boolean titles() {
        return titles;
    }

    public Font tickFont() {
        return ticks;
    }

    public Font labelFont() {
        return labels;
    }

    /** The chart around a plot: a white background, the title only when this style has titles, the legend's type. */
    JFreeChart chart(String titleText, Plot plot, boolean legend) {
        plot(plot);
        JFreeChart chart = new JFreeChart(titles ? titleText : null, title, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        if (padding != null) {
            // JFreeChart's 8 pt beside a plot is 7 % of a column: the figure would float in white
            chart.setPadding(chartPadding(padding, plot));
        }
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(title);
        }
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setItemFont(ticks);
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    void axis(Axis axis) {
        axis.setLabelFont(labels);
        axis.setTickLabelFont(ticks);
        axis.setAxisLineStroke(new BasicStroke(thin));
        axis.setAxisLinePaint(Color.BLACK);
        axis.setTickMarkStroke(new BasicStroke(thin));
        axis.setTickMarkPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setLabelPaint(Color.BLACK);
        if (axis instanceof CategoryAxis category && padding != null) {
            category.setCategoryLabelPositionOffset(2);
        }
    }

    /** A white plot with a thin outline and thin solid grid lines of {@link #GRID}. */
    void plot(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setOutlineStroke(new BasicStroke(thin));
        if (padding != null) {
            plot.setInsets(padding);
        }
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(thin));
            xy.setRangeGridlineStroke(new BasicStroke(thin));
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                if (xy.getRangeAxis(i) != null) {
                    axis(xy.getRangeAxis(i));
                }
            }
            if (xy.getDomainAxis() != null) {
                axis(xy.getDomainAxis());
            }
        }
        if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(GRID);
            category.setRangeGridlineStroke(new BasicStroke(thin));
        }
    }

    /** The colour of series i: the palette's, again from its start past its end. */
    static Color colour(int i) {
        return PALETTE.get(Math.floorMod(i, PALETTE.size()));
    }

    /** The line of series i: the data line width with the dash pattern of {@link #DASHES}. */
    Stroke line(int i) {
        float[] dash = DASHES.get(Math.floorMod(i, DASHES.size()));
        if (dash.length == 0) {
            return new BasicStroke(line, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        }
        float[] scaled = new float[dash.length];
        for (int k = 0; k < dash.length; k++) {
            scaled[k] = dash[k] * line;
        }
        return new BasicStroke(line, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
    }

    /** The plain data line, without dashes: a fitted line, or a single series. */
    Stroke solidLine() {
        return line(0);
    }

    Stroke thinLine() {
        return new BasicStroke(thin);
    }

    /**
     * The marker of series i: circle, square, up triangle, diamond, down triangle, in turn, all of one size and
     * centred on the point, so that points of two series part where their colours do not.
     */
    Shape marker(int i) {
        double r = marker / 2;
        return switch (Math.floorMod(i, 5)) {
            case 0 -> new Ellipse2D.Double(-r, -r, marker, marker);
            case 1 -> new Rectangle2D.Double(-r * 0.9, -r * 0.9, marker * 0.9, marker * 0.9);
            case 2 -> polygon(0, -r * 1.15, r * 1.1, r * 0.85, -r * 1.1, r * 0.85);
            case 3 -> polygon(0, -r * 1.2, r * 1.2, 0, 0, r * 1.2, -r * 1.2, 0);
            default -> polygon(0, r * 1.15, r * 1.1, -r * 0.85, -r * 1.1, -r * 0.85);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int k = 2; k < xy.length; k += 2) {
            path.lineTo(xy[k], xy[k + 1]);
        }
        path.closePath();
        return path;
    }

    /** Lines only, series i in colour i + first, dash i + first: the renderer of every curve figure. */
    XYLineAndShapeRenderer lines(int count, int first) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // one path per series, not a line per pair of points: a dash pattern runs on along the curve instead of
        // starting again at every sample, and an SVG of 12 000 samples is a few paths, not 12 000 elements
        renderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < count; i++) {
            renderer.setSeriesPaint(i, colour(i + first));
            renderer.setSeriesStroke(i, line(i + first));
        }
        return renderer;
    }

    /**
     * A named curve of the points (x[i], y[i]) in their order: not sorted and duplicates kept, since a CV goes back over
     * its own potentials and a decimated trace may repeat a time.
     */
    static XYSeries series(String label, double[] x, double[] y) {
        XYSeries series = new XYSeries(label, false, true);
        for (int i = 0; i < x.length; i++) {
            series.add(x[i], y[i], false);
        }
        return series;
    }

    /**
     * Series 0 as black open markers (the measured points), series 1 as a plain line in the second colour (the fit
     * through them): the look the Tafel and scan-rate figures share.
     */
    XYLineAndShapeRenderer pointsAndFittedLine() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShapesFilled(0, false);
        renderer.setSeriesShape(0, marker(0));
        renderer.setSeriesPaint(0, Color.BLACK);
        renderer.setSeriesOutlineStroke(0, thinLine());
        renderer.setSeriesStroke(0, new BasicStroke(line));
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(1, colour(1));
        renderer.setSeriesStroke(1, solidLine());
        return renderer;
    }
}
