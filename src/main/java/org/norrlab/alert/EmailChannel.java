package org.norrlab.alert;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Date;
import java.util.Properties;

/**
 * E-mail over SMTP (Eclipse Angus Mail): subject the alert's first line, body its whole text. By default the
 * connection must be upgraded with STARTTLS before anything else is said, and a server that does not offer it gets
 * nothing: Angus' {@code starttls.required} fails the send rather than going on in clear text, which a man in the
 * middle could force by hiding the STARTTLS line. The server's certificate and host name are checked. Delivered means
 * the server accepted the message for every recipient (250 after DATA).
 */
public final class EmailChannel implements AlertChannel {
    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private final EmailSettings settings;

    public EmailChannel(EmailSettings settings) {
        this.settings = settings;
        if (settings.security() == EmailSettings.Security.NONE) {
            LOG.warn("Alert channel {} sends in clear text (security: none): anyone on the network path can read"
                    + " every alert. Use starttls or tls unless the server is on this computer.", name());
        }
    }

    @Override
    public String name() {
        return "email " + settings.shownName();
    }

    @Override
    public void send(Alert alert) throws IOException {
        String password = settings.password().isPresent() ? settings.password().get().value() : null;
        Session session = Session.getInstance(properties());
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from(), true));
            InternetAddress[] to = new InternetAddress[settings.to().size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(settings.to().get(i), true);
            }
            message.setRecipients(Message.RecipientType.TO, to);
            String text = alert.text();
            message.setSubject(text.lines().findFirst().orElse("norrlab alert"), "UTF-8");
            message.setText(text, "UTF-8");
            message.setSentDate(Date.from(alert.time()));
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(settings.host(), settings.port(), settings.username().orElse(null), password);
                transport.sendMessage(message, to);
            }
        } catch (MessagingException e) {
            // A new exception without the cause: a logged stack trace of the cause could print server replies that
            // quote addresses; the reason below says what the operator needs.
            throw new IOException(reason(e, password));
        }
    }

    /** The session's settings: one fresh session per alert, so that nothing of a failed connection is reused. */
    private Properties properties() throws IOException {
        Properties p = new Properties();
        String millis = Long.toString(settings.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        p.put("mail.smtp.from", settings.from());
        p.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        switch (settings.security()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case TLS -> p.put("mail.smtp.ssl.enable", "true");
            case NONE -> p.put("mail.smtp.starttls.enable", "false");
        }
        if (settings.security() != EmailSettings.Security.NONE) {
            p.put("mail.smtp.ssl.checkserveridentity", "true");
            p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
            if (settings.trust().isPresent()) {
                // An object, not a class name: Angus takes a socket factory instance from the properties as it is.
                p.put("mail.smtp.ssl.socketFactory", TrustFile.context(settings.trust().get()).getSocketFactory());
            }
        }
        return p;
    }

    /** Why the send failed, in words, with no password, user name or full address. */
    private String reason(MessagingException e, String password) {
        String where = settings.host() + ":" + settings.port();
        String seconds = Timeouts.words(settings.timeout());
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "no answer from " + where + " within " + seconds;
            }
            if (t instanceof ConnectException) {
                return "connection to " + where + " refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + settings.host();
            }
            if (t instanceof SSLException) {
                String m = String.valueOf(t.getMessage());
                return "TLS with " + where + " failed: " + (m.contains("PKIX") || m.contains("certification path")
                        ? "its certificate is not trusted (a lab's own server: name its CA file under trust:)"
                        : scrub(m, password));
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("STARTTLS")) {
            return where + " does not offer STARTTLS; no alert is sent in clear text (security: none would allow it,"
                    + " which lets anyone on the way read it)";
        }
        if (e instanceof AuthenticationFailedException) {
            return where + " refused the user name or password (" + scrub(message, password) + ")";
        }
        if (e instanceof SendFailedException) {
            return where + " refused the sender or a recipient (" + scrub(message, password) + ")";
        }
        if (e instanceof AddressException) {
            return "an address is not valid: " + scrub(message, password);
        }
        return e.getClass().getSimpleName() + " from " + where + ": " + scrub(message, password);
    }

    /** The message with the password, the user name and the addresses' local parts cut out, should a reply quote them. */
    private String scrub(String message, String password) {
        String scrubbed = message.replace("\r", " ").replace("\n", " ").trim();
        if (password != null && !password.isEmpty()) {
            scrubbed = scrubbed.replace(password, "…");
        }
        if (settings.username().isPresent() && !settings.username().get().isEmpty()) {
            scrubbed = scrubbed.replace(settings.username().get(), "…");
        }
        for (String address : settings.to()) {
            scrubbed = scrubbed.replace(address, "…" + address.substring(address.lastIndexOf('@')));
        }
        return scrubbed.replace(settings.from(), "…" + settings.from().substring(settings.from().lastIndexOf('@')));
    }
}
