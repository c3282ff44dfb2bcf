package org.norrlab.gui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.run.RunOutcome;
import org.norrlab.store.AlertDeliveryStore;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.LocalWebhooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.norrlab.gui.GuiDriver.await;
import static org.norrlab.gui.GuiDriver.onEdt;

/**
 * A run started in the window sends the same alerts as one of the command line: a real local webhook receives the
 * run-finished alert of the session the window ran, the status line counts it, and the store records it sent.
 */
class GuiRunAlertsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;
    private NorrlabWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            GuiDriver.closeWindow(window);
        }
    }

    /** A copy of the checkout's config, drivers and protocols, with an alerts block naming one webhook. */
    private Path home(String url) throws IOException {
        Path home = temp.resolve("home");
        for (String folder : new String[] {"config", "drivers", "protocols"}) {
            Path from = Fixtures.HOME.resolve(folder);
            try (var files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path to = home.resolve(folder).resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                }
            }
        }
        Path site = home.resolve("config/site.yaml");
        Files.writeString(site, Files.readString(site) + "\nalerts:\n  bench: window bench\n  webhooks:\n"
                + "    - {url: '" + url + "', name: local}\n");
        return home;
    }

    @Test
    void aWindowRunDeliversItsRunFinishedAlertAndRecordsIt() throws Exception {
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200)) {
            Path db = temp.resolve("gui.db");
            window = GuiDriver.openWindow(SiteConfig.load(home(receiver.url("/hook?token=s3cr3t").toString())),
                    StoreLocation.file(db));
            RunPanel run = window.runPanel();
            onEdt(() -> {
                for (int i = 0; i < run.instruments().getItemCount(); i++) {
                    if (run.instruments().getItemAt(i).preset().filter("NiNC"::equals).isPresent()) {
                        run.instruments().setSelectedIndex(i);
                    }
                }
                run.speed().setSelectedItem("600");
            });
            onEdt(run::start);
            await("the end of the run", WAIT, () -> run.lastOutcome().isPresent() && !run.running());
            RunOutcome outcome = run.lastOutcome().orElseThrow();
            assertThat(outcome.status()).isEqualTo(SessionStatus.COMPLETED);

            LocalWebhooks.Request request = receiver.next();
            assertThat(request).isNotNull();
            JsonNode alert = new ObjectMapper().readTree(request.body());
            assertThat(alert.get("kind").asText()).isEqualTo("run_finished");
            assertThat(alert.get("bench").asText()).isEqualTo("window bench");
            assertThat(alert.get("session").asLong()).isEqualTo(outcome.sessionId());
            assertThat(alert.get("what").asText()).startsWith("completed: ");
            assertThat(alert.get("cell_state").asText()).startsWith("off (confirmed by the instrument)");

            await("the alerts counted in the status line", WAIT, () -> run.statusLines().get(5).getText()
                    .endsWith("; alerts: 1 sent"));
            try (SessionStore store = SessionStore.open(db)) {
                assertThat(store.alertDeliveries().tallies())
                        .isEqualTo(Map.of(outcome.sessionId(), new AlertDeliveryStore.Tally(1, 0, 0)));
            }
            assertThat(receiver.waiting()).isZero();
        }
    }
}
