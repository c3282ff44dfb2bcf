package org.norrlab.gui;

import com.formdev.flatlaf.util.UIScale;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;

import javax.swing.JComponent;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Window;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Charts that follow the window's theme. Every chart of the GUI is built for a white page (the live charts, the
 * stored-session charts and the report figures shown in the Sessions and Analysis tabs alike); in the dark theme
 * its backgrounds, grid, axes, titles, legend and any black or grey trace are repainted in the theme's colours, and
 * its fonts grow with FlatLaf's HiDPI scale. Everything changed is remembered so that the light theme gives the
 * chart back exactly as it was built.
 * <p>
 * A chart can arrive in a panel at any time (a session chosen in Sessions, a new step in the live view), and
 * JFreeChart's ChartPanel tells nobody when its chart is replaced; but it always asks Swing to repaint it. A
 * {@link RepaintManager} that styles a ChartPanel's chart as the repaint is asked for catches every one of them,
 * without each view having to remember to call this class.
 */
final class ChartTheme {
    /** The plot's own background in the dark theme: darker than the panels so that coloured traces stand out. */
    private static final Color DARK_PLOT = new Color(0x2b, 0x2b, 0x2b);
    /**
     * What each chart was last styled for, and how to give it back as built; by identity (JFreeChart's equals and
     * hashCode follow its paints, which styling changes), and without keeping a closed view's charts alive.
     */
    private static final Map<Integer, List<Entry>> STYLED = new HashMap<>();

    private ChartTheme() {
    }

    /** The colours a chart is drawn in under a theme. */
    record Colours(Color chartBackground, Color plotBackground, Color text, Color grid) {
        static Colours of(Theme theme) {
            if (theme == Theme.LIGHT) {
                return new Colours(Color.WHITE, Color.WHITE, Color.BLACK, new Color(0xdd, 0xdd, 0xdd));
            }
            Color panel = colour("Panel.background", new Color(0x3c, 0x3f, 0x41));
            Color text = colour("Label.foreground", new Color(0xdd, 0xdd, 0xdd));
            return new Colours(panel, DARK_PLOT, text, blend(DARK_PLOT, text, 0.3));
        }
    }

    private record Entry(WeakReference<JFreeChart> chart, Styled styled) {
    }

    private static synchronized Styled styled(JFreeChart chart) {
        for (Entry e : STYLED.getOrDefault(System.identityHashCode(chart), List.of())) {
            if (e.chart().get() == chart) {
                return e.styled();
            }
        }
        return null;
    }

    private static synchronized void remember(JFreeChart chart, Styled styled) {
        List<Entry> entries = STYLED.computeIfAbsent(System.identityHashCode(chart), k -> new ArrayList<>());
        entries.removeIf(e -> e.chart().get() == null || e.chart().get() == chart);
        entries.add(new Entry(new WeakReference<>(chart), styled));
        STYLED.values().removeIf(list -> list.removeIf(e -> e.chart().get() == null) && list.isEmpty());
    }

    private record Styled(Theme theme, float scale, List<Runnable> undo) {
        void restore() {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
        }
    }

    /** Makes Swing style every chart a ChartPanel is asked to repaint; once per process. */
    static void installHook() {
        if (!(RepaintManager.currentManager((JComponent) null) instanceof StylingRepaintManager)) {
            RepaintManager.setCurrentManager(new StylingRepaintManager());
        }
    }

    /** Styles the charts of every open window for the theme now in use; on the event thread. */
    static void restyleOpenWindows() {
        for (Window w : Window.getWindows()) {
            for (ChartPanel panel : chartPanels(w)) {
                styleForCurrentTheme(panel.getChart());
                panel.repaint();
            }
        }
    }

    static void styleForCurrentTheme(JFreeChart chart) {
        if (chart != null) {
            style(chart, Theme.current(), UIScale.getUserScaleFactor());
        }
    }

