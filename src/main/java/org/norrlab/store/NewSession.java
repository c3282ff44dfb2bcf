package org.norrlab.store;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.electrochem.CellSettings;

import java.time.Instant;
import java.util.Map;

/** What is known of a session when it starts; stored so that the session explains itself later. */
public record NewSession(String protocolName, String protocolFile, String protocolText, CellSettings cell,
                         InstrumentIdentity instrument, Map<String, String> runOptions, String softwareVersion,
                         Instant started) {
    public NewSession {
        runOptions = Map.copyOf(runOptions);
    }
}
