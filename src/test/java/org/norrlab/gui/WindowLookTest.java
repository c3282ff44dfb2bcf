package org.norrlab.gui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import com.formdev.flatlaf.util.UIScale;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.plan.PlannedStep;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoreWriter;
import org.norrlab.testing.Fixtures;

import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JTable;
import javax.swing.UIManager;
import java.awt.Color;
import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.onEdt;
import static org.norrlab.gui.GuiDriver.screenshot;

/**
 * The window's look under Xvfb, on one window shared by the cases (in this order): every tab fits a 1366×768 screen
 * and the window's minimum size without a control cut off, in light and in dark, and at FlatLaf's 200 % HiDPI scale;
 * the dark theme, chosen in the View menu, is remembered and the charts follow it; Tab reaches every control, Alt+digit
 * chooses a tab, Alt+letter presses a button, Enter opens a session. Screenshots of every tab in both themes go to
 * target/gui-screenshots/look-{light,dark}-N-tab.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WindowLookTest {
    /** A 1366×768 laptop screen less a 40 px taskbar. */
    static final int SMALL_WIDTH = 1366;
    static final int SMALL_HEIGHT = 728;
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Not a JUnit @TempDir: a view's last background reload may still open the database while JUnit deletes it. */
    private Path temp;
    private NorrlabWindow window;
    private Path database;
    private final ThemeMemory memory = ThemeMemory.inMemory(Theme.LIGHT);

    @BeforeAll
    void open() throws Exception {
        temp = Files.createTempDirectory("norrlab-look");
        database = temp.resolve("look.db");
        storeSession("CA -0.5 V");
        window = GuiDriver.openWindow(StoreLocation.file(database), memory);
        // The Sessions tab with its session open: the most crowded state of the view.
        onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.SESSIONS_TAB));
        SessionsPanel sessions = window.sessionsPanel();
        await("the session list", WAIT, () -> sessions.sessionTable().getRowCount() == 1);
        onEdt(() -> sessions.sessionTable().setRowSelectionInterval(0, 0));
        await("the session's steps", WAIT, () -> sessions.stepModel().getRowCount() == 1 && sessions.chartPanel().getChart() != null);
    }

    @AfterAll
    void close() throws Exception {
        GuiDriver.closeWindow(window);
        onEdt(() -> Theme.LIGHT.switchTo());
        // Up to 10 s for the views' last background reads to end and leave the directory alone.
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> tree = Files.walk(temp)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
                return;
            } catch (IOException e) {
                if (attempt == 100) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** A session of one 10 s CA step at −0.5 V vs RHE, −4 mA (the samples as SweepSessionViewsTest stores them). */
    private long storeSession(String protocol) throws Exception {
        try (SessionStore store = SessionStore.open(database)) {
            long id = store.createSession(new NewSession(protocol, "look.yaml", "", Fixtures.cellAtPh7(),
                    new InstrumentIdentity("sim", "sim", "m", "f", "s"), Map.of(), "test", Instant.now()));
            PlannedStep ca = new PlannedStep.Chronoamperometry(1, "CA", new Potential(-0.5, Potential.Scale.RHE), -0.5,
                    -0.5 - SimulatedSweeps.RE_OFFSET, Duration.ofSeconds(1), Duration.ofSeconds(10), CurrentRangeChoice.AUTO,
                    new Location(Path.of("look.yaml"), 1, 1));
            List<Sample> samples = new ArrayList<>();
            for (int t = 1; t <= 10; t++) {
                samples.add(new Sample(t, -1.111, -0.004, 0.01, 0));
            }
            List<AcquisitionRecord> records = SimulatedSweeps.records(ca, samples, 0, 0);
            try (StoreWriter writer = store.writer(id)) {
                for (int i = 0; i < records.size(); i++) {
                    writer.accept(records.get(i), i == records.size() - 1);
                }
            }
            return id;
        }
    }

    /** Shows every tab at width × height and lists what is cut off, tab by tab; screenshots named prefix-N-tab. */
    private Map<String, List<String>> cutOffInEveryTab(int width, int height, String screenshotPrefix) throws Exception {
        onEdt(() -> {
            window.frame().setSize(width, height);
            window.frame().validate();
        });
        assertThat(onEdt(() -> window.frame().getSize())).as("the frame took the size asked for")
                .isEqualTo(new java.awt.Dimension(width, height));
        Map<String, List<String>> problems = new HashMap<>();
        int count = onEdt(() -> window.tabs().getTabCount());
        for (int t = 0; t < count; t++) {
            int tab = t;
            String title = onEdt(() -> {
                window.tabs().setSelectedIndex(tab);
                window.frame().validate();
                return window.tabs().getTitleAt(tab);
            });
            // The Sessions and Analysis tabs reload when shown: let that finish before looking.
            Thread.sleep(100);
            List<String> found = onEdt(() -> {
                window.frame().validate();
                return ViewChecks.cutOff(window.frame().getRootPane());
            });
            if (!found.isEmpty()) {
                problems.put(title, found);
            }
            if (screenshotPrefix != null) {
                screenshot(window.frame().getRootPane(), screenshotPrefix + "-" + (tab + 1) + "-"
                        + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            }
        }
        return problems;
    }

    @Test
    @Order(1)
    void everyTabFitsA1366x768ScreenInTheLightTheme() throws Exception {
        assertThat(onEdt(() -> UIManager.getLookAndFeel())).isInstanceOf(FlatLightLaf.class);
        assertThat(cutOffInEveryTab(SMALL_WIDTH, SMALL_HEIGHT, "look-light")).isEmpty();
    }

    @Test
    @Order(2)
    void everyTabFitsTheWindowsMinimumSize() throws Exception {
        java.awt.Dimension minimum = onEdt(() -> window.frame().getMinimumSize());
        assertThat(cutOffInEveryTab(minimum.width, minimum.height, null)).isEmpty();
    }

    @Test
    @Order(3)
    void theDarkThemeChosenInTheViewMenuIsRememberedAndTheChartsFollowIt() throws Exception {
        JMenuItem dark = onEdt(() -> menuItem("View", "Dark theme"));
        onEdt(() -> dark.doClick());
        assertThat(onEdt(() -> UIManager.getLookAndFeel())).isInstanceOf(FlatDarkLaf.class);
        assertThat(memory.theme()).as("remembered for the next start").isEqualTo(Theme.DARK);
        assertThat(onEdt(() -> window.frame().getContentPane().getBackground().getRed())).as("a dark window").isLessThan(0x50);
        assertThat(cutOffInEveryTab(SMALL_WIDTH, SMALL_HEIGHT, "look-dark")).isEmpty();

        // Every chart of every tab: dark page and plot, text that reads on it (WCAG contrast ≥ 4.5, as for body text).
        List<String> unreadable = new ArrayList<>();
        int charts = 0;
        for (int t = 0; t < onEdt(() -> window.tabs().getTabCount()); t++) {
            int tab = t;
            onEdt(() -> window.tabs().setSelectedIndex(tab));
            Thread.sleep(100);
            for (ChartPanel panel : onEdt(() -> ChartTheme.chartPanels(window.frame().getRootPane()))) {
                JFreeChart chart = panel.getChart();
                if (chart == null || !(chart.getPlot() instanceof XYPlot plot)) {
                    continue;
                }
                charts++;
                Color page = (Color) chart.getBackgroundPaint();
                Color inside = (Color) plot.getBackgroundPaint();
                Color ticks = (Color) plot.getRangeAxis().getTickLabelPaint();
                Color title = chart.getTitle() == null ? ticks : (Color) chart.getTitle().getPaint();
                String name = chart.getTitle() == null ? "untitled chart" : chart.getTitle().getText();
                if (page.getRed() > 0x60 || inside.getRed() > 0x60) {
                    unreadable.add(name + ": light background " + page + " / " + inside);
                }
                if (ChartTheme.contrast(ticks, inside) < 4.5 || ChartTheme.contrast(title, page) < 4.5) {
                    unreadable.add(name + ": ticks " + ticks + " on " + inside + ", title " + title + " on " + page);
                }
            }
        }
        assertThat(unreadable).isEmpty();
        assertThat(charts).as("the live step and run charts and the session's I(t) at least").isGreaterThanOrEqualTo(3);

        // A chart that arrives after the switch (a session opened now) is dark too.
        storeSession("CA -0.6 V");
        SessionsPanel sessions = window.sessionsPanel();
        onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.SESSIONS_TAB));
        await("two sessions", WAIT, () -> sessions.sessionTable().getRowCount() == 2);
        long second = onEdt(() -> ((Number) sessions.sessionTable().getValueAt(1, 0)).longValue());
        onEdt(() -> sessions.sessionTable().setRowSelectionInterval(1, 1));
        // the Sessions I(t) keeps its chart tools' chart and shows the session's data in it
        await("the second session shown", WAIT, () -> sessions.shownSession() == second);
        await("the new chart styled", WAIT, () -> ChartTheme.styledFor(sessions.chartPanel().getChart()) == Theme.DARK);
        assertThat(((Color) sessions.chartPanel().getChart().getPlot().getBackgroundPaint()).getRed()).isLessThan(0x60);

        // Back to light: the charts as they were built (white).
        JMenuItem light = onEdt(() -> menuItem("View", "Light theme"));
        onEdt(() -> light.doClick());
        assertThat(memory.theme()).isEqualTo(Theme.LIGHT);
        assertThat(onEdt(() -> UIManager.getLookAndFeel())).isInstanceOf(FlatLightLaf.class);
        assertThat(window.runPanel().charts().stepChart().getXYPlot().getBackgroundPaint()).isEqualTo(Color.WHITE);
        assertThat(sessions.chartPanel().getChart().getPlot().getBackgroundPaint()).isEqualTo(Color.WHITE);
    }

    @Test
    @Order(4)
    void theThemeIsKeptInTheUsersPreferences() throws Exception {
        Preferences node = Preferences.userRoot().node("org/norrlab/test-theme-" + ProcessHandle.current().pid());
        try {
            ThemeMemory stored = new ThemeMemory.UserPreferences(node);
            assertThat(stored.theme()).as("light the first time").isEqualTo(Theme.LIGHT);
            stored.remember(Theme.DARK);
            assertThat(node.get("theme", "")).isEqualTo("dark");
            assertThat(new ThemeMemory.UserPreferences(node).theme()).isEqualTo(Theme.DARK);
            node.put("theme", "purple");
            assertThat(stored.theme()).as("a word it does not know").isEqualTo(Theme.LIGHT);
        } finally {
            node.removeNode();
        }
    }

    @Test
    @Order(5)
    void atTwiceTheScaleOfAHiDpiScreenNothingIsCutOff() throws Exception {
        // FlatLaf's own scaling, as a HiDPI screen at 200 % gets it (or -Dflatlaf.uiScale=2): fonts, insets and icons
        // twice as large, in a window of twice the pixels of the 1366 × 728 one. The scale is read when the window
        // is built, as at a real start, so a second window is opened for it.
        String before = System.getProperty("flatlaf.uiScale");
        int unscaled = onEdt(() -> UIManager.getFont("Label.font").getSize());
        float scaleBefore = UIScale.getUserScaleFactor();
        NorrlabWindow shown = window;
        NorrlabWindow scaled = null;
        try {
            System.setProperty("flatlaf.uiScale", "2");
            onEdt(() -> {
                FlatLaf.setup(new FlatLightLaf());
                FlatLaf.updateUI();
            });
            assertThat(UIScale.getUserScaleFactor()).isEqualTo(2f);
            assertThat(onEdt(() -> UIManager.getFont("Label.font").getSize())).as("twice the font at 100 %")
                    .isGreaterThanOrEqualTo(Math.round(2 * unscaled / scaleBefore) - 1);
            scaled = GuiDriver.openWindow(StoreLocation.file(database), ThemeMemory.inMemory(Theme.LIGHT));
            window = scaled;
            Map<String, List<String>> problems = cutOffInEveryTab(2 * SMALL_WIDTH, 2 * SMALL_HEIGHT, null);
            onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.RUN_TAB));
            screenshot(window.frame().getRootPane(), "look-hidpi-200-run");
            assertThat(problems).isEmpty();
        } finally {
            window = shown;
            GuiDriver.closeWindow(scaled);
            if (before == null) {
                System.clearProperty("flatlaf.uiScale");
            } else {
                System.setProperty("flatlaf.uiScale", before);
            }
            onEdt(() -> {
                FlatLaf.setup(new FlatLightLaf());
                FlatLaf.updateUI();
                ChartTheme.restyleOpenWindows();
                window.frame().setSize(SMALL_WIDTH, SMALL_HEIGHT);
            });
        }
    }

    @Test
    @Order(6)
    void tabReachesEveryControlOfEveryTab() throws Exception {
        focusWindow();
        Map<String, List<String>> missed = new HashMap<>();
        int count = onEdt(() -> window.tabs().getTabCount());
        for (int t = 0; t < count; t++) {
            int tab = t;
            onEdt(() -> window.tabs().setSelectedIndex(tab));
            if (tab == NorrlabWindow.ANALYSIS_TAB) {
                // Its session's buttons are enabled once the session is analysed: walk the tab as it then is.
                await("the session analysed", WAIT, () -> window.analysisPanel().shown().isPresent());
            }
            Thread.sleep(100);
            onEdt(() -> window.tabs().requestFocusInWindow());
            await("the tabs focused", WAIT, () -> focusOwner() == window.tabs());
            Set<Component> visited = new LinkedHashSet<>();
            Component at = window.tabs();
            // At most 200 presses of Tab, until the focus comes back to where it began.
            for (int press = 0; press < 200; press++) {
                Component from = at;
                onEdt(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().focusNextComponent(from));
                await("the focus to move from " + ViewChecks.describe(from), WAIT, () -> focusOwner() != from);
                at = onEdt(WindowLookTest::focusOwner);
                if (at == window.tabs() || !visited.add(at)) {
                    break;
                }
            }
            List<String> notReached = new ArrayList<>();
            for (JComponent control : onEdt(() -> ViewChecks.keyboardControls((JComponent) window.tabs().getSelectedComponent()))) {
                if (visited.stream().noneMatch(v -> v == control || javax.swing.SwingUtilities.isDescendingFrom(v, control))) {
                    notReached.add(ViewChecks.describe(control));
                }
            }
            if (!notReached.isEmpty()) {
                missed.put(onEdt(() -> window.tabs().getTitleAt(tab)), notReached);
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    @Order(7)
    void altDigitChoosesATabAltLetterPressesAButtonTabLeavesATableAndEnterOpensASession() throws Exception {
        // Alt+2: the Sessions tab, from wherever the focus is.
        focusWindow();
        onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.RUN_TAB));
        press(KeyEvent.VK_2, InputEvent.ALT_DOWN_MASK);
        assertThat(onEdt(() -> window.tabs().getSelectedIndex())).isEqualTo(NorrlabWindow.SESSIONS_TAB);

        // Every button of every tab has an Alt+letter of its own in that tab, none of the menus' (R, V).
        for (int t = 0; t < onEdt(() -> window.tabs().getTabCount()); t++) {
            int tab = t;
            onEdt(() -> window.tabs().setSelectedIndex(tab));
            Map<Integer, String> taken = new HashMap<>();
            for (AbstractButton b : onEdt(() -> GuiDriver.findAll((JComponent) window.tabs().getSelectedComponent(),
                    AbstractButton.class))) {
                if (b.getText() == null || b.getText().isBlank() || !b.isShowing()) {
                    continue;
                }
                assertThat(b.getMnemonic()).as("Alt+letter for " + ViewChecks.describe(b)).isNotZero()
                        .isNotIn(KeyEvent.VK_R, KeyEvent.VK_V);
                assertThat(taken.put(b.getMnemonic(), b.getText())).as("the letter of " + b.getText()).isNull();
            }
        }

        // Alt+<Reload's letter> in Sessions lists a session stored since.
        onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.SESSIONS_TAB));
        SessionsPanel sessions = window.sessionsPanel();
        // The two sessions stored so far, listed by the reload that showing the tab starts; then a third one.
        await("the sessions listed", WAIT, () -> sessions.sessionTable().getRowCount() == 2);
        storeSession("CA -0.7 V");
        int listed = 2;
        AbstractButton reload = onEdt(() -> GuiDriver.findAll(sessions, AbstractButton.class).stream()
                .filter(b -> "Reload".equals(b.getText())).findFirst().orElseThrow());
        // Typed with the focus in the filter field, settled there (keys typed while the focus moves may be held back).
        onEdt(() -> sessions.filter().requestFocusInWindow());
        await("the filter field focused", WAIT, () -> focusOwner() == sessions.filter());
        press(reload.getMnemonic(), InputEvent.ALT_DOWN_MASK);
        await("the new session listed after Alt+" + (char) reload.getMnemonic(), WAIT,
                () -> sessions.sessionTable().getRowCount() == listed + 1);

        // Enter on a session (focus in the list) opens it in the Analysis tab.
        JTable table = sessions.sessionTable();
        onEdt(() -> {
            table.setRowSelectionInterval(0, 0);
            table.requestFocusInWindow();
        });
        await("the session list focused", WAIT, () -> focusOwner() == table);
        // Tab leaves the table (Swing's table would walk its cells and keep the focus).
        press(KeyEvent.VK_TAB, 0);
        await("the focus out of the session list after Tab", WAIT, () -> focusOwner() != table);
        onEdt(() -> table.requestFocusInWindow());
        await("the session list focused again", WAIT, () -> focusOwner() == table);
        long first = onEdt(() -> ((Number) table.getModel().getValueAt(table.convertRowIndexToModel(0), 0)).longValue());
        press(KeyEvent.VK_ENTER, 0);
        await("the Analysis tab", WAIT, () -> window.tabs().getSelectedIndex() == NorrlabWindow.ANALYSIS_TAB);
        await("the session analysed", WAIT, () -> window.analysisPanel().shown().isPresent());
        assertThat(window.analysisPanel().shown().orElseThrow().session().id()).isEqualTo(first);
    }

    private void focusWindow() throws Exception {
        onEdt(() -> {
            window.frame().setSize(SMALL_WIDTH, SMALL_HEIGHT);
            window.frame().toFront();
            window.frame().requestFocus();
        });
        await("the window focused", WAIT, () -> window.frame().isFocused());
    }

    private static Component focusOwner() {
        return KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
    }

    /** A key pressed and released where the focus is, as the keyboard would. */
    private void press(int key, int modifiers) throws Exception {
        await("a focus owner to type into", WAIT, () -> focusOwner() != null && focusOwner().isShowing());
        onEdt(() -> {
            Component target = focusOwner();
            long now = System.currentTimeMillis();
            // The character a keyboard sends with the key (Swing's tab mnemonics read it), lower case as without Shift.
            char ch = key == KeyEvent.VK_ENTER ? '\n' : key == KeyEvent.VK_TAB ? '\t' : Character.isLetterOrDigit(key) ? Character.toLowerCase((char) key)
                    : KeyEvent.CHAR_UNDEFINED;
            target.dispatchEvent(new KeyEvent(target, KeyEvent.KEY_PRESSED, now, modifiers, key, ch));
            target.dispatchEvent(new KeyEvent(target, KeyEvent.KEY_RELEASED, now, modifiers, key, ch));
        });
    }

    private JMenuItem menuItem(String menu, String item) {
        for (int m = 0; m < window.frame().getJMenuBar().getMenuCount(); m++) {
            JMenu candidate = window.frame().getJMenuBar().getMenu(m);
            if (candidate.getText().equals(menu)) {
                for (int i = 0; i < candidate.getItemCount(); i++) {
                    if (candidate.getItem(i) != null && candidate.getItem(i).getText().equals(item)) {
                        return candidate.getItem(i);
                    }
                }
            }
        }
        throw new AssertionError("no " + menu + " → " + item + " in the menu bar");
    }
}
