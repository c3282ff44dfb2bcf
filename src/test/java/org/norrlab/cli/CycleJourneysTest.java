package org.norrlab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.plan.StepContext;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredStep;
import org.norrlab.sync.SyncService;
import org.norrlab.testing.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cycle of each step goes along with a session: export (CSV, JSON Lines) and import of that export, sync to the
 * lab's PostgreSQL, and replay, which re-reads the stored protocol text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CycleJourneysTest {
    @TempDir
    static Path temp;
    Path db;
    List<StepContext> contexts;

    private CliRunner.Result norrlab(String... args) {
        return CliRunner.norrlabOn(db, args);
    }

    @BeforeAll
    void runTwoCycles() throws Exception {
        db = temp.resolve("bench.db");
        Path protocol = temp.resolve("cycles.yaml");
        Files.writeString(protocol, """
                name: two cycles
                steps:
                  - repeat:
                      times: 2
                      label: stability
                      steps:
                        - ca: {potential: -0.6 V vs RHE, duration: 4 s, interval: 1 s}
                        - ocp: {duration: 1 s, interval: 1 s}
                """);
        CliRunner.Result run = norrlab("run", protocol.toString(), "--speed", "max", "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        contexts = contexts(db, 1);
        assertThat(contexts).extracting(StepContext::cycle).containsExactly(1, 1, 2, 2);
    }

    private static List<StepContext> contexts(Path database, long session) throws Exception {
        try (SessionStore store = SessionStore.open(database)) {
            return store.steps(session).stream().map(StoredStep::context).toList();
        }
    }

    /** Cycle, cycles and block; the batch is the electrolyte's (part of the same context, compared too). */
    private void assertCycles(List<StepContext> after) {
        assertThat(after).isEqualTo(contexts);
    }

    /** Session 1 exported in format (the file shows its cycles as written), imported again: the new session's id. */
    private long exportedAndImported(String format, String cyclesAsWritten) throws Exception {
        Path file = temp.resolve("s1." + format);
        assertThat(norrlab("export", "1", "--format", format, "-o", file.toString()).exitCode()).isZero();
        assertThat(Files.readString(file)).contains(cyclesAsWritten);
        CliRunner.Result imported = norrlab("import", file.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        return lastSession();
    }

    @Test
    void csvExportAndImportKeepEachStepsCycle() throws Exception {
        long id = exportedAndImported("csv", "cycle 1 of 2 of repeat block 'stability'");
        assertCycles(contexts(db, id));
        // The imported session has its cycles to compare (FE n/a: assays are not part of the export).
        CliRunner.Result cycles = norrlab("analyze", String.valueOf(id), "--cycles");
        assertThat(cycles.exitCode()).as(cycles.err()).isZero();
        assertThat(cycles.out()).contains("repeat block 'stability' (2 cycles planned, 2 with a CA step)");
    }

    @Test
    void jsonLinesExportAndImportKeepEachStepsCycle() throws Exception {
        long id = exportedAndImported("jsonl", "\"cycle\":1,\"cycles\":2,\"block\":\"stability\"");
        assertCycles(contexts(db, id));
    }

    @Test
    void replayReadsTheCyclesFromTheStoredProtocol() throws Exception {
        CliRunner.Result replay = norrlab("replay", "1", "--no-progress");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        long replayed = lastSession();
        assertCycles(contexts(db, replayed));
        assertThat(norrlab("show", String.valueOf(replayed)).out()).containsPattern("\\n\\s*3\\s+2/2\\s+ca");
    }

    @Test
    void syncToTheLabKeepsEachStepsCycle() throws Exception {
        Path bench = temp.resolve("bench-copy.db");
        Files.copy(db, bench);
        try (PostgresServer pg = PostgresServer.start()) {
            SyncService.sync(bench, pg.url(), false, SyncService.Listener.NONE);
            try (SessionStore lab = SessionStore.open(StoreLocation.parse(pg.url(), temp))) {
                long id = lab.sessions().get(0).id();
                assertCycles(lab.steps(id).stream().map(StoredStep::context).toList());
            }
        }
    }

    private long lastSession() throws Exception {
        try (SessionStore store = SessionStore.open(db)) {
            return store.sessions().stream().mapToLong(s -> s.id()).max().orElseThrow();
        }
    }
}
