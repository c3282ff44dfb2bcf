package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.StepOutcome;
import org.norrlab.driver.Speed;
import org.norrlab.emulator.Emulators;
import org.norrlab.emulator.Faults;
import org.norrlab.store.AlertDeliveryStore;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.LocalSmtp;
import org.norrlab.testing.LocalWebhooks;
import org.norrlab.testing.Mosquitto;
import org.norrlab.testing.PtyPair;
import org.norrlab.testing.TestHomes;
import org.norrlab.status.AccessToken;
import org.norrlab.status.ServeSettings;
import org.norrlab.status.StatusServer;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end case: the overnight sweep of protocols/ on an emulated EmStat whose link is lost for good an
 * hour into its first CA (the instrument falls silent, then its cable is pulled). When reconnect_for runs out, the
 * operator hears of it on every kind of channel, each a real local server (a webhook receiver, an SMTP server with
 * STARTTLS and a login, a Mosquitto broker with a password), within 5 s; each alert names the step, session and bench
 * and says the cell's state is not known; and the status page, serving the same store, shows the lost link.
 */
class OvernightLinkLossTest {
    /** The bound from the event (reconnect_for running out) to the alert's arrival. */
    private static final Duration DELIVERY = Duration.ofSeconds(5);
    private static final Duration RECONNECT_FOR = Duration.ofSeconds(3);
    /** The emulator counts a measurement's samples: 1 s samples, an hour into the first CA (step 2, -0.4 V). */
    private static final int SAMPLES_BEFORE_THE_LOSS = 3600;
    private static final String LOGIN = "nightbench";
    private static final String PASSWORD = "NIGHT-PASSWORD-42";
    private static final String TOPIC = "lab/night/alerts";

    @TempDir
    Path temp;

    /** The shipped home with a short reconnect_for and an alerts block naming one channel of each kind. */
    private Path home(String webhook, LocalSmtp smtp, LocalSmtp.Key key, Mosquitto broker) throws Exception {
        Path home = temp.resolve("home");
        Path config = Files.createDirectories(home.resolve("config"));
        TestHomes.writePrivate(config.resolve("alert-password"), PASSWORD + "\n");
        Files.copy(key.certificatePem(), config.resolve("lab-ca.pem"));
        String shipped = Files.readString(Fixtures.HOME.resolve("config/site.yaml"));
        assertThat(shipped).contains("\nreconnect_for: 5 min\n");
        TestHomes.withSite(home, site -> site.replace("\nreconnect_for: 5 min\n",
                "\nreconnect_for: " + RECONNECT_FOR.toSeconds() + " s\n") + "\nalerts:\n  bench: night bench\n"
                + "  webhooks:\n    - {url: '" + webhook + "', name: phone}\n"
                + "  email:\n    - host: 127.0.0.1\n      port: " + smtp.port() + "\n"
                + "      from: norrlab@night.lab.example\n      to: [nightwatch@lab.example]\n"
                + "      username: " + LOGIN + "\n      password_file: alert-password\n"
                + "      trust: lab-ca.pem\n      name: lab mail\n"
                + "  mqtt:\n    - url: " + broker.url() + "\n      topic: " + TOPIC + "\n"
                + "      username: " + LOGIN + "\n      password_file: alert-password\n      name: broker\n");
        return home;
    }

    /** One alert as a channel delivered it: its JSON (or the e-mail's text) and when it arrived. */
    private record Arrival(String kind, Instant eventTime, Instant arrived, String text, JsonNode json) {
    }

    @Test
    void aLinkLostForGoodInTheNightIsAlertedOnEveryChannelWithinFiveSecondsAndShownOnTheStatusPage() throws Exception {
        LocalSmtp.Key key = LocalSmtp.makeKey(Files.createDirectories(temp.resolve("key")));
        try (LocalWebhooks.Receiver webhook = new LocalWebhooks.Receiver(200);
             LocalSmtp smtp = new LocalSmtp(LocalSmtp.Mode.STARTTLS, key, LOGIN, PASSWORD);
             Mosquitto broker = Mosquitto.start(LOGIN, PASSWORD)) {
            BlockingQueue<Arrival> mqtt = subscribe(broker);
            Path home = home(webhook.url("/night").toString(), smtp, key, broker);
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
            assertThat(result.out()).contains("link lost: the link stayed lost for");

            List<Arrival> byWebhook = new ArrayList<>();
            List<Arrival> byMail = new ArrayList<>();
            List<Arrival> byBroker = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                LocalWebhooks.Request request = webhook.next();
                assertThat(request).as("alert %d on the webhook", i + 1).isNotNull();
                JsonNode json = new ObjectMapper().readTree(request.body());
                byWebhook.add(new Arrival(json.get("kind").asText(), Instant.parse(json.get("time").asText()),
                        request.arrived(), json.get("text").asText(), json));
                LocalSmtp.Mail mail = smtp.next();
                assertThat(mail).as("alert %d by e-mail", i + 1).isNotNull();
                assertThat(mail.tls()).as("sent after STARTTLS").isTrue();
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(mail.data().getBytes(StandardCharsets.UTF_8)));
                String text = ((String) message.getContent()).replace("\r\n", "\n");
                byMail.add(new Arrival(message.getSubject(), null, mail.arrived(), text, null));
                Arrival published = mqtt.poll(20, TimeUnit.SECONDS);
                assertThat(published).as("alert %d on MQTT", i + 1).isNotNull();
                byBroker.add(published);
            }
            assertThat(byWebhook).extracting(Arrival::kind).containsExactly("link_lost", "run_finished");
            assertThat(byBroker).extracting(Arrival::kind).containsExactly("link_lost", "run_finished");
            JsonNode lost = byWebhook.get(0).json();
            assertThat(byBroker.get(0).json()).as("the MQTT payload is the webhook's JSON").isEqualTo(lost);
            Instant event = Instant.parse(lost.get("time").asText());
            assertThat(event).as("sent once reconnect_for ran out, not before")
                    .isAfterOrEqualTo(pulled.plus(RECONNECT_FOR).minusMillis(1000));
            assertThat(lost.get("bench").asText()).isEqualTo("night bench");
            assertThat(lost.get("what").asText()).contains("step 2");
            assertThat(lost.get("cell_state").asText()).startsWith("unknown");
            // The e-mail: the same alert, subject its first line, body its whole text.
            assertThat(byMail.get(0).text()).isEqualTo(lost.get("text").asText());
            assertThat(byMail.get(0).kind()).isEqualTo(lost.get("text").asText().lines().findFirst().orElseThrow());
            assertThat(byMail.get(1).text()).isEqualTo(byWebhook.get(1).text());

