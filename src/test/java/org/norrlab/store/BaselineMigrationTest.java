package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.testing.SharedFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written before this round (schema 8, ../shared/fixtures/stores/README.md) opened by today's norrlab: every
 * migration since (9: sessions rebuilt, 10: samples rebuilt so a sample may have no potential) keeps every row of
 * every table as it was, so the analysis of the old sessions cannot change.
 */
class BaselineMigrationTest {
    private static final List<String> TABLES = List.of("sessions", "steps", "samples", "events", "calibrations", "assays");

    @TempDir
    Path temp;

    @Test
    void everyRowOfTheBaselineStoreSurvivesTheMigrations() throws Exception {
        Path baseline = SharedFixtures.storeFile("norrlab-445807d.db");
        Path copy = Files.copy(baseline, temp.resolve("copy.db"));
        assertThat(copy.toFile().setWritable(true)).isTrue(); // the shared file is read-only, and so is a plain copy
        try (SessionStore store = SessionStore.open(copy)) {
            assertThat(store.sessions()).hasSize(3);
            assertThat(store.steps(3)).isNotEmpty();
        }
        try (Connection before = DriverManager.getConnection("jdbc:sqlite:file:" + baseline + "?mode=ro");
             Connection after = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            assertThat(userVersion(before)).isEqualTo(8);
            assertThat(userVersion(after)).isEqualTo(SessionStore.SCHEMA_VERSION);
            long samples = 0;
            for (String table : TABLES) {
                List<String> columns = columns(before, table);
                assertThat(columns(after, table)).as(table).containsAll(columns);
                List<List<Object>> old = rows(before, table, columns);
                assertThat(rows(after, table, columns)).as(table).isEqualTo(old);
                if (table.equals("samples")) {
                    samples = old.size();
                }
            }
            assertThat(samples).isEqualTo(24_761);
        }
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }

    private static List<List<Object>> rows(Connection c, String table, List<String> columns) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table + " ORDER BY "
                     + String.join(", ", columns))) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
