package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.LocalWebhooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code norrlab alert test} against real local servers: it says delivered only when the server said 2xx. */
class AlertTestCliTest {
    @TempDir
    Path home;

    private void site(String alerts) throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/site.yaml"), "alerts:\n  bench: bench 7\n  webhooks:\n" + alerts);
    }

    @Test
    void aReceiverThatAnswers2xxIsDeliveredAndARefusingPortFailedWithTheReason() throws Exception {
        int refusing = LocalWebhooks.refusingPort();
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200)) {
            site("    - {url: '" + receiver.url("/hook?token=SECRET") + "', name: local}\n"
                    + "    - {url: 'http://127.0.0.1:" + refusing + "/x?token=SECRET', name: off}\n");
            CliRunner.Result result = CliRunner.norrlab("alert", "test", "--home", home.toString());
            int port = receiver.url("/").getPort();
            assertThat(result.out()).isEqualTo("webhook local (http://127.0.0.1:" + port + "/…): delivered\n"
                    + "webhook off (http://127.0.0.1:" + refusing + "/…): failed: connection to http://127.0.0.1:"
                    + refusing + "/… refused\n");
            assertThat(result.err()).isEqualTo("1 of 2 alert channels failed.\n");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            JsonNode json = new ObjectMapper().readTree(receiver.next().body());
            assertThat(json.get("kind").asText()).isEqualTo("test");
            assertThat(json.get("bench").asText()).isEqualTo("bench 7");
            assertThat(json.get("session").isNull()).isTrue();
        }
    }

    @Test
    void aServerThatAnswersWithAnErrorIsNotDelivered() throws Exception {
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(404)) {
            site("    - url: " + receiver.url("/wrong") + "\n");
            CliRunner.Result result = CliRunner.norrlab("alert", "test", "--home", home.toString());
            int port = receiver.url("/").getPort();
            assertThat(result.out()).isEqualTo("webhook webhook 1 (http://127.0.0.1:" + port + "/…): failed: HTTP 404"
                    + " from http://127.0.0.1:" + port + "/…\n");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(receiver.next()).isNotNull();
        }
    }

    @Test
    void aSilentServerDoesNotHoldBackTheOthersOrTheCommandPastItsTimeout() throws Exception {
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200);
             LocalWebhooks.Silent silent = new LocalWebhooks.Silent()) {
            site("    - {url: '" + silent.url("/") + "', name: hung, timeout: 0.5 s}\n"
                    + "    - {url: '" + receiver.url("/") + "', name: local}\n");
            CliRunner.Result result = CliRunner.norrlab("alert", "test", "--home", home.toString());
            assertThat(result.out()).contains("webhook hung (" + silent.url("/") + "): failed: no answer from "
                    + silent.url("/") + " within 500 ms\n").contains("webhook local (" + receiver.url("/") + "): delivered\n");
        }
    }

    @Test
    void withoutChannelsItSaysHowToAddOne() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/site.yaml"), "data_directory: data\n");
        CliRunner.Result result = CliRunner.norrlab("alert", "test", "--home", home.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("no alert channels: add a webhook, an e-mail or an MQTT entry under alerts: in"
                + " config/site.yaml");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aBadAlertsBlockIsReportedWithFileLineAndField() throws Exception {
        site("    - url: ftp://x.org/\n");
        CliRunner.Result result = CliRunner.norrlab("alert", "test", "--home", home.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("site.yaml:4:12: field 'alerts.webhooks[1].url': has the scheme 'ftp'");
    }

    @Test
    void everyCommandThatReadsTheSiteReportsABadAlertsBlock() throws Exception {
        site("    - url: https://x.org/\n      timeout: 1 h\n");
        CliRunner.Result result = CliRunner.norrlab("sessions", "--home", home.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("site.yaml:5:16: field 'alerts.webhooks[1].timeout': '1 h' is outside what is"
                + " allowed: between 0.1 s and 2 min");
    }
}
