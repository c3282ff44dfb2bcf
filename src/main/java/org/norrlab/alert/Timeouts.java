package org.norrlab.alert;

import java.time.Duration;

/** A timeout as an operator reads it in a message: whole seconds as "10 s", anything else in milliseconds. */
final class Timeouts {
    private Timeouts() {
    }

    static String words(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
