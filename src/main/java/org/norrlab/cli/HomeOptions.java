package org.norrlab.cli;

import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.store.SqliteStore;
import org.norrlab.store.StoreException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command shares: where the site files and the session database are. */
final class HomeOptions {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Folder with config/, drivers/ and protocols/ (default: the norrlab checkout, or the current directory).")
    Path home;

    @Option(names = "--db", paramLabel = "FILE",
            description = "Session database (default: norrlab.db in the data directory of config/site.yaml).")
    Path database;

    Path home() {
        return home == null ? Home.resolve() : home.toAbsolutePath().normalize();
    }

    SiteConfig site() throws ConfigException {
        return SiteConfig.load(home());
    }

    Path databaseFile() throws ConfigException {
        return database != null ? database : site().dataDirectory().resolve(org.norrlab.run.RunService.DEFAULT_DATABASE);
    }

    SqliteStore openStore() throws ConfigException, StoreException {
        Path file = databaseFile();
        if (!file.toFile().isFile()) {
            throw new StoreException("there is no session database at " + file + " yet; run a protocol first, or give --db");
        }
        return SqliteStore.open(file);
    }
}
