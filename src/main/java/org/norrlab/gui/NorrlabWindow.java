package org.norrlab.gui;

import org.norrlab.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.swing.AbstractAction;
import javax.swing.ButtonGroup;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The main window: Run, Sessions, Analysis, Lab and Protocols tabs, a menu with the keyboard shortcuts, and a close
 * that asks what to do with a run in progress (abort it, or let it finish without the window).
 */
public final class NorrlabWindow {
    private static final Logger log = LoggerFactory.getLogger(NorrlabWindow.class);
    static final int RUN_TAB = 0;
    static final int SESSIONS_TAB = 1;
    static final int ANALYSIS_TAB = 2;
    static final int LAB_TAB = 3;
    static final int PROTOCOLS_TAB = 4;

    private final JFrame frame;
    private final JTabbedPane tabs;
    private final RunPanel run;
    private final SessionsPanel sessions;
    private final AnalysisPanel analysis;
    private final LabPanel lab;
    private final ProtocolEditorPanel protocols;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ThemeMemory themeMemory;

    /** Builds the window in the theme the operator chose last time (light the first time); on the event thread. */
    public NorrlabWindow(GuiContext context) {
        this(context, ThemeMemory.userPreferences());
    }

    NorrlabWindow(GuiContext context, ThemeMemory themeMemory) {
        this.themeMemory = themeMemory;
        // The look first: components take the look installed when they are made.
        themeMemory.theme().install();
        ChartTheme.installHook();
        tabs = new JTabbedPane();
        Combos.installEverywhere();   // before any view is built: every combo box of every view and dialog is fitted
        frame = new JFrame("norrlab " + Version.current() + " — " + context.database().shortName());
        analysis = new AnalysisPanel(context);
        run = new RunPanel(context, this::analyse);
        sessions = new SessionsPanel(context, this::analyse);
        lab = new LabPanel(context);
        protocols = new ProtocolEditorPanel(context);
        tabs.addTab("Run", run);
        tabs.addTab("Sessions", sessions);
        tabs.addTab("Analysis", analysis);
        tabs.addTab("Lab", lab);
        tabs.addTab("Protocols", protocols);
        // Alt+1 … Alt+5 choose a tab (as Ctrl+1 … Ctrl+5 in the View menu do); the digit is shown in the tooltip.
        int[] digits = {KeyEvent.VK_1, KeyEvent.VK_2, KeyEvent.VK_3, KeyEvent.VK_4, KeyEvent.VK_5};
        for (int t = 0; t < tabs.getTabCount(); t++) {
            tabs.setMnemonicAt(t, digits[t]);
            tabs.setToolTipTextAt(t, tabs.getTitleAt(t) + " (Alt+" + (t + 1) + " or Ctrl+" + (t + 1) + ")");
        }
        // Enter (or a double click) on a session opens it in the Analysis tab, as its Analyse… button does.
        Keyboard.enterOpens(sessions.sessionTable(), row -> analyse(
                ((Number) sessions.sessionTable().getModel().getValueAt(row, 0)).longValue()));
        tabs.addChangeListener(e -> {
            assignMnemonics();
            if (tabs.getSelectedIndex() == SESSIONS_TAB) {
                sessions.reload();
            } else if (tabs.getSelectedIndex() == ANALYSIS_TAB) {
                analysis.reload(Optional.empty());
            }
        });
        frame.setContentPane(tabs);
        frame.setJMenuBar(menus());
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }
        });
        frame.setMinimumSize(new Dimension(1000, 680));
        frame.setSize(initialSize());
        frame.setLocationByPlatform(true);
    }

    /** 1400 × 900 where the screen has room, else 90 % of it. */
    private static Dimension initialSize() {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        return new Dimension(Math.min(1400, screen.width * 9 / 10), Math.min(900, screen.height * 9 / 10));
    }

    private JMenuBar menus() {
        JMenuBar bar = new JMenuBar();
        JMenu runMenu = new JMenu("Run");
        runMenu.setMnemonic(KeyEvent.VK_R);
        runMenu.add(item("Start", KeyStroke.getKeyStroke(KeyEvent.VK_R, InputEvent.CTRL_DOWN_MASK), run::start));
        runMenu.add(item("Pause between steps / go on", KeyStroke.getKeyStroke(KeyEvent.VK_P, InputEvent.CTRL_DOWN_MASK),
                run::togglePause));
        runMenu.add(item("Abort (cell off)", KeyStroke.getKeyStroke(KeyEvent.VK_A,
                InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK), run::abort));
        runMenu.addSeparator();
        runMenu.add(item("Quit", KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK), this::close));
        JMenu view = new JMenu("View");
        view.setMnemonic(KeyEvent.VK_V);
        view.add(item("Run", KeyStroke.getKeyStroke(KeyEvent.VK_1, InputEvent.CTRL_DOWN_MASK), () -> tabs.setSelectedIndex(RUN_TAB)));
        view.add(item("Sessions", KeyStroke.getKeyStroke(KeyEvent.VK_2, InputEvent.CTRL_DOWN_MASK),
                () -> tabs.setSelectedIndex(SESSIONS_TAB)));
        view.add(item("Analysis", KeyStroke.getKeyStroke(KeyEvent.VK_3, InputEvent.CTRL_DOWN_MASK),
                () -> tabs.setSelectedIndex(ANALYSIS_TAB)));
        view.add(item("Lab (several benches)", KeyStroke.getKeyStroke(KeyEvent.VK_4, InputEvent.CTRL_DOWN_MASK),
                () -> tabs.setSelectedIndex(LAB_TAB)));
        view.add(item("Protocols (editor)", KeyStroke.getKeyStroke(KeyEvent.VK_5, InputEvent.CTRL_DOWN_MASK),
                () -> tabs.setSelectedIndex(PROTOCOLS_TAB)));
        view.addSeparator();
        ButtonGroup themes = new ButtonGroup();
        for (Theme theme : Theme.values()) {
            JRadioButtonMenuItem choice = new JRadioButtonMenuItem(theme == Theme.LIGHT ? "Light theme" : "Dark theme");
            choice.setMnemonic(theme == Theme.LIGHT ? KeyEvent.VK_L : KeyEvent.VK_D);
            choice.setSelected(theme == themeMemory.theme());
            choice.addActionListener(e -> useTheme(theme));
            themes.add(choice);
            view.add(choice);
        }
        mnemonics(runMenu, KeyEvent.VK_S, KeyEvent.VK_P, KeyEvent.VK_A, 0, KeyEvent.VK_Q);
        mnemonics(view, KeyEvent.VK_R, KeyEvent.VK_S, KeyEvent.VK_N, KeyEvent.VK_B, KeyEvent.VK_O);
        bar.add(runMenu);
        bar.add(view);
        // The shortcuts work wherever the focus is in the window, menus closed or not.
        JComponent root = frame.getRootPane();
        for (int m = 0; m < bar.getMenuCount(); m++) {
            JMenu menu = bar.getMenu(m);
            for (int i = 0; i < menu.getItemCount(); i++) {
                JMenuItem item = menu.getItem(i);
                if (item != null && item.getAccelerator() != null) {
                    root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(item.getAccelerator(), item.getText());
                    root.getActionMap().put(item.getText(), item.getAction());
                }
            }
        }
        return bar;
    }

    /** Alt+letter for every button of the tab shown (letters of the menu bar excepted); again when a tab is shown. */
    private void assignMnemonics() {
        if (tabs.getSelectedComponent() instanceof JComponent tab) {
            Keyboard.assignMnemonics(tab, Keyboard.letters(KeyEvent.VK_R, KeyEvent.VK_V));
        }
    }

    /** Mnemonics for the first items of {@code menu}, in order (0 for a separator). */
    private static void mnemonics(JMenu menu, int... keys) {
        for (int i = 0; i < keys.length; i++) {
            if (menu.getItem(i) != null && keys[i] != 0) {
                menu.getItem(i).setMnemonic(keys[i]);
            }
        }
    }

    /** Switches the whole window (charts included) to {@code theme} and remembers it for the next start. */
    void useTheme(Theme theme) {
        theme.switchTo();
        themeMemory.remember(theme);
        log.info("theme: {}", theme.word());
    }

    private static JMenuItem item(String text, KeyStroke key, Runnable action) {
        JMenuItem item = new JMenuItem(new AbstractAction(text) {
            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
        item.setAccelerator(key);
        return item;
    }

    public void show() {
        ChartTheme.restyleOpenWindows();
        assignMnemonics();
        frame.setVisible(true);
        run.loadChoices();
    }

    void analyse(long sessionId) {
        if (sessionId < 0) {
            return;
        }
        tabs.setSelectedIndex(ANALYSIS_TAB);
        analysis.reload(Optional.of(sessionId));
    }

    /** Closing with a run in progress asks first: the cell must not be left on by accident, nor a run lost. */
    void close() {
        if (run.running() || lab.running()) {
            Object[] options = {"Abort the run (cell off)", "Keep running without the window", "Cancel"};
            int answer = JOptionPane.showOptionDialog(frame, "A run is in progress. What should happen to it?",
                    "Close norrlab", JOptionPane.DEFAULT_OPTION, JOptionPane.WARNING_MESSAGE, null, options, options[2]);
            if (answer == 0) {
                run.abort();
                lab.abort();
            } else if (answer != 1) {
                return;
            }
            log.info(answer == 0 ? "window closed: run aborted" : "window closed: the run goes on without it");
        }
        frame.dispose();
        closed.countDown();
    }

    /** Blocks until the window is closed and any run it started has ended (the run never depends on the window). */
    public void awaitClosedAndRunEnded() throws InterruptedException {
        closed.await();
        while (run.running() || lab.running()) {
            run.awaitRunEnd(Duration.ofSeconds(1));
            lab.awaitRunEnd(Duration.ofSeconds(1));
            Thread.sleep(50);
        }
    }

    /** Aborts a run in progress and waits for its end; for Ctrl-C / SIGTERM on the process. */
    public void abortAndWait(Duration timeout) throws InterruptedException {
        run.activeRun().ifPresent(r -> r.requestAbort("operator interrupt (Ctrl-C or SIGTERM)"));
        lab.activeLab().ifPresent(l -> l.requestAbort("operator interrupt (Ctrl-C or SIGTERM)"));
        run.awaitRunEnd(timeout);
        lab.awaitRunEnd(timeout);
    }

    // for the tests
    JFrame frame() {
        return frame;
    }

    JTabbedPane tabs() {
        return tabs;
    }

    RunPanel runPanel() {
        return run;
    }

    SessionsPanel sessionsPanel() {
        return sessions;
    }

    AnalysisPanel analysisPanel() {
        return analysis;
    }

    LabPanel labPanel() {
        return lab;
    }

    ProtocolEditorPanel protocolEditor() {
        return protocols;
    }
}
