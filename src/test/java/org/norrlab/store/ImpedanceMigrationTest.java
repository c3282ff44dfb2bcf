package org.norrlab.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.cli.CliRunnerAccess;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.SampleEntry;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.sync.SyncService;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PostgresServer;
import org.norrlab.testing.SharedFixtures;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema 14 on the store written before this round (../shared/fixtures/stores/norrlab-445807d.db), on SQLite and on
 * PostgreSQL: the impedance and resistances tables are there and empty, every old sample is as it was, and
 * {@code analyze --format json} of sessions 1 and 2 says what it said before issue 21 (the documents under
 * src/test/resources/org/norrlab/store were written by norrlab at commit 1124aff, schema 13, from the same file;
 * later issues may add fields, so each of their fields must be there with the same value).
 */
class ImpedanceMigrationTest {
    @TempDir
    Path temp;

    /**
     * SQLite first (the copy of the old file opened by today's norrlab); then PostgreSQL at schema 13: the migrated copy
     * synced to a lab server, its schema-14 tables dropped and its version set back to 13, as a lab database of today's
     * main would be. Opening it applies schema 14 there. (One test, so the old file is migrated once.)
     */
    @Test
    void bothDatabasesGainEmptyImpedanceTablesAndAnalyseAsBefore() throws Exception {
        Path copy = copyOfTheOldStore();
        String samplesBefore;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            samplesBefore = samples(c);
        }
        try (SessionStore store = SessionStore.open(copy)) {
            assertThat(store.impedance().spectra(1)).isEmpty();
            assertThat(store.impedance().resistances(2)).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            assertThat(number(c, "PRAGMA user_version")).isEqualTo(SessionStore.SCHEMA_VERSION);
            assertThat(number(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                    + " AND name IN ('impedance', 'resistances')")).isEqualTo(2);
            assertThat(number(c, "SELECT count(*) FROM impedance")).isZero();
            assertThat(number(c, "SELECT count(*) FROM resistances")).isZero();
            assertThat(samples(c)).isEqualTo(samplesBefore);
        }
        assertAnalysedAsBefore(copy.toString());

