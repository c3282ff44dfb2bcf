package org.norrlab.figures;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The printed size of a report's figures. The journals' column widths are those most publishers give (Elsevier,
 * ACS, RSC, Wiley: 8.3–8.9 cm for one column, 17–18 cm for two); the heights are the aspect ratios of norrlab's
 * figures. The report's own size is the two-column figure drawn 1000 pixels wide, as the report's PNGs always were.
 */
public enum FigureWidth {
    /** summary.md's figures: PNG of 1000 × 620 pixels and an SVG of that size, no PDF (the report as it was). */
    REPORT("report", 175, 108.5, 108.5, false),
    /**
     * One journal column: 85 mm × 68 mm, and 85 mm × 100 mm for a figure of stacked panels (Bode, stability, LSV with
     * Δj), whose axis labels would otherwise run into each other; PNG at 600 dpi, SVG and PDF at the printed size.
     */
    ONE_COLUMN("one-column", 85, 68, 100, true),
    /** Two journal columns (a page's width): 175 mm × 108.5 mm; PNG at 600 dpi, SVG and PDF at the printed size. */
    TWO_COLUMN("two-column", 175, 108.5, 108.5, true);

    /** Pixels of the report's PNG across: the width its figures always had on a screen and in summary.md. */
    public static final int REPORT_PIXELS = 1000;
    /** The resolution of a journal figure's PNG: what publishers ask for line art combined with text. */
    public static final int JOURNAL_DPI = 600;
    private static final double POINTS_PER_MM = 72 / 25.4;

    private final String option;
    private final double widthMm;
    private final double heightMm;
    private final double stackedHeightMm;
    private final boolean journal;

    FigureWidth(String option, double widthMm, double heightMm, double stackedHeightMm, boolean journal) {
        this.option = option;
        this.widthMm = widthMm;
        this.heightMm = heightMm;
        this.stackedHeightMm = stackedHeightMm;
        this.journal = journal;
    }

    /** The word the command line takes for this size: "report", "one-column", "two-column". */
    public String option() {
        return option;
    }

    public double widthMm() {
        return widthMm;
    }

    public double heightMm() {
        return heightMm;
    }

    /** The height of a figure of panels stacked over one x axis. */
    public double stackedHeightMm() {
        return stackedHeightMm;
    }

    /** Whether this is a journal's size: the figure is then also written as a PDF, and its PNG at 600 dpi. */
    public boolean journal() {
        return journal;
    }

    /** The width in points (1/72 in), the unit the figure is laid out in. */
    public double widthPt() {
        return widthMm * POINTS_PER_MM;
    }

    public double heightPt() {
        return heightMm * POINTS_PER_MM;
    }

    public double heightPt(boolean stacked) {
        return (stacked ? stackedHeightMm : heightMm) * POINTS_PER_MM;
    }

    /** Pixels of the PNG per point of the layout: 1000 px across for the report, 600 dpi for a journal. */
    public double pixelsPerPoint() {
        return journal ? JOURNAL_DPI / 72.0 : REPORT_PIXELS / widthPt();
    }

    public int pngWidth() {
        return (int) Math.round(widthPt() * pixelsPerPoint());
    }

    public int pngHeight() {
        return pngHeight(false);
    }

    public int pngHeight(boolean stacked) {
        return (int) Math.round(heightPt(stacked) * pixelsPerPoint());
    }

    /** The size a command-line word names, in any case; empty for an unknown word. */
    public static Optional<FigureWidth> of(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.option.equals(w)).findFirst();
    }

    /** "report, one-column, two-column": the words a message names as allowed. */
    public static String options() {
        return Arrays.stream(values()).map(FigureWidth::option).collect(Collectors.joining(", "));
    }
}
