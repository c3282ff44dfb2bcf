package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.StepOutcome;
import org.norrlab.driver.Speed;
import org.norrlab.emulator.Emulators;
import org.norrlab.emulator.Faults;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.LocalWebhooks;
import org.norrlab.testing.PtyPair;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end case: the overnight sweep of protocols/ on an emulated EmStat whose link is lost for good
 * an hour and five minutes in (the instrument falls silent, then its cable is pulled). When reconnect_for runs out, the operator
 * hears of it on every configured channel within 5 s, and the alert says which step, session and bench, and that the
 * cell's state is not known.
 */
class OvernightLinkLossTest {
    /** The bound from the event (reconnect_for running out) to the alert's arrival. */
    private static final Duration DELIVERY = Duration.ofSeconds(5);
    private static final Duration RECONNECT_FOR = Duration.ofSeconds(3);
    /** The emulator counts a measurement's samples: 1 s samples, an hour into the first CA (step 2, -0.4 V). */
    private static final int SAMPLES_BEFORE_THE_LOSS = 3600;

    @TempDir
    Path temp;

    /** The shipped home with a short reconnect_for and an alerts block naming the given webhook. */
    private Path home(String webhook) throws IOException {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("config"));
        String site = Files.readString(Fixtures.HOME.resolve("config/site.yaml"));
        assertThat(site).contains("\nreconnect_for: 5 min\n");
        site = site.replace("\nreconnect_for: 5 min\n", "\nreconnect_for: " + RECONNECT_FOR.toSeconds() + " s\n");
        Files.writeString(home.resolve("config/site.yaml"), site + "\nalerts:\n  bench: night bench\n  webhooks:\n"
                + "    - {url: '" + webhook + "', name: phone}\n");
        Files.copy(Fixtures.HOME.resolve("config/logback.xml"), home.resolve("config/logback.xml"));
        copyTree(Fixtures.HOME.resolve("drivers"), home.resolve("drivers"));
        return home;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void aLinkLostForGoodInTheNightIsAlertedOnEveryChannelWithinFiveSecondsOfGivingUp() throws Exception {
        try (LocalWebhooks.Receiver webhook = new LocalWebhooks.Receiver(200)) {
            Path home = home(webhook.url("/night").toString());
            Path db = temp.resolve("night.db");
            PtyPair pty = new PtyPair(temp);
            // An instrument clock 1000 times the wall clock: the 8 h sweep would take 29 s; it is lost after ~4 s.
            Emulators.Running instrument = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(),
                    Fixtures.cellAtPh7(), new Speed(1000), Optional.of("NiNC"), 5,
                    Faults.NONE.withVanishAfter(SAMPLES_BEFORE_THE_LOSS));
            CompletableFuture<CliRunner.Result> run = CompletableFuture.supplyAsync(() -> CliRunner.norrlab("run",
                    Fixtures.HOME.resolve("protocols/norr-sweep-overnight.yaml").toString(), "--home", home.toString(),
                    "--db", db.toString(), "--instrument", "emstat4-hr", "--port", pty.host(), "--no-progress"));
            instrument.thread().join(TimeUnit.MINUTES.toMillis(2));
            assertThat(instrument.thread().isAlive()).as("the emulator fell silent").isFalse();
            instrument.close();
            // The cable is pulled too, and nothing comes back: the run can only give up.
            Instant pulled = Instant.now();
            pty.kill();
            CliRunner.Result result = run.get(2, TimeUnit.MINUTES);
            pty.close();
            System.out.println(result.out());

            List<JsonNode> alerts = new ArrayList<>();
            while (alerts.size() < 2) {
                LocalWebhooks.Request request = webhook.next();
                assertThat(request).as("alert %d on the webhook", alerts.size() + 1).isNotNull();
                JsonNode alert = new ObjectMapper().readTree(request.body());
                Duration latency = Duration.between(Instant.parse(alert.get("time").asText()), request.arrived());
                System.out.println("webhook: " + alert.get("kind").asText() + " arrived " + latency.toMillis()
                        + " ms after its event");
                assertThat(latency).as("from the event to the webhook").isLessThanOrEqualTo(DELIVERY);
                alerts.add(alert);
            }
            assertThat(alerts).extracting(a -> a.get("kind").asText()).containsExactly("link_lost", "run_finished");
            JsonNode lost = alerts.get(0);
            assertThat(Instant.parse(lost.get("time").asText())).as("sent once reconnect_for ran out, not before")
                    .isAfterOrEqualTo(pulled.plus(RECONNECT_FOR).minusMillis(1000));
            assertThat(lost.get("bench").asText()).isEqualTo("night bench");
            assertThat(lost.get("what").asText()).contains("step 2");
            assertThat(lost.get("cell_state").asText()).startsWith("unknown");

            try (SessionStore store = SessionStore.open(db)) {
                StoredSession session = store.sessions().get(0);
                assertThat(lost.get("session").asLong()).isEqualTo(session.id());
                assertThat(session.status()).isNotEqualTo(SessionStatus.COMPLETED);
                List<StoredStep> steps = store.steps(session.id());
                assertThat(steps.get(1).outcome()).contains(StepOutcome.LINK_LOST);
            }
        }
    }
}
