package org.norrlab.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.norrlab.testing.LocalWebhooks;
import org.norrlab.testing.LogCapture;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The dispatcher against real local servers and a channel held shut by the test: what reaches whom, in which order,
 * and what the log says. Waits are generous bounds on events, never measures of speed.
 */
class AlertDispatcherTest {
    private static final Duration LONG = Duration.ofSeconds(20);
    private static final Retry QUICK = new Retry(5, Duration.ofMillis(10), Duration.ofMillis(40));

    /** A channel that reports each alert as it starts sending and then waits until the test opens the gate. */
    private static final class GateChannel implements AlertChannel {
        final BlockingQueue<String> started = new LinkedBlockingQueue<>();
        final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public String name() {
            return "gate";
        }

        @Override
        public void send(Alert alert) throws IOException {
            started.add(alert.what());
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }

        String nextStarted() throws InterruptedException {
            return started.poll(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServerThatNeverAnswersDoesNotDelayTheOtherChannel() throws Exception {
        AlertDispatcher dispatcher;
        try (LocalWebhooks.Silent silent = new LocalWebhooks.Silent();
             LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(200)) {
            // The hung channel waits a minute for its answer: far longer than this test may take.
            WebhookChannel hung = Alerts.webhook("hung", silent.url("/"), Duration.ofSeconds(60));
            WebhookChannel good = Alerts.webhook("good", receiver.url("/"), Duration.ofSeconds(10));
            dispatcher = new AlertDispatcher(List.of(hung, good), 10, QUICK);
            try {
                dispatcher.submit(Alerts.alert("first"));
                assertThat(silent.connected()).as("the hung channel has its connection").isTrue();
                dispatcher.submit(Alerts.alert("second"));
                ObjectMapper json = new ObjectMapper();
                assertThat(json.readTree(receiver.next().body()).get("what").asText()).isEqualTo("first");
                assertThat(json.readTree(receiver.next().body()).get("what").asText()).isEqualTo("second");
                // Both went out while the hung channel was still waiting for its first answer (the receiver keeps a
                // request before it answers: the count follows the answer).
                await(() -> dispatcher.counts().get(1).sent() >= 2);
                assertThat(dispatcher.counts()).containsExactly(
                        new AlertDispatcher.Counts(hung.name(), 0, 0, 0),
                        new AlertDispatcher.Counts(good.name(), 2, 0, 0));
            } finally {
                assertThat(dispatcher.close(Duration.ofMillis(200))).as("the hung channel is still busy").isFalse();
            }
        }
        // Its server gone, the interrupted channel ends: waited for here, so that its last line ("closed before its
        // turn") is not logged while the next test captures the dispatcher's log (it once was, in CI).
        assertThat(dispatcher.close(LONG)).as("the hung channel has ended").isTrue();
    }

    @Test
    void submitNeverWaitsForAChannel() {
        GateChannel gate = new GateChannel();
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(gate), 3, QUICK);
        try {
            // With the channel shut, a submit that waited for it would never return.
            assertTimeoutPreemptively(LONG, () -> {
                for (int i = 0; i < 1000; i++) {
                    dispatcher.submit(Alerts.alert("alert " + i));
                }
            });
        } finally {
            gate.gate.countDown();
            dispatcher.close(LONG);
        }
        AlertDispatcher.Counts counts = dispatcher.counts().get(0);
        assertThat(counts.sent() + counts.dropped()).isEqualTo(1000);
        assertThat(counts.sent()).isBetween(1L, 4L);
    }

    @Test
    void aFullQueueDropsTheOldestAndSaysSo() throws Exception {
        GateChannel gate = new GateChannel();
        try (LogCapture log = new LogCapture(AlertDispatcher.class.getName())) {
            AlertDispatcher dispatcher = new AlertDispatcher(List.of(gate), 2, QUICK);
            dispatcher.submit(Alerts.alert("A"));
            assertThat(gate.nextStarted()).isEqualTo("A");
            dispatcher.submit(Alerts.alert("B"));
            dispatcher.submit(Alerts.alert("C"));
            dispatcher.submit(Alerts.alert("D"));
            assertThat(dispatcher.counts().get(0).dropped()).isEqualTo(1);
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("Alert channel gate has 2 alerts waiting (it is not delivering); dropped the oldest:"
                            + " step failed on bench 2, session 42 (B)"));
            gate.gate.countDown();
            assertThat(gate.nextStarted()).isEqualTo("C");
            assertThat(gate.nextStarted()).isEqualTo("D");
            assertThat(dispatcher.close(LONG)).isTrue();
            assertThat(gate.started).isEmpty();
            assertThat(dispatcher.counts()).containsExactly(new AlertDispatcher.Counts("gate", 3, 0, 1));
        }
    }

