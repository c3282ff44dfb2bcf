package org.norrlab.alert;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One MQTT entry of the alerts block as read.
 *
 * @param name     what logs and {@code norrlab alert test} call it
 * @param url      the broker: tcp://host:port or ssl://host:port, nothing else
 * @param topic    where the alert is published (no wildcards)
 * @param qos      0 (sent, no answer), 1 (the broker acknowledged it: PUBACK) or 2 (exactly once: PUBCOMP)
 * @param retained whether the broker keeps the alert for whoever subscribes later
 * @param username the user name to connect with, if the broker wants one
 * @param password where the password is, present exactly when the user name is
 * @param clientId the client identifier, unique on the broker (a second client with the same one pushes it off)
 * @param trust    a file of certificates to trust instead of the JDK's CAs (ssl:// to a lab's own broker)
 * @param timeout  how long to wait for the connection and for each answer before the attempt counts as failed
 */
public record MqttSettings(String name, URI url, String topic, int qos, boolean retained, Optional<String> username,
                           Optional<Secret> password, String clientId, Optional<Path> trust, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_QOS = 1;

    public MqttSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(timeout, "timeout");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos 0, 1 or 2, was " + qos);
        }
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("a user name and a password go together");
        }
    }

    /** E.g. {@code lab broker (tcp://broker.lab:1883, topic norr/bench2)}. */
    public String shownName() {
        return name + " (" + url.getScheme() + "://" + url.getHost() + ":" + url.getPort() + ", topic " + topic + ")";
    }

    @Override
    public String toString() {
        return "MqttSettings[" + shownName() + ", qos " + qos + (retained ? ", retained" : "") + ", timeout "
                + timeout + "]";
    }
}
