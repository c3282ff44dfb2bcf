package org.norrlab.figures;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What a journal checks in a figure, on every figure the report draws, written at one column's width: the printed
 * size, type between 7 and 10 pt at that size, no line under 0.5 pt, no title unless asked, text that stays text in
 * the SVG and the PDF.
 */
class JournalFiguresTest {
    /** The title every figure below is given; journals want none in the figure, so it must not be drawn. */
    private static final String TITLE = "Session 7: NORR demo sweep";
    /**
     * 85 mm and 68 mm in points: 85 / 25.4 × 72 = 240.945 pt, 68 / 25.4 × 72 = 192.756 pt; stacked panels 100 mm:
     * 100 / 25.4 × 72 = 283.465 pt.
     */
    private static final double WIDTH_PT = 240.945;
    private static final double HEIGHT_PT = 192.756;
    private static final double STACKED_HEIGHT_PT = 283.465;
    private static final List<String> STACKED = List.of("lsv", "bode", "stability");

    @TempDir
    static Path temp;
    private static final FigureOutput ONE_COLUMN = new FigureOutput(FigureWidth.ONE_COLUMN, false);
    private static final Map<String, List<Path>> written = new LinkedHashMap<>();

    /**
     * Every kind of figure the report draws, in the journal's style, written once for all the cases below: [PNG, SVG,
     * PDF] for FE/yield and I(t), the figures of the issue; SVG and PDF for the others (a 600 dpi PNG costs a second).
     */
    @BeforeAll
    static void writeEveryFigure() throws IOException {
        for (Map.Entry<String, Function<Style, JFreeChart>> figure : figures().entrySet()) {
            String name = figure.getKey();
            JFreeChart chart = figure.getValue().apply(ONE_COLUMN.style());
            if (name.equals("fe-yield") || name.equals("current")) {
                written.put(name, ONE_COLUMN.write(chart, temp, name));
            } else {
                List<Path> files = ONE_COLUMN.files(temp, name);
                ONE_COLUMN.writeSvg(chart, files.get(1));
                ONE_COLUMN.writePdf(chart, files.get(2));
                written.put(name, files);
            }
        }
    }

    static Map<String, Function<Style, JFreeChart>> figures() {
        Map<String, Function<Style, JFreeChart>> figures = new LinkedHashMap<>();
        figures.put("fe-yield", s -> FaradaicFigure.chart(s, TITLE, List.of(
                new FaradaicFigure.Point(-0.4, List.of(new FaradaicFigure.Bar("NH₃", 68.3, 1.0)), 21.5, 0.3),
                new FaradaicFigure.Point(-0.5, List.of(new FaradaicFigure.Bar("NH₃", 86.3, 1.2),
                        new FaradaicFigure.Bar("H₂", 9.1, 0.4)), 93.2, 1.3)), FaradaicFigure.POTENTIAL_AXIS));
        figures.put("current", s -> CurrentFigure.chart(s, TITLE, List.of(
                new CurrentFigure.Trace("-0.40 V vs RHE", new double[] {0.01, 0.05, 0.09}, new double[] {-4.1, -4.2, -4.2}),
                new CurrentFigure.Trace("-0.50 V vs RHE", new double[] {0.09, 0.13, 0.17}, new double[] {-14, -14.5, -14.4}))));
        figures.put("cp-potential", s -> CurrentFigure.potential(s, TITLE, List.of(new CurrentFigure.Trace(
                "-10 mA cm⁻²", new double[] {0, 0.1, 0.2}, new double[] {-0.52, -0.55, -0.56}))));
        SweepFigure.Line ar = new SweepFigure.Line("LSV step 6 (Ar)", new double[] {0.1, -0.3, -0.7},
                new double[] {-0.1, -2, -9});
        SweepFigure.Line no = new SweepFigure.Line("LSV step 7 (NO)", new double[] {0.1, -0.3, -0.7},
                new double[] {-0.2, -6, -30});
        figures.put("lsv", s -> SweepFigure.lsv(s, TITLE, List.of(ar, no), Optional.of(new SweepFigure.Line("Δj",
                new double[] {0.1, -0.3, -0.7}, new double[] {-0.1, -4, -21}))));
        figures.put("cv", s -> SweepFigure.cv(s, TITLE, List.of(new SweepFigure.Line("cycle 1",
                new double[] {0.1, 0.3, 0.1}, new double[] {-0.01, 0.02, 0.01}))));
        figures.put("cdl-fit", s -> SweepFigure.cdlFit(s, TITLE, "Δj/2 at 0.200 V vs RHE", List.of(
                new SweepFigure.RatePoint(10, 20), new SweepFigure.RatePoint(50, 100)), "C_dl = 2.000 mF cm⁻²", 2, 0));
        ImpedanceFigure.Spectrum spectrum = new ImpedanceFigure.Spectrum("step 3 measured",
                new double[] {1e5, 1e3, 10, 0.1}, new double[] {10.2, 15, 55, 60}, new double[] {-0.5, -10, -20, -2});
        figures.put("nyquist", s -> ImpedanceFigure.nyquist(s, TITLE, spectrum, Optional.empty()));
        figures.put("bode", s -> ImpedanceFigure.bode(s, TITLE, spectrum, Optional.empty()));
        figures.put("tafel", s -> TafelFigure.chart(s, TITLE, "E − iR_u (V vs RHE), R_u = 12.0 Ω",
                new TafelFigure.Points("CA steps", new double[] {0, 0.5, 1}, new double[] {0.1, 0.04, -0.02}),
                new TafelFigure.Line(-0.12, 0.1, 0, 1, "R² 1.000, 3 points")));
        figures.put("stability", s -> StabilityFigure.chart(s, TITLE, List.of(
                new StabilityFigure.Bar(-0.6, 1, 75, 1, 148, 2), new StabilityFigure.Bar(-0.6, 2, 74, 1, 146, 2))));
        return figures;
    }

