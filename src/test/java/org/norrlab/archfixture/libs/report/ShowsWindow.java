package org.norrlab.archfixture.libs.report;

import javax.swing.JFrame;

/** A planted violation: Swing outside gui and figures. */
public class ShowsWindow {
    public JFrame window() {
        return new JFrame("report");
    }
}
