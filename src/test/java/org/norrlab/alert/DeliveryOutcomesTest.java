package org.norrlab.alert;

import org.junit.jupiter.api.Test;
import org.norrlab.testing.LogCapture;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher tells its listener what became of each alert on each channel (sent after n tries, failed after every
 * try with the last reason and no URL secret, dropped when the queue overflows), and several dispatchers closed
 * together share one wait.
 */
class DeliveryOutcomesTest {
    private static final Retry QUICK = new Retry(3, Duration.ofMillis(5), Duration.ofMillis(10));

    private static Alert alert(String what) {
        return new Alert(Alert.Kind.STEP_FAILED, "bench 7", Optional.of(3L), what, "off", Instant.parse("2026-12-04T02:00:00Z"),
                Optional.empty());
    }

    /** Fails the first {@code failures} tries of every alert with a message quoting a secret URL. */
    private static AlertChannel flaky(String name, int failures) {
        return new AlertChannel() {
            private int tries;

            @Override
            public String name() {
                return name;
            }

            @Override
            public synchronized void send(Alert alert) throws IOException {
                if (tries++ < failures) {
                    throw new IOException("status 503 from https://hooks.example.org/services/T0/B0/s3cr3t");
                }
            }
        };
    }

    @Test
    void eachOutcomeIsToldWithItsTriesAndARedactedReason() throws Exception {
        BlockingQueue<AlertDispatcher.Delivery> told = new LinkedBlockingQueue<>();
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(flaky("late", 2), flaky("dead", 99)), 10, QUICK, told::add);
        try (LogCapture log = new LogCapture("org.norrlab.alert")) {
            dispatcher.submit(alert("one"));
            assertThat(dispatcher.close(Duration.ofSeconds(20))).isTrue();
            // The log cuts the URL as the outcome does: 2 warnings on each channel, the last failure an error.
            assertThat(log.lines()).filteredOn(line -> line.contains("hooks.example.org")).hasSize(5)
                    .allMatch(line -> line.contains("https://hooks.example.org/…"))
                    .noneMatch(line -> line.contains("s3cr3t"));
        }
        List<AlertDispatcher.Delivery> all = new ArrayList<>(told);
        assertThat(all).hasSize(2);
        AlertDispatcher.Delivery late = all.stream().filter(d -> d.channel().equals("late")).findFirst().orElseThrow();
        assertThat(late.result()).isEqualTo(AlertDispatcher.Result.SENT);
        assertThat(late.attempts()).isEqualTo(3);
        assertThat(late.reason()).isEmpty();
        AlertDispatcher.Delivery dead = all.stream().filter(d -> d.channel().equals("dead")).findFirst().orElseThrow();
        assertThat(dead.result()).isEqualTo(AlertDispatcher.Result.FAILED);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.reason()).isEqualTo("status 503 from https://hooks.example.org/…");
        assertThat(dead.alert().what()).isEqualTo("one");
        assertThat(dispatcher.counts()).containsExactly(new AlertDispatcher.Counts("late", 1, 0, 0),
                new AlertDispatcher.Counts("dead", 0, 1, 0));
    }

    @Test
    void anOverflowingQueueTellsTheDroppedAlertOnTheSubmittersThread() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        AlertChannel held = new AlertChannel() {
            @Override
            public String name() {
                return "held";
            }

            @Override
            public void send(Alert alert) throws IOException {
                busy.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        };
        List<AlertDispatcher.Delivery> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        AlertDispatcher dispatcher = new AlertDispatcher(List.of(held), 1, QUICK, told::add);
        dispatcher.submit(alert("first"));
        assertThat(busy.await(20, TimeUnit.SECONDS)).isTrue();   // "first" is being sent; the queue is empty
        dispatcher.submit(alert("second"));
        dispatcher.submit(alert("third"));                       // the queue holds one: "second" is dropped now
        assertThat(told).singleElement().satisfies(d -> {
            assertThat(d.result()).isEqualTo(AlertDispatcher.Result.DROPPED);
            assertThat(d.alert().what()).isEqualTo("second");
            assertThat(d.attempts()).isZero();
            assertThat(d.reason()).isEqualTo("1 alerts were waiting on this channel (it was not delivering)");
        });
        gate.countDown();
        assertThat(dispatcher.close(Duration.ofSeconds(20))).isTrue();
        assertThat(told).extracting(d -> d.alert().what() + " " + d.result())
                .containsExactly("second DROPPED", "first SENT", "third SENT");
    }

    @Test
    void tenDispatchersWhoseChannelsHangAreClosedInOneWaitNotTen() {
        List<AlertDispatcher> benches = new ArrayList<>();
        AlertChannel hangs = new AlertChannel() {
            @Override
            public String name() {
                return "hangs";
            }

            @Override
            public void send(Alert alert) throws IOException {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    throw new IOException("interrupted");
                }
            }
        };
        for (int i = 0; i < 10; i++) {
            AlertDispatcher d = new AlertDispatcher(List.of(hangs), 10, QUICK);
            d.submit(alert("bench " + i));
            benches.add(d);
        }
        long start = System.nanoTime();
        assertThat(AlertDispatcher.closeAll(benches, Duration.ofSeconds(1))).isFalse();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // one after the other they would take at least 10 × 1 s; together one wait and the joins
        assertThat(took).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void urlsInAReasonAreCutToSchemeHostAndPort() {
        assertThat(SafeUrl.inText("refused by http://user:pw@10.0.0.2:8080/x?token=t and https://ntfy.sh/topic-secret"))
                .isEqualTo("refused by http://10.0.0.2:8080/… and https://ntfy.sh/…");
        assertThat(SafeUrl.inText("x".repeat(400))).hasSize(300).endsWith("…");
        // a broker's address has nothing to hide and stays as the channel wrote it
        assertThat(SafeUrl.inText("no answer from tcp://127.0.0.1:1883 within 300 ms"))
                .isEqualTo("no answer from tcp://127.0.0.1:1883 within 300 ms");
    }
}
