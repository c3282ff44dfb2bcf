package org.norrlab.cli;

import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.safety.SafetyEnvelope;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoreLocation;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command shares: where the site files and the session database are. */
final class HomeOptions {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Folder with config/, drivers/ and protocols/ (default: the norrlab checkout, or the current directory).")
    Path home;

    @Option(names = "--db", paramLabel = "FILE|JDBC_URL",
            description = "Session store: an SQLite file or jdbc:postgresql://host:5432/db?user=... (default: session_store"
                    + " in config/site.yaml, else norrlab.db in its data directory).")
    String database;

    Path home() {
        return home == null ? Home.resolve() : home.toAbsolutePath().normalize();
    }

    /**
     * The site, with its safety block and session_store read at once, so that a mistake in either is
     * reported by every command, as soon as the site file is read.
     */
    SiteConfig site() throws ConfigException {
        SiteConfig site = SiteConfig.load(home());
        SafetyEnvelope.of(site);
        StoreLocation.of(site);
        return site;
    }

    StoreLocation store() throws ConfigException {
        if (database == null) {
            return StoreLocation.of(site());
        }
        try {
            return StoreLocation.parse(database, Path.of(""));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--db: " + e.getMessage());
        }
    }

    /** An existing store: reading commands do not create an empty SQLite file where none was. */
    SessionStore openStore() throws ConfigException, StoreException {
        StoreLocation store = store();
        if (store.file().isPresent() && !store.file().get().toFile().isFile()) {
            throw new StoreException("there is no session database at " + store + " yet; run a protocol first, or give --db");
        }
        return SessionStore.open(store);
    }

    /**
     * An existing store for a command that only reads: a read-only file (or folder) is opened read-only, and the
     * command says so once, on the error stream so that its output stays as it is.
     */
    SessionStore openStoreForReading() throws ConfigException, StoreException {
        StoreLocation store = store();
        if (store.file().isPresent() && !store.file().get().toFile().isFile()) {
            throw new StoreException("there is no session database at " + store + " yet; run a protocol first, or give --db");
        }
        SessionStore opened = SessionStore.openForReading(store);
        opened.readOnly().ifPresent(reason -> spec.commandLine().getErr().println("Note: " + reason
                + "; the session database is opened read-only (nothing is written, cut-off sessions are not marked)."));
        return opened;
    }
}
