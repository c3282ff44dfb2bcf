package org.norrlab.gui;

import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Insets;

/**
 * A row of buttons that wraps onto a second line when the window is too narrow, and asks for the height of the lines
 * it needs. A plain {@link FlowLayout} wraps too, but asks for one line only, so that on a 1366 × 768 screen or at the
 * window's minimum size the second line of buttons is drawn outside the panel, where nobody can click it.
 */
final class WrapLayout extends FlowLayout {
    WrapLayout(int align) {
        super(align);
    }

    @Override
    public Dimension preferredLayoutSize(Container target) {
        return size(target, true);
    }

    @Override
    public Dimension minimumLayoutSize(Container target) {
        Dimension minimum = size(target, false);
        minimum.width -= getHgap() + 1;
        return minimum;
    }

    private Dimension size(Container target, boolean preferred) {
        synchronized (target.getTreeLock()) {
            // The width the row will get: its parent's (laid out before it is asked, so already at the window's new
            // size), not its own, which is still the width from before the window was resized.
            Container sized = target.getParent() != null ? target.getParent() : target;
            while (sized.getWidth() == 0 && sized.getParent() != null) {
                sized = sized.getParent();
            }
            Insets around = sized == target ? new Insets(0, 0, 0, 0) : sized.getInsets();
            int targetWidth = sized.getWidth() == 0 ? Integer.MAX_VALUE : sized.getWidth() - around.left - around.right;
            Insets insets = target.getInsets();
            int horizontal = insets.left + insets.right + getHgap() * 2;
            int maxWidth = targetWidth - horizontal;
            Dimension whole = new Dimension(0, 0);
            int lineWidth = 0;
            int lineHeight = 0;
            for (Component c : target.getComponents()) {
                if (!c.isVisible()) {
                    continue;
                }
                Dimension d = preferred ? c.getPreferredSize() : c.getMinimumSize();
                if (lineWidth > 0 && lineWidth + getHgap() + d.width > maxWidth) {
                    addLine(whole, lineWidth, lineHeight);
                    lineWidth = 0;
                    lineHeight = 0;
                }
                lineWidth += (lineWidth > 0 ? getHgap() : 0) + d.width;
                lineHeight = Math.max(lineHeight, d.height);
            }
            addLine(whole, lineWidth, lineHeight);
            whole.width += horizontal;
            whole.height += insets.top + insets.bottom + getVgap() * 2;
            // In a scroll pane the row would otherwise never shrink back when the window is made narrower.
            if (SwingUtilities.getAncestorOfClass(JScrollPane.class, target) != null && target.isValid()) {
                whole.width -= getHgap() + 1;
            }
            return whole;
        }
    }

    private void addLine(Dimension whole, int lineWidth, int lineHeight) {
        whole.width = Math.max(whole.width, lineWidth);
        if (whole.height > 0) {
            whole.height += getVgap();
        }
        whole.height += lineHeight;
    }
}
