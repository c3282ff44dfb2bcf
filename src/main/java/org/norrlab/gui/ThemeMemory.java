package org.norrlab.gui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Where the chosen theme is remembered between sessions of the window. The operator's choice is a preference of
 * the person at the screen, not of the site, so it lives in the user's Java preferences (on Linux under
 * ~/.java/.userPrefs/org/norrlab/gui), not in config/site.yaml that every bench of the lab shares.
 */
interface ThemeMemory {
    Theme theme();

    void remember(Theme theme);

    /** The user's Java preferences, node org/norrlab/gui, key "theme" = light | dark. */
    static ThemeMemory userPreferences() {
        return new UserPreferences(Preferences.userNodeForPackage(ThemeMemory.class));
    }

    /** Kept in memory only (tests, and a machine whose preferences cannot be written). */
    static ThemeMemory inMemory(Theme initial) {
        AtomicReference<Theme> held = new AtomicReference<>(initial);
        return new ThemeMemory() {
            @Override
            public Theme theme() {
                return held.get();
            }

            @Override
            public void remember(Theme theme) {
                held.set(theme);
            }
        };
    }

    record UserPreferences(Preferences node) implements ThemeMemory {
        private static final Logger log = LoggerFactory.getLogger(UserPreferences.class);
        static final String KEY = "theme";

        @Override
        public Theme theme() {
            String word = node.get(KEY, Theme.LIGHT.word());
            return Theme.fromWord(word).orElseGet(() -> {
                log.warn("the remembered theme '{}' is neither light nor dark; using light", word);
                return Theme.LIGHT;
            });
        }

        @Override
        public void remember(Theme theme) {
            node.put(KEY, theme.word());
            try {
                node.flush();
            } catch (BackingStoreException e) {
                // The theme is in use now; only the next start will not know it.
                log.warn("could not save the theme preference: {}", e.getMessage(), e);
            }
        }
    }
}
