package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.store.AlertDeliveryStore;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.LocalWebhooks;
import org.norrlab.testing.NorrlabProcess;
import org.norrlab.testing.StoredSamples;
import org.norrlab.testing.TestHomes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What became of a run's alerts is recorded with its session and shown: a run with one webhook that answers and one
 * whose port refuses stores "1 sent, 1 failed" (read back from the SQLite file), {@code sessions} prints it in its
 * alerts column and {@code show} lists the failure with channel, kind, time and reason, never the URL's secret. A run
 * interrupted by SIGINT in a real child process gets its run-finished alert (aborted, cell confirmed off) out before
 * the JVM exits, and records it.
 */
class AlertOutcomesCliTest {
    private static final String SECRET = "s3cr3t-T0KEN";

    @TempDir
    Path temp;

    /** The fixtures' home with an alerts block of these webhooks ({url, name} each). */
    private Path home(String webhooks) throws IOException {
        return TestHomes.withSite(temp.resolve("home"),
                site -> site + "\nalerts:\n  bench: bench 7\n  webhooks:\n" + webhooks);
    }

    @Test
    void aFailedChannelIsCountedInTheStoreAndShownBySessionsAndShow() throws Exception {
        Path protocol = temp.resolve("short.yaml");
        Files.writeString(protocol, "name: short\nsteps:\n  - ca: {potential: -0.5 V vs RHE, duration: 3 s, interval: 100 ms}\n");
        int refusing = LocalWebhooks.refusingPort();
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200)) {
            Path home = home("    - {url: '" + receiver.url("/hook/" + SECRET) + "', name: good}\n"
                    + "    - {url: 'http://127.0.0.1:" + refusing + "/hook/" + SECRET + "', name: down}\n");
            Path db = temp.resolve("outcomes.db");
            CliRunner.Result run = CliRunner.norrlab("run", protocol.toString(), "--home", home.toString(), "--db",
                    db.toString(), "--speed", "max", "--no-progress", "--seed", "7");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Alerts on webhook good (http://127.0.0.1:").contains(": 1 sent, 0 failed, 0 dropped")
                    .contains("Alerts on webhook down (http://127.0.0.1:" + refusing + "/…): 0 sent, 1 failed, 0 dropped");
            assertThat(receiver.next()).isNotNull();

            try (SessionStore store = SessionStore.open(db)) {
                assertThat(store.alertDeliveries().tallies()).containsExactly(
                        java.util.Map.entry(1L, new AlertDeliveryStore.Tally(1, 1, 0)));
                List<AlertDeliveryStore.Delivery> rows = store.alertDeliveries().deliveries(1);
                assertThat(rows).extracting(AlertDeliveryStore.Delivery::outcome)
                        .containsExactlyInAnyOrder(AlertDeliveryStore.Outcome.SENT, AlertDeliveryStore.Outcome.FAILED);
                AlertDeliveryStore.Delivery failed = rows.stream()
                        .filter(d -> d.outcome() == AlertDeliveryStore.Outcome.FAILED).findFirst().orElseThrow();
                assertThat(failed.channel()).isEqualTo("webhook down (http://127.0.0.1:" + refusing + "/…)");
                assertThat(failed.kind()).isEqualTo("run finished");
                assertThat(failed.attempts()).isPositive();
                assertThat(failed.reason()).isNotBlank().doesNotContain(SECRET);
                AlertDeliveryStore.Delivery sent = rows.stream()
                        .filter(d -> d.outcome() == AlertDeliveryStore.Outcome.SENT).findFirst().orElseThrow();
                assertThat(sent.attempts()).isEqualTo(1);
                assertThat(sent.reason()).isEmpty();
                assertThat(sent.event()).isEqualTo(failed.event());
            }

            CliRunner.Result sessions = CliRunner.norrlab("sessions", "--home", home.toString(), "--db", db.toString());
            assertThat(sessions.exitCode()).as(sessions.err()).isZero();
            String header = sessions.out().lines().findFirst().orElseThrow();
            assertThat(header).endsWith("alerts");
            String row = sessions.out().lines().filter(l -> l.trim().startsWith("1 ")).findFirst().orElseThrow();
            assertThat(row).endsWith("1 sent, 1 failed");

            CliRunner.Result show = CliRunner.norrlab("show", "1", "--home", home.toString(), "--db", db.toString());
            assertThat(show.exitCode()).as(show.err()).isZero();
            List<String> lines = show.out().lines().toList();
            int at = lines.indexOf("Alerts: 1 sent, 1 failed");
            assertThat(at).as(show.out()).isPositive();
            assertThat(lines.get(at + 1)).startsWith("  run finished on webhook down (http://127.0.0.1:" + refusing
                    + "/…), event at 20").contains(": failed after ").contains(" attempt");
            assertThat(lines).hasSize(at + 2);
            assertThat(run.out() + run.err() + sessions.out() + show.out()).doesNotContain(SECRET);
        }
    }

    @Test
    void anAlertSentOnItsSecondTryAfterTheRunEndedIsRecordedWithItsTries() throws Exception {
        Path protocol = temp.resolve("short.yaml");
        Files.writeString(protocol, "name: short\nsteps:\n  - ca: {potential: -0.5 V vs RHE, duration: 3 s, interval: 100 ms}\n");
        // 503 to the first try, 200 to the second (1 s later, within the run's close wait)
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(503, 200)) {
            Path home = home("    - {url: '" + receiver.url("/hook") + "', name: busy}\n");
            Path db = temp.resolve("retry.db");
            CliRunner.Result run = CliRunner.norrlab("run", protocol.toString(), "--home", home.toString(), "--db",
                    db.toString(), "--speed", "max", "--no-progress", "--seed", "7");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains(": 1 sent, 0 failed, 0 dropped");
            assertThat(receiver.next()).isNotNull();
            assertThat(receiver.next()).isNotNull();
            try (SessionStore store = SessionStore.open(db)) {
                List<AlertDeliveryStore.Delivery> rows = store.alertDeliveries().deliveries(1);
                assertThat(rows).singleElement().satisfies(d -> {
                    assertThat(d.outcome()).isEqualTo(AlertDeliveryStore.Outcome.SENT);
                    assertThat(d.attempts()).isEqualTo(2);
                    assertThat(d.kind()).isEqualTo("run finished");
                    assertThat(d.settled()).isAfter(d.event());
                });
            }
        }
    }

    @Test
    void sigintSendsTheAbortedRunsFinalAlertBeforeTheJvmExitsAndRecordsIt() throws Exception {
        Path protocol = temp.resolve("long.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 2 h, interval: 100 ms}\n");
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200)) {
            Path home = home("    - {url: '" + receiver.url("/hook?token=" + SECRET) + "', name: phone}\n");
            Path db = temp.resolve("sigint.db");
            Process process = NorrlabProcess.start(temp, List.of(), "run", protocol.toString(), "--home", home.toString(),
                    "--db", db.toString(), "--no-progress", "--speed", "300");
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StoredSamples.await(db, 500, process, Duration.ofSeconds(60));
            NorrlabProcess.signal(process, "INT");
            assertThat(process.waitFor(40, TimeUnit.SECONDS)).isTrue();
            String printed = String.join("\n", output.lines().toList());
            assertThat(process.exitValue()).as(printed).isEqualTo(130);

            // The receiver has it: the hook held the JVM until the alert was accepted.
            LocalWebhooks.Request request = receiver.next();
            assertThat(request).as(printed).isNotNull();
            JsonNode alert = new ObjectMapper().readTree(request.body());
            assertThat(alert.get("kind").asText()).isEqualTo("run_finished");
            assertThat(alert.get("session").asLong()).isEqualTo(1);
            assertThat(alert.get("what").asText()).startsWith("aborted: operator interrupt");
            assertThat(alert.get("cell_state").asText()).startsWith("off (confirmed by the instrument)");
            assertThat(printed).doesNotContain(SECRET);

            try (SessionStore store = SessionStore.open(db)) {
                assertThat(store.session(1).orElseThrow().status()).isEqualTo(SessionStatus.ABORTED);
                assertThat(store.alertDeliveries().tallies().get(1L)).as(printed).isEqualTo(new AlertDeliveryStore.Tally(1, 0, 0));
            }
        }
    }

    @Test
    void eachBenchOfALabRecordsItsOwnAlertWithItsOwnSession() throws Exception {
        Path protocol = temp.resolve("short.yaml");
        Files.writeString(protocol, "name: short\nsteps:\n  - ca: {potential: -0.5 V vs RHE, duration: 3 s, interval: 100 ms}\n");
        Path lab = temp.resolve("lab.yaml");
        Files.writeString(lab, "benches:\n  - {name: H1, protocol: " + protocol + ", speed: 300}\n"
                + "  - {name: H2, protocol: " + protocol + ", speed: 300}\n");
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200)) {
            Path home = home("    - {url: '" + receiver.url("/hook") + "', name: phone}\n");
            Path db = temp.resolve("lab.db");
            CliRunner.Result result = CliRunner.norrlab("run", "--lab", lab.toString(), "--home", home.toString(),
                    "--db", db.toString(), "--no-progress");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out().lines().filter(l -> l.endsWith(": 1 sent, 0 failed, 0 dropped"))).hasSize(2);
            try (SessionStore store = SessionStore.open(db)) {
                assertThat(store.alertDeliveries().tallies()).containsOnlyKeys(1L, 2L)
                        .containsValues(new AlertDeliveryStore.Tally(1, 0, 0));
            }
        }
    }
}
