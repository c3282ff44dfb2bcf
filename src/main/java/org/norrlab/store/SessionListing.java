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
 */
public record SessionListing(long id, Instant started, SessionStatus status, String protocolName, String instrumentModel,
                             Optional<String> bench, int steps, String sample) {
}
