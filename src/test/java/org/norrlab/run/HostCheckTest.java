package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.EventKind;
import org.norrlab.driver.Speed;
import org.norrlab.plan.PlanWarning;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredEvent;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Before an overnight run: room on disk for the planned samples and a PC that stays awake. */
class HostCheckTest {
    private static final Path DEMO = Fixtures.HOME.resolve("protocols/demo-sweep.yaml");

    @TempDir
    Path temp;

    private static HostCheck.Host host(long freeBytes, boolean knownNotToSleep) {
        return new HostCheck.Host() {
            @Override
            public OptionalLong usableBytes(Path folder) {
                return OptionalLong.of(freeBytes);
            }

            @Override
            public boolean knownNotToSleep() {
                return knownNotToSleep;
            }
        };
    }

    private static List<String> messages(List<PlanWarning> warnings) {
        return warnings.stream().map(PlanWarning::message).toList();
    }

    @Test
    void aStoredSampleTakesNoMoreThanTheFigureTheCheckUses() throws Exception {
        Path db = temp.resolve("measure.db");
        RunOutcome run = new RunService(SiteConfig.load(Fixtures.HOME), host(Long.MAX_VALUE, true))
                .prepare(RunRequest.simulated(DEMO, Speed.MAX).withDatabase(db)).execute(RunListener.NONE);
        long bytes;
        try (Stream<Path> files = Files.list(temp)) {   // the file with its WAL and journal, if any are left
            bytes = files.filter(f -> f.getFileName().toString().startsWith("measure.db"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(run.samplesCommitted()).isEqualTo(12020);   // 20 s OCP at 1 s + 4 × 300 s CA at 0.1 s
        double perSample = (double) bytes / run.samplesCommitted();
        assertThat(perSample).isLessThanOrEqualTo(HostCheck.BYTES_PER_SAMPLE);
    }

    @Test
    void tooLittleFreeSpaceIsWarnedWithTheNumbersStoredAndRefusedUnderStrict() throws Exception {
        Path db = temp.resolve("full.db");
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME), host(500_000, true));
        RunRequest request = RunRequest.simulated(DEMO, Speed.MAX).withDatabase(db);
        // 12020 planned samples × 68 bytes × 2 = 1634720 bytes needed; 500000 free
        String expected = "the store's folder " + temp.toAbsolutePath() + " has 500000 bytes (0.5 MB) free; the 12020"
                + " planned samples need about 1634720 bytes (1.6 MB: 68 bytes per stored sample, measured on SQLite,"
                + " × 2 margin): free disk space before the run, or store it elsewhere with --db";
        assertThatThrownBy(() -> service.prepare(request, true)).isInstanceOf(PlanRejectedException.class)
                .hasMessageContaining(expected);

        PreparedRun run = service.prepare(request, false);
        assertThat(messages(run.plan().warnings())).containsExactly(expected);
        RunOutcome outcome = run.execute(RunListener.NONE);
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.events(outcome.sessionId()).stream().map(StoredEvent::event)
                    .filter(e -> e.kind() == EventKind.WARNING).map(e -> e.message())).containsExactly(expected);
        }

        // 1634720 bytes free is enough
        assertThat(new RunService(SiteConfig.load(Fixtures.HOME), host(1_634_720, true)).prepare(request, true)
                .plan().warnings()).isEmpty();
    }

    @Test
    void planChecksThePcAgainstTheStoreRunWouldWriteIntoWithRunsMessage() throws Exception {
        Path db = temp.resolve("sub/plan.db");   // the folder does not exist yet: the nearest existing one is asked
        List<Path> asked = new ArrayList<>();
        HostCheck.Host tiny = new HostCheck.Host() {
            @Override
            public OptionalLong usableBytes(Path folder) {
                asked.add(folder);
                return OptionalLong.of(500_000);
            }

            @Override
            public boolean knownNotToSleep() {
                return true;
            }
        };
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME), tiny);
        RunRequest request = RunRequest.simulated(DEMO, Speed.MAX).withDatabase(db);
        var plan = service.loadPlan(DEMO);
        var profile = service.profile("sim");
        // 12020 planned samples × 68 bytes × 2 = 1634720 bytes needed; 500000 free
        String refusal = "--strict: 1 warning, so nothing was started; correct the protocol or the setup (--db, the PC),"
                + " or run without --strict to run it as written:\n  the store's folder " + db.getParent().toAbsolutePath()
                + " has 500000 bytes (0.5 MB) free; the 12020 planned samples need about 1634720 bytes";
        assertThatThrownBy(() -> service.checkOnThisHost(plan, profile, Speed.MAX, StoreLocation.file(db), true))
                .isInstanceOf(PlanRejectedException.class).hasMessageContaining(refusal);
        assertThatThrownBy(() -> service.prepare(request, true)).isInstanceOf(PlanRejectedException.class)
                .hasMessageContaining(refusal);
        assertThat(asked).containsExactly(db.getParent().toAbsolutePath(), db.getParent().toAbsolutePath());
        // without --strict 'plan' gets the warning to print, as 'run' prints it
        assertThat(messages(service.checkOnThisHost(plan, profile, Speed.MAX, StoreLocation.file(db), false).warnings()))
                .singleElement().asString().startsWith("the store's folder " + db.getParent().toAbsolutePath());
        assertThat(db).doesNotExist();
    }

    @Test
    void aLongRunOnAPcThatMaySleepIsWarnedAShortOneNot() throws Exception {
        var plan = new RunService(SiteConfig.load(Fixtures.HOME)).loadPlan(DEMO);   // 20 s + 4 × 5 min = 1220 s
        var store = StoreLocation.file(temp.resolve("s.db"));
        HostCheck.Host maySleep = host(Long.MAX_VALUE, false);
        assertThat(HostCheck.warnings(plan, Speed.REAL_TIME, store, maySleep)).isEmpty();   // 0.34 h < 1 h
        // at 1/4 speed it takes 4 × 1220 s = 4880 s = 1.36 h
        assertThat(messages(HostCheck.warnings(plan, new Speed(0.25), store, maySleep))).containsExactly(
                "norrlab cannot tell whether this PC sleeps; make sure it does not during a 1.4 h run (a suspended PC"
                        + " stops the instrument's link and the store) — on Linux 'systemctl mask sleep.target"
                        + " suspend.target hibernate.target hybrid-sleep.target' makes it certain, and norrlab then sees it");
        assertThat(HostCheck.warnings(plan, new Speed(0.25), store, host(Long.MAX_VALUE, true))).isEmpty();
        assertThat(HostCheck.wallTime(Duration.ofHours(10), Speed.MAX)).isZero();
    }

    @Test
    void linuxCountsAsNotSleepingOnlyWhenSystemdSleepIsMasked() throws Exception {
        Path root = temp.resolve("root");
        Path units = Files.createDirectories(root.resolve("etc/systemd/system"));
        assertThat(HostCheck.LinuxSleep.masked(root)).isFalse();
        Files.createSymbolicLink(units.resolve("suspend.target"), Path.of("/dev/null"));
        assertThat(HostCheck.LinuxSleep.masked(root)).as("hibernate is still possible").isFalse();
        Files.createSymbolicLink(units.resolve("sleep.target"), Path.of("/dev/null"));
        assertThat(HostCheck.LinuxSleep.masked(root)).isTrue();
    }
}
