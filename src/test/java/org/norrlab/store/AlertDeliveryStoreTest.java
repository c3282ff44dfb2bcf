package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.sync.SyncService;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema 17: a session's alert deliveries are stored and read back field for field and counted per session, in a
 * real SQLite file and on a real PostgreSQL server, and {@code sync} copies them to the lab with the session.
 */
class AlertDeliveryStoreTest {
    private static final Instant EVENT = Instant.parse("2026-12-04T02:17:05Z");

    @TempDir
    Path temp;

    private long run(Path bench) throws Exception {
        Path protocol = temp.resolve("short.yaml");
        Files.writeString(protocol, "name: short\nsteps:\n  - ocp: {duration: 5 s, interval: 1 s}\n");
        return new RunService(SiteConfig.load(Fixtures.HOME)).prepare(RunRequest.simulated(protocol, Speed.MAX)
                .withDatabase(bench)).execute(RunListener.NONE).sessionId();
    }

    private static List<AlertDeliveryStore.Delivery> night(long session) {
        return List.of(
                new AlertDeliveryStore.Delivery(session, "webhook ntfy (https://ntfy.sh/…)", "link lost", EVENT,
                        AlertDeliveryStore.Outcome.SENT, 1, "", EVENT.plusSeconds(1)),
                new AlertDeliveryStore.Delivery(session, "webhook slack (https://hooks.slack.com/…)", "link lost", EVENT,
                        AlertDeliveryStore.Outcome.FAILED, 5, "status 503 from https://hooks.slack.com/…",
                        EVENT.plusSeconds(16)),
                new AlertDeliveryStore.Delivery(session, "webhook ntfy (https://ntfy.sh/…)", "run finished",
                        EVENT.plusSeconds(60), AlertDeliveryStore.Outcome.SENT, 2, "", EVENT.plusSeconds(62)),
                new AlertDeliveryStore.Delivery(session, "webhook slack (https://hooks.slack.com/…)", "run finished",
                        EVENT.plusSeconds(60), AlertDeliveryStore.Outcome.DROPPED, 0, "the channel was closed",
                        EVENT.plusSeconds(60)));
    }

    @Test
    void deliveriesAreReadBackFieldForFieldAndCountedInASqliteFile() throws Exception {
        Path db = temp.resolve("bench.db");
        long session = run(db);
        long other = run(db);
        try (SessionStore store = SessionStore.open(db)) {
            store.alertDeliveries().record(night(session));
            store.alertDeliveries().record(night(other).subList(0, 1));
            assertThat(store.alertDeliveries().deliveries(session)).containsExactlyElementsOf(night(session));
            assertThat(store.alertDeliveries().tallies()).isEqualTo(Map.of(
                    session, new AlertDeliveryStore.Tally(2, 1, 1), other, new AlertDeliveryStore.Tally(1, 0, 0)));
            assertThat(store.alertDeliveries().tallies().get(session).words()).isEqualTo("2 sent, 1 failed, 1 dropped");
            // a row that names no session is refused, and the file is unchanged
            assertThatThrownBy(() -> store.alertDeliveries().record(List.of(new AlertDeliveryStore.Delivery(999,
                    "x", "test", EVENT, AlertDeliveryStore.Outcome.SENT, 1, "", EVENT))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("alert deliveries of session 999");
            assertThat(store.alertDeliveries().deliveries(999)).isEmpty();
        }
    }

    @Test
    void postgresqlStoresThemAlikeAndSyncCopiesThemWithTheSession() throws Exception {
        Path bench = temp.resolve("bench.db");
        long session = run(bench);
        try (SessionStore store = SessionStore.open(bench)) {
            store.alertDeliveries().record(night(session));
        }
        try (PostgresServer pg = PostgresServer.start()) {
            SyncService.Report report = SyncService.sync(bench, pg.url(), false, SyncService.Listener.NONE);
            assertThat(report.copied()).containsExactly(session);
            try (SessionStore lab = SessionStore.open(StoreLocation.parse(pg.url(), temp))) {
                long labId = lab.listing().get(0).id();
                assertThat(lab.alertDeliveries().deliveries(labId)).containsExactlyElementsOf(night(labId));
                assertThat(lab.alertDeliveries().tallies()).isEqualTo(Map.of(labId, new AlertDeliveryStore.Tally(2, 1, 1)));
            }
        }
    }
}
