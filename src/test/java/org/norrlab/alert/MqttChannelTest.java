package org.norrlab.alert;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.LocalSmtp;
import org.norrlab.testing.LocalWebhooks;
import org.norrlab.testing.Mosquitto;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The MQTT channel against a real Mosquitto started by the test (password file, no anonymous clients), read back by
 * a Paho subscriber: the payload is byte for byte the webhook's JSON, QoS and retained are as configured.
 */
class MqttChannelTest {
    static final String USER = "mqtt-login";
    static final String PASSWORD = "PASSWORDSECRET";
    static final String TOPIC = "lab/norr/bench2/alerts";

    @TempDir
    static Path dir;
    static Mosquitto broker;
    static LocalSmtp.Key key;
    static Path passwordFile;

    @BeforeAll
    static void start() throws Exception {
        key = LocalSmtp.makeKey(dir);
        broker = Mosquitto.start(USER, PASSWORD, key.certificatePem(), key.privateKeyPem());
        passwordFile = dir.resolve("mqtt-password");
        Files.writeString(passwordFile, PASSWORD + "\n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    record Received(byte[] payload, int qos, boolean retained, Instant arrived) {
    }

    /** A subscriber on the topic, as a lab's dashboard would be. */
    static final class Subscriber implements AutoCloseable {
        final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        final MqttClient client;

        Subscriber(String url, String topic) throws Exception {
            client = new MqttClient(url, "test-subscriber-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(USER);
            options.setPassword(PASSWORD.toCharArray());
            client.connect(options);
            client.subscribe(topic, 2, (t, m) -> received.add(new Received(m.getPayload(), m.getQos(),
                    m.isRetained(), Instant.now())));
        }

        Received next() throws InterruptedException {
            return received.poll(20, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            client.disconnect();
            client.close();
        }
    }

    static MqttSettings settings(String url, String topic, int qos, boolean retained, Path password,
                                 Duration timeout) {
        return settings(url, topic, qos, retained, password, timeout, Optional.empty());
    }

    static MqttSettings settings(String url, String topic, int qos, boolean retained, Path password,
                                 Duration timeout, Optional<Path> trust) {
        return new MqttSettings("lab broker", URI.create(url), topic, qos, retained, Optional.of(USER),
                Optional.of(Secret.inFile(password)), "norrlab-test-" + System.nanoTime() % 100000, trust, timeout);
    }

    @Test
    void overTlsTheLabsOwnCertificateIsTrustedWhenNamedAndOnlyThen() throws Exception {
        try (Subscriber subscriber = new Subscriber(broker.url(), TOPIC)) {
            Alert alert = alert();
            new MqttChannel(settings(broker.tlsUrl(), TOPIC, 1, false, passwordFile, Duration.ofSeconds(10),
                    Optional.of(key.certificatePem()))).send(alert);
            Received received = subscriber.next();
            System.out.println("MQTT over TLS (QoS 1) latency from Alert.time() to receipt: "
                    + Duration.between(alert.time(), received.arrived()).toMillis() + " ms");
            assertThat(received.payload()).isEqualTo(WebhookChannel.body(alert));
            // Without the trust file: the JDK's CAs, which never signed this test's key.
            MqttChannel untrusting = new MqttChannel(settings(broker.tlsUrl(), TOPIC, 1, false, passwordFile,
                    Duration.ofSeconds(10)));
            assertThatThrownBy(() -> untrusting.send(alert())).hasNoCause()
                    .hasMessage("TLS with " + broker.tlsUrl() + " failed: its certificate is not trusted (a lab's own"
                            + " broker: name its CA file under trust:)");
            assertThat(subscriber.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    static Alert alert() {
        return new Alert(Alert.Kind.LINK_LOST, "bench 2", Optional.of(42L), "no answer from the instrument for 60 s",
                "unknown: link lost", Instant.now(), Optional.empty());
    }

    @Test
    void theBrokerGetsTheWebhooksJsonAtQos1NotRetained() throws Exception {
        try (Subscriber subscriber = new Subscriber(broker.url(), TOPIC)) {
            Alert alert = alert();
            new MqttChannel(settings(broker.url(), TOPIC, 1, false, passwordFile, Duration.ofSeconds(10))).send(alert);
            Received received = subscriber.next();
            System.out.println("MQTT (QoS 1) latency from Alert.time() to receipt: "
                    + Duration.between(alert.time(), received.arrived()).toMillis() + " ms");
            assertThat(received.payload()).isEqualTo(WebhookChannel.body(alert));
            assertThat(new String(received.payload(), StandardCharsets.UTF_8))
                    .contains("\"kind\":\"link_lost\"", "\"session\":42", "\"cell_state\":\"unknown: link lost\"");
            assertThat(received.qos()).isEqualTo(1);
            assertThat(received.retained()).isFalse();
        }
        // Not retained: a subscriber that comes later gets nothing.
        try (Subscriber late = new Subscriber(broker.url(), TOPIC)) {
            assertThat(late.received.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void aRetainedAlertReachesASubscriberThatComesLater() throws Exception {
        String topic = "lab/norr/bench2/retained";
        Alert alert = alert();
        new MqttChannel(settings(broker.url(), topic, 2, true, passwordFile, Duration.ofSeconds(10))).send(alert);
        try (Subscriber late = new Subscriber(broker.url(), topic)) {
            Received received = late.next();
            assertThat(received.payload()).isEqualTo(WebhookChannel.body(alert));
            assertThat(received.retained()).isTrue();
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndNotRepeated() throws Exception {
        Path wrong = dir.resolve("wrong-password");
        Files.writeString(wrong, "WRONGSECRET\n");
        MqttChannel channel = new MqttChannel(settings(broker.url(), TOPIC, 1, false, wrong, Duration.ofSeconds(10)));
        assertThatThrownBy(() -> channel.send(alert())).isInstanceOf(IOException.class).hasNoCause()
                .hasMessage("tcp://127.0.0.1:" + broker.port() + " refused: not authorized (check username and"
                        + " password)");
    }

    @Test
    void aBrokerThatNeverAnswersFailsAfterTheTimeout() throws Exception {
        try (LocalWebhooks.Silent silent = new LocalWebhooks.Silent()) {
            int port = silent.url("/").getPort();
            MqttSettings settings = settings("tcp://127.0.0.1:" + port, TOPIC, 1, false, passwordFile,
                    Duration.ofMillis(500));
            String channelClientId = settings.clientId();
            MqttChannel channel = new MqttChannel(settings);
            assertThatThrownBy(() -> channel.send(alert())).hasNoCause()
                    .hasMessage("no answer from tcp://127.0.0.1:" + port + " within 500 ms");
            // Paho names its threads after the client id: none may outlive the failed attempt, or a night of
            // silent attempts would pile them up.
            String id = channelClientId;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().contains(id))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .noneMatch(name -> name.contains(id));
        }
    }

    @Test
    void aRefusedConnectionSaysSo() throws Exception {
        int port = LocalWebhooks.refusingPort();
        MqttChannel channel = new MqttChannel(settings("tcp://127.0.0.1:" + port, TOPIC, 1, false, passwordFile,
                Duration.ofSeconds(5)));
        assertThatThrownBy(() -> channel.send(alert())).hasNoCause()
                .hasMessage("connection to tcp://127.0.0.1:" + port + " refused");
    }

    @Test
    void theNameShowsBrokerAndTopicOnly() {
        MqttSettings settings = settings("tcp://broker.lab.example:1883", TOPIC, 1, false, passwordFile,
                Duration.ofSeconds(10));
        assertThat(new MqttChannel(settings).name())
                .isEqualTo("mqtt lab broker (tcp://broker.lab.example:1883, topic lab/norr/bench2/alerts)");
        assertThat(settings.toString()).doesNotContain(USER).doesNotContain(PASSWORD);
    }
}
