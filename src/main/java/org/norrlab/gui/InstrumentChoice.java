package org.norrlab.gui;

import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.sim.CatalystPresets;
import org.norrlab.driver.sim.SimSettings;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredSession;
import org.norrlab.transport.PortFinder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of the instrument list: a simulated cell with a catalyst preset, a serial profile on a
 * port (found, or typed by the operator), or a stored session to replay.
 */
record InstrumentChoice(Kind kind, String label, String profile, Optional<String> preset, Optional<String> port,
                        Optional<Long> replaySession) {

    enum Kind { SIMULATED, SERIAL, REPLAY }

    /** Replays offered: the most recent sessions only, the CLI replays any. */
    static final int RECENT_SESSIONS = 20;

    boolean takesSpeed() {
        return kind != Kind.SERIAL;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Everything the machine offers now; touches the serial ports and the store, so not on the event thread. */
    static List<InstrumentChoice> discover(SiteConfig site, SessionStore store) throws ConfigException, StoreException {
        // Simulated cells first: the first entry is what a fresh window starts with, and it must not drive a cell.
        List<InstrumentChoice> choices = new ArrayList<>();
        List<InstrumentChoice> serial = new ArrayList<>();
        DriverRegistry drivers = new DriverRegistry(site.home());
        List<PortFinder.PortInfo> ports = PortFinder.list();
        for (String name : drivers.profileNames()) {
            InstrumentProfile profile = drivers.profile(name);
            if (DriverRegistry.simulated(profile)) {
                // The profile's default catalyst first: a fresh window starts on what `norrlab run` would use.
                SimSettings settings = profile.familySettings(SimSettings.class);
                List<String> presets = new ArrayList<>(CatalystPresets.load(site.home().resolve(DriverRegistry.DRIVERS_DIRECTORY)
                        .resolve(settings.catalysts())).keySet());
                if (presets.remove(settings.defaultCatalyst())) {
                    presets.add(0, settings.defaultCatalyst());
                }
                for (String preset : presets) {
                    choices.add(new InstrumentChoice(Kind.SIMULATED, "Simulated NORR cell, " + preset + " (" + name + ")",
                            name, Optional.of(preset), Optional.empty(), Optional.empty()));
                }
                continue;
            }
            for (PortFinder.PortInfo port : ports) {
                if (PortFinder.matches(port, profile.portWanted())) {
                    serial.add(new InstrumentChoice(Kind.SERIAL, String.format(Locale.ROOT, "%s on %s (USB %s)",
                            profile.model(), port.preferredPath(), port.usbIds()), name, Optional.empty(),
                            Optional.of(port.preferredPath()), Optional.empty()));
                }
            }
            serial.add(new InstrumentChoice(Kind.SERIAL, profile.model() + " (" + name + ") on the port typed below", name,
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }
        choices.addAll(serial);
        List<StoredSession> sessions = store.sessions();
        for (StoredSession s : sessions.subList(Math.max(0, sessions.size() - RECENT_SESSIONS), sessions.size())) {
            if (s.status() != SessionStatus.RUNNING) {
                choices.add(new InstrumentChoice(Kind.REPLAY, String.format(Locale.ROOT, "Replay session %d (%s, %s, %s)",
                        s.id(), s.protocolName(), s.instrument().profile(), s.status().dbName()), s.instrument().profile(),
                        Optional.empty(), Optional.empty(), Optional.of(s.id())));
            }
        }
        return choices;
    }
}
