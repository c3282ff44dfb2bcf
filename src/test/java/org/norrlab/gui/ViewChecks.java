package org.norrlab.gui;

import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenuItem;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * What a screen of the window shows, checked the way an operator would notice it: a control cut off by the window's
 * edge or squeezed below its size (a label or button whose text ends in "…"), and the controls Tab must reach.
 */
final class ViewChecks {
    private ViewChecks() {
    }

    /**
     * Every showing label, button, field and combo box under {@code root} that is not fully inside what its parents
     * show, or is smaller than it needs: for a label or a button the size of its whole text (Swing shortens a squeezed
     * text with "…"), for a field or a combo box its minimum size. Controls in a scroll pane are left out: the
     * operator scrolls to them. Each problem reads "what: why".
     */
    static List<String> cutOff(Container root) {
        List<String> problems = new ArrayList<>();
        collectCutOff(root, problems);
        return problems;
    }

    private static void collectCutOff(Container root, List<String> problems) {
        for (Component c : root.getComponents()) {
            if (!c.isShowing() || c instanceof JViewport) {
                continue;
            }
            if (c instanceof JLabel || c instanceof AbstractButton || c instanceof JTextComponent || c instanceof JComboBox
                    || c instanceof JSpinner) {
                JComponent j = (JComponent) c;
                Rectangle visible = j.getVisibleRect();
                if (visible.width < j.getWidth() || visible.height < j.getHeight()) {
                    problems.add(describe(c) + ": only " + visible.width + "×" + visible.height + " of its "
                            + j.getWidth() + "×" + j.getHeight() + " px are inside the window");
                }
                boolean text = c instanceof JLabel || c instanceof AbstractButton;
                Dimension need = text ? c.getPreferredSize() : c.getMinimumSize();
                // A combo box narrower than its longest entry is fitted by Combos (defect 10): its list opens as wide
                // as that entry and its tooltip holds the whole choice; only its height must fit.
                boolean fittedCombo = c instanceof JComboBox<?> box && Combos.chosenText(box).equals(
                        box.getToolTipText() == null ? "" : box.getToolTipText());
                if ((c.getWidth() < need.width && !fittedCombo) || c.getHeight() < need.height) {
                    problems.add(describe(c) + ": " + c.getWidth() + "×" + c.getHeight() + " px, needs " + need.width + "×"
                            + need.height + (text ? " for its whole text" : " (its minimum size)"));
                }
                if (c instanceof JComboBox || c instanceof JSpinner) {
                    continue;   // their arrow buttons and editors are parts of them, checked with them
                }
            }
            if (c instanceof Container child) {
                collectCutOff(child, problems);
            }
        }
    }

    /** The controls under {@code root} that Tab must reach: showing, enabled, focusable buttons, fields, tables, lists, combo boxes. */
    static List<JComponent> keyboardControls(Container root) {
        List<JComponent> found = new ArrayList<>();
        for (Component c : root.getComponents()) {
            boolean control = (c instanceof AbstractButton && !(c instanceof JMenuItem)) || c instanceof JTextComponent
                    || c instanceof JTable || c instanceof JList || c instanceof JComboBox || c instanceof JSpinner;
            if (control && c.isShowing() && c.isEnabled() && c.isFocusable()
                    && SwingUtilities.getAncestorOfClass(JComboBox.class, c) == null) {
                found.add((JComponent) c);
            }
            if (c instanceof Container child && !(c instanceof JComboBox) && !(c instanceof JSpinner)) {
                found.addAll(keyboardControls(child));
            }
        }
        return found;
    }

    static String describe(Component c) {
        String text = c instanceof AbstractButton b ? b.getText() : c instanceof JLabel l ? l.getText() : null;
        String where = "";
        for (Container p = c.getParent(); p != null; p = p.getParent()) {
            if (p.getName() != null) {
                where = " in '" + p.getName() + "'";
                break;
            }
        }
        return c.getClass().getSimpleName() + (c.getName() != null ? " '" + c.getName() + "'" : "")
                + (text != null && !text.isBlank() ? " \"" + text + "\"" : "") + where;
    }
}
