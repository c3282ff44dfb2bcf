package org.norrlab.gui;

import javax.swing.AbstractAction;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JMenuItem;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import java.awt.Component;
import java.awt.Container;
import java.awt.KeyboardFocusManager;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The window without a mouse: every button gets an Alt+letter mnemonic, Tab leaves a table instead of walking its
 * cells, and Enter on a table row opens it.
 */
final class Keyboard {
    private static final String OPEN_ROW = "norrlab.openRow";

    private Keyboard() {
    }

    /**
     * Gives every button under {@code tab} that has none a mnemonic: the first letter of a word of its text (else any
     * letter of it) that no other button of the tab uses and that is not in {@code reserved} (the menu bar's). A
     * mnemonic acts only while its button is showing, so the tabs may reuse each other's letters. Buttons that have a
     * mnemonic keep it, so calling this again (a view that added buttons) changes nothing else.
     */
    static void assignMnemonics(Container tab, Set<Character> reserved) {
        List<AbstractButton> buttons = new ArrayList<>();
        collectButtons(tab, buttons);
        Set<Character> used = new HashSet<>(reserved);
        for (AbstractButton b : buttons) {
            if (b.getMnemonic() != 0) {
                used.add(Character.toUpperCase((char) b.getMnemonic()));
            }
        }
        for (AbstractButton b : buttons) {
            if (b.getMnemonic() == 0) {
                int index = mnemonicIndex(b.getText(), used);
                if (index >= 0) {
                    char letter = Character.toUpperCase(b.getText().charAt(index));
                    used.add(letter);
                    b.setMnemonic(KeyEvent.getExtendedKeyCodeForChar(letter));
                    b.setDisplayedMnemonicIndex(index);
                }
            }
        }
    }

    private static void collectButtons(Container root, List<AbstractButton> into) {
        for (Component c : root.getComponents()) {
            if (c instanceof AbstractButton b && !(c instanceof JMenuItem) && b.getText() != null
                    && !b.getText().isBlank() && !b.getText().startsWith("<html>")) {
                into.add(b);
            }
            if (c instanceof Container child) {
                collectButtons(child, into);
            }
        }
    }

    /** Where in {@code text} the mnemonic goes: a word's first letter first, then any letter; -1 when all are taken. */
    static int mnemonicIndex(String text, Set<Character> used) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                boolean wordStart = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
                if ((pass == 1 || wordStart) && ch < 128 && Character.isLetter(ch)
                        && !used.contains(Character.toUpperCase(ch))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The letters of the menu titles, which Alt+letter opens: no button may take them. */
    static Set<Character> letters(int... keyCodes) {
        Set<Character> letters = new HashSet<>();
        for (int k : keyCodes) {
            letters.add(Character.toUpperCase((char) k));
        }
        return letters;
    }

    /**
     * Tab and Shift+Tab move the focus out of {@code table} (to the next control) instead of from cell to cell, so
     * that walking the window with Tab does not get stuck in a long table; the arrow keys still move between rows.
     */
    static void tabLeaves(JTable table) {
        KeyboardFocusManager keys = KeyboardFocusManager.getCurrentKeyboardFocusManager();
        table.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS,
                keys.getDefaultFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS));
        table.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS,
                keys.getDefaultFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS));
    }

    /**
     * Enter (instead of moving to the next row) and a double click open the selected row of {@code table}:
     * {@code open} gets the row's index in the model.
     */
    static void enterOpens(JTable table, Consumer<Integer> open) {
        Runnable openSelected = () -> {
            int row = table.getSelectedRow();
            if (row >= 0) {
                open.accept(table.convertRowIndexToModel(row));
            }
        };
        table.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), OPEN_ROW);
        table.getActionMap().put(OPEN_ROW, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                openSelected.run();
            }
        });
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    openSelected.run();
                }
            }
        });
    }
}
