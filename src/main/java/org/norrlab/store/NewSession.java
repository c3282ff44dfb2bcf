package org.norrlab.store;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.SampleEntry;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.plan.Electrolyte;

import java.time.Instant;
import java.util.Map;

/**
 * What is known of a session when it starts; stored so that the session explains itself later.
 *
 * @param electrolyte what the protocol says happens to the catholyte (refresh for imports and older sessions)
 * @param sample      the sample, operator and notes the operator gave (schema 15)
 */
public record NewSession(String protocolName, String protocolFile, String protocolText, CellSettings cell,
                         InstrumentIdentity instrument, Map<String, String> runOptions, String softwareVersion,
                         Instant started, Map<String, String> instrumentSettings, java.util.Optional<Long> replayOf,
                         java.util.Optional<Long> resumedFrom, Electrolyte.Mode electrolyte, SampleEntry sample) {
    public NewSession {
        runOptions = Map.copyOf(runOptions);
        instrumentSettings = Map.copyOf(instrumentSettings);
        java.util.Objects.requireNonNull(sample, "sample");
    }

    public NewSession(String protocolName, String protocolFile, String protocolText, CellSettings cell,
                      InstrumentIdentity instrument, Map<String, String> runOptions, String softwareVersion,
                      Instant started, Map<String, String> instrumentSettings, java.util.Optional<Long> replayOf,
                      java.util.Optional<Long> resumedFrom, Electrolyte.Mode electrolyte) {
        this(protocolName, protocolFile, protocolText, cell, instrument, runOptions, softwareVersion, started,
                instrumentSettings, replayOf, resumedFrom, electrolyte, SampleEntry.NONE);
    }

    /** The same session with the sample, operator and notes given. */
    public NewSession withSample(SampleEntry given) {
        return new NewSession(protocolName, protocolFile, protocolText, cell, instrument, runOptions, softwareVersion,
                started, instrumentSettings, replayOf, resumedFrom, electrolyte, given);
    }

    public NewSession(String protocolName, String protocolFile, String protocolText, CellSettings cell,
                      InstrumentIdentity instrument, Map<String, String> runOptions, String softwareVersion,
                      Instant started, Map<String, String> instrumentSettings, java.util.Optional<Long> replayOf,
                      java.util.Optional<Long> resumedFrom) {
        this(protocolName, protocolFile, protocolText, cell, instrument, runOptions, softwareVersion, started,
                instrumentSettings, replayOf, resumedFrom, Electrolyte.Mode.REFRESH);
    }

    /** The same session with a catholyte that accumulated over its steps (a norrlab export of such a session, read back). */
    public NewSession accumulating() {
        return new NewSession(protocolName, protocolFile, protocolText, cell, instrument, runOptions, softwareVersion,
                started, instrumentSettings, replayOf, resumedFrom, Electrolyte.Mode.ACCUMULATE, sample);
    }

    public NewSession(String protocolName, String protocolFile, String protocolText, CellSettings cell,
                      InstrumentIdentity instrument, Map<String, String> runOptions, String softwareVersion, Instant started) {
        this(protocolName, protocolFile, protocolText, cell, instrument, runOptions, softwareVersion, started, Map.of(),
                java.util.Optional.empty(), java.util.Optional.empty());
    }
}