            for (int i = 0; i < 2; i++) {
                Instant time = byWebhook.get(i).eventTime();
                report("webhook", byWebhook.get(i).kind(), time, byWebhook.get(i).arrived());
                report("e-mail", byWebhook.get(i).kind(), time, byMail.get(i).arrived());
                report("MQTT", byWebhook.get(i).kind(), time, byBroker.get(i).arrived());
                for (Instant arrived : List.of(byWebhook.get(i).arrived(), byMail.get(i).arrived(),
                        byBroker.get(i).arrived())) {
                    assertThat(Duration.between(time, arrived)).as("from the event to the channel")
                            .isLessThanOrEqualTo(DELIVERY);
                }
            }
            assertThat(result.out()).contains("Alerts on webhook phone (").contains("Alerts on email lab mail (")
                    .contains("Alerts on mqtt broker (").doesNotContain(PASSWORD).doesNotContain(LOGIN);

            long id;
            try (SessionStore store = SessionStore.open(db)) {
                StoredSession session = store.sessions().get(0);
                id = session.id();
                assertThat(lost.get("session").asLong()).isEqualTo(id);
                assertThat(session.status()).isNotEqualTo(SessionStatus.COMPLETED);
                List<StoredStep> steps = store.steps(id);
                assertThat(steps.get(1).outcome()).contains(StepOutcome.LINK_LOST);
                assertThat(store.alertDeliveries().tallies().get(id)).as("2 alerts on 3 channels, recorded")
                        .isEqualTo(new AlertDeliveryStore.Tally(6, 0, 0));
            }
            String page = statusPage(db, id);
            assertThat(page).contains("link lost").contains(String.valueOf(id)).doesNotContain(PASSWORD);
        }
    }

    private static void report(String channel, String kind, Instant event, Instant arrived) {
        System.out.println(channel + ": " + kind + " arrived " + Duration.between(event, arrived).toMillis()
                + " ms after its event");
    }

    /** Every alert published on the topic, with when it arrived. */
    private static BlockingQueue<Arrival> subscribe(Mosquitto broker) throws Exception {
        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        MqttClient subscriber = new MqttClient(broker.url(), "night-test-subscriber", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(LOGIN);
        options.setPassword(PASSWORD.toCharArray());
        subscriber.connect(options);
        subscriber.subscribe(TOPIC, 1, (topic, message) -> {
            Instant arrived = Instant.now();
            JsonNode json = new ObjectMapper().readTree(message.getPayload());
            arrivals.add(new Arrival(json.get("kind").asText(), Instant.parse(json.get("time").asText()), arrived,
                    json.get("text").asText(), json));
        });
        return arrivals;
    }

    /** The session's page data as the status page serves it, with the token, over loopback HTTP. */
    private String statusPage(Path db, long id) throws Exception {
        AccessToken token = AccessToken.loadOrCreate(temp.resolve("serve-token"));
        ServeSettings settings = new ServeSettings("127.0.0.1", 0, List.of(), Optional.empty(),
                temp.resolve("serve-token"), 8192, 600, 4);
        try (SessionStore store = SessionStore.open(db);
             StatusServer server = StatusServer.start(settings, store, token, false)) {
            HttpClient client = HttpClient.newHttpClient();
            StringBuilder pages = new StringBuilder();
            for (String path : List.of("/api/sessions", "/api/sessions/" + id)) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Authorization", "Bearer " + token.reveal()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                pages.append(response.body()).append('\n');
            }
            return pages.toString();
        }
    }
}
