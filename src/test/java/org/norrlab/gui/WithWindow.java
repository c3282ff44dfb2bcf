package org.norrlab.gui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/** A test that has the norrlab window open on a fresh session database for each case, and closes it after. */
abstract class WithWindow {
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;
    NorrlabWindow window;
    Path database;

    @BeforeEach
    void open() throws Exception {
        database = temp.resolve("gui.db");
        window = GuiDriver.openWindow(database);
    }

    @AfterEach
    void close() throws Exception {
        GuiDriver.closeWindow(window);
    }
}
