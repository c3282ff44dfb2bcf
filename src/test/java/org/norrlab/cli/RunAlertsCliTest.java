package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.runalert.RunAlerts;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.LocalWebhooks;
import org.norrlab.testing.LogCapture;
import org.norrlab.testing.TestHomes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs send alerts: a simulated run against a real local webhook receiver delivers its run-finished alert (with the
 * FE/yield table of its simulated assays) and a forced safety breach, each within 5 s of the event; a channel whose
 * server never answers changes nothing the run stores and holds it up by at most the close wait; no log line holds
 * the URL's secret.
 */
class RunAlertsCliTest {
    private static final String SECRET = "s3cr3t-T0KEN";
    private static final Duration DELIVERY = Duration.ofSeconds(5);

    @TempDir
    Path temp;

    /** A home with the fixtures' site and drivers and an alerts block naming one webhook. */
    private Path home(String url) throws IOException {
        return TestHomes.withSite(temp.resolve("home"), site -> site + "\nalerts:\n  bench: bench 7\n  webhooks:\n"
                + "    - {url: '" + url + "', name: local}\n");
    }

    private static CliRunner.Result run(Path home, Path db, String protocol, String... more) {
        List<String> args = new ArrayList<>(List.of("run", protocol, "--home", home.toString(), "--db", db.toString(),
                "--speed", "max", "--no-progress", "--seed", "7"));
        args.addAll(List.of(more));
        return CliRunner.norrlab(args.toArray(String[]::new));
    }

