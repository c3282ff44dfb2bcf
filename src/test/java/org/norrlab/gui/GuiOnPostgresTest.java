package org.norrlab.gui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.StoreLocation;
import org.norrlab.sync.SyncService;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PostgresServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.closeWindow;
import static org.norrlab.gui.GuiDriver.onEdt;
import static org.norrlab.gui.GuiDriver.openWindow;
import static org.norrlab.gui.GuiDriver.screenshot;

/**
 * An analysis PC's window on the lab's PostgreSQL store: it lists a session one bench acquired straight
 * into the server and one another bench synced from its SQLite file, and draws either one.
 */
class GuiOnPostgresTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    Path temp;

    @Test
    void theSessionsViewOnTheLabDatabaseShowsSyncedAndDirectSessions() throws Exception {
        GuiDriver.requireDisplay();
        try (PostgresServer pg = PostgresServer.start()) {
            StoreLocation lab = StoreLocation.parse(pg.url(), temp);
            RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
            Path protocol = Fixtures.HOME.resolve("protocols/demo-sweep.yaml");
            Path bench = temp.resolve("bench.db");
            RunOutcome local = service.prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(bench)
                    .withPreset("NiNC")).execute(RunListener.NONE);
            assertThat(SyncService.sync(bench, pg.url(), false, SyncService.Listener.NONE).copied())
                    .containsExactly(local.sessionId());
            service.prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(lab).withPreset("MnO2-x"))
                    .execute(RunListener.NONE);

            NorrlabWindow window = openWindow(lab);
            try {
                assertThat(onEdt(() -> window.frame().getTitle())).contains("jdbc:postgresql://127.0.0.1:")
                        .doesNotContain("user=");
                onEdt(() -> window.tabs().setSelectedIndex(NorrlabWindow.SESSIONS_TAB));
                SessionsPanel sessions = window.sessionsPanel();
                await("the lab's two sessions", WAIT, () -> sessions.sessionTable().getRowCount() == 2);
                assertThat(onEdt(() -> List.of(sessions.sessionTable().getValueAt(0, 2),
                        sessions.sessionTable().getValueAt(1, 2)))).containsExactly("completed", "completed");
                // The synced session (NiNC, from the bench file) and the direct one (MnO2-x), each drawn in turn.
                for (int row = 0; row < 2; row++) {
                    int r = row;
                    String id = onEdt(() -> String.valueOf(sessions.sessionTable().getValueAt(r, 0)));
                    assertThat(onEdt(() -> String.valueOf(sessions.sessionTable().getValueAt(r, 4))))
                            .contains(row == 0 ? "catalyst NiNC" : "catalyst MnO2-x");
                    onEdt(() -> sessions.sessionTable().setRowSelectionInterval(r, r));
                    await("steps and I(t) of session " + id, WAIT, () -> sessions.chartPanel().getChart() != null
                            && sessions.chartPanel().getChart().getTitle().getText().startsWith("Session " + id + ":")
                            && sessions.stepModel().getRowCount() == 5
                            && sessions.chartPanel().getChart().getXYPlot().getDataset().getSeriesCount() == 4);
                    assertThat(onEdt(() -> sessions.stepModel().getValueAt(2, 5))).isEqualTo(3000L);
                }
                screenshot(window.frame().getRootPane(), "sessions-on-postgres");
            } finally {
                closeWindow(window);
            }
        }
    }
}
