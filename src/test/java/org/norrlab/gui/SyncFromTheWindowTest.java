package org.norrlab.gui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredSession;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PostgresServer;

import javax.swing.AbstractButton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.findAll;
import static org.norrlab.gui.GuiDriver.onEdt;

/** "Sync to lab database" in the Sessions view, against the PostgreSQL the tests start, with its progress shown. */
class SyncFromTheWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The short run's samples: 5 at open circuit (1 s apart for 5 s) and 100 of CA (100 ms apart for 10 s). */
    private static final long SHORT_RUN_SAMPLES = 5 + 100;

    @TempDir
    Path temp;

    private static ProgressTask<?> pressSync(SessionsPanel sessions) throws Exception {
        Optional<ProgressTask<?>> before = onEdt(sessions::longAction);
        onEdt(() -> findAll(sessions, AbstractButton.class).stream().filter(b -> "Sync to lab database".equals(b.getText()))
                .findFirst().orElseThrow().doClick());
        await("the sync's progress dialog", WAIT, () -> sessions.longAction().isPresent()
                && !sessions.longAction().equals(before));
        ProgressTask<?> task = onEdt(() -> sessions.longAction().orElseThrow());
        await("the sync's end", WAIT, () -> !task.dialog().isDisplayable() && sessions.headingText().startsWith("Synced"));
        return task;
    }

    @Test
    void theBenchSessionsGoToTheLabDatabaseOnceAndTheRowsSentAreShown() throws Exception {
        GuiDriver.requireDisplay();
        try (PostgresServer pg = PostgresServer.start()) {
            SiteConfig repository = SiteConfig.load(Fixtures.HOME);
            SiteConfig site = new SiteConfig(repository.home(), repository.dataDirectory(), repository.cell(),
                    repository.safety(), repository.reconnectFor(), Optional.of(pg.url()), repository.sessionStore());
            Path bench = temp.resolve("bench.db");
            Path protocol = Files.writeString(temp.resolve("short.yaml"), """
                    name: short sync run
                    steps:
                      - ocp: {duration: 5 s, interval: 1 s}
                      - ca: {potential: -0.5 V vs RHE, duration: 10 s, interval: 100 ms}
                    """);
            RunOutcome local = new RunService(site).prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(bench)
                    .withPreset("NiNC")).execute(RunListener.NONE);
            NorrlabWindow window = GuiDriver.openWindow(site, StoreLocation.file(bench));
            try {
                onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.SESSIONS_TAB));
                SessionsPanel sessions = window.sessionsPanel();
                ProgressTask<?> first = pressSync(sessions);
                assertThat(onEdt(sessions::headingText)).isEqualTo("Synced to the lab database: 1 copied, 0 replaced,"
                        + " 0 already there, 0 still running (not copied)");
                List<ProgressTask.Step> shown = onEdt(first::shown);
                ProgressTask.Step last = shown.get(shown.size() - 1);
                assertThat(last.total()).as("the session's samples").isEqualTo(SHORT_RUN_SAMPLES);
                assertThat(last.amount()).as("all of them sent").isEqualTo(SHORT_RUN_SAMPLES);
                try (SessionStore lab = SessionStore.open(StoreLocation.parse(pg.url(), temp))) {
                    List<StoredSession> there = lab.sessions();
                    assertThat(there).hasSize(1);
                    assertThat(there.get(0).instrument().describe()).contains("catalyst NiNC");
                    assertThat(lab.steps(there.get(0).id()).stream().mapToLong(s -> s.sampleCount()).sum())
                            .isEqualTo(local.samplesCommitted()).isEqualTo(SHORT_RUN_SAMPLES);
                }
                // A second sync copies nothing again.
                pressSync(sessions);
                assertThat(onEdt(sessions::headingText)).isEqualTo("Synced to the lab database: 0 copied, 0 replaced,"
                        + " 1 already there, 0 still running (not copied)");
            } finally {
                GuiDriver.closeWindow(window);
            }
        }
    }
}