        // schema 15: a session's sample, operator and notes go to the lab with it
        SampleEntry given = new SampleEntry("NiNC lot 7", "B. Operator", "first line\nsecond line");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sessions SET sample_name = 'NiNC lot 7', operator_name = 'B. Operator',"
                    + " notes = 'first line' || char(10) || 'second line' WHERE id = 2");
        }
        try (PostgresServer pg = PostgresServer.start()) {
            SyncService.sync(copy, pg.url(), false, SyncService.Listener.NONE);
            try (SessionStore synced = SessionStore.open(StoreLocation.parse(pg.url(), temp))) {
                assertThat(synced.sessions().stream().map(StoredSession::sample).toList())
                        .containsExactly(SampleEntry.NONE, given, SampleEntry.NONE);
            }
            try (Connection c = DriverManager.getConnection(pg.url()); Statement s = c.createStatement()) {
                s.execute("DROP TABLE impedance");
                s.execute("DROP TABLE resistances");
                // and what later schemas added (15: the sessions' sample, operator and notes; 16: the tallies' sums; 17)
                s.execute("ALTER TABLE sessions DROP COLUMN sample_name, DROP COLUMN operator_name, DROP COLUMN notes");
                s.execute("ALTER TABLE step_tallies DROP COLUMN usable_samples, DROP COLUMN usable_sum_volts,"
                        + " DROP COLUMN usable_sum_amperes");
                s.execute("DROP TABLE alert_deliveries");   // 17: what became of each alert
                s.execute("UPDATE norrlab_schema SET version = 13");
                assertThat(samples(c)).isEqualTo(samplesBefore);
            }
            StoreLocation lab = StoreLocation.parse(pg.url(), temp);
            SessionStore.open(lab).close();
            try (Connection c = DriverManager.getConnection(pg.url())) {
                assertThat(number(c, "SELECT max(version) FROM norrlab_schema")).isEqualTo(SessionStore.SCHEMA_VERSION);
                assertThat(number(c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_name IN ('impedance', 'resistances')")).isEqualTo(2);
                assertThat(number(c, "SELECT count(*) FROM impedance")).isZero();
                assertThat(samples(c)).isEqualTo(samplesBefore);
                // REAL is mapped to 8-byte DOUBLE PRECISION, as for every other table
                assertThat(text(c, "SELECT data_type FROM information_schema.columns WHERE table_name = 'impedance'"
                        + " AND column_name = 'z_imag_ohm'")).isEqualTo("double precision");
            }
            assertAnalysedAsBefore(pg.url());
            assertTablesTakeWhatTheyShould(lab, pg.url());
        }
        assertTablesTakeWhatTheyShould(StoreLocation.file(copy), copy.toString());
    }

    private Path copyOfTheOldStore() throws Exception {
        Path copy = Files.copy(SharedFixtures.storeFile("norrlab-445807d.db"), temp.resolve("copy.db"));
        assertThat(copy.toFile().setWritable(true)).isTrue(); // the shared file is read-only, and so is a plain copy
        return copy;
    }

    /** Every field of the analysis written before issue 21 is in today's, with the same value. */
    private static void assertAnalysedAsBefore(String database) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (int session = 1; session <= 2; session++) {
            CliRunnerAccess.Result r = CliRunnerAccess.norrlab("analyze", String.valueOf(session), "--format", "json",
                    "--home", Fixtures.HOME.toString(), "--db", database);
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode before;
            try (InputStream in = ImpedanceMigrationTest.class.getResourceAsStream(
                    "analysis-445807d-session-" + session + ".json")) {
                before = json.readTree(in);
            }
            assertContains(json.readTree(r.out()), before, "session " + session);
        }
    }

    private static void assertContains(JsonNode now, JsonNode before, String path) {
        if (before.isObject()) {
            assertThat(now.isObject()).as(path).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                assertThat(now.has(field.getKey())).as(path + "." + field.getKey()).isTrue();
                assertContains(now.get(field.getKey()), field.getValue(), path + "." + field.getKey());
            }
        } else if (before.isArray()) {
            assertThat(now.size()).as(path + " (length)").isEqualTo(before.size());
            for (int i = 0; i < before.size(); i++) {
                assertContains(now.get(i), before.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(now).as(path).isEqualTo(before);
        }
    }

    /**
     * The migrated tables take a spectrum and an R_u, and refuse what schema 14 forbids: an unknown method, a typed
     * value naming a spectrum, a compensated fraction above 1.
     */
    private static void assertTablesTakeWhatTheyShould(StoreLocation location, String url) throws Exception {
        try (SessionStore store = SessionStore.open(location)) {
            List<ImpedancePoint> spectrum = List.of(ImpedancePoint.of(0.5, 1000, 12.0, -3.0),
                    ImpedancePoint.missing(4.0, 1.0, 0));
            store.impedance().addSpectrum(1, 1, spectrum);
            assertThat(store.impedance().spectrum(1, 1)).isEqualTo(spectrum);
            store.impedance().recordResistance(1, new UncompensatedResistance(12.0, 0.1,
                    UncompensatedResistance.HIGH_FREQUENCY_INTERCEPT, OptionalInt.of(1), 0, Instant.EPOCH, ""));
            assertThat(store.impedance().resistance(1).orElseThrow().ohms()).isEqualTo(12.0);
        }
        String jdbc = url.startsWith("jdbc:") ? url : "jdbc:sqlite:" + url;
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            String values = " (session_id, ru_ohm, method, spectrum_step, compensated_fraction, note, created_utc, uid)"
                    + " VALUES (1, 10, ";
            for (String bad : List.of("'fitted', 1, 0", "'typed', 1, 0", "'typed', NULL, 1.5")) {
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO resistances" + values + bad + ", '', 'x', 'u')"))
                        .as(bad).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("check"));
            }
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO impedance (session_id, step_index, seq, t_s,"
                    + " frequency_hz, flags) VALUES (1, 1, 9, 0, 0, 0)")).isInstanceOf(SQLException.class);
        }
    }

    /** Every sample row, in order, as text: the same before and after the migration, to the digit. */
    private static String samples(Connection c) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT session_id, step_index, seq, t_s,"
                + " e_v, i_a, range_a, flags FROM samples ORDER BY session_id, step_index, seq")) {
            while (rs.next()) {
                for (int i = 1; i <= 8; i++) {
                    all.append(rs.getObject(i) == null ? "null" : Double.toString(rs.getDouble(i))).append(',');
                }
                all.append('\n');
            }
        }
        // 12 020 + 12 020 + 721 rows (BaselineMigrationTest counts the same)
        assertThat(all.chars().filter(ch -> ch == '\n').count()).isEqualTo(24_761);
        return all.toString();
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
