package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.StepOutcome;
import org.norrlab.driver.Speed;
import org.norrlab.importer.ImportService;
import org.norrlab.report.SessionExporter;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredSampleReader;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both replays of a session long enough that the stored-samples replay reads its CA step in several pages
 * ({@link StoredSampleReader#PAGE_ROWS}) give back the source's steps, samples and events exactly.
 */
class LongReplayTest {
    @TempDir
    Path temp;

    /** 2 s of OCP, then 1010 s of CA at 100 ms: 10 100 samples, two full pages of 4096 and part of a third. */
    private Path protocol() throws Exception {
        Path file = temp.resolve("long.yaml");
        Files.writeString(file, """
                steps:
                  - ocp: {duration: 2 s, interval: 500 ms}
                  - ca: {potential: -0.5 V vs RHE, duration: 1010 s, interval: 100 ms}
                """);
        return file;
    }

    private static List<String> steps(SessionStore store, long session) throws Exception {
        List<String> rows = new ArrayList<>();
        for (StoredStep step : store.steps(session)) {
            rows.add(step.index() + " " + step.kind() + " " + step.voltsVsRhe() + " " + step.voltsVsReference() + " "
                    + step.intervalSeconds() + " " + step.outcome().map(StepOutcome::dbName).orElse("?") + " "
                    + step.sampleCount());
        }
        return rows;
    }

    private static List<String> samples(SessionStore store, long session) throws Exception {
        List<String> rows = new ArrayList<>();
        for (StoredStep step : store.steps(session)) {
            store.forEachSample(session, step.index(), (seq, s) -> rows.add(step.index() + "/" + seq + " " + s));
        }
        return rows;
    }

    /** Events as the session tells them: step, instrument time, kind, message and values (not the wall time). */
    private static List<String> events(SessionStore store, long session) throws Exception {
        List<String> rows = new ArrayList<>();
        for (StoredEvent e : store.events(session)) {
            rows.add(e.stepIndex() + " " + e.event().timeSeconds() + " " + e.event().kind() + " " + e.event().message()
                    + " " + new TreeMap<>(e.event().values()));
        }
        return rows;
    }

    /** Prepared with a store that is closed before it runs, as {@code norrlab replay} and the benchmark do. */
    private static RunOutcome replay(RunService service, Path db, long session) throws Exception {
        PreparedRun run;
        try (SessionStore store = SessionStore.open(db)) {
            run = ReplayService.prepare(service, store, session, Speed.MAX, StoreLocation.file(db));
        }
        return run.execute(RunListener.NONE);
    }

    @Test
    void bothReplaysOfALongSessionGiveBackItsStepsSamplesAndEvents() throws Exception {
        Path db = temp.resolve("long.db");
        SiteConfig site = SiteConfig.load(Fixtures.HOME);
        RunService service = new RunService(site);
        RunOutcome original = service.prepare(RunRequest.simulated(protocol(), Speed.MAX).withDatabase(db))
                .execute(RunListener.NONE);
        assertThat(original.status()).isEqualTo(SessionStatus.COMPLETED);
        long imported;
        Path export = temp.resolve("long.jsonl");
        try (SessionStore store = SessionStore.open(db)) {
            try (OutputStream out = Files.newOutputStream(export)) {
                SessionExporter.jsonLines(store, store.session(original.sessionId()).orElseThrow(), out);
            }
            imported = ImportService.store(store, export, ImportService.read(export), site.cell().resolve());
        }

        RunOutcome fromSeed = replay(service, db, original.sessionId());
        RunOutcome fromSamples = replay(service, db, imported);
        assertThat(fromSeed.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(fromSamples.status()).isEqualTo(SessionStatus.COMPLETED);

        try (SessionStore store = SessionStore.open(db)) {
            List<String> source = samples(store, original.sessionId());
            assertThat(source).hasSize(4 + 10_100);
            assertThat(steps(store, original.sessionId())).hasSize(2).last().asString().endsWith(" 10100");
            // the imported session is the source as a file gave it back (RoundTripTest); each replay gives back its source
            assertThat(samples(store, imported)).isEqualTo(source);
            assertThat(samples(store, fromSeed.sessionId())).isEqualTo(source);
            assertThat(samples(store, fromSamples.sessionId())).isEqualTo(source);
            assertThat(steps(store, fromSeed.sessionId())).isEqualTo(steps(store, original.sessionId()));
            assertThat(steps(store, fromSamples.sessionId())).isEqualTo(steps(store, imported));
            assertThat(events(store, fromSeed.sessionId())).isEqualTo(events(store, original.sessionId()));
            // the import's own note (that the export's event lines were not imported) is about the import, not the
            // measurement: the replay of the imported session gives back its events without it
            assertThat(events(store, imported)).singleElement().asString().contains(" NOTE long.jsonl:")
                    .contains("is not imported");
            assertThat(events(store, fromSamples.sessionId())).isEmpty();
        }
    }
}
