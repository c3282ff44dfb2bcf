package org.norrlab.gui;

import org.norrlab.plan.ProtocolFields;

import javax.swing.BorderFactory;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import java.awt.Color;
import java.awt.Component;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of one step kind (or of the protocol level) as a form: a text field per value with its unit typed in it
 * ("-0.5 V", "30 min"), a vs RHE / vs RE switch beside every potential, a list for the few words a field allows, and
 * under each field the loader's message when it names that field. What a field means and allows is shown for the
 * field that has the focus. Every change is handed to {@code onChange} as the text the protocol file will hold.
 */
final class FieldForm extends JPanel {
    static final String RHE = "vs RHE";
    static final String RE = "vs RE";
    /** A potential written without a scale: the loader refuses it, and the editor does not guess one. */
    static final String NO_SCALE = "(no scale)";
    private static final Pattern SCALED = Pattern.compile("(?i)^(.*?)\\s+(vs\\s+(?:RHE|RE))$");
    private static final Color ERROR = new Color(0xB0, 0x00, 0x20);

    private final Map<String, JLabel> errors = new LinkedHashMap<>();
    private final Map<String, JComponent> inputs = new LinkedHashMap<>();
    private final JLabel general = errorLabel("error:");
    private final JTextArea help = new JTextArea(2, 30);
    private boolean loading;

    /**
     * @param values   the fields' current text, by dotted key
     * @param onChange called with (key, new text) as the operator types or picks
     */
    FieldForm(String title, List<ProtocolFields.Field> fields, Map<String, String> values, BiConsumer<String, String> onChange) {
        super(new GridBagLayout());
        loading = true;
        setBorder(BorderFactory.createTitledBorder(title));
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(2, 4, 2, 4);
        c.anchor = GridBagConstraints.WEST;
        int row = 0;
        c.gridx = 0;
        c.gridy = row++;
        c.gridwidth = 3;
        c.fill = GridBagConstraints.HORIZONTAL;
        add(general, c);
        c.gridwidth = 1;
        for (ProtocolFields.Field field : fields) {
            String value = values.getOrDefault(field.key(), "");
            JLabel label = new JLabel(field.label());
            label.setToolTipText(field.comment());
            c.gridx = 0;
            c.gridy = row;
            c.weightx = 0;
            c.fill = GridBagConstraints.NONE;
            add(label, c);
            JComponent input = input(field, value, onChange);
            label.setLabelFor(input);
            c.gridx = 1;
            c.weightx = 1;
            c.fill = GridBagConstraints.HORIZONTAL;
            add(input, c);
            row++;
            JLabel error = errorLabel("error:" + field.key());
            errors.put(field.key(), error);
            c.gridx = 1;
            c.gridy = row++;
            add(error, c);
            watchFocus(input, field.comment());
        }
        help.setEditable(false);
        help.setLineWrap(true);
        help.setWrapStyleWord(true);
        help.setFocusable(false);
        help.setOpaque(false);
        help.setName("help");
        help.setText("What a field means and allows shows here when it has the focus (and when the pointer rests on it).");
        c.gridx = 0;
        c.gridy = row++;
        c.gridwidth = 3;
        c.weighty = 1;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        add(help, c);
        loading = false;
    }

    private static JLabel errorLabel(String name) {
        JLabel label = new JLabel();
        label.setName(name);
        label.setForeground(ERROR);
        label.setVisible(false);
        return label;
    }

    /** Shows the loader's message at {@code key} (or above the fields when the form has no such field); clears the rest. */
    void showProblem(Optional<String> key, String message) {
        clearProblems();
        JLabel at = key.map(errors::get).orElse(general);
        at.setText("<html><body style='width: 360px'>" + escape(message) + "</body></html>");
        at.setToolTipText(message);
        at.setVisible(true);
        revalidate();
    }

    void clearProblems() {
        for (JLabel label : errors.values()) {
            label.setVisible(false);
            label.setToolTipText(null);
        }
        general.setVisible(false);
        general.setToolTipText(null);
        revalidate();
    }

    boolean has(String key) {
        return errors.containsKey(key);
    }

    /** The input of {@code key}, to give it the focus. */
    Optional<JComponent> input(String key) {
        return Optional.ofNullable(inputs.get(key));
    }

