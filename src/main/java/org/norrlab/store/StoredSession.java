package org.norrlab.store;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.SampleEntry;
import org.norrlab.electrochem.CellSettings;

import org.norrlab.plan.Electrolyte;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A stored session's row; {@code sample} is empty for sessions stored before schema 15. */
public record StoredSession(long id, Instant started, Optional<Instant> ended, SessionStatus status, String statusReason,
                            String protocolName, String protocolFile, String protocolText, CellSettings cell,
                            InstrumentIdentity instrument, Map<String, String> runOptions, String softwareVersion,
                            Map<String, String> instrumentSettings, Optional<Long> replayOf, Optional<Long> resumedFrom,
                            Electrolyte.Mode electrolyte, SampleEntry sample) {

    /**
     * The recorded cell's RE → RHE offset (E vs RHE = E vs RE + this), for the packages that may not use electrochem:
     * a replay plans a CP step's potential limits again with it.
     */
    public double rheOffsetVolts() {
        return cell.rheScale().offsetVolts();
    }
}