    /**
     * Styles {@code chart} for {@code theme} at a HiDPI font scale of {@code scale}; does nothing when it already is.
     * Light at scale 1 is the chart as built.
     */
    static void style(JFreeChart chart, Theme theme, float scale) {
        Styled before = styled(chart);
        if (before != null && before.theme() == theme && before.scale() == scale) {
            return;
        }
        List<Runnable> undo = new ArrayList<>();
        // Recorded before the chart changes: its change events repaint it, and the repaint must find it done.
        remember(chart, new Styled(theme, scale, undo));
        if (before != null) {
            before.restore();
        }
        if (theme == Theme.LIGHT && scale == 1f) {
            return;
        }
        new Restyle(Colours.of(theme), theme == Theme.DARK, scale, undo).chart(chart);
    }

    /** The theme a chart was last styled for (light when never). */
    static Theme styledFor(JFreeChart chart) {
        Styled s = styled(chart);
        return s == null ? Theme.LIGHT : s.theme();
    }

    static List<ChartPanel> chartPanels(Container root) {
        List<ChartPanel> found = new ArrayList<>();
        for (Component c : root.getComponents()) {
            if (c instanceof ChartPanel panel) {
                found.add(panel);
            }
            if (c instanceof Container child) {
                found.addAll(chartPanels(child));
            }
        }
        return found;
    }