    @Test
    void twoErrorsThenSuccessIsOneAlertSentAfterTwoLoggedRetries() throws Exception {
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(500, 500, 200);
             LogCapture log = new LogCapture(AlertDispatcher.class.getName())) {
            WebhookChannel channel = Alerts.webhook("flaky", receiver.url("/"), Duration.ofSeconds(10));
            AlertDispatcher dispatcher = new AlertDispatcher(List.of(channel), 10, QUICK);
            dispatcher.submit(Alerts.alert("retried"));
            for (int i = 0; i < 3; i++) {
                assertThat(new ObjectMapper().readTree(receiver.next().body()).get("what").asText()).isEqualTo("retried");
            }
            assertThat(dispatcher.close(LONG)).isTrue();
            assertThat(receiver.waiting()).isZero();
            assertThat(dispatcher.counts()).containsExactly(new AlertDispatcher.Counts(channel.name(), 1, 0, 0));
            String prefix = "WARN [alert " + channel.name() + "] Alert channel " + channel.name();
            assertThat(log.lines()).containsExactly(
                    prefix + " attempt 1 of 5 failed: HTTP 500 from " + receiver.url("/") + "; trying again in 10 ms",
                    prefix + " attempt 2 of 5 failed: HTTP 500 from " + receiver.url("/") + "; trying again in 20 ms");
        }
    }

    @Test
    void anAlertIsGivenUpAfterItsLastAttemptAndLoggedAsAnError() throws Exception {
        try (LocalWebhooks.Receiver receiver = new LocalWebhooks.Receiver(503);
             LogCapture log = new LogCapture(AlertDispatcher.class.getName())) {
            WebhookChannel channel = Alerts.webhook("down", receiver.url("/"), Duration.ofSeconds(10));
            AlertDispatcher dispatcher = new AlertDispatcher(List.of(channel), 10,
                    new Retry(3, Duration.ofMillis(10), Duration.ofMillis(10)));
            dispatcher.submit(Alerts.alert("lost"));
            assertThat(dispatcher.close(LONG)).isTrue();
            assertThat(dispatcher.counts()).containsExactly(new AlertDispatcher.Counts(channel.name(), 0, 1, 0));
            assertThat(log.lines()).hasSize(3).last().asString().isEqualTo("ERROR [alert " + channel.name()
                    + "] Alert not delivered on " + channel.name() + " after 3 attempts: HTTP 503 from "
                    + receiver.url("/") + ". Lost: step failed on bench 2, session 42 (lost)");
        }
    }

    @Test
    void noSecretOfAUrlAppearsInAnyLogLine() throws Exception {
        int refusing = LocalWebhooks.refusingPort();
        try (LocalWebhooks.Receiver erring = new LocalWebhooks.Receiver(500);
             LocalWebhooks.Silent silent = new LocalWebhooks.Silent();
             LogCapture log = new LogCapture("org.norrlab")) {
            List<AlertChannel> channels = List.of(
                    Alerts.webhook("erring", erring.url("/hooks/PATHSECRET?token=QUERYSECRET"), Duration.ofSeconds(10)),
                    Alerts.webhook("refusing", URI.create("http://user:PASSSECRET@127.0.0.1:" + refusing
                            + "/PATHSECRET?token=QUERYSECRET#FRAGSECRET"), Duration.ofSeconds(10)),
                    Alerts.webhook("silent", silent.url("/PATHSECRET?token=QUERYSECRET"), Duration.ofMillis(200)));
            AlertDispatcher dispatcher = new AlertDispatcher(channels, 1,
                    new Retry(2, Duration.ofMillis(10), Duration.ofMillis(10)));
            for (int i = 0; i < 3; i++) {
                dispatcher.submit(Alerts.alert("alert " + i));
            }
            assertThat(dispatcher.close(LONG)).isTrue();
            List<String> lines = log.lines();
            // Each channel dropped one alert (queue of 1) or failed each: the log has something from each of them.
            assertThat(lines).anyMatch(l -> l.contains("erring")).anyMatch(l -> l.contains("refusing"))
                    .anyMatch(l -> l.contains("silent")).anyMatch(l -> l.contains("refused"))
                    .anyMatch(l -> l.contains("no answer"));
            assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("SECRET").doesNotContain("user"));
            assertThat(dispatcher.counts()).allSatisfy(c -> assertThat(c.failed() + c.dropped() + c.sent()).isEqualTo(3));
        }
    }

    @Test
    void closeGivesUpOnAChannelStillBusyAndCountsWhatItLost() throws Exception {
        GateChannel gate = new GateChannel();
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(gate), 10, QUICK);
        dispatcher.submit(Alerts.alert("stuck"));
        assertThat(gate.nextStarted()).isEqualTo("stuck");
        dispatcher.submit(Alerts.alert("behind"));
        assertThat(dispatcher.close(Duration.ofMillis(100))).isFalse();
        dispatcher.submit(Alerts.alert("too late"));
        // The interrupted send fails; its retries stop at once and the one behind it is counted lost too.
        await(() -> dispatcher.counts().get(0).failed() >= 2);
        assertThat(dispatcher.counts()).containsExactly(new AlertDispatcher.Counts("gate", 0, 2, 1));
    }

    /** Waits (20 s at most, then fails) until the condition holds. */
    private static void await(java.util.function.BooleanSupplier condition) {
        assertTimeoutPreemptively(LONG, () -> {
            while (!condition.getAsBoolean()) {
                Thread.sleep(10);
            }
        });
    }

    @Test
    void theWaitBetweenTriesDoublesUpToItsCap() {
        Retry retry = new Retry(10, Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(List.of(retry.after(1), retry.after(2), retry.after(3), retry.after(4), retry.after(9)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}
