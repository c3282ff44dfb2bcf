package org.norrlab.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.LocalWebhooks;
import org.norrlab.testing.LogCapture;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * An SMTP server and an MQTT broker that accept the connection and never say a word, beside a webhook that works:
 * the webhook delivers every alert while the two others are still waiting for their first answer (each channel has
 * its own lane in the dispatcher), and the two fail after their timeouts, each alert counted and logged without a
 * secret.
 */
class SilentChannelsDispatchTest {
    @TempDir
    Path dir;

    @Test
    void silentMailAndMqttServersDelayNeitherTheWebhookNorEachOther() throws Exception {
        Path password = dir.resolve("password");
        Files.writeString(password, "PASSWORDSECRET\n");
        try (LocalWebhooks.Silent smtp = new LocalWebhooks.Silent();
             LocalWebhooks.Silent mqtt = new LocalWebhooks.Silent();
             LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200);
             LogCapture log = new LogCapture("org.norrlab")) {
            // A minute for an answer: far longer than this test waits for the webhook.
            EmailChannel email = new EmailChannel(new EmailSettings("hung mail", "127.0.0.1", smtp.url("/").getPort(),
                    EmailSettings.Security.STARTTLS, "norrlab@lab.example", List.of("watch@lab.example"),
                    Optional.of("LOGINSECRET"), Optional.of(Secret.inFile(password)), Optional.empty(),
                    Duration.ofSeconds(60)));
            MqttChannel broker = new MqttChannel(new MqttSettings("hung broker",
                    URI.create("tcp://127.0.0.1:" + mqtt.url("/").getPort()), "lab/alerts", 1, false,
                    Optional.of("LOGINSECRET"), Optional.of(Secret.inFile(password)), "norrlab-test", Optional.empty(),
                    Duration.ofSeconds(60)));
            WebhookChannel webhook = Alerts.webhook("good", receiver.url("/"), Duration.ofSeconds(10));
            AlertDispatcher dispatcher = new AlertDispatcher(List.of(email, broker, webhook), 10,
                    new Retry(1, Duration.ofMillis(10), Duration.ofMillis(10)));
            try {
                dispatcher.submit(Alerts.alert("first"));
                assertThat(smtp.connected()).as("the mail channel has its connection").isTrue();
                assertThat(mqtt.connected()).as("the MQTT channel has its connection").isTrue();
                dispatcher.submit(Alerts.alert("second"));
                ObjectMapper json = new ObjectMapper();
                assertThat(json.readTree(receiver.next().body()).get("what").asText()).isEqualTo("first");
                assertThat(json.readTree(receiver.next().body()).get("what").asText()).isEqualTo("second");
                await(() -> dispatcher.counts().get(2).sent() >= 2);
                // Both delivered while the other two still wait for the first answer of their first alert.
                assertThat(dispatcher.counts()).containsExactly(
                        new AlertDispatcher.Counts(email.name(), 0, 0, 0),
                        new AlertDispatcher.Counts(broker.name(), 0, 0, 0),
                        new AlertDispatcher.Counts(webhook.name(), 2, 0, 0));
            } finally {
                dispatcher.close(Duration.ofMillis(100));
            }
        }
    }

    @Test
    void silentServersFailAfterTheirTimeoutsAndTheLogHoldsNoSecret() throws Exception {
        Path password = dir.resolve("password");
        Files.writeString(password, "PASSWORDSECRET\n");
        try (LocalWebhooks.Silent smtp = new LocalWebhooks.Silent();
             LocalWebhooks.Silent mqtt = new LocalWebhooks.Silent();
             LogCapture log = new LogCapture("org.norrlab")) {
            EmailChannel email = new EmailChannel(new EmailSettings("hung mail", "127.0.0.1", smtp.url("/").getPort(),
                    EmailSettings.Security.STARTTLS, "norrlab@lab.example", List.of("watch@lab.example"),
                    Optional.of("LOGINSECRET"), Optional.of(Secret.inFile(password)), Optional.empty(),
                    Duration.ofMillis(300)));
            MqttChannel broker = new MqttChannel(new MqttSettings("hung broker",
                    URI.create("tcp://127.0.0.1:" + mqtt.url("/").getPort()), "lab/alerts", 1, false,
                    Optional.of("LOGINSECRET"), Optional.of(Secret.inFile(password)), "norrlab-test", Optional.empty(),
                    Duration.ofMillis(300)));
            AlertDispatcher dispatcher = new AlertDispatcher(List.of(email, broker), 10,
                    new Retry(2, Duration.ofMillis(10), Duration.ofMillis(10)));
            dispatcher.submit(Alerts.alert("lost"));
            assertThat(dispatcher.close(Duration.ofSeconds(20))).isTrue();
            assertThat(dispatcher.counts()).containsExactly(
                    new AlertDispatcher.Counts(email.name(), 0, 1, 0),
                    new AlertDispatcher.Counts(broker.name(), 0, 1, 0));
            assertThat(log.lines()).contains(
                    "ERROR [alert " + email.name() + "] Alert not delivered on " + email.name() + " after 2 attempts:"
                            + " no answer from 127.0.0.1:" + smtp.url("/").getPort() + " within 300 ms. Lost: step"
                            + " failed on bench 2, session 42 (lost)",
                    "ERROR [alert " + broker.name() + "] Alert not delivered on " + broker.name() + " after 2"
                            + " attempts: no answer from tcp://127.0.0.1:" + mqtt.url("/").getPort() + " within 300 ms."
                            + " Lost: step failed on bench 2, session 42 (lost)");
            assertThat(log.lines()).allSatisfy(line -> assertThat(line).doesNotContain("SECRET")
                    .doesNotContain("watch@"));
        }
    }

    private static void await(BooleanSupplier condition) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            while (!condition.getAsBoolean()) {
                Thread.sleep(10);
            }
        });
    }
}