    private JComponent input(ProtocolFields.Field field, String value, BiConsumer<String, String> onChange) {
        JComponent input = switch (field.type()) {
            case TEXT, LIST -> {
                JTextField text = new JTextField(value, 18);
                onEdit(text, () -> onChange.accept(field.key(), text.getText().trim()));
                yield text;
            }
            case CHOICE -> {
                List<String> words = new ArrayList<>(field.choices());
                if (!words.contains(value)) {
                    words.add(value); // as written in a hand-made file: kept, and judged by the loader
                }
                JComboBox<String> box = new JComboBox<>(words.toArray(String[]::new));
                box.setSelectedItem(value);
                box.setToolTipText(field.comment());
                box.addActionListener(e -> {
                    if (!loading) {
                        onChange.accept(field.key(), (String) box.getSelectedItem());
                    }
                });
                yield box;
            }
            case POTENTIAL, POTENTIAL_LIST -> potential(field, value, onChange);
        };
        input.setName("field:" + field.key());
        input.setToolTipText(field.comment());
        inputs.put(field.key(), input);
        return input;
    }

    /** A potential (or a list of them) and its scale: the text without "vs ...", the scale from the switch. */
    private JComponent potential(ProtocolFields.Field field, String value, BiConsumer<String, String> onChange) {
        Split split = split(value, field.type() == ProtocolFields.Type.POTENTIAL_LIST);
        JTextField text = new JTextField(split.text(), 14);
        text.setName("value:" + field.key());
        JComboBox<String> scale = new JComboBox<>(new String[]{RHE, RE, NO_SCALE});
        scale.setName("scale:" + field.key());
        scale.setSelectedItem(split.scale());
        scale.setToolTipText("the scale of the potential: vs RHE (the scale experiments are designed in) or vs RE (the"
                + " reference electrode in the cell)");
        Runnable changed = () -> {
            if (!loading) {
                onChange.accept(field.key(), join(text.getText().trim(), (String) scale.getSelectedItem(),
                        field.type() == ProtocolFields.Type.POTENTIAL_LIST));
            }
        };
        onEdit(text, changed);
        scale.addActionListener(e -> changed.run());
        JPanel both = new JPanel(new java.awt.BorderLayout(4, 0));
        both.add(text, java.awt.BorderLayout.CENTER);
        both.add(scale, java.awt.BorderLayout.EAST);
        watchFocus(text, field.comment());
        return both;
    }

    /** The text and the scale a potential field shows for {@code value}. */
    record Split(String text, String scale) {
    }

    static Split split(String value, boolean list) {
        if (value.isBlank()) {
            return new Split("", RHE);
        }
        List<String> texts = new ArrayList<>();
        String common = null;
        for (String item : list ? value.split(",") : new String[]{value}) {
            Matcher m = SCALED.matcher(item.trim());
            String scale = m.matches() ? (m.group(2).toUpperCase().endsWith("RHE") ? RHE : RE) : NO_SCALE;
            if (common != null && !common.equals(scale)) {
                return new Split(value, NO_SCALE); // mixed scales: shown as written
            }
            common = scale;
            texts.add(m.matches() ? m.group(1).trim() : item.trim());
        }
        return new Split(String.join(", ", texts), common);
    }

    /** The text the file holds: each potential with the chosen scale (unless it names its own, or none is chosen). */
    static String join(String text, String scale, boolean list) {
        if (text.isEmpty() || scale.equals(NO_SCALE)) {
            return text;
        }
        List<String> out = new ArrayList<>();
        for (String item : list ? text.split(",", -1) : new String[]{text}) {
            String trimmed = item.trim();
            out.add(SCALED.matcher(trimmed).matches() || trimmed.isEmpty() ? trimmed : trimmed + " " + scale);
        }
        return String.join(", ", out);
    }

    private void onEdit(JTextField text, Runnable changed) {
        text.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                fire();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                fire();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                fire();
            }

            private void fire() {
                if (!loading) {
                    changed.run();
                }
            }
        });
    }

    private void watchFocus(Component input, String comment) {
        input.addFocusListener(new FocusAdapter() {
            @Override
            public void focusGained(FocusEvent e) {
                help.setText(comment);
            }
        });
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
