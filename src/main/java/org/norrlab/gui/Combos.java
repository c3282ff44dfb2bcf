package org.norrlab.gui;

import javax.accessibility.Accessible;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.ListCellRenderer;
import javax.swing.ListModel;
import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;
import javax.swing.event.PopupMenuEvent;
import javax.swing.event.PopupMenuListener;
import java.awt.AWTEvent;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Insets;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import java.awt.event.ContainerEvent;
import java.beans.PropertyChangeListener;
import java.util.Optional;

/**
 * Combo boxes that never cut an entry off: the open list is as wide as its widest entry (however narrow the box is
 * in its layout), and the box's tooltip is the full text of the entry chosen, so a label shortened by the layout can
 * still be read. {@link #installEverywhere} gives every combo box of the application this, including those in
 * dialogs and in views added later, so that no view can forget it.
 */
final class Combos {
    /** Marks a combo box already fitted, so that a box added twice (or moved) is fitted once. */
    private static final String FITTED = "norrlab.combos.fitted";
    private static boolean everywhere;

    private Combos() {
    }

    /**
     * From now on, every combo box added to any container of this application is {@link #fit fitted}; call before
     * the first view is built. Once per application: later calls do nothing.
     */
    static synchronized void installEverywhere() {
        if (everywhere) {
            return;
        }
        everywhere = true;
        AWTEventListener added = event -> {
            if (event.getID() == ContainerEvent.COMPONENT_ADDED && event instanceof ContainerEvent e) {
                fitAll(e.getChild());
            }
        };
        Toolkit.getDefaultToolkit().addAWTEventListener(added, AWTEvent.CONTAINER_EVENT_MASK);
    }

    /** Fits {@code root} if it is a combo box, and every combo box inside it. */
    static void fitAll(Component root) {
        if (root instanceof JComboBox<?> box) {
            fit(box);
        }
        if (root instanceof Container container) {
            for (Component child : container.getComponents()) {
                fitAll(child);
            }
        }
    }

    /** The open list at least as wide as its widest entry; the tooltip the full text of the entry chosen. */
    static void fit(JComboBox<?> box) {
        if (box.getClientProperty(FITTED) != null) {
            return;
        }
        box.putClientProperty(FITTED, Boolean.TRUE);
        box.addPopupMenuListener(new PopupMenuListener() {
            @Override
            public void popupMenuWillBecomeVisible(PopupMenuEvent e) {
                // The look and feel sizes its popup to the box after this event, so the widening is done by the popup's own
                // listener, which runs after that and before the popup appears.
                popupOf(box).ifPresent(Combos::widenOnShow);
            }

            @Override
            public void popupMenuWillBecomeInvisible(PopupMenuEvent e) {
            }

            @Override
            public void popupMenuCanceled(PopupMenuEvent e) {
            }
        });
        ListDataListener changes = new ListDataListener() {
            @Override
            public void intervalAdded(ListDataEvent e) {
                showChosenAsTooltip(box);
            }

            @Override
            public void intervalRemoved(ListDataEvent e) {
                showChosenAsTooltip(box);
            }

            @Override
            public void contentsChanged(ListDataEvent e) {
                showChosenAsTooltip(box);
            }
        };
        box.getModel().addListDataListener(changes);
        PropertyChangeListener modelSwapped = e -> {
            if (e.getOldValue() instanceof ListModel<?> old) {
                old.removeListDataListener(changes);
            }
            box.getModel().addListDataListener(changes);
            showChosenAsTooltip(box);
        };
        box.addPropertyChangeListener("model", modelSwapped);
        box.addPropertyChangeListener("renderer", e -> showChosenAsTooltip(box));
        box.addActionListener(e -> showChosenAsTooltip(box));
        showChosenAsTooltip(box);
    }

    /** The text the box shows for its chosen entry, in full: what its renderer draws, else the entry's own text. */
    static String chosenText(JComboBox<?> box) {
        Object chosen = box.getSelectedItem();
        if (chosen == null) {
            return "";
        }
        return text(box, chosen, -1);
    }

    /** The widest entry as the box's renderer draws it in the box's font (the open list adds its insets and scroll bar). */
    static int widestEntry(JComboBox<?> box) {
        JList<Object> list = new JList<>();
        list.setFont(box.getFont());
        int widest = 0;
        for (int i = 0; i < box.getItemCount(); i++) {
            widest = Math.max(widest, rendered(box, list, box.getItemAt(i), i).getPreferredSize().width);
        }
        return widest;
    }

    private static void showChosenAsTooltip(JComboBox<?> box) {
        String text = chosenText(box);
        box.setToolTipText(text.isBlank() ? null : text);
    }

    private static String text(JComboBox<?> box, Object item, int index) {
        Component shown = rendered(box, new JList<>(), item, index);
        if (shown instanceof JLabel label && label.getText() != null && !label.getText().isBlank()) {
            return label.getText();
        }
        return String.valueOf(item);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Component rendered(JComboBox<?> box, JList<?> list, Object item, int index) {
        ListCellRenderer renderer = box.getRenderer();
        if (renderer == null) {   // between a look and feel's uninstall and install (a theme switch)
            return new JLabel(String.valueOf(item));
        }
        return renderer.getListCellRendererComponent(list, item, index, false, false);
    }

    /** The box's list as the look and feel pops it up, if it is a popup menu (it is in every Swing look and feel). */
    static Optional<JPopupMenu> popupOf(JComboBox<?> box) {
        Accessible child = box.getUI().getAccessibleChild(box, 0);
        return child instanceof JPopupMenu popup ? Optional.of(popup) : Optional.empty();
    }

    /** Once per popup (the look and feel may make a new one): widen its list before each showing. */
    private static void widenOnShow(JPopupMenu popup) {
        if (popup.getClientProperty(FITTED) != null) {
            return;
        }
        popup.putClientProperty(FITTED, Boolean.TRUE);
        popup.addPopupMenuListener(new PopupMenuListener() {
            @Override
            public void popupMenuWillBecomeVisible(PopupMenuEvent e) {
                widen(popup);
            }

            @Override
            public void popupMenuWillBecomeInvisible(PopupMenuEvent e) {
            }

            @Override
            public void popupMenuCanceled(PopupMenuEvent e) {
            }
        });
    }

    private static void widen(JPopupMenu popup) {
        if (!(popup.getInvoker() instanceof JComboBox<?> box)) {
            return;
        }
        JScrollPane scroller = null;
        for (Component c : popup.getComponents()) {
            if (c instanceof JScrollPane s) {
                scroller = s;
            }
        }
        if (scroller == null) {
            return;
        }
        Insets insets = scroller.getInsets();
        int width = widestEntry(box) + insets.left + insets.right;
        if (box.getItemCount() > box.getMaximumRowCount()) {
            width += scroller.getVerticalScrollBar().getPreferredSize().width;
        }
        Dimension now = scroller.getPreferredSize();
        if (width > now.width) {
            Dimension wider = new Dimension(width, now.height);
            scroller.setPreferredSize(wider);
            scroller.setMinimumSize(wider);
            scroller.setMaximumSize(wider);
        }
    }
}
