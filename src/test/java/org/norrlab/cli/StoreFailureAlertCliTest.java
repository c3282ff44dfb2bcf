package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.LocalWebhooks;
import org.norrlab.testing.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL store stopped in the middle of a run is alerted when it fails, before the run has wound down: the
 * store-failure alert reaches a real local webhook first, says how many samples are stored and safe (the count the
 * run itself reports committed), and then the run-finished alert follows.
 */
class StoreFailureAlertCliTest {
    @TempDir
    Path temp;

    @Test
    void aServerStoppedMidRunIsAlertedAsItFailsWithWhatIsSafelyStored() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("config"));
        for (String dir : List.of("drivers", "protocols")) {
            Files.createSymbolicLink(home.resolve(dir), Fixtures.HOME.resolve(dir));
        }
        Path protocol = temp.resolve("long.yaml");
        // 60 000 samples at 10 ms: at 100x a minute of instrument time is 6 s of wall time
        Files.writeString(protocol, "name: long\nsteps:\n  - ca: {potential: -0.5 V vs RHE, duration: 600 s,"
                + " interval: 10 ms}\n");
        try (PostgresServer pg = PostgresServer.start();
             LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200)) {
            Files.writeString(home.resolve("config/site.yaml"), Files.readString(Fixtures.HOME.resolve("config/site.yaml"))
                    .replace("data_directory: data", "data_directory: " + temp.resolve("data"))
                    + "\nalerts:\n  bench: bench 7\n  webhooks:\n    - {url: '" + receiver.url("/hook") + "', name: phone}\n");
            Thread killer = pg.onceCommitted(3000, PostgresServer::kill);
            CliRunner.Result run = CliRunner.norrlab("run", protocol.toString(), "--speed", "100", "--no-progress",
                    "--db", pg.url(), "--home", home.toString());
            killer.join();
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.FAILED);

            LocalWebhooks.Request first = receiver.next();
            LocalWebhooks.Request second = receiver.next();
            assertThat(first).as(run.out()).isNotNull();
            assertThat(second).as(run.out()).isNotNull();
            ObjectMapper json = new ObjectMapper();
            JsonNode failure = json.readTree(first.body());
            JsonNode finished = json.readTree(second.body());
            assertThat(failure.get("kind").asText()).isEqualTo("store_failure");
            assertThat(finished.get("kind").asText()).isEqualTo("run_finished");
            // told as it happened: its event is before the run's end, and it arrived within 5 s of it
            Instant failedAt = Instant.parse(failure.get("time").asText());
            assertThat(failedAt).isBefore(Instant.parse(finished.get("time").asText()));
            assertThat(Duration.between(failedAt, first.arrived())).isLessThanOrEqualTo(Duration.ofSeconds(5));

            String what = failure.get("what").asText();
            assertThat(what).startsWith("writing to the session store jdbc:postgresql://127.0.0.1:")
                    .contains(" failed: ").endsWith("are stored and safe; the run stops");
            Matcher safe = Pattern.compile("the (\\d+) samples recorded up to step 1( \\(.*?\\))? at t = [0-9.]+ s").matcher(what);
            assertThat(safe.find()).as(what).isTrue();
            Matcher committed = Pattern.compile("(\\d+) samples acquired, (\\d+) committed to the store")
                    .matcher(finished.get("what").asText());
            assertThat(committed.find()).as(finished.get("what").asText()).isTrue();
            assertThat(Long.parseLong(safe.group(1))).isGreaterThanOrEqualTo(3000)
                    .isEqualTo(Long.parseLong(committed.group(2)));
        }
    }
}
