package org.norrlab.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.run.LabFile;
import org.norrlab.run.LabRun;
import org.norrlab.run.PreparedRun;
import org.norrlab.run.RunOutcome;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredSession;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PostgresServer;
import org.norrlab.testing.PtyPair;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four emulated instruments on four ptys run a sweep at once into one store, an SQLite file or a
 * PostgreSQL server; one cable is pulled mid-run. That bench ends with what it acquired; the other
 * three finish complete, on time; every delivered sample is in the store.
 */
class LabOverPtysTest {
    @TempDir
    Path temp;

    /** 20 min 20 s of demo sweep at 300x: about 4 s. */
    private static final Speed EMULATOR_SPEED = new Speed(300);

    @Test
    void fourBenchesIntoOneSqliteFileOneUnpluggedTheOthersComplete() throws Exception {
        fourBenchesOneUnplugged(StoreLocation.file(temp.resolve("lab.db")));
    }

    @Test
    void fourBenchesIntoPostgresOneUnpluggedTheOthersComplete() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            fourBenchesOneUnplugged(StoreLocation.parse(pg.url(), temp));
        }
    }

    private void fourBenchesOneUnplugged(StoreLocation db) throws Exception {
        String[][] benches = {
                // name, profile, protocol, catalyst (the Rodeostat's 24 mA range needs the low-current catalyst)
                {"A", "emstat4-hr", "protocols/demo-sweep.yaml", "NiNC"},
                {"B", "emstat4-lr", "protocols/demo-sweep.yaml", "MnO2-x"},
                {"C", "rodeostat", "protocols/demo-sweep-ca.yaml", "MnO2-x"},
                {"D", "emstat4-hr", "protocols/demo-sweep.yaml", "NiNC"},
        };
        List<PtyPair> ptys = new ArrayList<>();
        List<Emulators.Running> emulators = new ArrayList<>();
        StringBuilder lab = new StringBuilder("benches:\n");
        try {
            for (String[] b : benches) {
                PtyPair pty = new PtyPair(Files.createDirectories(temp.resolve("pty-" + b[0])));
                ptys.add(pty);
                emulators.add(Emulators.start(Fixtures.HOME, b[1], pty.device(), Fixtures.cellAtPh7(), EMULATOR_SPEED,
                        Optional.of(b[3]), 42, Faults.NONE));
                lab.append("  - {name: ").append(b[0]).append(", instrument: ").append(b[1]).append(", port: ")
                        .append(pty.host()).append(", protocol: ").append(b[2]).append(", reconnect_for: ")
                        // B's window is long enough to see the others go on even when the store holds their counts back.
                        .append(b[0].equals("B") ? "4 s" : "1 s").append("}\n");
            }
            Path labFile = temp.resolve("lab.yaml");
            Files.writeString(labFile, lab);
            LabRun run = LabRun.prepare(LabFile.read(labFile, SiteConfig.load(Fixtures.HOME)), db);

            // Pull B's cable once it is well into its sweep (its third step; the statistics count per step).
            // Then the others must go on acquiring while B waits for its instrument to come back.
            java.util.concurrent.atomic.AtomicBoolean othersWentOn = new java.util.concurrent.atomic.AtomicBoolean();
            Thread puller = new Thread(() -> {
                try {
                    var b = run.benches().get(1).run();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (b.statistics().snapshot().stepIndex() < 3 && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    ptys.get(1).kill();
                    othersWentOn.set(othersAcquireWhileBWaits(run, b));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "cable-puller");
            puller.start();
            List<LabRun.BenchOutcome> outcomes = run.execute();
            puller.join();

            Map<String, RunOutcome> byName = outcomes.stream()
                    .collect(Collectors.toMap(LabRun.BenchOutcome::name, o -> o.outcome().orElseThrow()));
            for (String name : List.of("A", "C", "D")) {
                RunOutcome o = byName.get(name);
                assertThat(o.status()).as(name + ": " + o.reason()).isEqualTo(SessionStatus.COMPLETED);
                assertThat(o.counters().samplesDelivered()).as(name).isEqualTo(name.equals("C") ? 4 * 3000 : 20 + 4 * 3000);
            }
            // Unplugging B must not hold the others back (seen as events, however fast the machine is).
            assertThat(othersWentOn).as("A, C and D acquired 10 samples each (or ended) while B waited to reconnect").isTrue();
            RunOutcome b = byName.get("B");
            assertThat(b.status()).as(b.reason()).isEqualTo(SessionStatus.INTERRUPTED);
            assertThat(b.counters().samplesDelivered()).isBetween(3020L, 12_019L);
            assertThat(b.result().cellOffConfirmed()).as("no instrument to hear the cell-off").isFalse();

            try (SessionStore store = SessionStore.open(db)) {
                List<StoredSession> sessions = store.sessions();
                assertThat(sessions).hasSize(4);
                for (LabRun.BenchOutcome o : outcomes) {
                    RunOutcome r = o.outcome().orElseThrow();
                    StoredSession s = store.session(r.sessionId()).orElseThrow();
                    assertThat(s.runOptions()).containsEntry("bench", o.name());
                    long stored = store.steps(r.sessionId()).stream().mapToLong(step -> {
                        long[] n = {0};
                        try {
                            store.forEachSample(r.sessionId(), step.index(), (seq, sample) -> n[0]++);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return n[0];
                    }).sum();
                    assertThat(stored).as("bench %s: every delivered sample is stored", o.name())
                            .isEqualTo(r.counters().samplesDelivered()).isEqualTo(r.counters().samplesIn());
                }
            }
        } finally {
            for (Emulators.Running e : emulators) {
                e.close();
            }
            for (PtyPair p : ptys) {
                p.close();
            }
        }
    }

    /**
     * Whether each bench but B acquired 10 more samples (or ended) while B's run was still going, i.e. in its
     * reconnect window of 4 s, which at 300x is about 1200 samples of each of the others. The counts are the
     * run statistics', which follow the store's writer: a busy database may hold them back for a while.
     */
    private static boolean othersAcquireWhileBWaits(LabRun run, PreparedRun b) throws InterruptedException {
        List<PreparedRun> others = run.benches().stream().map(LabRun.BenchRun::run).filter(r -> r != b).toList();
        List<Long> from = others.stream().map(r -> r.statistics().snapshot().totalSamples()).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (int k = 0; k < others.size(); k++) {
                PreparedRun other = others.get(k);
                all &= other.statistics().snapshot().totalSamples() >= from.get(k) + 10
                        || other.awaitFinished(java.time.Duration.ZERO);
            }
            if (all) {
                return !b.awaitFinished(java.time.Duration.ZERO);
            }
            if (b.awaitFinished(java.time.Duration.ZERO)) {
                return false;
            }
            Thread.sleep(2);
        }
        return false;
    }
}
