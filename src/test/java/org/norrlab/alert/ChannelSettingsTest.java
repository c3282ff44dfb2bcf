package org.norrlab.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.testing.LocalSmtp;
import org.norrlab.testing.TestHomes;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The email: and mqtt: lists of the alerts block: what is read, and each mistake named with file, line and field. */
class ChannelSettingsTest {
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

    /** An e-mail entry with a login, and {@code extra} lines (6 spaces in) after it. */
    private String email(String extra) {
        return "alerts:\n  email:\n    - host: smtp.lab.example\n      from: norrlab@lab.example\n"
                + "      to: watch@lab.example\n" + extra;
    }

    private String mqtt(String extra) {
        return "alerts:\n  mqtt:\n    - url: tcp://broker.lab.example\n      topic: lab/norr/alerts\n" + extra;
    }

    @Test
    void anEmailEntryIsReadWithItsDefaults() throws Exception {
        Files.createDirectories(home.resolve("config"));
        TestHomes.writePrivate(home.resolve("config/smtp-password"), "secret\n");
        AlertSettings settings = load(email("      username: bench2\n      password_file: smtp-password\n")
                + "    - host: mail.uni.example\n      security: tls\n      from: a@uni.example\n"
                + "      to: [x@uni.example, y@lab.example]\n      name: uni\n      timeout: 5 s\n"
                + "    - {host: localhost, security: none, from: a@localhost, to: b@localhost}\n");
        assertThat(settings.emails()).containsExactly(
                new EmailSettings("email 1", "smtp.lab.example", 587, EmailSettings.Security.STARTTLS,
                        "norrlab@lab.example", List.of("watch@lab.example"), Optional.of("bench2"),
                        Optional.of(Secret.inFile(home.resolve("config/smtp-password").toAbsolutePath())),
                        Optional.empty(), Duration.ofSeconds(20)),
                new EmailSettings("uni", "mail.uni.example", 465, EmailSettings.Security.TLS, "a@uni.example",
                        List.of("x@uni.example", "y@lab.example"), Optional.empty(), Optional.empty(),
                        Optional.empty(), Duration.ofSeconds(5)),
                new EmailSettings("email 3", "localhost", 25, EmailSettings.Security.NONE, "a@localhost",
                        List.of("b@localhost"), Optional.empty(), Optional.empty(), Optional.empty(),
                        Duration.ofSeconds(20)));
        assertThat(settings.channels()).extracting(AlertChannel::name).containsExactly(
                "email email 1 (smtp.lab.example:587, to @lab.example)",
                "email uni (mail.uni.example:465, to @uni.example, @lab.example)",
                "email email 3 (localhost:25, to @localhost)");
    }

    @Test
    void anMqttEntryIsReadWithItsDefaults() throws Exception {
        Path ca = LocalSmtp.makeKey(Files.createDirectories(home.resolve("config"))).certificatePem();
        AlertSettings settings = load(mqtt("    - url: ssl://broker.lab.example\n      topic: a/b\n      qos: 2\n"
                + "      retained: true\n      client_id: norrlab-bench2\n      trust: smtp-cert.pem\n"
                + "      name: secure\n      timeout: 3 s\n"));
        MqttSettings first = settings.mqtt().get(0);
        assertThat(first.url()).isEqualTo(URI.create("tcp://broker.lab.example:1883"));
        assertThat(List.of(first.name(), first.topic(), first.qos(), first.retained(), first.timeout()))
                .containsExactly("mqtt 1", "lab/norr/alerts", 1, false, Duration.ofSeconds(10));
        assertThat(first.clientId()).matches("norrlab-[0-9a-f]{12}");
        assertThat(first.username()).isEmpty();
        assertThat(settings.mqtt().get(1)).isEqualTo(new MqttSettings("secure",
                URI.create("ssl://broker.lab.example:8883"), "a/b", 2, true, Optional.empty(), Optional.empty(),
                "norrlab-bench2", Optional.of(ca.toAbsolutePath()), Duration.ofSeconds(3)));
        assertThat(settings.channels()).extracting(AlertChannel::name).containsExactly(
                "mqtt mqtt 1 (tcp://broker.lab.example:1883, topic lab/norr/alerts)",
                "mqtt secure (ssl://broker.lab.example:8883, topic a/b)");
    }

