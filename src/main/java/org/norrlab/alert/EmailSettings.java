package org.norrlab.alert;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One e-mail entry of the alerts block as read.
 *
 * @param name     what logs and {@code norrlab alert test} call it
 * @param host     the SMTP server
 * @param port     its port (587 for STARTTLS, 465 for implicit TLS, 25 for clear text, unless written)
 * @param security how the connection is protected
 * @param from     the sender's address
 * @param to       the recipients' addresses, at least one
 * @param username the user name to log in with, if the server wants a login
 * @param password where the password is, present exactly when the user name is
 * @param trust    a file of certificates to trust instead of the JDK's CAs (a lab's own server)
 * @param timeout  how long to wait for the connection, and for each answer, before the attempt counts as failed
 */
public record EmailSettings(String name, String host, int port, Security security, String from, List<String> to,
                            Optional<String> username, Optional<Secret> password, Optional<Path> trust,
                            Duration timeout) {
    /** Long enough for a slow university mail server, short enough that a retry still lands within a minute. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /** How the connection to the server is protected. */
    public enum Security {
        /** Connect in clear, then STARTTLS before anything else; a server that does not offer it is not sent to. */
        STARTTLS("starttls", 587),
        /** TLS from the first byte (SMTPS). */
        TLS("tls", 465),
        /** Clear text: the message (and nothing secret, a login is refused) readable by anyone on the way. */
        NONE("none", 25);

        private final String word;
        private final int port;

        Security(String word, int port) {
            this.word = word;
            this.port = port;
        }

        /** As written in site.yaml. */
        public String word() {
            return word;
        }

        /** The port the server usually listens on for this kind of connection. */
        public int defaultPort() {
            return port;
        }
    }

    public EmailSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        Objects.requireNonNull(timeout, "timeout");
        if (to.isEmpty()) {
            throw new IllegalArgumentException("at least one recipient");
        }
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("a user name and a password go together");
        }
    }

    /**
     * The name with what may be shown of the address: server and port, and the recipients' domains (an address is
     * personal data; who gets a lab's alerts is nobody else's business), e.g. {@code lab (smtp.uni.se:587, to @uni.se)}.
     */
    public String shownName() {
        Set<String> domains = new LinkedHashSet<>();
        for (String address : to) {
            domains.add(address.substring(address.lastIndexOf('@')).toLowerCase(Locale.ROOT));
        }
        return name + " (" + host + ":" + port + ", to " + String.join(", ", domains) + ")";
    }

    @Override
    public String toString() {
        // Not the record's own: it would print the addresses and the user name wherever a settings object is logged.
        return "EmailSettings[" + shownName() + ", " + security.word() + ", timeout " + timeout + "]";
    }
}
