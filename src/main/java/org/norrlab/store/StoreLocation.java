package org.norrlab.store;

import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.config.YamlNode;
import org.norrlab.core.BadInputException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the session store is: an SQLite file on this bench (the default) or a PostgreSQL database
 * shared by the lab, named by its JDBC URL. Both hold the same tables and answer the same
 * {@link SessionStore} calls.
 *
 * @param url  the JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://host:port/db?...})
 * @param file the SQLite file, empty for PostgreSQL
 */
public record StoreLocation(String url, Optional<Path> file) {
    static final String SQLITE = "jdbc:sqlite:";
    static final String POSTGRES = "jdbc:postgresql:";
    private static final String DEFAULT_DATABASE = "norrlab.db";

    public StoreLocation {
        if (!url.startsWith(SQLITE) && !url.startsWith(POSTGRES)) {
            throw new BadInputException("a session store is an SQLite file or a jdbc:postgresql:// URL, not " + redact(url));
        }
    }

    public static StoreLocation file(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new StoreLocation(SQLITE + absolute, Optional.of(absolute));
    }

    /** The session store runs write into and every command reads: session_store, or norrlab.db in the data directory. */
    public static StoreLocation of(SiteConfig site) throws ConfigException {
        if (site.sessionStore().isEmpty()) {
            return file(site.dataDirectory().resolve(DEFAULT_DATABASE));
        }
        YamlNode written = site.sessionStore().get();
        try {
            return parse(written.asScalar().text().trim(), site.dataDirectory());
        } catch (IllegalArgumentException e) {
            throw written.error(e.getMessage() + "; a file name is relative to data_directory");
        }
    }

    /**
     * A store as an operator writes it (config/site.yaml, {@code --db}): a {@code jdbc:postgresql:} URL,
     * a {@code jdbc:sqlite:} URL, or a file path, relative to {@code base}.
     */
    public static StoreLocation parse(String text, Path base) {
        String trimmed = text.trim();
        if (trimmed.startsWith(POSTGRES)) {
            return new StoreLocation(trimmed, Optional.empty());
        }
        if (trimmed.startsWith("jdbc:")) {
            if (!trimmed.startsWith(SQLITE)) {
                throw new BadInputException("norrlab stores sessions in SQLite (a file) or PostgreSQL"
                        + " (jdbc:postgresql://host:5432/db?user=...), not " + redact(trimmed));
            }
            trimmed = trimmed.substring(SQLITE.length());
        }
        return file(base.resolve(trimmed).normalize());
    }

    public boolean isPostgres() {
        return url.startsWith(POSTGRES);
    }

    /** For messages and logs: the file, or the URL without its password. */
    public String describe() {
        return file.map(Path::toString).orElseGet(() -> redact(url));
    }

    /** The short name a window title or a table shows. */
    public String shortName() {
        return file.map(f -> f.getFileName().toString()).orElseGet(() -> redact(url).replaceFirst("\\?.*$", ""));
    }

    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return describe();
    }
}
