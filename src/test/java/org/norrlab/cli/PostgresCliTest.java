package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's lab flow with the session store on PostgreSQL, chosen by site.yaml's session_store or --db. */
class PostgresCliTest {
    @TempDir
    Path temp;

    /** A norrlab home whose site.yaml is the shipped one with {@code extra} appended; drivers and protocols linked. */
    private Path homeWith(String extra) throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("config"));
        for (String dir : List.of("drivers", "protocols")) {
            Files.createSymbolicLink(home.resolve(dir), Fixtures.HOME.resolve(dir));
        }
        Files.createSymbolicLink(home.resolve("config/examples"), Fixtures.HOME.resolve("config/examples"));
        Files.writeString(home.resolve("config/site.yaml"), Files.readString(Fixtures.HOME.resolve("config/site.yaml"))
                .replace("data_directory: data", "data_directory: " + temp.resolve("data")) + extra);
        return home;
    }

    private static CliRunner.Result norrlab(Path home, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString()));
        return CliRunner.norrlab(all.toArray(String[]::new));
    }

    @Test
    void theLabFlowRunsOnAPostgresStoreNamedInSiteYaml() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            Path home = homeWith("\nsession_store: " + pg.url() + "\n");
            CliRunner.Result run = norrlab(home, "run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Session database: jdbc:postgresql://127.0.0.1:");
            assertThat(temp.resolve("data/norrlab.db")).doesNotExist();

            assertThat(norrlab(home, "calib", "add", "config/examples/indophenol-standards.csv", "--method", "indophenol",
                    "--wavelength", "655 nm", "--unit", "µg/mL NH4+-N", "--operator", "test").exitCode()).isZero();
            assertThat(norrlab(home, "assay", "import", "1", "config/examples/demo-assays.csv").out())
                    .contains("Imported 4 assays");
            CliRunner.Result table = norrlab(home, "analyze", "1");
            assertThat(table.exitCode()).as(table.err()).isZero();
            // The README's figures for this flow (seed 42): FE 69.17 / 86.49 / 75.53 / 34.38 %.
            assertThat(table.out()).contains("69.17").contains("86.49").contains("75.53").contains("34.38");

            // --db picks another store for one command: an SQLite file here, empty of that session.
            CliRunner.Result elsewhere = CliRunner.norrlab("sessions", "--home", home.toString(), "--db",
                    temp.resolve("other.db").toString());
            assertThat(elsewhere.err()).contains("there is no session database at").contains("other.db");
            CliRunner.Result listed = norrlab(home, "sessions");
            assertThat(listed.out()).contains("demo sweep").contains("completed");
        }
    }

    /**
     * A bench on SQLite syncs its sessions with their calibration, assays and control link; the lab's analysis
     * of a session is then the bench's, line for line (control subtraction included). An assay entered after
     * the sync follows on the next sync, once.
     */
    @Test
    void syncCarriesAnalysisInputsSoTheLabAnalysesAsTheBenchDoes() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            Path home = homeWith("");
            String bench = temp.resolve("bench.db").toString();
            assertThat(norrlab(home, "run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress", "--db", bench)
                    .exitCode()).isZero();
            assertThat(norrlab(home, "run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress", "--seed", "7",
                    "--db", bench).exitCode()).isZero();
            assertThat(norrlab(home, "calib", "add", "config/examples/indophenol-standards.csv", "--method", "indophenol",
                    "--wavelength", "655 nm", "--unit", "µg/mL NH4+-N", "--operator", "test", "--db", bench).exitCode()).isZero();
            assertThat(norrlab(home, "assay", "import", "1", "config/examples/demo-assays.csv", "--db", bench).exitCode())
                    .isZero();
            assertThat(norrlab(home, "assay", "add", "2", "--step", "3", "--concentration", "0.20 ± 0.01 µg/mL NH4+-N",
                    "--db", bench).exitCode()).isZero();
            assertThat(norrlab(home, "control", "1", "--control", "2", "--step", "3", "--db", bench).exitCode()).isZero();

            CliRunner.Result sync = norrlab(home, "sync", "--db", bench, "--to", pg.url());
            assertThat(sync.exitCode()).as(sync.err()).isZero();
            assertThat(sync.out()).contains("2 copied").contains("1 calibrations, 5 assays, 1 control links and 0 corrections copied");
            String onBench = norrlab(home, "analyze", "1", "--db", bench).out();
            String inLab = norrlab(home, "analyze", "1", "--db", pg.url()).out();
            // 0.20 µg/mL NH4+-N in 35 mL of the control is 0.4998 µmol, taken off step 3 (86.49 % without it).
            assertThat(onBench).contains("control session 2 step 3 subtracted (0.4998 µmol)").contains("80.94");
            assertThat(inLab).isEqualTo(onBench);

            assertThat(norrlab(home, "assay", "add", "1", "--step", "3", "--product", "NH2OH", "--concentration", "0.01 mM",
                    "--db", bench).exitCode()).isZero();
            assertThat(norrlab(home, "sync", "--db", bench, "--to", pg.url()).out())
                    .contains("2 already there").contains("0 calibrations, 1 assays, 0 control links and 0 corrections copied");
            assertThat(norrlab(home, "sync", "--db", bench, "--to", pg.url()).out())
                    .contains("0 calibrations, 0 assays, 0 control links and 0 corrections copied");
            assertThat(norrlab(home, "analyze", "1", "--db", pg.url()).out())
                    .isEqualTo(norrlab(home, "analyze", "1", "--db", bench).out()).contains("NH2OH");
        }
    }

    /** The benchmark behind the README's per-bench figures, at its tiny size: it adds four sessions and deletes none. */
    @Test
    void theLabBenchmarkAddsFourCompleteSessionsToTheStoreItIsGiven() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            Path home = homeWith("");
            assertThat(norrlab(home, "run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress", "--db", pg.url())
                    .exitCode()).isZero();
            CliRunner.Result bench = norrlab(home, "bench", "lab", "--size", "tiny", "--db", pg.url(), "--work-dir",
                    temp.resolve("bench").toString());
            assertThat(bench.exitCode()).as(bench.err()).isZero();
            assertThat(bench.out()).contains("4 benches into PostgreSQL").contains("all 12,000 samples in")
                    .containsPattern("B1 [\\d,]+ samples/s").containsPattern("slowest bench [\\d,]+× the EmStat4's 2,248 samples/s");
            try (SessionStore store = SessionStore.open(
                    StoreLocation.parse(pg.url(), temp))) {
                assertThat(store.sessions()).hasSize(5);
                assertThat(store.sessions().get(0).protocolName()).isEqualTo("NORR demo sweep");
                for (var session : store.sessions().subList(1, 5)) {
                    assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
                    assertThat(store.steps(session.id()).get(0).sampleCount()).isEqualTo(3000);
                }
            }
        }
    }

    /**
     * The server stops mid-run: the process still prints the summary from what it knows itself (samples acquired,
     * samples the store confirmed, the cell off), and the confirmed count is what the server holds once it is back.
     */
    @Test
    void aServerStoppedMidRunStillGetsTheSummaryAndItsCountIsTheStores() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            Path home = homeWith("");
            Thread killer = pg.onceCommitted(3000, PostgresServer::kill);
            CliRunner.Result run = norrlab(home, "run", oneStepOf(60_000).toString(), "--speed", "100", "--no-progress",
                    "--db", pg.url());
            killer.join();
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.out()).contains("Session 1 failed: ").contains("the cell was turned off.");
            PrintedCounts printed = PrintedCounts.in(run.out());
            printed.assertLossToldIn(run.out());
            pg.startServer();
            // A commit whose answer the kill cut off may have landed on the server: the summary says how many.
            assertThat(samplesOnServer(pg)).isBetween(printed.committed(), printed.committed() + printed.inDoubt())
                    .isBetween(3000L, printed.acquired());
        }
    }

    /**
     * The server freezes (SIGSTOP: connections stay open, nothing answers) while the instrument runs; the step ends
     * with its samples queued for the store. The run gives the store up after a while without progress instead of
     * waiting for socket timeouts (30 s each, about 95 s in all before), and says what it did not store.
     */
    @Test
    void aFrozenServerIsGivenUpAfterTheInstrumentStopsAndWhatItLostIsTold() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            Path home = homeWith("");
            Path protocol = oneStepOf(20_000);
            Thread freezer = pg.onceCommitted(3000, PostgresServer::freeze);
            long started = System.nanoTime();
            CliRunner.Result run;
            try {
                run = norrlab(home, "run", protocol.toString(), "--speed", "100", "--no-progress", "--db", pg.url());
            } finally {
                freezer.join();
                pg.thaw();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.out()).contains("Session 1 failed: ").contains("given up").contains("the cell was turned off.");
            PrintedCounts printed = PrintedCounts.in(run.out());
            assertThat(printed.acquired()).isGreaterThan(printed.committed());
            printed.assertLossToldIn(run.out());
            // A generous bound: one default socket timeout alone is 30 s; the step itself takes 2 s.
            assertThat(seconds).as("seconds from start to exit").isLessThan(60);
            // The commit under way when the server froze may have been taken once it thawed: the summary says how many.
            assertThat(samplesOnServer(pg)).isBetween(printed.committed(), printed.committed() + printed.inDoubt());
        }
    }

    /** A protocol of one CA step of {@code samples} samples at 10 ms (at 100x, 1 000 samples a second of wall time). */
    private Path oneStepOf(long samples) throws Exception {
        Path protocol = temp.resolve("long.yaml");
        Files.writeString(protocol, "name: long\nsteps:\n  - ca: {potential: -0.5 V vs RHE, duration: " + samples / 100
                + " s, interval: 10 ms}\n");
        return protocol;
    }

    private static long samplesOnServer(PostgresServer pg) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg.url());
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM samples")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anUnreachableServerStopsALabBeforeAnyBenchStarts() throws Exception {
        Path home = homeWith("");
        Files.writeString(home.resolve("config/lab.yaml"), Files.readString(Fixtures.HOME.resolve("config/lab.yaml")));
        CliRunner.Result lab = norrlab(home, "run", "--lab", "--no-progress", "--db",
                "jdbc:postgresql://127.0.0.1:1/norrlab?user=x&password=secret");
        assertThat(lab.exitCode()).isNotZero();
        assertThat(lab.err()).contains("the lab was not started, nothing was switched on")
                .contains("session store: cannot open the session database jdbc:postgresql://127.0.0.1:1/norrlab?user=x&password=***")
                .doesNotContain("secret").doesNotContain("\tat ");
        assertThat(lab.out()).doesNotContain("== bench");
    }

    @Test
    void aSessionStoreThatIsNeitherAFileNorPostgresIsNamedWithItsLine() throws Exception {
        Path home = homeWith("\nsession_store: jdbc:mysql://labserver/norrlab\n");
        CliRunner.Result run = norrlab(home, "run", "protocols/demo-sweep.yaml", "--speed", "max", "--no-progress");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("site.yaml").containsPattern(":\\d+").contains("session_store")
                .contains("jdbc:mysql://labserver/norrlab").contains("jdbc:postgresql://").doesNotContain("\tat ");
    }
}
