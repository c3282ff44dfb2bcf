package org.norrlab.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.norrlab.testing.LocalWebhooks;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookChannelTest {
    @Test
    void theReceiverGetsEveryFieldAsJsonWithTheWholeMessageAsText() throws Exception {
        Alert alert = new Alert(Alert.Kind.RUN_FINISHED, "bench 2", Optional.of(42L), "protocol norr-ca finished",
                "off", Alerts.TIME, Optional.of("E vs RHE  FE NH3\n-0.2 V    61 %"));
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200)) {
            Alerts.webhook("local", receiver.url("/hook?topic=a"), Duration.ofSeconds(10)).send(alert);
            LocalWebhooks.Request request = receiver.next();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.pathAndQuery()).isEqualTo("/hook?topic=a");
            assertThat(request.contentType()).isEqualTo("application/json");
            JsonNode json = new ObjectMapper().readTree(request.body());
            List<String> names = new ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("text", "kind", "bench", "session", "what", "cell_state", "time", "table");
            assertThat(json.get("kind").asText()).isEqualTo("run_finished");
            assertThat(json.get("bench").asText()).isEqualTo("bench 2");
            assertThat(json.get("session").isIntegralNumber()).isTrue();
            assertThat(json.get("session").asLong()).isEqualTo(42L);
            assertThat(json.get("what").asText()).isEqualTo("protocol norr-ca finished");
            assertThat(json.get("cell_state").asText()).isEqualTo("off");
            assertThat(json.get("time").asText()).isEqualTo("2026-12-04T02:17:05.250Z");
            assertThat(json.get("table").asText()).isEqualTo("E vs RHE  FE NH3\n-0.2 V    61 %");
            assertThat(json.get("text").asText()).isEqualTo("norrlab bench 2: run finished, session 42 - protocol"
                    + " norr-ca finished\ncell: off\nat 2026-12-04T02:17:05 UTC\nE vs RHE  FE NH3\n-0.2 V    61 %");
        }
    }

    @Test
    void anAlertWithoutSessionOrTableSendsNulls() throws Exception {
        Alert alert = new Alert(Alert.Kind.TEST, "b", Optional.empty(), "x", "y", Alerts.TIME, Optional.empty());
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(204)) {
            Alerts.webhook("local", receiver.url("/"), Duration.ofSeconds(10)).send(alert);
            JsonNode json = new ObjectMapper().readTree(receiver.next().body());
            assertThat(json.get("session").isNull()).isTrue();
            assertThat(json.get("table").isNull()).isTrue();
            assertThat(json.get("text").asText()).isEqualTo("norrlab b: test - x\ncell: y\nat 2026-12-04T02:17:05 UTC");
        }
    }

    @Test
    void anErrorStatusIsAFailureNamingTheStatusAndNoSecret() throws Exception {
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(500)) {
            URI url = receiver.url("/hooks/PATHSECRET?token=QUERYSECRET");
            WebhookChannel channel = Alerts.webhook("chat", url, Duration.ofSeconds(10));
            assertThatThrownBy(() -> channel.send(Alerts.alert("x"))).isInstanceOf(IOException.class)
                    .hasMessage("HTTP 500 from http://127.0.0.1:" + url.getPort() + "/…").hasNoCause();
            assertThat(channel.name()).isEqualTo("webhook chat (http://127.0.0.1:" + url.getPort() + "/…)");
        }
    }

    @Test
    void aRefusedConnectionSaysSo() throws Exception {
        int port = LocalWebhooks.refusingPort();
        WebhookChannel channel = Alerts.webhook("gone", URI.create("http://user:PASSSECRET@127.0.0.1:" + port
                + "/x?token=QUERYSECRET"), Duration.ofSeconds(10));
        assertThatThrownBy(() -> channel.send(Alerts.alert("x")))
                .hasMessage("connection to http://127.0.0.1:" + port + "/… refused").hasNoCause();
    }

    @Test
    void aServerThatNeverAnswersFailsAfterTheTimeout() throws Exception {
        try (LocalWebhooks.Silent silent = new LocalWebhooks.Silent()) {
            URI url = silent.url("/x?token=QUERYSECRET");
            WebhookChannel channel = Alerts.webhook("hung", url, Duration.ofMillis(300));
            assertThatThrownBy(() -> channel.send(Alerts.alert("x")))
                    .hasMessage("no answer from http://127.0.0.1:" + url.getPort() + "/… within 300 ms");
        }
    }

    @Test
    void aShownUrlKeepsSchemeHostAndPortOnly() {
        assertThat(SafeUrl.of(URI.create("https://hooks.slack.com/services/T0/B0/secret")))
                .isEqualTo("https://hooks.slack.com/…");
        assertThat(SafeUrl.of(URI.create("https://u:p@example.org:8443/?t=1"))).isEqualTo("https://example.org:8443/…");
        assertThat(SafeUrl.of(URI.create("http://example.org"))).isEqualTo("http://example.org/");
        assertThat(new WebhookSettings("n", URI.create("https://x.org/s?token=abc"), Duration.ofSeconds(1)).toString())
                .doesNotContain("abc").doesNotContain("/s");
    }
}
