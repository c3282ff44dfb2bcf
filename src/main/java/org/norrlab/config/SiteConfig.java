package org.norrlab.config;

import java.nio.file.Path;

/**
 * config/site.yaml: what is true of this bench whatever protocol runs on it.
 *
 * @param home          the folder holding config/, drivers/ and protocols/
 * @param dataDirectory where session databases and the log go
 * @param cell          defaults for the protocol's cell block
 * @param safety        the safety block as written; the safety package reads it into an envelope
 *                      ({@code SafetyEnvelope.of(site)}), so that this package only reads files
 * @param labDatabase   the lab's PostgreSQL that {@code norrlab sync} copies into
 * @param sessionStore  session_store as written: where runs store their sessions when it is not the SQLite file
 *                      in the data directory; the store package reads it ({@code StoreLocation.of(site)})
 * @param alerts        the alerts block as written; the alert package reads it ({@code AlertSettings.of(site)}),
 *                      for the same reason as safety: this package reads files and knows nothing of channels
 * @param serve         the serve block as written (the status page of {@code norrlab serve}); the status package reads
 *                      it ({@code ServeSettings.of(site)}), for the same reason
 */
public record SiteConfig(Path home, Path dataDirectory, CellBlock cell, java.util.Optional<YamlNode> safety,
                         java.time.Duration reconnectFor, java.util.Optional<String> labDatabase,
                         java.util.Optional<YamlNode> sessionStore, java.util.Optional<YamlNode> alerts,
                         java.util.Optional<YamlNode> serve) {
    /** How long a lost serial link is tried again when config/site.yaml does not say. */
    public static final java.time.Duration DEFAULT_RECONNECT_FOR = java.time.Duration.ofMinutes(5);

    public SiteConfig(Path home, Path dataDirectory, CellBlock cell) {
        this(home, dataDirectory, cell, java.util.Optional.empty(), DEFAULT_RECONNECT_FOR);
    }

    public SiteConfig(Path home, Path dataDirectory, CellBlock cell, java.util.Optional<YamlNode> safety) {
        this(home, dataDirectory, cell, safety, DEFAULT_RECONNECT_FOR);
    }

    public SiteConfig(Path home, Path dataDirectory, CellBlock cell, java.util.Optional<YamlNode> safety,
                      java.time.Duration reconnectFor) {
        this(home, dataDirectory, cell, safety, reconnectFor, java.util.Optional.empty());
    }

    public SiteConfig(Path home, Path dataDirectory, CellBlock cell, java.util.Optional<YamlNode> safety,
                      java.time.Duration reconnectFor, java.util.Optional<String> labDatabase) {
        this(home, dataDirectory, cell, safety, reconnectFor, labDatabase, java.util.Optional.empty());
    }

    public SiteConfig(Path home, Path dataDirectory, CellBlock cell, java.util.Optional<YamlNode> safety,
                      java.time.Duration reconnectFor, java.util.Optional<String> labDatabase,
                      java.util.Optional<YamlNode> sessionStore) {
        this(home, dataDirectory, cell, safety, reconnectFor, labDatabase, sessionStore, java.util.Optional.empty());
    }

    public SiteConfig(Path home, Path dataDirectory, CellBlock cell, java.util.Optional<YamlNode> safety,
                      java.time.Duration reconnectFor, java.util.Optional<String> labDatabase,
                      java.util.Optional<YamlNode> sessionStore, java.util.Optional<YamlNode> alerts) {
        this(home, dataDirectory, cell, safety, reconnectFor, labDatabase, sessionStore, alerts, java.util.Optional.empty());
    }

    /**
     * What an instrument that cannot disconnect its electrodes holds when its cell is "off" (the
     * cell block's idle_potential), if the site sets one.
     */
    public java.util.Optional<Potential> idlePotential() {
        return cell.idlePotential().map(CellBlock.Sourced::value);
    }

    public static final String FILE = "config/site.yaml";

    public static SiteConfig load(Path home) throws ConfigException {
        Path file = home.resolve(FILE);
        YamlNode.Mapping root = YamlFiles.read(file).asMapping();
        root.allowOnly("data_directory", "cell", "safety", "reconnect_for", "lab_database", "session_store",
                "alerts", "serve");
        Path data = dataDirectory(home, root);
        CellBlock cell = root.get("cell").isPresent() ? CellBlock.read(root.require("cell"))
                : CellBlock.empty(root.location());
        java.util.Optional<YamlNode> safety = root.get("safety");
        java.time.Duration reconnect = root.get("reconnect_for").isPresent()
                ? Quantities.duration(root.require("reconnect_for")) : DEFAULT_RECONNECT_FOR;
        java.util.Optional<String> lab = root.text("lab_database");
        if (lab.isPresent() && !lab.get().startsWith("jdbc:postgresql:")) {
            throw root.require("lab_database").error("'" + lab.get() + "' is not a PostgreSQL JDBC URL; write e.g."
                    + " jdbc:postgresql://labserver:5432/norrlab?user=norrlab");
        }
        java.util.Optional<YamlNode> store = root.text("session_store").isPresent()
                ? root.get("session_store") : java.util.Optional.empty();
        // An empty `alerts:` (the block's heading left in, every channel commented out) means no alerts.
        java.util.Optional<YamlNode> alerts = root.get("alerts").filter(node -> !node.isEmpty());
        java.util.Optional<YamlNode> serve = root.get("serve").filter(node -> !node.isEmpty());
        return new SiteConfig(home, data, cell, safety, reconnect, lab, store, alerts, serve);
    }

    /**
     * Only the data directory, read before logging starts so that the log file can go there.
     * Falls back to {@code data/} under home when the site file is absent or unreadable; the full
     * {@link #load} reports the problem properly a moment later.
     */
    public static Path dataDirectoryOrDefault(Path home) {
        try {
            return dataDirectory(home, YamlFiles.read(home.resolve(FILE)).asMapping());
        } catch (ConfigException e) {
            return home.resolve("data");
        }
    }

    private static Path dataDirectory(Path home, YamlNode.Mapping root) throws ConfigException {
        String written = root.text("data_directory").orElse("data");
        Path path = Path.of(written.startsWith("~/") ? System.getProperty("user.home") + written.substring(1) : written);
        return path.isAbsolute() ? path : home.resolve(path).normalize();
    }
}
