package org.norrlab.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.testing.Fixtures;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alerts block of config/site.yaml, and the operator's messages for what it must not hold. */
class AlertSettingsTest {
    @TempDir
    Path home;

    private AlertSettings load(String site) throws IOException, ConfigException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/site.yaml"), site);
        return AlertSettings.of(SiteConfig.load(home));
    }

    private String file() {
        return home.resolve("config/site.yaml").toString();
    }

    @Test
    void theShippedSiteFileSendsNoAlerts() throws ConfigException {
        assertThat(AlertSettings.of(SiteConfig.load(Fixtures.HOME)).channels()).isEmpty();
    }

    @Test
    void noBlockOrAnEmptyOneMeansNoChannels() throws Exception {
        assertThat(load("data_directory: data\n").webhooks()).isEmpty();
        assertThat(load("alerts:\n").webhooks()).isEmpty();
        assertThat(load("alerts:\n  bench: b2\n  webhooks:\n").webhooks()).isEmpty();
    }

    @Test
    void webhooksAreReadInOrderWithTheirDefaults() throws Exception {
        AlertSettings settings = load("""
                alerts:
                  bench: NORR bench 2
                  webhooks:
                    - url: https://ntfy.sh/topic
                      name: ntfy
                      timeout: 2.5 s
                    - url: http://10.0.0.5:8080/hook?token=abc
                """);
        assertThat(settings.bench()).isEqualTo("NORR bench 2");
        assertThat(settings.webhooks()).containsExactly(
                new WebhookSettings("ntfy", URI.create("https://ntfy.sh/topic"), Duration.ofMillis(2500)),
                new WebhookSettings("webhook 2", URI.create("http://10.0.0.5:8080/hook?token=abc"), Duration.ofSeconds(10)));
        assertThat(settings.channels()).extracting(AlertChannel::name).containsExactly(
                "webhook ntfy (https://ntfy.sh/…)", "webhook webhook 2 (http://10.0.0.5:8080/…)");
    }

    @Test
    void aBenchLeftOutIsThisComputersName() throws Exception {
        assertThat(load("alerts:\n  webhooks: []\n").bench()).isEqualTo(AlertSettings.computerName()).isNotBlank();
    }

    @Test
    void aUrlOtherThanHttpIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> load("alerts:\n  webhooks:\n    - url: ftp://host/SECRET\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file() + ":3:12: field 'alerts.webhooks[1].url': has the scheme 'ftp'; allowed: http://"
                        + " or https://, e.g. https://ntfy.sh/my-topic");
        assertThatThrownBy(() -> load("alerts:\n  webhooks:\n    - url: http://127.0.0.1:70000/SECRET\n"))
                .hasMessage(file() + ":3:12: field 'alerts.webhooks[1].url': has the port 70000; allowed: 1 to 65535,"
                        + " or none for the scheme's own, e.g. https://ntfy.sh/my-topic");
        assertThatThrownBy(() -> load("alerts:\n  webhooks:\n    - url: ntfy.sh/SECRET\n"))
                .hasMessage(file() + ":3:12: field 'alerts.webhooks[1].url': has no scheme; allowed: http://"
                        + " or https://, e.g. https://ntfy.sh/my-topic");
        assertThatThrownBy(() -> load("alerts:\n  webhooks:\n    - url: https://x.org/a b?t=SECRET\n"))
                .hasMessageStartingWith(file() + ":3:12: field 'alerts.webhooks[1].url': is not a URL (Illegal"
                        + " character in path at character 16)").hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> load("alerts:\n  webhooks:\n    - url: https:///SECRET\n"))
                .hasMessage(file() + ":3:12: field 'alerts.webhooks[1].url': has no host name; write e.g."
                        + " https://ntfy.sh/my-topic");
    }

    @Test
    void aMissingUrlOrAnUnknownFieldNamesWhatIsAllowed() {
        assertThatThrownBy(() -> load("alerts:\n  webhooks:\n    - name: chat\n"))
                .hasMessage(file() + ":3:7: field 'alerts.webhooks[1].url': is missing; it is required here");
        assertThatThrownBy(() -> load("alerts:\n  webhooks:\n    - url: https://x.org/\n      token: abc\n"))
                .hasMessage(file() + ":4:14: field 'alerts.webhooks[1].token': is not a known field here; allowed:"
                        + " name, timeout, url");
        assertThatThrownBy(() -> load("alerts:\n  webhook:\n    - url: https://x.org/\n"))
                .hasMessage(file() + ":3:5: field 'alerts.webhook': is not a known field here; allowed: bench, email, mqtt, webhooks");
        assertThatThrownBy(() -> load("alerts:\n  webhooks:\n    url: https://x.org/\n"))
                .hasMessage(file() + ":3:5: field 'alerts.webhooks': expected a list ('- item' lines or [a, b]),"
                        + " found a block of fields");
    }

    @Test
    void aTimeoutOutsideItsRangeOrTwoWebhooksOfOneNameAreRefused() {
        assertThatThrownBy(() -> load("alerts:\n  webhooks:\n    - url: https://x.org/\n      timeout: 5 min\n"))
                .hasMessage(file() + ":4:16: field 'alerts.webhooks[1].timeout': '5 min' is outside what is allowed:"
                        + " between 0.1 s and 2 min, e.g. '10 s'");
        assertThatThrownBy(() -> load("alerts:\n  webhooks:\n    - url: https://x.org/\n      timeout: soon\n"))
                .hasMessageStartingWith(file() + ":4:16: field 'alerts.webhooks[1].timeout': ");
        assertThatThrownBy(() -> load("alerts:\n  webhooks:\n    - {url: 'https://a.org/', name: chat}\n"
                + "    - {url: 'https://b.org/', name: chat}\n"))
                .hasMessageStartingWith(file() + ":4:")
                .hasMessageContaining("field 'alerts.webhooks[2].name': the name 'chat' is used twice");
    }

    @Test
    void theSitesOtherFieldsReadAsBefore() throws Exception {
        load("alerts:\n  webhooks:\n    - url: https://x.org/\n");
        assertThat(SiteConfig.load(home).alerts()).isPresent();
        assertThat(SiteConfig.load(home).safety()).isEmpty();
        assertThat(List.of(SiteConfig.load(home).dataDirectory())).containsExactly(home.resolve("data"));
    }
}
