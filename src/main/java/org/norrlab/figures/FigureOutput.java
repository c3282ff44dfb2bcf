package org.norrlab.figures;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;


import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a report writes its figures: at which printed size ({@link FigureWidth}), in which {@link Style}, and as which
 * files. Every figure is laid out once in points at its printed size and then written as
 * <ul>
 *   <li>PNG: that layout drawn at 1000 px across (the report) or 600 dpi (a journal), with its resolution in the file;
 *   <li>SVG: the same drawing with its text as {@code <text>} elements, sized in points for a journal (1000 × 620
 *       for the report, as before);
 *   <li>PDF, for a journal size: a vector page of exactly the printed size, its text set in the embedded
 *       {@link FigureFont}.
 * </ul>
 *
 * @param titles whether each figure carries its title; journals set captions themselves, so by default not
 */
public record FigureOutput(FigureWidth width, boolean titles) {
    /** The report as it always was written: PNG and SVG at 1000 × 620, without titles. */
    public static final FigureOutput DEFAULT = new FigureOutput(FigureWidth.REPORT, false);
    /** In the SVG, the bundled font first and the fonts of like width after it, for an editor that lacks it. */
    private static final String SVG_FONTS = FigureFont.NAME + ", Verdana, sans-serif";

    /** The style every figure written this way is drawn in. */
    public Style style() {
        return Style.print(titles);
    }

    /** The files {@link #write} makes of a figure named {@code baseName}, in the order it names them. */
    public List<Path> files(Path directory, String baseName) {
        List<Path> files = new ArrayList<>(List.of(directory.resolve(baseName + ".png"),
                directory.resolve(baseName + ".svg")));
        if (width.journal()) {
            files.add(directory.resolve(baseName + ".pdf"));
        }
        return files;
    }

    /** Writes the chart as {@link #files}; the chart should have been built with {@link #style()}. */
    public List<Path> write(JFreeChart chart, Path directory, String baseName) throws IOException {
        List<Path> files = files(directory, baseName);
        writePng(chart, files.get(0));
        writeSvg(chart, files.get(1));
        if (width.journal()) {
            writePdf(chart, files.get(2));
        }
        return files;
    }

    /** The page of a chart in points: taller for stacked panels in a journal column ({@link FigureWidth}). */
    private Rectangle2D page(JFreeChart chart) {
        return new Rectangle2D.Double(0, 0, width.widthPt(), width.heightPt(stacked(chart)));
    }

    /** Whether the chart is panels stacked over one x axis (Bode, stability, LSV with Δj). */
    static boolean stacked(JFreeChart chart) {
        return chart.getPlot() instanceof CombinedDomainXYPlot || chart.getPlot() instanceof CombinedDomainCategoryPlot;
    }

    void writePng(JFreeChart chart, Path file) throws IOException {
        BufferedImage image = new BufferedImage(width.pngWidth(), width.pngHeight(stacked(chart)),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, image.getWidth(), image.getHeight());
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.scale(width.pixelsPerPoint(), width.pixelsPerPoint());
            chart.draw(g2, page(chart));
        } finally {
            g2.dispose();
        }
        writePngWithResolution(image, file, width.pixelsPerPoint() * 72);
    }

    /**
     * A PNG that says its resolution (the pHYs chunk, in pixels per metre), so that a word processor or a journal's
     * upload places it at its printed size, not at 96 dpi.
     */
    private static void writePngWithResolution(BufferedImage image, Path file, double dpi) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            String perMetre = Long.toString(Math.round(dpi / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            try {
                metadata.mergeTree("javax_imageio_png_1.0", root);
            } catch (IIOInvalidTreeException e) {
                throw new IOException("cannot record the resolution of " + file, e);
            }
            writer.setOutput(out);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
    }

    void writeSvg(JFreeChart chart, Path file) throws IOException {
        SVGUtils.writeToSVG(file.toFile(), svg(chart));
    }

    /** The chart as one SVG element, as {@link #write} writes it to its .svg file (the status page serves it). */
    public String svg(JFreeChart chart) {
        SVGGraphics2D svg;
        ViewBox viewBox;
        if (width.journal()) {
            // One user unit is one point: the SVG is as wide as the column, and a 7 pt label is font-size 7.
            svg = new SVGGraphics2D(width.widthPt(), width.heightPt(stacked(chart)), SVGUnits.PT);
            viewBox = new ViewBox(0, 0, width.widthPt(), width.heightPt(stacked(chart)));
        } else {
            svg = new SVGGraphics2D(width.pngWidth(), width.pngHeight(stacked(chart)));
            svg.scale(width.pixelsPerPoint(), width.pixelsPerPoint());
            viewBox = new ViewBox(0, 0, width.pngWidth(), width.pngHeight(stacked(chart)));
        }
        // a thousandth of a point is finer than any printer; all 17 digits of a double made a current figure 3.6 MB
        svg.setGeomDoubleConverter(SVGUtils.createDoubleConverter(3));
        svg.setFontFunction(family -> family.equals(FigureFont.NAME) ? SVG_FONTS : family);
        chart.draw(svg, page(chart));
        return svg.getSVGElement(null, true, viewBox, null, null);
    }

    void writePdf(JFreeChart chart, Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDRectangle size = new PDRectangle((float) width.widthPt(), (float) width.heightPt(stacked(chart)));
            PDPage page = new PDPage(size);
            document.addPage(page);
            PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(document, size.getWidth(), size.getHeight());
            PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer();
            try (InputStream font = FigureFont.open()) {
                // A subset: only the glyphs the figure uses go into the file.
                fonts.registerFont(FigureFont.NAME, PDType0Font.load(document, font, true));
            }
            g2.setFontTextDrawer(fonts);
            try {
                chart.draw(g2, page(chart));
            } finally {
                g2.dispose();
            }
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(g2.getXFormObject());
            }
            document.save(file.toFile());
        }
    }
}
