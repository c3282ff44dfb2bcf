package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.SampleEntry;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.SharedFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema 15 on the store written before this round (../shared/fixtures/stores/norrlab-445807d.db, schema 8): the three
 * old sessions gain an empty sample, operator and notes and keep every other column; a new session stores all three.
 * PostgreSQL (schema 13 brought to today's, and a sync copying the three) is checked in {@link ImpedanceMigrationTest},
 * which starts its server once for both.
 */
class SampleMigrationTest {
    private static final SampleEntry GIVEN = new SampleEntry("NiNC lot 7", "B. Operator", "first line\nsecond line");

    @TempDir
    Path temp;

    @Test
    void oldSessionsGainEmptyFieldsAndNewOnesKeepTheirsOnBothDatabases() throws Exception {
        Path baseline = SharedFixtures.storeFile("norrlab-445807d.db");
        Path copy = Files.copy(baseline, temp.resolve("copy.db"));
        assertThat(copy.toFile().setWritable(true)).isTrue(); // the shared file is read-only, and so is a plain copy
        String before;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + baseline + "?mode=ro")) {
            before = sessionRows(c, "id, started_utc, status, protocol_name, cell_json");
        }
        long added;
        try (SessionStore store = SessionStore.open(copy)) {
            assertThat(store.sessions()).hasSize(3).allSatisfy(s -> assertThat(s.sample()).isEqualTo(SampleEntry.NONE));
            added = store.createSession(new NewSession("p", "p.yaml", "", Fixtures.cellAtPh7(),
                    new InstrumentIdentity("sim", "sim", "m", "f", "s"), Map.of(), "test", Instant.now()).withSample(GIVEN));
            store.finishSession(added, SessionStatus.COMPLETED, "done");
            assertThat(store.existingSession(added).sample()).isEqualTo(GIVEN);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            assertThat(number(c, "PRAGMA user_version")).isEqualTo(SessionStore.SCHEMA_VERSION);
            assertThat(sessionRows(c, "id, started_utc, status, protocol_name, cell_json")).startsWith(before);
            assertThat(sessionRows(c, "id, sample_name, operator_name, notes")).isEqualTo(
                    "1,,,\n2,,,\n3,,,\n" + added + ",NiNC lot 7,B. Operator,first line\nsecond line\n");
        }

    }

    private static String sessionRows(Connection c, String columns) throws SQLException {
        StringBuilder rows = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + columns + " FROM sessions ORDER BY id")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(rs.getString(i));
                }
                rows.append(String.join(",", cells)).append('\n');
            }
        }
        return rows.toString();
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
