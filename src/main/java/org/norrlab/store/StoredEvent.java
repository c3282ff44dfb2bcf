package org.norrlab.store;

import org.norrlab.core.Event;

import java.time.Instant;

public record StoredEvent(int stepIndex, Instant wallTime, Event event) {
}
