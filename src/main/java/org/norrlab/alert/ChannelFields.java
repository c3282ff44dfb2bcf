package org.norrlab.alert;

import org.norrlab.config.ConfigException;
import org.norrlab.config.PrivateFiles;
import org.norrlab.config.Quantities;
import org.norrlab.config.YamlNode;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the e-mail and MQTT entries of the alerts block, and the fields they share (timeout, login, trust file).
 * Every mistake is reported with file, line and field and what is allowed, when the site file is read, so that a
 * run never starts with a channel that cannot work. Nothing here loads the mail or MQTT library: every command reads
 * the alerts block, and only the commands that send pay for those libraries.
 */
final class ChannelFields {
    /** Local part, @, domain; enough to catch a typo or a list written as one value, not a full RFC 5322 parser. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"()\\[\\]]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String NO_INLINE_PASSWORD = "a password is not written in site.yaml, which is copied, shown"
            + " and shared; put it in a file readable only by you and name it with password_file:"
            + " (e.g. password_file: alert-password, beside site.yaml, chmod 600), or name an environment variable with"
            + " password_env:";

    private ChannelFields() {
    }

    static EmailSettings email(YamlNode node, int number) throws ConfigException {
        YamlNode.Mapping entry = node.asMapping();
        entry.allowOnly("name", "host", "port", "security", "from", "to", "username", "password", "password_file",
                "password_env", "trust", "timeout");
        String name = entry.text("name").orElse("email " + number);
        String host = host(entry.require("host"));
        EmailSettings.Security security = EmailSettings.Security.STARTTLS;
        if (entry.get("security").isPresent()) {
            YamlNode s = entry.require("security");
            String word = s.asScalar().text().trim().toLowerCase(Locale.ROOT);
            security = switch (word) {
                case "starttls" -> EmailSettings.Security.STARTTLS;
                case "tls" -> EmailSettings.Security.TLS;
                case "none" -> EmailSettings.Security.NONE;
                default -> throw s.error("'" + s.asScalar().text() + "' is not a kind of connection; allowed: starttls"
                        + " (the default: port 587, upgraded before anything is sent), tls (port 465, TLS from the"
                        + " start) or none (clear text, readable by anyone on the way)");
            };
        }
        int port = entry.get("port").isPresent() ? port(entry.require("port")) : security.defaultPort();
        String from = address(entry.require("from"));
        List<String> to = new ArrayList<>();
        YamlNode toNode = entry.require("to");
        if (toNode.scalarText().isPresent()) {
            to.add(address(toNode));
        } else {
            for (YamlNode item : toNode.asSeq().items()) {
                to.add(address(item));
            }
            if (to.isEmpty()) {
                throw toNode.error("is an empty list; write at least one address, e.g. to: [night-watch@lab.example]");
            }
        }
        Optional<String> username = entry.text("username");
        Optional<Secret> password = password(entry, username);
        if (security == EmailSettings.Security.NONE && username.isPresent()) {
            throw entry.require("username").error("security: none would send the user name and password in clear"
                    + " text, which norrlab refuses; use security: starttls or tls to log in");
        }
        Optional<Path> trust = trust(entry);
        if (trust.isPresent() && security == EmailSettings.Security.NONE) {
            throw entry.require("trust").error("a trust file is for TLS, and security: none has none; use"
                    + " security: starttls or tls, or leave trust: out");
        }
        return new EmailSettings(name, host, port, security, from, to, username, password, trust,
                timeout(entry, EmailSettings.DEFAULT_TIMEOUT));
    }

    static MqttSettings mqtt(YamlNode node, int number) throws ConfigException {
        YamlNode.Mapping entry = node.asMapping();
        entry.allowOnly("name", "url", "topic", "qos", "retained", "username", "password", "password_file",
                "password_env", "client_id", "trust", "timeout");
        String name = entry.text("name").orElse("mqtt " + number);
        URI url = brokerUrl(entry.require("url"));
        String topic = topic(entry.require("topic"));
        int qos = MqttSettings.DEFAULT_QOS;
        if (entry.get("qos").isPresent()) {
            qos = (int) entry.require("qos").asScalar().integer("0, 1 or 2", 0, 2, "is not an MQTT quality of"
                    + " service; allowed: 0 (sent, no acknowledgement), 1 (the default: the broker acknowledges) or 2"
                    + " (exactly once)");
        }
        boolean retained = entry.get("retained").isPresent() && entry.require("retained").asScalar().bool();
        Optional<String> username = entry.text("username");
        Optional<Secret> password = password(entry, username);
        String clientId;
        if (entry.get("client_id").isPresent()) {
            YamlNode.Scalar c = entry.require("client_id").asScalar();
            clientId = c.text().trim();
            if (!CLIENT_ID.matcher(clientId).matches()) {
                throw c.error("'" + c.text() + "' is not allowed as a client id; allowed: 1 to 64 of the letters"
                        + " A-Z and a-z, digits, '_', '-' and '.', unique on the broker, e.g. norrlab-bench2");
            }
        } else {
            // Random: two benches (or a bench and `alert test`) with one id would push each other off the broker.
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            clientId = "norrlab-" + HexFormat.of().formatHex(random);
        }
        Optional<Path> trust = trust(entry);
        if (trust.isPresent() && !url.getScheme().equals("ssl")) {
            throw entry.require("trust").error("a trust file is for TLS, and " + url.getScheme() + ":// has none;"
                    + " use an ssl:// url, or leave trust: out");
        }
        return new MqttSettings(name, url, topic, qos, retained, username, password, clientId, trust,
                timeout(entry, MqttSettings.DEFAULT_TIMEOUT));
    }

    /** An entry's timeout: 0.1 s to 2 min, the same for every kind of channel. */
    static Duration timeout(YamlNode.Mapping entry, Duration otherwise) throws ConfigException {
        if (entry.get("timeout").isEmpty()) {
            return otherwise;
        }
        YamlNode t = entry.require("timeout");
        Duration timeout = Quantities.duration(t);
        if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(AlertSettings.MAX_TIMEOUT) > 0) {
            throw t.error("'" + t.asScalar().text() + "' is outside what is allowed: between 0.1 s and 2 min,"
                    + " e.g. '10 s'");
        }
        return timeout;
    }

    /** The password's place, present exactly when a user name is; never the password itself in site.yaml. */
    private static Optional<Secret> password(YamlNode.Mapping entry, Optional<String> username) throws ConfigException {
        if (entry.get("password").isPresent()) {
            throw entry.require("password").error(NO_INLINE_PASSWORD);
        }
        boolean file = entry.get("password_file").isPresent();
        boolean variable = entry.get("password_env").isPresent();
        if (file && variable) {
            throw entry.require("password_env").error("the password is already named by password_file:; write one"
                    + " of password_file: and password_env:, not both");
        }
        if (username.isEmpty()) {
            if (file || variable) {
                YamlNode extra = entry.require(file ? "password_file" : "password_env");
                throw extra.error("a password without a username; add username: (the login name), or leave the"
                        + " password out for a server that needs no login");
            }
            return Optional.empty();
        }
        if (!file && !variable) {
            throw entry.require("username").error("a username needs its password: name the file that holds it with"
                    + " password_file: (e.g. smtp-password, beside site.yaml) or an environment variable with"
                    + " password_env:");
        }
        if (file) {
            YamlNode f = entry.require("password_file");
            Path path = path(f);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw f.error("the file " + path + " does not exist or cannot be read; write the password alone on"
                        + " its first line, in a file readable only by the people who run the bench");
            }
            Optional<String> mode;
            try {
                mode = PrivateFiles.openToOthers(path);
            } catch (IOException e) {
                throw f.error("cannot read the permissions of " + path + " (" + e.getMessage() + ")");
            }
            if (mode.isPresent()) {
                throw f.error("the file " + path + " may be read by other users (mode " + mode.get() + "), and it"
                        + " holds a password; make it yours alone: chmod 600 " + path);
            }
            return Optional.of(Secret.inFile(path));
        }
        YamlNode.Scalar v = entry.require("password_env").asScalar();
        String name = v.text().trim();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw v.error("'" + name + "' is not the name of an environment variable; allowed: letters, digits and"
                    + " '_', not starting with a digit, e.g. NORRLAB_SMTP_PASSWORD");
        }
        // Whether it is set is not checked here: every command reads this file, and `sessions` in a shell without
        // the variable must still work. Runs warn at their start and `alert test` fails that channel (unreadable()).
        return Optional.of(Secret.inVariable(name));
    }

    private static Optional<Path> trust(YamlNode.Mapping entry) throws ConfigException {
        if (entry.get("trust").isEmpty()) {
            return Optional.empty();
        }
        YamlNode t = entry.require("trust");
        Path path = path(t);
        try {
            TrustFile.certificates(path);
        } catch (IOException e) {
            throw t.error(Files.exists(path) ? e.getMessage() : "the file " + path + " does not exist; name a"
                    + " PEM file of the certificates to trust (the lab's CA, or the server's own certificate)");
        }
        return Optional.of(path);
    }

    /** A path as written, relative ones taken from the folder of the site file (config/). */
    private static Path path(YamlNode node) throws ConfigException {
        String written = node.asScalar().text().trim();
        Path path = Path.of(written.startsWith("~/") ? System.getProperty("user.home") + written.substring(1)
                : written);
        return path.isAbsolute() ? path : node.location().file().toAbsolutePath().getParent().resolve(path).normalize();
    }

    private static String host(YamlNode node) throws ConfigException {
        String host = node.asScalar().text().trim();
        if (!host.matches("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]")) {
            throw node.error("'" + host + "' is not a host name; write the server's name or address alone, e.g."
                    + " smtp.uni.example (no scheme, no port: the port goes under port:)");
        }
        return host;
    }

    private static int port(YamlNode node) throws ConfigException {
        return (int) node.asScalar().integer("a port number, 1 to 65535", 1, 65535, "is not a port number; allowed:"
                + " 1 to 65535 (587 for starttls, 465 for tls, 25 for none)");
    }

    private static String address(YamlNode node) throws ConfigException {
        String address = node.asScalar().text().trim();
        if (!ADDRESS.matcher(address).matches()) {
            throw node.error("'" + address + "' is not an e-mail address; write one address alone, e.g."
                    + " night-watch@lab.example (several recipients: a list, to: [a@lab.example, b@lab.example])");
        }
        return address;
    }

    /**
     * The URL of a channel, parsed and its scheme checked. Messages never repeat the URL: a webhook's usually carries
     * its secret (a token in the path or the query), and these messages go to the terminal and the log.
     *
     * @param schemes  the schemes allowed, lower case
     * @param allowed  the schemes as the message names them, e.g. "http:// or https://"
     * @param what     what the address is of, e.g. "the webhook's address"
     * @param example  an example of such an address
     */
    static URI checkedUrl(YamlNode node, Set<String> schemes, String allowed, String what, String example)
            throws ConfigException {
        String text = node.asScalar().text().trim();
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw node.error("is not a URL (" + e.getReason() + " at character " + (e.getIndex() + 1)
                    + "); write " + what + ", e.g. " + example);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw node.error((scheme.isEmpty() ? "has no scheme" : "has the scheme '" + scheme + "'")
                    + "; allowed: " + allowed + ", e.g. " + example);
        }
        if (url.getPort() == 0 || url.getPort() > 65535) {
            throw node.error("has the port " + url.getPort() + "; allowed: 1 to 65535, or none for the scheme's own"
                    + ", e.g. " + example);
        }
        return url;
    }

    /** tcp:// or ssl://, a host, an optional port; no user name or password in it (they have their own fields). */
    private static URI brokerUrl(YamlNode node) throws ConfigException {
        URI url = checkedUrl(node, Set.of("tcp", "ssl"), "tcp:// or ssl:// (TLS)", "the broker's address",
                "tcp://broker.lab.example:1883");
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getRawUserInfo() != null) {
            // Not repeated: it is a login, perhaps with its password.
            throw node.error("holds a user name or password; write the user name under username: and the password"
                    + " in a file named by password_file:");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw node.error("has no host name; write e.g. tcp://broker.lab.example:1883");
        }
        if ((url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/"))
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw node.error("has a path or query; a broker's address is scheme, host and port only, and the topic"
                    + " goes under topic:");
        }
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("ssl") ? 8883 : 1883;
        return URI.create(scheme + "://" + url.getHost() + ":" + port);
    }

    private static String topic(YamlNode node) throws ConfigException {
        String topic = node.asScalar().text().trim();
        if (topic.isEmpty() || topic.contains("+") || topic.contains("#") || topic.indexOf('\0') >= 0
                || topic.startsWith("$")) {
            throw node.error("'" + topic + "' is not a topic to publish to; allowed: levels separated by '/', without"
                    + " the wildcards + and # and not starting with $, e.g. lab/norr/bench2/alerts");
        }
        return topic;
    }
}
