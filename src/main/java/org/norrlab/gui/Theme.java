package org.norrlab.gui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.swing.LookAndFeel;
import javax.swing.UIManager;
import java.util.Locale;
import java.util.Optional;

/**
 * The window's two looks, both FlatLaf: light (the default) and dark. FlatLaf also scales fonts, insets and icons on
 * a HiDPI screen (from the system's font size, or {@code -Dflatlaf.uiScale=1.5}), which the old Metal look did not.
 */
enum Theme {
    LIGHT, DARK;

    private static final Logger log = LoggerFactory.getLogger(Theme.class);

    /** The word a preference holds: "light" or "dark". */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The theme a stored word names; empty for anything else (an old or hand-edited preference). */
    static Optional<Theme> fromWord(String word) {
        for (Theme t : values()) {
            if (t.word().equals(word)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The theme in use now: dark when the installed look is a dark FlatLaf, light otherwise. */
    static Theme current() {
        return UIManager.getLookAndFeel() instanceof FlatLaf && FlatLaf.isLafDark() ? DARK : LIGHT;
    }

    private LookAndFeel lookAndFeel() {
        return this == DARK ? new FlatDarkLaf() : new FlatLightLaf();
    }

    /**
     * Makes this the look of components made from now on (before the window is built); on the event thread. Does
     * nothing when it already is, so that opening a second window does not reset the first.
     */
    void install() {
        LookAndFeel now = UIManager.getLookAndFeel();
        if (now != null && now.getClass() == lookAndFeel().getClass()) {
            return;
        }
        if (!FlatLaf.setup(lookAndFeel())) {
            // FlatLaf logs its own reason; the window still works in Swing's default look.
            log.warn("could not install the {} look; the window keeps Swing's default look", word());
        }
    }

    /** Switches every open window to this theme, charts included; on the event thread. */
    void switchTo() {
        install();
        FlatLaf.updateUI();
        ChartTheme.restyleOpenWindows();
    }
}
