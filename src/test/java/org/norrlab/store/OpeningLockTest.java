package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.testing.Fixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock that keeps openers of one store apart ({@link OpeningLock}). Several norrlab processes (benches, or `sessions` started while a run starts) opening one new SQLite
 * file at the same moment: each gets a working store, the schema is built once, and the file is in WAL
 * mode. Real processes, because the lock that keeps them apart is the operating system's, not a
 * monitor of one JVM; a barrier of files starts each round's opens together.
 */
class OpeningLockTest {
    static final int PROCESSES = 4;
    static final int ROUNDS = 8;

    @TempDir
    Path temp;

    @Test
    void fourProcessesCreatingOneNewFileAtOnceAllGetTheSameWorkingStore() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int k = 0; k < PROCESSES; k++) {
            Path output = temp.resolve("opener-" + k + ".out");
            outputs.add(output);
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Opener.class.getName(),
                    temp.toString(), Integer.toString(k)).redirectErrorStream(true).redirectOutput(output.toFile()).start());
        }
        for (int k = 0; k < PROCESSES; k++) {
            Process p = processes.get(k);
            boolean ended = p.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            String output = Files.readString(outputs.get(k), StandardCharsets.UTF_8);
            assertThat(ended).as("opener %d ended; its output:%n%s", k, output).isTrue();
            assertThat(p.exitValue()).as("opener %d's exit status; its output:%n%s", k, output).isZero();
        }
        for (int round = 0; round < ROUNDS; round++) {
            Path db = temp.resolve("round-" + round + ".db");
            try (SessionStore store = SessionStore.open(db)) {
                assertThat(store.sessions()).as("round %d", round).hasSize(PROCESSES)
                        .extracting(StoredSession::id).doesNotHaveDuplicates();
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                assertThat(single(s, "PRAGMA journal_mode")).as("round %d", round).isEqualTo("wal");
                assertThat(single(s, "PRAGMA user_version")).isEqualTo(Integer.toString(SessionStore.SCHEMA_VERSION));
                assertThat(single(s, "PRAGMA integrity_check")).isEqualTo("ok");
            }
        }
    }

    /**
     * A run that was interrupted (Ctrl-C) still opens its store to record how it ended: the open lock
     * does not give up on an interrupted thread (its file channel would be closed by the interrupt),
     * and the thread is still interrupted afterwards.
     */
    @Test
    void anInterruptedThreadStillOpensTheStoreAndStaysInterrupted() throws Exception {
        Thread.currentThread().interrupt();
        try (SessionStore store = SessionStore.open(temp.resolve("interrupted.db"))) {
            assertThat(store.sessions()).isEmpty();
        } finally {
            assertThat(Thread.interrupted()).as("still interrupted (and now cleared)").isTrue();
        }
        assertThat(OpeningLock.lockFile(temp.resolve("interrupted.db"))).exists();
    }

    private static String single(Statement s, String query) throws Exception {
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** One process of the race: for each round, waits until every process is ready, then opens the round's new file. */
    static final class Opener {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            int index = Integer.parseInt(args[1]);
            for (int round = 0; round < ROUNDS; round++) {
                awaitEveryone(dir, round, index);
                try (SessionStore store = SessionStore.open(dir.resolve("round-" + round + ".db"))) {
                    long id = store.createSession(new NewSession("race", "race.yaml", "", Fixtures.cellAtPh7(),
                            new InstrumentIdentity("sim", "sim", "m", "f", "opener-" + index), Map.of(), "test",
                            Instant.now()));
                    System.out.println("round " + round + ": session " + id);
                }
            }
        }

        private static void awaitEveryone(Path dir, int round, int index) throws IOException, InterruptedException {
            Files.createFile(dir.resolve("ready-" + round + "-" + index));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (int k = 0; k < PROCESSES; k++) {
                while (!Files.exists(dir.resolve("ready-" + round + "-" + k))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("opener " + k + " never got ready for round " + round);
                    }
                    Thread.sleep(1);
                }
            }
        }
    }
}
