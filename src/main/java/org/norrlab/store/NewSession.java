package org.norrlab.store;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.electrochem.CellSettings;

import java.time.Instant;
import java.util.Map;

/** What is known of a session when it starts; stored so that the session explains itself later. */
public record NewSession(String protocolName, String protocolFile, String protocolText, CellSettings cell,
                         InstrumentIdentity instrument, Map<String, String> runOptions, String softwareVersion,
                         Instant started, Map<String, String> instrumentSettings, java.util.Optional<Long> replayOf,
                         java.util.Optional<Long> resumedFrom) {
    public NewSession {
        runOptions = Map.copyOf(runOptions);
        instrumentSettings = Map.copyOf(instrumentSettings);
    }

    public NewSession(String protocolName, String protocolFile, String protocolText, CellSettings cell,
                      InstrumentIdentity instrument, Map<String, String> runOptions, String softwareVersion, Instant started) {
        this(protocolName, protocolFile, protocolText, cell, instrument, runOptions, softwareVersion, started, Map.of(),
                java.util.Optional.empty(), java.util.Optional.empty());
    }
}
