package org.norrlab.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A session as {@code norrlab sessions} lists it ({@link SessionStore#listing()}).
 *
 * @param instrumentModel the instrument's model as stored ("" when none was recorded)
 * @param bench           the lab bench it ran on, for a session of a lab run
 * @param steps           how many steps it stored
 * @param sample          the sample's name ("" when none was given)
 * @param imported        whether it was imported from a file (its {@code started} is then the time of the import)
 */
public record SessionListing(long id, Instant started, SessionStatus status, String protocolName, String instrumentModel,
                             Optional<String> bench, int steps, String sample, boolean imported) {
    /** The start as the list shows it, to the second: for an imported session, when it was imported, and said so. */
    public String startedText() {
        String time = started.toString().replaceFirst("\\.\\d+Z$", "Z");
        return imported ? "imported " + time : time;
    }
}
