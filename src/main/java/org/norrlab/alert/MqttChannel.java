package org.norrlab.alert;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;

/**
 * MQTT (Eclipse Paho, MQTT 3.1.1) for labs that already run a broker: the alert as the webhook's JSON
 * ({@link AlertJson}) published to one topic. One connection per alert: alerts come a few a night, and a connection
 * kept open would need its own watching and reconnecting, which a fresh connect gives for free. Delivered means, at
 * QoS 1 (the default), that the broker acknowledged the message (PUBACK); at QoS 2 that the exchange completed; at
 * QoS 0 only that it was written to the connection.
 */
public final class MqttChannel implements AlertChannel {
    private static final Logger LOG = LoggerFactory.getLogger(MqttChannel.class);

    private final MqttSettings settings;

    public MqttChannel(MqttSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "mqtt " + settings.shownName();
    }

    @Override
    public void send(Alert alert) throws IOException {
        MqttConnectOptions options = options();
        MqttMessage message = new MqttMessage(AlertJson.of(alert));
        message.setQos(settings.qos());
        message.setRetained(settings.retained());
        MqttClient client;
        try {
            // In memory: an alert not delivered is the dispatcher's to retry, not a file's to replay after a restart.
            client = new MqttClient(settings.url().toString(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IOException(reason(e));
        }
        try {
            // Bounds every wait of this client: the connect (CONNACK) and the publish (PUBACK or PUBCOMP).
            client.setTimeToWait(settings.timeout().toMillis());
            client.connect(options);
            client.publish(settings.topic(), message);
        } catch (MqttException e) {
            throw new IOException(reason(e));
        } finally {
            release(client);
        }
    }

    private MqttConnectOptions options() throws IOException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        // Whole seconds only in Paho; the time-to-wait above holds the exact bound.
        options.setConnectionTimeout((int) Math.max(1, (settings.timeout().toMillis() + 999) / 1000));
        options.setKeepAliveInterval(60);
        if (settings.username().isPresent()) {
            options.setUserName(settings.username().get());
            options.setPassword(settings.password().orElseThrow().value().toCharArray());
        }
        if (settings.url().getScheme().equals("ssl")) {
            SSLContext context;
            try {
                context = settings.trust().isPresent() ? TrustFile.context(settings.trust().get()) : SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IOException("no TLS in this Java runtime: " + e.getMessage(), e);
            }
            options.setSocketFactory(context.getSocketFactory());
            options.setHttpsHostnameVerificationEnabled(true);
        }
        return options;
    }

    /**
     * Ends the connection, if there is one, and the client's threads, without waiting on a broker gone silent. A
     * connect that timed out is still "in progress" to Paho, which then refuses to close; a forcible disconnect
     * without a DISCONNECT packet ends it first, else each silent attempt would leave the client's threads behind.
     */
    private void release(MqttClient client) {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, Math.min(1000, settings.timeout().toMillis()));
            } else {
                client.disconnectForcibly(0, 0, false);
            }
        } catch (MqttException e) {
            LOG.debug("Alert channel {}: disconnect after sending failed ({})", name(), reason(e));
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Alert channel {}: closing the client failed ({})", name(), reason(e));
        }
    }

    /** Why it failed, in words; Paho's messages are fixed texts that hold neither the password nor the user name. */
    private String reason(MqttException e) {
        String where = settings.url().getScheme() + "://" + settings.url().getHost() + ":" + settings.url().getPort();
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "no answer from " + where + " within " + Timeouts.words(settings.timeout());
            }
            if (t instanceof ConnectException) {
                return "connection to " + where + " refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + settings.url().getHost();
            }
            if (t instanceof SSLException) {
                String m = String.valueOf(t.getMessage());
                return "TLS with " + where + " failed: " + (m.contains("PKIX") || m.contains("certification path")
                        ? "its certificate is not trusted (a lab's own broker: name its CA file under trust:)" : m);
            }
        }
        return switch (e.getReasonCode()) {
            case MqttException.REASON_CODE_CLIENT_TIMEOUT -> "no answer from " + where + " within "
                    + Timeouts.words(settings.timeout());
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION -> where + " refused the user name or password";
            case MqttException.REASON_CODE_NOT_AUTHORIZED -> where + " refused: not authorized (check username and"
                    + " password)";
            case MqttException.REASON_CODE_INVALID_CLIENT_ID -> where + " refused the client id";
            case MqttException.REASON_CODE_BROKER_UNAVAILABLE -> where + " is unavailable";
            case MqttException.REASON_CODE_CONNECTION_LOST -> "the connection to " + where + " was lost";
            default -> e.getCause() != null
                    ? "the connection to " + where + " failed (" + e.getCause().getClass().getSimpleName() + ")"
                    : "MQTT error " + e.getReasonCode() + " from " + where + ": " + e.getMessage();
        };
    }
}