    /** WCAG contrast ratio of two colours: 1 (none) to 21 (black on white); text wants at least 4.5. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static Color colour(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c == null ? fallback : new Color(c.getRGB());
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    /** Grey, black or white: drawn for a white page, and to be redrawn in the theme's text colour. */
    private static boolean achromatic(Paint paint) {
        if (!(paint instanceof Color c)) {
            return false;
        }
        int max = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()));
        int min = Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
        return max - min < 24;
    }

    /** One pass over a chart, recording how to undo each change. */
    private record Restyle(Colours colours, boolean dark, float scale, List<Runnable> undo) {
        private <T> void set(Supplier<T> getter, Consumer<T> setter, T value) {
            T old = getter.get();
            undo.add(() -> setter.accept(old));
            setter.accept(value);
        }

        private void paint(Supplier<Paint> getter, Consumer<Paint> setter, Paint value) {
            if (dark) {
                set(getter, setter, value);
            }
        }

        private void font(Supplier<Font> getter, Consumer<Font> setter) {
            Font f = getter.get();
            if (scale != 1f && f != null) {
                set(getter, setter, f.deriveFont(f.getSize2D() * scale));
            }
        }

        void chart(JFreeChart chart) {
            paint(chart::getBackgroundPaint, chart::setBackgroundPaint, colours.chartBackground());
            if (chart.getTitle() != null) {
                title(chart.getTitle());
            }
            for (int i = 0; i < chart.getSubtitleCount(); i++) {
                Title t = chart.getSubtitle(i);
                if (t instanceof TextTitle text && text != chart.getTitle()) {
                    title(text);
                } else if (t instanceof LegendTitle legend) {
                    paint(legend::getItemPaint, legend::setItemPaint, colours.text());
                    paint(legend::getBackgroundPaint, legend::setBackgroundPaint, colours.chartBackground());
                    font(legend::getItemFont, legend::setItemFont);
                }
            }
            plot(chart.getPlot());
        }

        private void title(TextTitle title) {
            paint(title::getPaint, title::setPaint, colours.text());
            font(title::getFont, title::setFont);
        }

        private void plot(Plot plot) {
            if (plot instanceof CombinedDomainXYPlot combined) {
                combined.getSubplots().forEach(this::plot);
            } else if (plot instanceof CombinedRangeXYPlot combined) {
                combined.getSubplots().forEach(this::plot);
            }
            paint(plot::getBackgroundPaint, plot::setBackgroundPaint, colours.plotBackground());
            paint(plot::getOutlinePaint, plot::setOutlinePaint, colours.grid());
            if (plot instanceof XYPlot xy) {
                paint(xy::getDomainGridlinePaint, xy::setDomainGridlinePaint, colours.grid());
                paint(xy::getRangeGridlinePaint, xy::setRangeGridlinePaint, colours.grid());
                paint(xy::getDomainZeroBaselinePaint, xy::setDomainZeroBaselinePaint, colours.text());
                paint(xy::getRangeZeroBaselinePaint, xy::setRangeZeroBaselinePaint, colours.text());
                for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                    axis(xy.getDomainAxis(i));
                }
                for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                    axis(xy.getRangeAxis(i));
                }
                for (int i = 0; i < xy.getRendererCount(); i++) {
                    int series = xy.getDataset(i) == null ? 0 : xy.getDataset(i).getSeriesCount();
                    renderer((AbstractRenderer) xy.getRenderer(i), series);
                }
                for (Layer layer : new Layer[] {Layer.FOREGROUND, Layer.BACKGROUND}) {
                    markers(xy.getDomainMarkers(layer));
                    markers(xy.getRangeMarkers(layer));
                }
                for (XYAnnotation a : xy.getAnnotations()) {
                    if (a instanceof XYTextAnnotation text && achromatic(text.getPaint())) {
                        paint(text::getPaint, text::setPaint, colours.text());
                    }
                }
            } else if (plot instanceof CategoryPlot category) {
                paint(category::getDomainGridlinePaint, category::setDomainGridlinePaint, colours.grid());
                paint(category::getRangeGridlinePaint, category::setRangeGridlinePaint, colours.grid());
                for (int i = 0; i < category.getDomainAxisCount(); i++) {
                    axis(category.getDomainAxis(i));
                }
                for (int i = 0; i < category.getRangeAxisCount(); i++) {
                    axis(category.getRangeAxis(i));
                }
                for (int i = 0; i < category.getRendererCount(); i++) {
                    int series = category.getDataset(i) == null ? 0 : category.getDataset(i).getRowCount();
                    renderer((AbstractRenderer) category.getRenderer(i), series);
                }
            }
        }

        private void axis(Axis axis) {
            if (axis == null) {
                return;
            }
            paint(axis::getLabelPaint, axis::setLabelPaint, colours.text());
            paint(axis::getTickLabelPaint, axis::setTickLabelPaint, colours.text());
            paint(axis::getAxisLinePaint, axis::setAxisLinePaint, colours.text());
            paint(axis::getTickMarkPaint, axis::setTickMarkPaint, colours.text());
            font(axis::getLabelFont, axis::setLabelFont);
            font(axis::getTickLabelFont, axis::setTickLabelFont);
        }

        private void renderer(AbstractRenderer renderer, int seriesCount) {
            if (renderer == null || !dark) {
                return;
            }
            for (int s = 0; s < seriesCount; s++) {
                int series = s;
                if (achromatic(renderer.lookupSeriesPaint(series))) {
                    set(() -> renderer.getSeriesPaint(series), p -> renderer.setSeriesPaint(series, p, false), colours.text());
                }
            }
            renderer.setSeriesPaint(0, renderer.getSeriesPaint(0));   // one change event for all of the above
        }

        private void markers(Collection<?> markers) {
            if (markers == null) {
                return;
            }
            for (Object o : markers) {
                Marker m = (Marker) o;
                if (achromatic(m.getPaint())) {
                    paint(m::getPaint, m::setPaint, colours.text());
                }
                paint(m::getLabelPaint, m::setLabelPaint, colours.text());
            }
        }
    }

    /** Swing's repaint manager, which first styles the chart of a ChartPanel about to be repainted. */
    private static final class StylingRepaintManager extends RepaintManager {
        @Override
        public void addDirtyRegion(JComponent c, int x, int y, int w, int h) {
            if (c instanceof ChartPanel panel && SwingUtilities.isEventDispatchThread()) {
                styleForCurrentTheme(panel.getChart());
            }
            super.addDirtyRegion(c, x, y, w, h);
        }
    }
}
