package org.norrlab.alert;

import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.config.YamlNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The alerts block of config/site.yaml: which bench the alerts speak for and where they go. Absent or empty, there are
 * no channels and nothing is sent.
 *
 * @param bench    the bench's name in every alert
 * @param webhooks the webhooks, in the order written
 * @param emails   the e-mail entries ({@code email:}), in the order written
 * @param mqtt     the MQTT entries ({@code mqtt:}), in the order written
 */
public record AlertSettings(String bench, List<WebhookSettings> webhooks, List<EmailSettings> emails,
                            List<MqttSettings> mqtt) {
    /** Longer than this a webhook's timeout only delays the retries of an alert that a person is waiting for. */
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);

    public AlertSettings {
        webhooks = List.copyOf(webhooks);
        emails = List.copyOf(emails);
        mqtt = List.copyOf(mqtt);
    }

    /** Webhooks only, as before e-mail and MQTT were added. */
    public AlertSettings(String bench, List<WebhookSettings> webhooks) {
        this(bench, webhooks, List.of(), List.of());
    }

    /** The site's alerts block, or no channels when it has none. */
    public static AlertSettings of(SiteConfig site) throws ConfigException {
        return site.alerts().isPresent() ? read(site.alerts().get()) : new AlertSettings(computerName(), List.of());
    }

    public static AlertSettings read(YamlNode node) throws ConfigException {
        YamlNode.Mapping block = node.asMapping();
        block.allowOnly("bench", "webhooks", "email", "mqtt");
        String bench = block.text("bench").orElseGet(AlertSettings::computerName);
        List<WebhookSettings> webhooks = new ArrayList<>();
        Optional<YamlNode> list = block.get("webhooks").filter(n -> !n.isEmpty());
        if (list.isPresent()) {
            Set<String> names = new HashSet<>();
            List<YamlNode> items = list.get().asSeq().items();
            for (int i = 0; i < items.size(); i++) {
                WebhookSettings webhook = webhook(items.get(i), i + 1);
                if (!names.add(webhook.name())) {
                    throw items.get(i).asMapping().require("name").error("the name '" + webhook.name()
                            + "' is used twice; every webhook needs its own, so that logs tell them apart");
                }
                webhooks.add(webhook);
            }
        }
        List<EmailSettings> emails = new ArrayList<>();
        Set<String> emailNames = new HashSet<>();
        for (YamlNode item : items(block, "email")) {
            EmailSettings email = ChannelFields.email(item, emails.size() + 1);
            if (!emailNames.add(email.name())) {
                throw item.asMapping().require("name").error("the name '" + email.name() + "' is used twice; every"
                        + " e-mail entry needs its own, so that logs tell them apart");
            }
            emails.add(email);
        }
        List<MqttSettings> mqtt = new ArrayList<>();
        Set<String> mqttNames = new HashSet<>();
        for (YamlNode item : items(block, "mqtt")) {
            MqttSettings broker = ChannelFields.mqtt(item, mqtt.size() + 1);
            if (!mqttNames.add(broker.name())) {
                throw item.asMapping().require("name").error("the name '" + broker.name() + "' is used twice; every"
                        + " MQTT entry needs its own, so that logs tell them apart");
            }
            mqtt.add(broker);
        }
        return new AlertSettings(bench, webhooks, emails, mqtt);
    }

    /** The entries of a list of the block; none when it is absent or empty. */
    private static List<YamlNode> items(YamlNode.Mapping block, String key) throws ConfigException {
        Optional<YamlNode> list = block.get(key).filter(n -> !n.isEmpty());
        return list.isPresent() ? list.get().asSeq().items() : List.of();
    }

    /** Every configured channel, ready to send, in the order written. */
    public List<AlertChannel> channels() {
        List<AlertChannel> channels = new ArrayList<>();
        webhooks.forEach(w -> channels.add(new WebhookChannel(w)));
        // The mail and MQTT libraries load here, with the first such channel, never for a site without one.
        emails.forEach(e -> channels.add(new EmailChannel(e)));
        mqtt.forEach(m -> channels.add(new MqttChannel(m)));
        return channels;
    }

    /**
     * One line per channel whose password cannot be read now (an environment variable not set in this shell, a
     * password file gone since the site was read): its alerts would fail all night, so a run says so at its start.
     */
    public List<String> unreadablePasswords() {
        List<String> problems = new ArrayList<>();
        emails.forEach(e -> unreadable("email " + e.name(), e.password()).ifPresent(problems::add));
        mqtt.forEach(m -> unreadable("mqtt " + m.name(), m.password()).ifPresent(problems::add));
        return problems;
    }

    private static Optional<String> unreadable(String channel, Optional<Secret> password) {
        if (password.isEmpty()) {
            return Optional.empty();
        }
        try {
            password.get().value();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("alerts on " + channel + " will fail: " + e.getMessage());
        }
    }

    private static WebhookSettings webhook(YamlNode node, int number) throws ConfigException {
        YamlNode.Mapping entry = node.asMapping();
        entry.allowOnly("url", "name", "timeout");
        URI url = url(entry.require("url"));
        String name = entry.text("name").orElse("webhook " + number);
        return new WebhookSettings(name, url, ChannelFields.timeout(entry, WebhookSettings.DEFAULT_TIMEOUT));
    }

    /** The webhook's URL, checked (http or https, with a host); error messages never repeat it. */
    private static URI url(YamlNode node) throws ConfigException {
        URI url = ChannelFields.checkedUrl(node, Set.of("http", "https"), "http:// or https://",
                "the webhook's address", "https://ntfy.sh/my-topic");
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw node.error("has no host name; write e.g. https://ntfy.sh/my-topic");
        }
        return url;
    }

    /**
     * This computer's name, for a site that does not name its bench. The environment first: looking the local host
     * up can take seconds on a machine whose name is not in DNS.
     */
    static String computerName() {
        for (String variable : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "this bench";
        }
    }
}
