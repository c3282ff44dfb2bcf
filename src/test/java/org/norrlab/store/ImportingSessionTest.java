package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.PostgresServer;
import org.norrlab.testing.StoredSessions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions an import is writing ({@code importing}, schema 9), on both databases: one whose process is gone is
 * removed with everything written for it when the store is next opened; one still beating, or completed, stays.
 */
class ImportingSessionTest {
    @TempDir
    Path temp;

    @Test
    void anUnfinishedImportIsRemovedOnTheNextOpenOfAnSqliteFile() throws Exception {
        check(StoreLocation.file(temp.resolve("imports.db")));
    }

    @Test
    void anUnfinishedImportIsRemovedOnTheNextOpenOfAPostgresStore() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            check(StoreLocation.parse(pg.url(), temp));
        }
    }

    private static void check(StoreLocation location) throws Exception {
        long dead;
        long live;
        long done;
        try (SessionStore store = SessionStore.open(location)) {
            dead = StoredSessions.importedCa(store, 9_000, false);
            live = StoredSessions.importedCa(store, 10, false);
            done = StoredSessions.importedCa(store, 10, true);
            assertThat(store.session(dead).orElseThrow().status()).isEqualTo(SessionStatus.IMPORTING);
            try (Connection c = SessionStore.connect(location);
                 PreparedStatement age = c.prepareStatement("UPDATE sessions SET heartbeat_utc = ? WHERE id = ?")) {
                age.setString(1, Instant.now().minus(Heartbeat.cutOff()).minusSeconds(1).toString());
                age.setLong(2, dead);
                age.executeUpdate();
                age.setString(1, Instant.now().toString());
                age.setLong(2, live);
                age.executeUpdate();
            }
        }
        try (SessionStore store = SessionStore.open(location)) {
            assertThat(store.sessions().stream().map(StoredSession::id)).containsExactly(live, done);
            assertThat(store.session(live).orElseThrow().status()).isEqualTo(SessionStatus.IMPORTING);
            assertThat(store.markCutOffSessions()).isEmpty();
        }
        try (Connection c = SessionStore.connect(location); Statement s = c.createStatement()) {
            for (String table : List.of("samples", "steps", "events")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE session_id = " + dead)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table + " rows of the removed import").isZero();
                }
            }
        }
    }
}
