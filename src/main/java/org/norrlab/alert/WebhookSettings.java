package org.norrlab.alert;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One webhook of the alerts block as read.
 *
 * @param name    what logs and {@code norrlab alert test} call it; never the URL, which may hold a secret
 * @param url     where the JSON is POSTed: http or https
 * @param timeout how long to wait for the connection, and again for the answer, before the attempt counts as failed
 */
public record WebhookSettings(String name, URI url, Duration timeout) {
    /** Long enough for a slow chat service, short enough that a retry still lands within a minute. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public WebhookSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The name with the URL as it may be shown, e.g. {@code ntfy (https://ntfy.sh/…)}. */
    public String shownName() {
        return name + " (" + SafeUrl.of(url) + ")";
    }

    @Override
    public String toString() {
        // The record's own toString would print the URL, secret and all, wherever a settings object is logged.
        return "WebhookSettings[" + shownName() + ", timeout " + timeout + "]";
    }
}
