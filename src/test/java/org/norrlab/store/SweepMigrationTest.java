package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.Sample;
import org.norrlab.core.StepSettings;
import org.norrlab.testing.HandSessions;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema 13 on the store written before this round (../shared/fixtures/stores/norrlab-445807d.db, schema 8): every old
 * sample reads outside any sweep (cycle and segment 0, NULL in the table), every old step without settings or gas, and
 * the migrated store takes a step's gas only as 'Ar' or 'NO'. PostgreSQL's schema 13 is checked where the sync to it
 * is ({@code cli/SweepJourneysTest}), with {@link #assertGasIsChecked}.
 */
public class SweepMigrationTest {
    @TempDir
    Path temp;

    @Test
    void oldSamplesAreOutsideAnySweepAndOldStepsHaveNoSettingsOrGas() throws Exception {
        Path copy = Files.copy(SharedFixtures.storeFile("norrlab-445807d.db"), temp.resolve("copy.db"));
        assertThat(copy.toFile().setWritable(true)).isTrue(); // the shared file is read-only, and so is a plain copy
        long samples = 0;
        long sweepSamples = 0;
        long newSession;
        try (SessionStore store = SessionStore.open(copy)) {
            List<StoredStep> steps = new ArrayList<>();
            for (StoredSession session : store.sessions()) {
                for (StoredStep step : store.steps(session.id())) {
                    steps.add(step);
                    List<Sample> read = new ArrayList<>();
                    store.forEachSample(session.id(), step.index(), (seq, s) -> read.add(s));
                    samples += read.size();
                    sweepSamples += read.stream().filter(s -> s.cycle() != 0 || s.segment() != 0).count();
                }
            }
            // 5 + 5 + 1 steps and 12 020 + 12 020 + 721 samples (BaselineMigrationTest counts the same rows)
            assertThat(steps).hasSize(11).allSatisfy(step -> {
                assertThat(step.settings()).isEqualTo(StepSettings.NONE);
                assertThat(step.gas()).isEmpty();
                assertThat(step.isSweep()).isFalse();
            });
            assertThat(samples).isEqualTo(24_761);
            assertThat(sweepSamples).isZero();
            newSession = HandSessions.session(store, "after 13", List.of(HandSessions.Step.of(-0.5, -1e-3, Map.of())));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            assertThat(number(c, "PRAGMA user_version")).isEqualTo(SessionStore.SCHEMA_VERSION);
            // NULL, not 0: an old row costs no byte more than before
            assertThat(number(c, "SELECT count(*) FROM samples WHERE cycle IS NOT NULL OR segment IS NOT NULL")).isZero();
            assertThat(number(c, "SELECT count(*) FROM steps WHERE gas IS NOT NULL OR settings_json IS NOT NULL")).isZero();
            assertGasIsChecked(c, newSession);
        }
    }

    /** The steps table takes a gas (here of step 1 of {@code sessionId}) only as the protocol writes it, 'Ar' or 'NO' (or none). */
    public static void assertGasIsChecked(Connection c, long sessionId) throws SQLException {
        String stepOne = " WHERE step_index = 1 AND session_id = " + sessionId;
        try (Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE steps SET gas = 'NO'" + stepOne)).isEqualTo(1);
            assertThat(s.executeUpdate("UPDATE steps SET gas = 'Ar'" + stepOne)).isEqualTo(1);
            assertThatThrownBy(() -> s.executeUpdate("UPDATE steps SET gas = 'N2'" + stepOne))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("check constraint"));
            assertThat(number(c, "SELECT count(*) FROM steps" + stepOne + " AND gas = 'Ar'")).isEqualTo(1);
        }
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
