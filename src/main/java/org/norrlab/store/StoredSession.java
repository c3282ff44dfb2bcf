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

    /** The run option where an importer keeps the file's own statement of when the measurement began (EC-Lab's). */
    public static final String STATED_START_OPTION = "acquisition_started";

    /**
     * What the store's start time is, in one word for what prints it: "Started" for a run; "Imported" for an imported
     * session, whose time is when the file was imported, which says nothing of when it was measured.
     */
    public String beganWord() {
        return instrument.isImported() ? "Imported" : "Started";
    }

    /**
     * The start time after {@link #beganWord}: for an imported session with what that time is not, and the file's own
     * statement of its start where the importer kept one.
     */
    public String beganWhen() {
        if (!instrument.isImported()) {
            return started.toString();
        }
        String stated = runOptions.get(STATED_START_OPTION);
        return started + " (when the file was imported, not measured"
                + (stated == null || stated.isBlank() ? "" : "; the file says the acquisition started " + stated.strip())
                + ")";
    }
}
