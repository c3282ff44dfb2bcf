package org.norrlab.alert;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.LocalSmtp;
import org.norrlab.testing.LocalWebhooks;
import org.norrlab.testing.LogCapture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The e-mail channel against a real SMTP server in the test (LocalSmtp, with a key made by keytool for this run):
 * what arrives, in which order the client speaks, and that it never speaks a word of the message or the login in
 * clear text unless told to with security: none.
 */
class EmailChannelTest {
    private static final String USER = "night-watch";
    private static final String PASSWORD = "PASSWORDSECRET";

    @TempDir
    static Path dir;
    static LocalSmtp.Key key;
    static Path passwordFile;

    @BeforeAll
    static void key() throws Exception {
        key = LocalSmtp.makeKey(dir);
        passwordFile = dir.resolve("smtp-password");
        Files.writeString(passwordFile, PASSWORD + "\n");
    }

    static EmailSettings settings(int port, EmailSettings.Security security, boolean login, boolean trust,
                                  Duration timeout) {
        return new EmailSettings("lab", "127.0.0.1", port, security, "norrlab@bench2.lab.example",
                List.of("night-watch@lab.example", "boss@uni.example"), login ? Optional.of(USER) : Optional.empty(),
                login ? Optional.of(Secret.inFile(passwordFile)) : Optional.empty(),
                trust ? Optional.of(key.certificatePem()) : Optional.empty(), timeout);
    }

    static Alert finished() {
        return new Alert(Alert.Kind.RUN_FINISHED, "bench 2", Optional.of(42L), "protocol norr-ca finished",
                "off (confirmed by the instrument)", Instant.now(), Optional.of("E vs RHE  FE NH3\n-0.2 V    61 %"));
    }

