package org.norrlab.gui;

import javax.swing.JTable;
import javax.swing.event.TableModelEvent;
import javax.swing.table.DefaultTableModel;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumn;
import java.awt.Component;

/**
 * Tables that size their columns to what they hold, so that numbers with ± and units are never cut off, that Tab
 * leaves (see {@link Keyboard#tabLeaves}), and the read-only models the views fill.
 */
final class Tables {
    private static final int PADDING = 14;
    private static final int MAX_COLUMN = 420;

    private Tables() {
    }

    /** A model with these columns whose cells the operator reads but does not edit. */
    static DefaultTableModel readOnly(String[] columns) {
        return new DefaultTableModel(columns, 0) {
            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
    }

    /** Fits the columns now and whenever the rows change; a horizontal scroll bar appears when needed. */
    static JTable fitted(JTable table) {
        table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        Keyboard.tabLeaves(table);
        table.getModel().addTableModelListener(e -> {
            if (e.getType() != TableModelEvent.UPDATE || e.getFirstRow() == TableModelEvent.HEADER_ROW) {
                // After the table and its sorter have seen the change, not before.
                javax.swing.SwingUtilities.invokeLater(() -> fit(table));
            }
        });
        fit(table);
        return table;
    }

    static void fit(JTable table) {
        for (int c = 0; c < table.getColumnCount(); c++) {
            TableColumn column = table.getColumnModel().getColumn(c);
            TableCellRenderer header = column.getHeaderRenderer() != null ? column.getHeaderRenderer()
                    : table.getTableHeader().getDefaultRenderer();
            Component h = header.getTableCellRendererComponent(table, column.getHeaderValue(), false, false, -1, c);
            int width = h.getPreferredSize().width;
            for (int r = 0; r < table.getRowCount(); r++) {
                Component cell = table.prepareRenderer(table.getCellRenderer(r, c), r, c);
                width = Math.max(width, cell.getPreferredSize().width);
            }
            column.setPreferredWidth(Math.min(MAX_COLUMN, width + PADDING));
        }
    }
}
