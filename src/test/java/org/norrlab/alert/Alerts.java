package org.norrlab.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Alerts and channel settings for the tests of this package. */
final class Alerts {
    static final Instant TIME = Instant.parse("2026-12-04T02:17:05.250Z");

    private Alerts() {
    }

    static Alert alert(String what) {
        return new Alert(Alert.Kind.STEP_FAILED, "bench 2", Optional.of(42L), what, "off", TIME, Optional.empty());
    }

    static WebhookChannel webhook(String name, java.net.URI url, Duration timeout) {
        return new WebhookChannel(new WebhookSettings(name, url, timeout));
    }
}
