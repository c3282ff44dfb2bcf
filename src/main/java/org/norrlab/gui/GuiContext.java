package org.norrlab.gui;

import org.norrlab.config.SiteConfig;
import org.norrlab.run.RunService;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoreLocation;

import java.nio.file.Path;

/** What every view needs: the site files and the session database they work on. */
public record GuiContext(SiteConfig site, StoreLocation database) {

    public RunService runService() {
        return new RunService(site);
    }

    /** Opens (and creates, on first use) the session database; callers close it. Never on the event thread. */
    public SessionStore openStore() throws StoreException {
        return SessionStore.open(database);
    }
}
