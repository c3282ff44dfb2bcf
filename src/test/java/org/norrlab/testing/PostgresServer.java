package org.norrlab.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test: initdb into a fresh directory, started on a free local port,
 * stopped (or killed, for outage tests) and started again by the test. As root, the server runs as
 * the 'postgres' user, which PostgreSQL requires. Needs the distribution's postgresql package
 * (.ci/run installs it); without it the tests that need a server are skipped, unless
 * NORRLAB_POSTGRES_TESTS=required.
 */
public final class PostgresServer implements AutoCloseable {
    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dataDir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("norrlab-pg-");
        if (root) {
            run(List.of("chown", "postgres:postgres", dir.toString()), false);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, dir, port, root);
        server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U",
                "norrlab", "--no-sync"));
        server.startServer();
        return server;
    }

    private static Path findBin() {
        List<Path> candidates = new ArrayList<>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        for (Path c : candidates) {
            if (Files.isExecutable(c.resolve("postgres")) && Files.isExecutable(c.resolve("initdb"))) {
                return c;
            }
        }
        boolean required = "required".equals(System.getenv("NORRLAB_POSTGRES_TESTS"));
        if (required) {
            throw new AssertionError("NORRLAB_POSTGRES_TESTS=required but no PostgreSQL server is installed"
                    + " (apt-get install postgresql)");
        }
        Assumptions.assumeTrue(false, "no PostgreSQL server installed (apt-get install postgresql)");
        return null;
    }

    public void startServer() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-l",
                dataDir.resolve("server.log").toString(), "-w", "-t", "30", "-o",
                "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection c = DriverManager.getConnection(adminUrl())) {
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("PostgreSQL did not accept connections on port " + port, e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops the server at once, as a crash or a pulled network cable would look to a client. */
    public void kill() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-m", "immediate", "-w",
                "stop"));
    }

    /**
     * Freezes the server and every backend (SIGSTOP): connections stay open but nothing answers, as when a
     * network drops packets. {@link #thaw} lets it go on.
     */
    public void freeze() throws IOException, InterruptedException {
        signalAll("-STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signalAll("-CONT");
    }

    private void signalAll(String signal) throws IOException, InterruptedException {
        String pid = Files.readAllLines(dataDir.resolve("data/postmaster.pid")).get(0).trim();
        run(List.of("pkill", signal, "-P", pid), false);
        run(List.of("kill", signal, pid), false);
    }

    /** Something a test does to the server. */
    @FunctionalInterface
    public interface Action {
        void apply(PostgresServer pg) throws Exception;
    }

    /** Started: waits (at most 20 s) until {@code samples} are committed on this server, then does {@code action} to it. */
    public Thread onceCommitted(long samples, Action action) {
        Thread thread = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (System.nanoTime() < deadline) {
                    try (ResultSet rs = s.executeQuery("SELECT to_regclass('samples') IS NOT NULL"
                            + " AND (SELECT count(*) FROM samples) >= " + samples)) {
                        if (rs.next() && rs.getBoolean(1)) {
                            break;
                        }
                    } catch (SQLException notYet) {
                        // the schema is being built
                    }
                    Thread.sleep(20);
                }
                action.apply(this);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "pg-action");
        thread.start();
        return thread;
    }

    /** The lab database URL (the 'postgres' database of this server). */
    public String url() {
        return adminUrl();
    }

    private String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=norrlab";
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        run(command, asPostgresUser);
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed: " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-m", "immediate",
                    "stop"));
        } catch (IOException alreadyStopped) {
            // stopped by the test (kill) and not started again
        }
        run(List.of("rm", "-rf", dataDir.toString()), false);
    }
}
