package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.LocalSmtp;
import org.norrlab.testing.LocalWebhooks;
import org.norrlab.testing.Mosquitto;
import org.norrlab.testing.TestHomes;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code norrlab alert test} with a webhook, an e-mail server and an MQTT broker configured, all real and local: one
 * "delivered" line per channel, what each received, and not a secret in what the command prints.
 */
class AlertTestAllChannelsCliTest {
    private static final String LOGIN = "benchlogin";
    private static final String PASSWORD = "PASSWORDSECRET";

    @TempDir
    Path home;

    @Test
    void webhookEmailAndMqttEachSayDelivered() throws Exception {
        Path config = Files.createDirectories(home.resolve("config"));
        LocalSmtp.Key key = LocalSmtp.makeKey(config);
        TestHomes.writePrivate(config.resolve("alert-password"), PASSWORD + "\n");
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200);
             LocalSmtp smtp = new LocalSmtp(LocalSmtp.Mode.STARTTLS, key, LOGIN, PASSWORD);
             Mosquitto broker = Mosquitto.start(LOGIN, PASSWORD)) {
            MqttClient subscriber = new MqttClient(broker.url(), "cli-test-subscriber", new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(LOGIN);
            options.setPassword(PASSWORD.toCharArray());
            subscriber.connect(options);
            BlockingQueue<byte[]> published = new LinkedBlockingQueue<>();
            BlockingQueue<Instant> publishedAt = new LinkedBlockingQueue<>();
            subscriber.subscribe("lab/bench7/alerts", 1, (topic, message) -> {
                publishedAt.add(Instant.now());
                published.add(message.getPayload());
            });
            Files.writeString(config.resolve("site.yaml"), "alerts:\n  bench: bench 7\n"
                    + "  webhooks:\n    - {url: '" + receiver.url("/hook?token=SECRET") + "', name: chat}\n"
                    + "  email:\n    - host: 127.0.0.1\n      port: " + smtp.port() + "\n"
                    + "      from: norrlab@bench7.lab.example\n      to: [nightwatch@lab.example]\n"
                    + "      username: " + LOGIN + "\n      password_file: alert-password\n"
                    + "      trust: " + key.certificatePem().getFileName() + "\n      name: lab mail\n"
                    + "  mqtt:\n    - url: " + broker.url() + "\n      topic: lab/bench7/alerts\n"
                    + "      username: " + LOGIN + "\n      password_file: alert-password\n      name: broker\n");
            CliRunner.Result result = CliRunner.norrlab("alert", "test", "--home", home.toString());
            int port = receiver.url("/").getPort();
            assertThat(result.out()).isEqualTo("webhook chat (http://127.0.0.1:" + port + "/…): delivered\n"
                    + "email lab mail (127.0.0.1:" + smtp.port() + ", to @lab.example): delivered\n"
                    + "mqtt broker (tcp://127.0.0.1:" + broker.port() + ", topic lab/bench7/alerts): delivered\n");
            assertThat(result.err()).isEmpty();
            assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(result.out() + result.err()).doesNotContain("SECRET").doesNotContain(LOGIN)
                    .doesNotContain("nightwatch");

            ObjectMapper json = new ObjectMapper();
            LocalWebhooks.Request request = receiver.next();
            JsonNode webhook = json.readTree(request.body());
            assertThat(webhook.get("kind").asText()).isEqualTo("test");
            LocalSmtp.Mail mail = smtp.next();
            assertThat(mail.tls()).isTrue();
            assertThat(mail.to()).containsExactly("nightwatch@lab.example");
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(mail.data().getBytes(StandardCharsets.UTF_8)));
            assertThat(message.getSubject()).isEqualTo("norrlab bench 7: test - a test message from 'norrlab alert"
                    + " test'; this channel works");
            assertThat(((String) message.getContent()).replace("\r\n", "\n"))
                    .isEqualTo(webhook.get("text").asText());
            byte[] payload = published.poll(20, TimeUnit.SECONDS);
            assertThat(payload).isNotNull();
            JsonNode mqtt = json.readTree(payload);
            // The same JSON as the webhook got: one test alert, the same fields and values.
            assertThat(mqtt).isEqualTo(webhook);
            // Latency of the one test alert on each channel, from Alert.time() (the JSON's time, in ms) to receipt.
            Instant sent = Instant.parse(webhook.get("time").asText());
            System.out.println("alert test latency from Alert.time() to receipt: webhook "
                    + Duration.between(sent, request.arrived()).toMillis() + " ms, e-mail (STARTTLS, login) "
                    + Duration.between(sent, mail.arrived()).toMillis() + " ms, MQTT (QoS 1) "
                    + Duration.between(sent, publishedAt.poll()).toMillis() + " ms");
            subscriber.disconnect();
            subscriber.close();
        }
    }
}