    private static MimeMessage parse(LocalSmtp.Mail mail) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(mail.data().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void starttlsComesFirstThenTheLoginThenTheMessageWithTheAlertAsSubjectAndBody() throws Exception {
        try (LocalSmtp smtp = new LocalSmtp(LocalSmtp.Mode.STARTTLS, key, USER, PASSWORD)) {
            Alert alert = finished();
            new EmailChannel(settings(smtp.port(), EmailSettings.Security.STARTTLS, true, true, Duration.ofSeconds(10)))
                    .send(alert);
            LocalSmtp.Mail mail = smtp.next();
            System.out.println("e-mail (STARTTLS) latency from Alert.time() to receipt: "
                    + Duration.between(alert.time(), mail.arrived()).toMillis() + " ms");
            assertThat(mail.tls()).isTrue();
            assertThat(mail.login()).isEqualTo(USER);
            assertThat(mail.from()).isEqualTo("norrlab@bench2.lab.example");
            assertThat(mail.to()).containsExactly("night-watch@lab.example", "boss@uni.example");
            MimeMessage message = parse(mail);
            assertThat(message.getSubject()).isEqualTo("norrlab bench 2: run finished, session 42 - protocol norr-ca"
                    + " finished");
            assertThat(message.getFrom()[0].toString()).isEqualTo("norrlab@bench2.lab.example");
            assertThat(message.getContentType()).startsWith("text/plain; charset=UTF-8");
            assertThat(((String) message.getContent()).replace("\r\n", "\n")).isEqualTo(alert.text())
                    .contains("cell: off (confirmed by the instrument)\n")
                    .endsWith("E vs RHE  FE NH3\n-0.2 V    61 %");
            // In clear text only the greeting and STARTTLS; the login and the envelope only inside TLS.
            List<LocalSmtp.Command> commands = smtp.commands();
            assertThat(commands.subList(0, 2)).extracting(LocalSmtp.Command::toString)
                    .satisfiesExactly(c -> assertThat(c).startsWith("EHLO "), c -> assertThat(c).isEqualTo("STARTTLS"));
            assertThat(commands.subList(2, commands.size())).allMatch(LocalSmtp.Command::tls)
                    .extracting(c -> c.line().split(" ")[0].toUpperCase())
                    .containsSubsequence("EHLO", "AUTH", "MAIL", "RCPT", "RCPT", "DATA");
        }
    }

    @Test
    void aServerWithoutStarttlsGetsNothingNotTheLoginNorTheMessage() throws Exception {
        try (LocalSmtp smtp = new LocalSmtp(LocalSmtp.Mode.NO_STARTTLS, key, USER, PASSWORD)) {
            EmailChannel channel = new EmailChannel(settings(smtp.port(), EmailSettings.Security.STARTTLS, true, true,
                    Duration.ofSeconds(10)));
            assertThatThrownBy(() -> channel.send(finished())).isInstanceOf(IOException.class).hasNoCause()
                    .hasMessage("127.0.0.1:" + smtp.port() + " does not offer STARTTLS; no alert is sent in clear"
                            + " text (security: none would allow it, which lets anyone on the way read it)");
            assertThat(smtp.commands()).allSatisfy(c -> assertThat(c.line()).matches("(?i)(EHLO|QUIT).*"));
            assertThat(smtp.commands()).extracting(LocalSmtp.Command::line).anyMatch(l -> l.startsWith("EHLO"));
            assertThat(smtp.waiting()).isZero();
        }
    }

    @Test
    void implicitTlsDeliversFromTheFirstByte() throws Exception {
        try (LocalSmtp smtp = new LocalSmtp(LocalSmtp.Mode.IMPLICIT_TLS, key, USER, PASSWORD)) {
            Alert alert = finished();
            new EmailChannel(settings(smtp.port(), EmailSettings.Security.TLS, true, true, Duration.ofSeconds(10)))
                    .send(alert);
            LocalSmtp.Mail mail = smtp.next();
            System.out.println("e-mail (implicit TLS) latency from Alert.time() to receipt: "
                    + Duration.between(alert.time(), mail.arrived()).toMillis() + " ms");
            assertThat(mail.tls()).isTrue();
            assertThat(mail.login()).isEqualTo(USER);
            assertThat(smtp.commands()).allMatch(LocalSmtp.Command::tls);
            assertThat(parse(mail).getSubject()).startsWith("norrlab bench 2: run finished");
        }
    }

    @Test
    void aCertificateNotTrustedEndsTheSendBeforeTheLogin() throws Exception {
        try (LocalSmtp smtp = new LocalSmtp(LocalSmtp.Mode.STARTTLS, key, USER, PASSWORD)) {
            // No trust file: the JDK's CAs, which never signed this test's key.
            EmailChannel channel = new EmailChannel(settings(smtp.port(), EmailSettings.Security.STARTTLS, true, false,
                    Duration.ofSeconds(10)));
            assertThatThrownBy(() -> channel.send(finished())).hasNoCause()
                    .hasMessage("TLS with 127.0.0.1:" + smtp.port() + " failed: its certificate is not trusted (a"
                            + " lab's own server: name its CA file under trust:)");
            assertThat(smtp.commands()).extracting(LocalSmtp.Command::line)
                    .noneMatch(l -> l.startsWith("AUTH") || l.startsWith("MAIL"));
            assertThat(smtp.waiting()).isZero();
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefusedBeforeTheLogin() throws Exception {
        LocalSmtp.Key elsewhere = LocalSmtp.makeKey(Files.createDirectories(dir.resolve("elsewhere")),
                "dns:elsewhere.example");
        try (LocalSmtp smtp = new LocalSmtp(LocalSmtp.Mode.STARTTLS, elsewhere, USER, PASSWORD)) {
            EmailSettings trusting = new EmailSettings("lab", "127.0.0.1", smtp.port(),
                    EmailSettings.Security.STARTTLS, "norrlab@bench2.lab.example", List.of("night-watch@lab.example"),
                    Optional.of(USER), Optional.of(Secret.inFile(passwordFile)),
                    Optional.of(elsewhere.certificatePem()), Duration.ofSeconds(10));
            assertThatThrownBy(() -> new EmailChannel(trusting).send(finished())).hasNoCause()
                    .hasMessage("TLS with 127.0.0.1:" + smtp.port() + " failed: No subject alternative names"
                            + " matching IP address 127.0.0.1 found");
            assertThat(smtp.commands()).extracting(LocalSmtp.Command::line)
                    .noneMatch(l -> l.startsWith("AUTH") || l.startsWith("MAIL"));
            assertThat(smtp.waiting()).isZero();
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithoutTheLoginInTheMessage() throws Exception {
        try (LocalSmtp smtp = new LocalSmtp(LocalSmtp.Mode.STARTTLS, key, USER, "another password")) {
            EmailChannel channel = new EmailChannel(settings(smtp.port(), EmailSettings.Security.STARTTLS, true, true,
                    Duration.ofSeconds(10)));
            assertThatThrownBy(() -> channel.send(finished())).hasNoCause()
                    .hasMessageStartingWith("127.0.0.1:" + smtp.port() + " refused the user name or password")
                    .hasMessageNotContaining(PASSWORD).hasMessageNotContaining(USER);
            assertThat(smtp.waiting()).isZero();
        }
    }

    @Test
    void securityNoneSendsInClearTextAndIsWarnedAbout() throws Exception {
        try (LocalSmtp smtp = new LocalSmtp(LocalSmtp.Mode.NO_STARTTLS, key, null, null);
             LogCapture log = new LogCapture(EmailChannel.class.getName())) {
            EmailChannel channel = new EmailChannel(settings(smtp.port(), EmailSettings.Security.NONE, false, false,
                    Duration.ofSeconds(10)));
            channel.send(finished());
            LocalSmtp.Mail mail = smtp.next();
            assertThat(mail.tls()).isFalse();
            assertThat(mail.login()).isNull();
            assertThat(parse(mail).getSubject()).startsWith("norrlab bench 2: run finished");
            assertThat(log.lines()).containsExactly("WARN [" + Thread.currentThread().getName() + "] Alert channel "
                    + channel.name() + " sends in clear text (security: none): anyone on the network path can read"
                    + " every alert. Use starttls or tls unless the server is on this computer.");
        }
    }

    @Test
    void aServerThatNeverAnswersFailsAfterTheTimeout() throws Exception {
        try (LocalWebhooks.Silent silent = new LocalWebhooks.Silent()) {
            int port = silent.url("/").getPort();
            EmailChannel channel = new EmailChannel(settings(port, EmailSettings.Security.STARTTLS, true, true,
                    Duration.ofMillis(300)));
            assertThatThrownBy(() -> channel.send(finished())).hasNoCause()
                    .hasMessage("no answer from 127.0.0.1:" + port + " within 300 ms");
        }
    }

    @Test
    void theNameShowsServerAndRecipientDomainsOnly() {
        EmailSettings settings = settings(587, EmailSettings.Security.STARTTLS, true, true, Duration.ofSeconds(10));
        assertThat(new EmailChannel(settings).name()).isEqualTo("email lab (127.0.0.1:587, to @lab.example,"
                + " @uni.example)");
        assertThat(settings.toString()).doesNotContain(USER).doesNotContain("boss").doesNotContain(PASSWORD);
    }
}
