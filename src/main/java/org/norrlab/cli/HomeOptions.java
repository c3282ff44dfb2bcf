package org.norrlab.cli;

import org.norrlab.alert.AlertSettings;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.BadInputException;
import org.norrlab.safety.SafetyEnvelope;
import org.norrlab.status.ServeSettings;
import org.norrlab.store.DataDirectory;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoreLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Options every command shares: where the site files and the session database are. */
final class HomeOptions {
    /**
     * Asked for only when a line is logged: every command has these options, and a logger made when the class loads
     * would configure Logback (site.yaml, logback.xml, the log file) in commands that never log, such as plan.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(HomeOptions.class);
    }

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
     * The site, with its safety block, session_store, alerts and serve blocks read at once, so that a mistake in any of them
     * is reported by every command, as soon as the site file is read (a run must not start with alerts that would
     * fail to go out). The alert classes load only for a site that has an alerts block.
     */
    SiteConfig site() throws ConfigException {
        SiteConfig site = SiteConfig.load(home());
        SafetyEnvelope.of(site);
        StoreLocation.of(site);
        if (site.alerts().isPresent()) {
            AlertSettings.read(site.alerts().get());
        }
        if (site.serve().isPresent()) {
            ServeSettings.of(site);
        }
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
        requireDatabaseFile(store);
        return SessionStore.open(store);
    }

    /**
     * An existing store for a command that only reads: a read-only file (or folder) is opened read-only, and the
     * command says so once, on the error stream so that its output stays as it is.
     */
    SessionStore openStoreForReading() throws ConfigException, StoreException {
        StoreLocation store = store();
        requireDatabaseFile(store);
        SessionStore opened = SessionStore.openForReading(store);
        opened.readOnly().ifPresent(reason -> spec.commandLine().getErr().println("Note: " + reason
                + "; the session database is opened read-only (nothing is written, cut-off sessions are not marked)."));
        return opened;
    }

    /** A file store must be there, and be a file: a folder given as --db is named as one, with the files it holds. */
    private void requireDatabaseFile(StoreLocation store) throws StoreException {
        if (store.file().isEmpty() || store.file().get().toFile().isFile()) {
            return;
        }
        Path file = store.file().get();
        if (Files.isDirectory(file)) {
            String held;
            try (Stream<Path> entries = Files.list(file)) {
                List<String> databases = entries.map(entry -> entry.getFileName().toString()).filter(name -> name.endsWith(".db"))
                        .sorted().toList();
                held = databases.isEmpty() ? "it holds no .db file" : "it holds " + String.join(", ", databases);
            } catch (IOException e) {
                Log.LOG.warn("cannot list the folder {} given as the session database", file, e);
                held = "its files cannot be listed (" + e.getMessage() + ")";
            }
            throw new BadInputException("the session database " + file + " is a folder, not a database file; give the"
                    + " file, e.g. --db " + file.resolve("norrlab.db") + " (" + held + ")");
        }
        Path folder = file.toAbsolutePath().getParent();
        Optional<String> cannotCreate = folder == null ? Optional.empty() : DataDirectory.whyNotCreatable(folder);
        if (cannotCreate.isPresent()) {
            // "run a protocol first" would fail the same way: the run could not create the folder either
            throw new StoreException("there is no session database at " + store + ", and its data directory " + folder
                    + " cannot be created (" + cannotCreate.get() + "); choose a folder you can write with data_directory"
                    + " in config/site.yaml, or give --db FILE in such a folder");
        }
        if (database != null) {
            // the operator named this file: a typo in it is likelier than a store not yet made
            throw new StoreException("there is no session database at " + store + " (given with --db); check the"
                    + " path, or run a protocol with --db " + database + " to make it");
        }
        throw new StoreException("there is no session database at " + store + " yet; run a protocol first, or give --db");
    }
}
