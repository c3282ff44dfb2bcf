package org.norrlab.store;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.electrochem.CellSettings;

import org.norrlab.plan.Electrolyte;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

public record StoredSession(long id, Instant started, Optional<Instant> ended, SessionStatus status, String statusReason,
                            String protocolName, String protocolFile, String protocolText, CellSettings cell,
                            InstrumentIdentity instrument, Map<String, String> runOptions, String softwareVersion,
                            Map<String, String> instrumentSettings, Optional<Long> replayOf, Optional<Long> resumedFrom,
                            Electrolyte.Mode electrolyte) {
}
