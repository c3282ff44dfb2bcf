package org.norrlab.gui;

import javax.swing.JLabel;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Insets;

/**
 * A line of status text whose size never depends on its text: one line high in its font, and asking for no width of
 * its own, so that a long message appearing can neither push a button aside nor grow a row and move the ones below
 * (the click meant for Analyse hit Export JSON). Text wider than the line is cut with "…" by the label; the whole
 * text is its tooltip. Lay it out where it is stretched to the width it has (a row of its own, a BorderLayout edge).
 */
final class StatusLine extends JLabel {
    StatusLine(String text) {
        super(text);
        setToolTipText(fullText(text));
    }

    @Override
    public void setText(String text) {
        super.setText(text);
        setToolTipText(fullText(text));
    }

    private static String fullText(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(0, oneLine());
    }

    @Override
    public Dimension getMinimumSize() {
        return new Dimension(0, oneLine());
    }

    @Override
    public Dimension getMaximumSize() {
        return new Dimension(Integer.MAX_VALUE, oneLine());
    }

    private int oneLine() {
        Insets insets = getInsets();
        FontMetrics metrics = getFontMetrics(getFont());
        return metrics.getHeight() + insets.top + insets.bottom;
    }
}