    @Test
    void aPasswordWrittenInSiteYamlIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> load(email("      username: bench2\n      password: HUNTER2\n")))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining("HUNTER2")
                .hasMessage(file() + ":7:17: field 'alerts.email[1].password': a password is not written in"
                        + " site.yaml, which is copied, shown and shared; put it in a file readable only by you and"
                        + " name it with password_file: (e.g. password_file: alert-password, beside site.yaml, chmod 600), or"
                        + " name an environment variable with password_env:");
        assertThatThrownBy(() -> load(mqtt("      username: bench2\n      password: HUNTER2\n")))
                .hasMessageStartingWith(file() + ":6:17: field 'alerts.mqtt[1].password': a password is not written"
                        + " in site.yaml").hasMessageNotContaining("HUNTER2");
    }

    @Test
    void aLoginNeedsBothHalvesAndAPasswordThatCanBeFound() throws Exception {
        assertThatThrownBy(() -> load(email("      username: bench2\n")))
                .hasMessage(file() + ":6:17: field 'alerts.email[1].username': a username needs its password: name"
                        + " the file that holds it with password_file: (e.g. smtp-password, beside site.yaml) or an"
                        + " environment variable with password_env:");
        assertThatThrownBy(() -> load(email("      password_file: smtp-password\n")))
                .hasMessage(file() + ":6:22: field 'alerts.email[1].password_file': a password without a username;"
                        + " add username: (the login name), or leave the password out for a server that needs no"
                        + " login");
        assertThatThrownBy(() -> load(email("      username: bench2\n      password_file: smtp-password\n")))
                .hasMessage(file() + ":7:22: field 'alerts.email[1].password_file': the file "
                        + home.resolve("config/smtp-password").toAbsolutePath() + " does not exist or cannot be read;"
                        + " write the password alone on its first line, in a file readable only by the people who"
                        + " run the bench");
        Files.writeString(home.resolve("config/smtp-password"), "secret\n");
        Files.setPosixFilePermissions(home.resolve("config/smtp-password"), PosixFilePermissions.fromString("rw-r--r--"));
        Path shared = home.resolve("config/smtp-password").toAbsolutePath();
        assertThatThrownBy(() -> load(email("      username: bench2\n      password_file: smtp-password\n")))
                .hasMessage(file() + ":7:22: field 'alerts.email[1].password_file': the file " + shared
                        + " may be read by other users (mode rw-r--r--), and it holds a password; make it yours alone:"
                        + " chmod 600 " + shared);
        // A variable not set in this shell is no mistake in the file (`sessions` must work there): the site loads,
        // and a run is told at its start which channel will fail.
        AlertSettings unset = load(mqtt("      username: bench2\n      password_env: NORRLAB_TEST_NEVER_SET_X\n"));
        assertThat(unset.unreadablePasswords()).containsExactly("alerts on mqtt mqtt 1 will fail: the environment"
                + " variable NORRLAB_TEST_NEVER_SET_X that should hold the password is not set");
        assertThat(load(mqtt("      username: bench2\n      password_env: HOME\n")).unreadablePasswords()).isEmpty();
        assertThatThrownBy(() -> load(mqtt("      username: bench2\n      password_env: 1-bad\n")))
                .hasMessageStartingWith(file() + ":6:21: field 'alerts.mqtt[1].password_env': '1-bad' is not the"
                        + " name of an environment variable");
    }

    @Test
    void eachWrongEmailFieldSaysWhatIsAllowed() {
        assertThatThrownBy(() -> load(email("      security: ssl\n")))
                .hasMessage(file() + ":6:17: field 'alerts.email[1].security': 'ssl' is not a kind of connection;"
                        + " allowed: starttls (the default: port 587, upgraded before anything is sent), tls (port 465,"
                        + " TLS from the start) or none (clear text, readable by anyone on the way)");
        assertThatThrownBy(() -> load(email("      port: 70000\n")))
                .hasMessage(file() + ":6:13: field 'alerts.email[1].port': '70000' is not a port number; allowed:"
                        + " 1 to 65535 (587 for starttls, 465 for tls, 25 for none)");
        assertThatThrownBy(() -> load(email("      security: none\n      username: u\n      password_env: HOME\n")))
                .hasMessage(file() + ":7:17: field 'alerts.email[1].username': security: none would send the user"
                        + " name and password in clear text, which norrlab refuses; use security: starttls or tls to"
                        + " log in");
        assertThatThrownBy(() -> load("alerts:\n  email:\n    - host: smtp.lab.example\n      from: norrlab\n"
                + "      to: watch@lab.example\n"))
                .hasMessage(file() + ":4:13: field 'alerts.email[1].from': 'norrlab' is not an e-mail address; write"
                        + " one address alone, e.g. night-watch@lab.example (several recipients: a list, to:"
                        + " [a@lab.example, b@lab.example])");
        assertThatThrownBy(() -> load("alerts:\n  email:\n    - host: smtp.lab.example\n      from: a@lab.example\n"
                + "      to: [ok@lab.example, 'two@lab.example, three@lab.example']\n"))
                .hasMessageStartingWith(file() + ":5:").hasMessageContaining("field 'alerts.email[1].to[2]': 'two@lab"
                        + ".example, three@lab.example' is not an e-mail address");
        assertThatThrownBy(() -> load("alerts:\n  email:\n    - host: smtp://smtp.lab.example\n      from: a@lab.example\n"
                + "      to: b@lab.example\n"))
                .hasMessage(file() + ":3:13: field 'alerts.email[1].host': 'smtp://smtp.lab.example' is not a host"
                        + " name; write the server's name or address alone, e.g. smtp.uni.example (no scheme, no port:"
                        + " the port goes under port:)");
        assertThatThrownBy(() -> load("alerts:\n  email:\n    - host: smtp.lab.example\n      from: a@lab.example\n"))
                .hasMessage(file() + ":3:7: field 'alerts.email[1].to': is missing; it is required here");
        assertThatThrownBy(() -> load(email("      tls: yes\n")))
                .hasMessage(file() + ":6:12: field 'alerts.email[1].tls': is not a known field here; allowed: from,"
                        + " host, name, password, password_env, password_file, port, security, timeout, to, trust,"
                        + " username");
        assertThatThrownBy(() -> load(email("      timeout: 10 min\n")))
                .hasMessage(file() + ":6:16: field 'alerts.email[1].timeout': '10 min' is outside what is allowed:"
                        + " between 0.1 s and 2 min, e.g. '10 s'");
    }

    @Test
    void aTrustFileMustHoldCertificatesAndGoWithTls() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/not-a-cert.pem"), "hello\n");
        assertThatThrownBy(() -> load(email("      trust: not-a-cert.pem\n")))
                .hasMessageStartingWith(file() + ":6:14: field 'alerts.email[1].trust': "
                        + home.resolve("config/not-a-cert.pem").toAbsolutePath() + " is not a certificate file (PEM,"
                        + " -----BEGIN CERTIFICATE-----, or DER)");
        assertThatThrownBy(() -> load(email("      trust: missing.pem\n")))
                .hasMessage(file() + ":6:14: field 'alerts.email[1].trust': the file "
                        + home.resolve("config/missing.pem").toAbsolutePath() + " does not exist; name a PEM file of"
                        + " the certificates to trust (the lab's CA, or the server's own certificate)");
        LocalSmtp.makeKey(home.resolve("config"));
        assertThatThrownBy(() -> load(mqtt("      trust: smtp-cert.pem\n")))
                .hasMessage(file() + ":5:14: field 'alerts.mqtt[1].trust': a trust file is for TLS, and tcp:// has"
                        + " none; use an ssl:// url, or leave trust: out");
    }

    @Test
    void eachWrongMqttFieldSaysWhatIsAllowed() {
        assertThatThrownBy(() -> load("alerts:\n  mqtt:\n    - url: mqtt://broker\n      topic: a\n"))
                .hasMessage(file() + ":3:12: field 'alerts.mqtt[1].url': has the scheme 'mqtt'; allowed: tcp:// or"
                        + " ssl:// (TLS), e.g. tcp://broker.lab.example:1883");
        assertThatThrownBy(() -> load("alerts:\n  mqtt:\n    - url: tcp://127.0.0.1:99999\n      topic: a\n"))
                .hasMessage(file() + ":3:12: field 'alerts.mqtt[1].url': has the port 99999; allowed: 1 to 65535, or"
                        + " none for the scheme's own, e.g. tcp://broker.lab.example:1883");
        assertThatThrownBy(() -> load("alerts:\n  mqtt:\n    - url: tcp://user:PASSSECRET@broker\n      topic: a\n"))
                .hasMessage(file() + ":3:12: field 'alerts.mqtt[1].url': holds a user name or password; write the"
                        + " user name under username: and the password in a file named by password_file:");
        assertThatThrownBy(() -> load("alerts:\n  mqtt:\n    - url: tcp://broker/lab/alerts\n      topic: a\n"))
                .hasMessage(file() + ":3:12: field 'alerts.mqtt[1].url': has a path or query; a broker's address is"
                        + " scheme, host and port only, and the topic goes under topic:");
        assertThatThrownBy(() -> load("alerts:\n  mqtt:\n    - url: tcp://broker\n      topic: lab/+/alerts\n"))
                .hasMessage(file() + ":4:14: field 'alerts.mqtt[1].topic': 'lab/+/alerts' is not a topic to publish"
                        + " to; allowed: levels separated by '/', without the wildcards + and # and not starting"
                        + " with $, e.g. lab/norr/bench2/alerts");
        assertThatThrownBy(() -> load(mqtt("      qos: 3\n")))
                .hasMessage(file() + ":5:12: field 'alerts.mqtt[1].qos': '3' is not an MQTT quality of service;"
                        + " allowed: 0 (sent, no acknowledgement), 1 (the default: the broker acknowledges) or 2"
                        + " (exactly once)");
        assertThatThrownBy(() -> load(mqtt("      retained: sometimes\n")))
                .hasMessage(file() + ":5:17: field 'alerts.mqtt[1].retained': 'sometimes' is not true or false");
        assertThatThrownBy(() -> load(mqtt("      client_id: bench 2\n")))
                .hasMessage(file() + ":5:18: field 'alerts.mqtt[1].client_id': 'bench 2' is not allowed as a client"
                        + " id; allowed: 1 to 64 of the letters A-Z and a-z, digits, '_', '-' and '.', unique on the"
                        + " broker, e.g. norrlab-bench2");
        assertThatThrownBy(() -> load(mqtt("      host: x\n")))
                .hasMessage(file() + ":5:13: field 'alerts.mqtt[1].host': is not a known field here; allowed:"
                        + " client_id, name, password, password_env, password_file, qos, retained, timeout, topic,"
                        + " trust, url, username");
        assertThatThrownBy(() -> load(mqtt("      name: a\n    - url: tcp://other\n      topic: b\n      name: a\n")))
                .hasMessage(file() + ":8:13: field 'alerts.mqtt[2].name': the name 'a' is used twice; every MQTT"
                        + " entry needs its own, so that logs tell them apart");
    }
}
