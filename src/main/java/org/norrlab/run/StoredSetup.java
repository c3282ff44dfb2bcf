package org.norrlab.run;

import org.norrlab.config.CellBlock;
import org.norrlab.config.ConfigException;
import org.norrlab.config.Location;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.plan.Plan;
import org.norrlab.plan.ProtocolLoader;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredSession;

import java.nio.file.Path;

/** A session's protocol, cell and instrument profile as they were stored with it, not as the files are today. */
final class StoredSetup {
    private StoredSetup() {
    }

    static Plan plan(StoredSession session, SiteConfig site) throws ConfigException {
        Path label = Path.of(session.protocolFile());
        CellBlock cell = CellBlock.of(session.cell(), new Location(label, 1, 1));
        SiteConfig recorded = new SiteConfig(site.home(), site.dataDirectory(), cell, site.safety());
        // The recorded cell wins over the protocol's own cell block too: the operator may have changed it in the run form.
        return ProtocolLoader.parse(label, session.protocolText(), recorded, java.util.Optional.of(cell));
    }

    /** The profile as recorded, or empty for sessions recorded without one (imported files). */
    static java.util.Optional<InstrumentProfile> profile(StoredSession session) throws ConfigException {
        String text = session.instrumentSettings().get(InstrumentSettings.PROFILE);
        if (text == null) {
            return java.util.Optional.empty();
        }
        Path label = Path.of(session.instrumentSettings().getOrDefault(InstrumentSettings.PROFILE_FILE, "profile.yaml")
                + " (as recorded with session " + session.id() + ")");
        InstrumentProfile recorded = InstrumentProfile.parse(label, text);
        return java.util.Optional.of(new InstrumentProfile(session.instrument().profile(), recorded.family(), recorded.model(),
                recorded.capabilities(), recorded.readTimeout(), recorded.serial(), recorded.usb(), recorded.familySettings(),
                recorded.file()));
    }

    static StoredSession find(SessionStore store, long id) throws StoreException {
        return store.existingSession(id);
    }
}
