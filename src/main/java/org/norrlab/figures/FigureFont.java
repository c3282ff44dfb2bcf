package org.norrlab.figures;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The typeface of printed figures: DejaVu Sans 2.37, bundled (its licence, Bitstream Vera's with DejaVu's changes in
 * the public domain, is DejaVuSans-LICENSE.txt beside it). Bundled, not taken from the system, because the PDF embeds
 * the very font the layout was measured with, on any computer; and DejaVu Sans because it has every character the
 * axes write (µ, Ω, Δ, −, ₃ and the superscript minus of "h⁻¹"), which Liberation Sans, the font PDFBox carries,
 * lacks the last of.
 */
public final class FigureFont {
    /** The font's name as Java reports it, which is also the name the PDF embeds it under. */
    public static final String NAME = "DejaVu Sans";
    private static final String RESOURCE = "DejaVuSans.ttf";
    private static volatile Font regular;

    private FigureFont() {
    }

    /** The font at 1 pt; callers derive the size they draw at. */
    public static Font regular() {
        Font font = regular;
        if (font == null) {
            synchronized (FigureFont.class) {
                font = regular;
                if (font == null) {
                    try (InputStream in = open()) {
                        font = Font.createFont(Font.TRUETYPE_FONT, in);
                    } catch (FontFormatException e) {
                        throw new IllegalStateException("the bundled figure font " + RESOURCE + " is not a TrueType font",
                                e);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the bundled figure font " + RESOURCE, e);
                    }
                    regular = font;
                }
            }
        }
        return font;
    }

    /** The font file itself, for a PDF to embed (a subset of). */
    static InputStream open() throws IOException {
        InputStream in = FigureFont.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("the figure font " + RESOURCE + " is missing from the program's jar");
        }
        return in;
    }
}
