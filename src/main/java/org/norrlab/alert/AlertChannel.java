package org.norrlab.alert;

import java.io.IOException;

/**
 * One way of reaching people: a webhook now, e-mail and MQTT later. {@link #send} delivers one alert or throws; it
 * may block (a slow server), which is why the {@link AlertDispatcher} calls it on the channel's own thread and never
 * on the caller's.
 */
public interface AlertChannel {

    /**
     * How logs, {@code norrlab alert test} and the counts name this channel. Never holds a secret: a URL in it is
     * redacted ({@link SafeUrl}).
     */
    String name();

    /**
     * Delivers the alert, returning only once the other end has accepted it.
     *
     * @throws IOException when it was not accepted (refused, timed out, an error status); the message says why,
     *                     holds no secret, and is fit for a log line and for the operator
     */
    void send(Alert alert) throws IOException;
}