    @Test
    void thePdfIsOneColumnWideAndHoldsItsTextAsTextInAnEmbeddedFont() throws Exception {
        for (Map.Entry<String, List<Path>> figure : written.entrySet()) {
            Path pdf = figure.getValue().get(2);
            assertThat(pdf.getFileName().toString()).isEqualTo(figure.getKey() + ".pdf");
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
                PDPage page = document.getPage(0);
                PDRectangle box = page.getMediaBox();
                assertThat((double) box.getWidth()).as(figure.getKey()).isCloseTo(WIDTH_PT, within(0.5));
                assertThat((double) box.getHeight()).as(figure.getKey())
                        .isCloseTo(STACKED.contains(figure.getKey()) ? STACKED_HEIGHT_PT : HEIGHT_PT, within(0.5));
                // Text objects, in the embedded DejaVu Sans (a subset: "ABCDEF+DejaVuSans"), not glyph outlines: the
                // text can be read back, the Unicode axis labels included, and no title among it.
                String text = pdfText(document);
                assertThat(text).as(figure.getKey()).doesNotContain(squeezed(TITLE));
                assertThat(fontNames(document)).as(figure.getKey()).isNotEmpty()
                        .allMatch(name -> name.endsWith("+DejaVuSans"));
            }
        }
        try (PDDocument fe = Loader.loadPDF(written.get("fe-yield").get(2).toFile())) {
            assertThat(pdfText(fe)).contains(squeezed("Faradaic efficiency (%)"))
                    .contains(squeezed("NH₃ yield (µmol h⁻¹ cm⁻²)")).contains(squeezed("E (V vs RHE)")).contains("-0.50");
        }
    }

    @Test
    void everySvgTextIsTextOfSevenToTenPointsAndNoLineIsThinnerThanHalfAPoint() throws Exception {
        for (Map.Entry<String, List<Path>> figure : written.entrySet()) {
            Document svg = parse(figure.getValue().get(1));
            Element root = svg.getDocumentElement();
            // one user unit is one point: width in pt and a viewBox of the same numbers
            assertThat(root.getAttribute("width")).isEqualTo("240.945pt");
            String height = STACKED.contains(figure.getKey()) ? "283.465" : "192.756";
            assertThat(root.getAttribute("height")).isEqualTo(height + "pt");
            assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 240.945 " + height);
            NodeList texts = svg.getElementsByTagName("text");
            assertThat(texts.getLength()).as(figure.getKey()).isGreaterThan(5);
            List<String> contents = new ArrayList<>();
            for (int i = 0; i < texts.getLength(); i++) {
                Element text = (Element) texts.item(i);
                contents.add(text.getTextContent());
                double size = number(text.getAttribute("style"), "font-size:\\s*([0-9.]+)px");
                assertThat(size).as(figure.getKey() + ": '" + text.getTextContent() + "'").isBetween(7.0, 10.0);
            }
            assertThat(contents).as(figure.getKey()).doesNotContain(TITLE);
            // lines: data 1 pt, axes, ticks, grid, outlines and error bars 0.5 pt, none thinner
            for (String width : matches(Files.readString(figure.getValue().get(1)), "stroke-width:\\s*([0-9.]+)")) {
                assertThat(Double.parseDouble(width)).as(figure.getKey() + " stroke").isGreaterThanOrEqualTo(0.5);
            }
        }
        // the y axes' labels are drawn rotated: text too, not shapes
        assertThat(texts(written.get("fe-yield").get(1))).contains("Faradaic efficiency (%)", "NH₃ yield (µmol h⁻¹ cm⁻²)",
                "E (V vs RHE)", "FE NH₃", "FE H₂");
        // the traces end at 0.17 h = 612 s: over 10 min and up to 5 h, drawn in min (TimeScale, as the GUI does)
        assertThat(texts(written.get("current").get(1))).contains("j (mA cm⁻²)", "Time (min)", "-0.40 V vs RHE");
        // one potential, no title: the cycle axis names the potential the title would have named
        assertThat(texts(written.get("stability").get(1))).contains("Cycle at -0.60 V vs RHE");
    }

    @Test
    void aTitleIsDrawnWhenAskedAtNinePoints() throws Exception {
        FigureOutput titled = new FigureOutput(FigureWidth.ONE_COLUMN, true);
        Path dir = Files.createDirectories(temp.resolve("titled"));
        List<Path> files = titled.files(dir, "fe-yield");
        JFreeChart chart = figures().get("fe-yield").apply(titled.style());
        titled.writeSvg(chart, files.get(1));
        titled.writePdf(chart, files.get(2));
        Document svg = parse(files.get(1));
        NodeList texts = svg.getElementsByTagName("text");
        Optional<Element> title = IntStream.range(0, texts.getLength()).mapToObj(i -> (Element) texts.item(i))
                .filter(e -> e.getTextContent().equals(TITLE)).findFirst();
        assertThat(title).isPresent();
        assertThat(number(title.get().getAttribute("style"), "font-size:\\s*([0-9.]+)px")).isEqualTo(9.0);
        try (PDDocument pdf = Loader.loadPDF(files.get(2).toFile())) {
            assertThat(pdfText(pdf)).contains(squeezed(TITLE));
        }
    }

    /**
     * FE/yield and I(t), the PDFs rendered at print size (300 dpi) as a reader sees them, kept in
     * target/figure-renderings/ to look at: nothing touches the page's edge (a label cut off by the page would), and
     * the ink is where a figure's is, on every side of the page.
     */
    @Test
    void theRenderedPdfsLeaveAMarginOnEverySide() throws Exception {
        Path out = Files.createDirectories(Path.of("target", "figure-renderings"));
        for (String name : List.of("fe-yield", "current")) {
            BufferedImage page;
            try (PDDocument pdf = Loader.loadPDF(written.get(name).get(2).toFile())) {
                page = new PDFRenderer(pdf).renderImageWithDPI(0, 300, ImageType.RGB);
            }
            ImageIO.write(page, "png", out.resolve(name + "-one-column.png").toFile());
            // 85 mm at 300 dpi: 85 / 25.4 × 300 = 1003.9 px, cut to 1003 by the renderer; 68 mm: 803.1 → 803 px
            assertThat(page.getWidth()).isEqualTo(1003);
            assertThat(page.getHeight()).isEqualTo(803);
            Rectangle ink = inkBounds(page);
            assertThat(ink.x).as(name + ": left margin").isGreaterThan(0);
            assertThat(ink.y).as(name + ": top margin").isGreaterThan(0);
            assertThat(page.getWidth() - (ink.x + ink.width)).as(name + ": right margin").isGreaterThan(0);
            assertThat(page.getHeight() - (ink.y + ink.height)).as(name + ": bottom margin").isGreaterThan(0);
            // and the figure fills its column: no margin wider than 6 mm (71 px at 300 dpi)
            assertThat(Math.max(Math.max(ink.x, ink.y), Math.max(page.getWidth() - ink.x - ink.width,
                    page.getHeight() - ink.y - ink.height))).as(name + ": widest margin").isLessThan(71);
        }
    }

    /** The smallest rectangle holding every pixel that is not near white. */
    private static Rectangle inkBounds(BufferedImage image) {
        int left = image.getWidth();
        int top = image.getHeight();
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int darkest = Math.min(Math.min((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF), rgb & 0xFF);
                if (darkest < 200) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return new Rectangle(left, top, right - left + 1, bottom - top + 1);
    }

    @Test
    void thePngIsTheColumnAt600DpiAndSaysSo() throws Exception {
        Path png = written.get("fe-yield").get(0);
        // 85 mm / 25.4 × 600 = 2007.9 → 2008 px; 68 mm / 25.4 × 600 = 1606.3 → 1606 px
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            reader.setInput(in);
            assertThat(reader.getWidth(0)).isEqualTo(2008);
            assertThat(reader.getHeight(0)).isEqualTo(1606);
            IIOMetadata metadata = reader.getImageMetadata(0);
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            // 600 dpi = 600 / 0.0254 m = 23622 pixels per metre
            assertThat(phys.getAttribute("pixelsPerUnitXAxis")).isEqualTo("23622");
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
        } finally {
            reader.dispose();
        }
    }

    @Test
    void theReportSizeIsTheTwoColumnFigureDrawn1000PixelsAcross() {
        // 175 mm = 496.063 pt; 1000 px / 496.063 pt = 2.0159 px per pt; 108.5 mm = 307.559 pt → 620 px
        assertThat(FigureWidth.REPORT.pngWidth()).isEqualTo(1000);
        assertThat(FigureWidth.REPORT.pngHeight()).isEqualTo(620);
        assertThat(FigureWidth.TWO_COLUMN.widthPt()).isCloseTo(496.063, within(0.001));
        // 7 pt type on the report's PNG: 7 × 2.0159 = 14.1 px, the 14 px the report's ticks always had
        assertThat(Style.PRINT_TICKS_PT * FigureWidth.REPORT.pixelsPerPoint()).isCloseTo(14.11, within(0.01));
        assertThat(new FigureOutput(FigureWidth.REPORT, false).files(temp, "x")).extracting(p -> p.getFileName().toString())
                .containsExactly("x.png", "x.svg");
        assertThat(FigureWidth.of(" One-Column ")).contains(FigureWidth.ONE_COLUMN);
        assertThat(FigureWidth.of("a4")).isEmpty();
    }

    /**
     * The page's text without white space: PDFBox's text extraction cuts a rotated label into pieces at line breaks
     * of its own ("Fa", "ra", "da", ...), which joined again are the label.
     */
    private static String pdfText(PDDocument document) throws IOException {
        return squeezed(new PDFTextStripper().getText(document));
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static List<String> fontNames(PDDocument document) throws IOException {
        List<String> names = new ArrayList<>();
        collectFonts(document.getPage(0).getResources(), names);
        return names;
    }

    /** The fonts of a page, including those of the form XObject the figure is drawn into. */
    private static void collectFonts(PDResources resources, List<String> names)
            throws IOException {
        if (resources == null) {
            return;
        }
        for (var name : resources.getFontNames()) {
            names.add(resources.getFont(name).getName());
        }
        for (var name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) {
                collectFonts(form.getResources(), names);
            }
        }
    }

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        // the SVG names the W3C DTD; a well-formedness check must not try to fetch it
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return xml.newDocumentBuilder().parse(svg.toFile());
    }

    static List<String> texts(Path svg) throws Exception {
        NodeList texts = parse(svg).getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            out.add(texts.item(i).getTextContent());
        }
        return out;
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'" + regex + "' in " + text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static List<String> matches(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