    private static List<JsonNode> received(LocalWebhooks.Receiver receiver, int count) throws Exception {
        List<JsonNode> alerts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalWebhooks.Request request = receiver.next();
            assertThat(request).as("alert %d of %d", i + 1, count).isNotNull();
            JsonNode json = new ObjectMapper().readTree(request.body());
            Duration latency = Duration.between(Instant.parse(json.get("time").asText()), request.arrived());
            System.out.println("alert " + json.get("kind").asText() + " arrived " + latency.toMillis()
                    + " ms after its event");
            assertThat(latency).as("from the event to the receiver").isLessThanOrEqualTo(DELIVERY);
            alerts.add(json);
        }
        return alerts;
    }

    @Test
    void aShortSimulatedRunDeliversRunFinishedWithItsSessionBenchAndFeTable() throws Exception {
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200);
             LogCapture log = new LogCapture("org.norrlab")) {
            Path home = home(receiver.url("/hook/" + SECRET + "?token=" + SECRET).toString());
            Path db = temp.resolve("run.db");
            CliRunner.Result result = run(home, db, Fixtures.HOME.resolve("protocols/demo-sweep.yaml").toString(),
                    "--simulate-assays");
            assertThat(result.exitCode()).as(result.err()).isZero();
            int port = receiver.url("/").getPort();
            assertThat(result.out()).endsWith("Alerts on webhook local (http://127.0.0.1:" + port
                    + "/…): 1 sent, 0 failed, 0 dropped\n");

            JsonNode finished = received(receiver, 1).get(0);
            assertThat(finished.get("kind").asText()).isEqualTo("run_finished");
            assertThat(finished.get("bench").asText()).isEqualTo("bench 7");
            assertThat(finished.get("session").asLong()).isEqualTo(1);
            assertThat(finished.get("what").asText()).startsWith("completed: ");
            assertThat(finished.get("cell_state").asText()).startsWith("off (confirmed by the instrument)");
            assertThat(finished.get("text").asText()).contains("norrlab bench 7: run finished, session 1")
                    .contains("FE")
                    // the note that explains the flagged row comes with it, as below analyze's table
                    .containsPattern("\\d \\*  ").contains("\nstep 5: * FE sum = ");
            assertThat(receiver.waiting()).isZero();
            assertThat(log.lines()).noneMatch(line -> line.contains(SECRET));
            assertThat(result.out() + result.err()).doesNotContain(SECRET);
        }
    }

    @Test
    void aSafetyBreachIsDeliveredBeforeTheRunFinishedAlert() throws Exception {
        Path protocol = temp.resolve("limited.yaml");
        Files.writeString(protocol, "name: limited\nsafety: {max_current: 1 mA}\nsteps:\n"
                + "  - ca: {potential: -0.5 V vs RHE, duration: 20 s, interval: 100 ms}\n");
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200);
             LogCapture log = new LogCapture("org.norrlab")) {
            Path home = home(receiver.url("/hook?token=" + SECRET).toString());
            CliRunner.Result result = run(home, temp.resolve("breach.db"), protocol.toString());
            assertThat(result.out()).contains("Alerts on webhook local (http://127.0.0.1:")
                    .contains(": 2 sent, 0 failed, 0 dropped");

            List<JsonNode> alerts = received(receiver, 2);
            assertThat(alerts).extracting(a -> a.get("kind").asText()).containsExactly("safety_breach", "run_finished");
            JsonNode breach = alerts.get(0);
            assertThat(breach.get("bench").asText()).isEqualTo("bench 7");
            assertThat(breach.get("session").asLong()).isEqualTo(1);
            assertThat(breach.get("what").asText()).startsWith("step 1").contains("safety envelope");
            assertThat(breach.get("cell_state").asText()).startsWith("not ");
            assertThat(log.lines()).noneMatch(line -> line.contains(SECRET));
        }
    }

    @Test
    void aServerThatNeverAnswersChangesNothingStoredAndHoldsTheRunUpByAtMostTheCloseWait() throws Exception {
        String protocol = Fixtures.HOME.resolve("protocols/demo-sweep.yaml").toString();
        long plainStart = System.nanoTime();
        CliRunner.Result plain = CliRunner.norrlab("run", protocol, "--home", Fixtures.HOME.toString(), "--db",
                temp.resolve("plain.db").toString(), "--speed", "max", "--no-progress", "--seed", "7");
        Duration plainTime = Duration.ofNanos(System.nanoTime() - plainStart);
        assertThat(plain.exitCode()).as(plain.err()).isZero();

        try (LocalWebhooks.Silent silent = new LocalWebhooks.Silent()) {
            Path home = home(silent.url("/hook?token=" + SECRET).toString());
            Path db = temp.resolve("silent.db");
            long start = System.nanoTime();
            CliRunner.Result result = run(home, db, protocol);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(silent.connected()).isTrue();
            // the close wait (5 s) on top of the plain run, with a generous margin for a busy machine
            assertThat(took).isLessThan(plainTime.plus(RunAlerts.CLOSE_WAIT).plusSeconds(30));
            assertThat(result.out()).contains("Alerts on webhook local (http://127.0.0.1:").contains(": 0 sent, 1 failed, 0 dropped\n");
            try (SessionStore withAlerts = SessionStore.open(db);
                 SessionStore without = SessionStore.open(temp.resolve("plain.db"))) {
                assertThat(withAlerts.sampleCount(1)).isPositive().isEqualTo(without.sampleCount(1));
            }
            assertThat(result.out() + result.err()).doesNotContain(SECRET);
        }
    }

    @Test
    void eachBenchOfALabSendsItsOwnAlertsNamedByItsBench() throws Exception {
        Path protocol = temp.resolve("short.yaml");
        Files.writeString(protocol, "name: short\nsteps:\n  - ca: {potential: -0.5 V vs RHE, duration: 3 s, interval: 100 ms}\n");
        Path lab = temp.resolve("lab.yaml");
        Files.writeString(lab, "benches:\n  - {name: H1, protocol: " + protocol + ", speed: 300}\n");
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200)) {
            Path home = home(receiver.url("/hook?token=" + SECRET).toString());
            CliRunner.Result result = CliRunner.norrlab("run", "--lab", lab.toString(), "--home", home.toString(),
                    "--db", temp.resolve("lab.db").toString(), "--no-progress");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains(": 1 sent, 0 failed, 0 dropped");
            JsonNode finished = received(receiver, 1).get(0);
            assertThat(finished.get("kind").asText()).isEqualTo("run_finished");
            assertThat(finished.get("bench").asText()).isEqualTo("bench 7 (H1)");
            assertThat(finished.get("session").asLong()).isEqualTo(1);
        }
    }
}
