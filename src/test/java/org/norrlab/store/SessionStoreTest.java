package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.StepOutcome;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.plan.PlannedStep;
import org.norrlab.testing.Fixtures;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionStoreTest {
    @TempDir
    Path temp;

    private static NewSession newSession() {
        return new NewSession("p", "protocols/p.yaml", "steps: []", Fixtures.cellAtPh7(),
                new InstrumentIdentity("sim", "sim", "model", "fw", "SN1"), Map.of("speed", "max"), "test", Instant.now());
    }

    @Test
    void aFreshFileIsInWalModeWithTheSchemaVersion() throws Exception {
        Path file = temp.resolve("a.db");
        SessionStore.open(file).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                assertThat(rs.getInt(1)).isEqualTo(SessionStore.SCHEMA_VERSION);
            }
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefused() throws Exception {
        Path file = temp.resolve("new.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> SessionStore.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("was written by a newer norrlab (schema 99; this build reads up to " + SessionStore.SCHEMA_VERSION + ")");
    }

    @Test
    void aVersionOneDatabaseIsMigratedWithItsSessionsKept() throws Exception {
        Path file = temp.resolve("old.db");
        String v1 = new String(SessionStore.class.getResourceAsStream("schema-v1.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String statement : v1.split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            s.execute("PRAGMA user_version = 1");
            s.execute("INSERT INTO sessions (created_utc, started_utc, status, protocol_name, protocol_file, protocol_text,"
                    + " cell_json, instrument_json, run_options_json, software_version) VALUES ('2026-11-01T00:00:00Z',"
                    + " '2026-11-01T00:00:00Z', 'completed', 'old', 'old.yaml', 'steps: []', '"
                    + "{\"referenceElectrode\":{\"name\":\"SCE (sat. KCl)\",\"e0VsSheVolts\":0.241,\"source\":\"t\"},"
                    + "\"pH\":7.0,\"temperatureCelsius\":25.0,\"electrodeAreaCm2\":1.0,\"catalystLoadingMgPerCm2\":0.0,"
                    + "\"electrolyteVolumeMl\":35.0}', '{\"profile\":\"sim\",\"family\":\"sim\",\"model\":\"m\","
                    + "\"firmware\":\"f\",\"serialNumber\":\"s\"}', '{}', '0.0.1')");
        }
        try (SessionStore store = SessionStore.open(file)) {
            StoredSession old = store.session(1).orElseThrow();
            assertThat(old.protocolName()).isEqualTo("old");
            assertThat(old.cell().referenceElectrode().name()).isEqualTo("SCE (sat. KCl)");
            assertThat(old.instrumentSettings()).isEmpty();
            assertThat(store.assays().calibrations()).isEmpty();
            assertThat(store.wire(1)).isEmpty();
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(SessionStore.SCHEMA_VERSION);
        }
    }

    @Test
    void aStepsCycleAndBatchAndAnAliquotTakenDuringTheRunAreStored() throws Exception {
        Path file = temp.resolve("ctx.db");
        try (SessionStore store = SessionStore.open(file)) {
            long id = store.createSession(new NewSession("p", "p.yaml", "", Fixtures.cellAtPh7(),
                    new InstrumentIdentity("sim", "sim", "model", "fw", "SN1"), Map.of(), "test", Instant.now(), Map.of(),
                    java.util.Optional.empty(), java.util.Optional.empty(), org.norrlab.plan.Electrolyte.Mode.ACCUMULATE));
            PlannedStep hold = new PlannedStep.Hold(1, "swap", "Swap", PlannedStep.Hold.HoldCell.OFF, Duration.ofSeconds(1),
                    java.util.Optional.empty(), java.util.Optional.empty(), false, new Location(Path.of("p.yaml"), 3, 5),
                    new org.norrlab.plan.StepContext("stability", 2, 5, 3));
            try (StoreWriter writer = store.writer(id)) {
                writer.accept(new AcquisitionRecord.StepStarted(hold, Instant.now(), 0), false);
                writer.accept(new AcquisitionRecord.EventSeen(1, StoredAliquot.event(4.0, 7, 1.5, true,
                        org.norrlab.plan.Electrolyte.TakenBy.OPERATOR), Instant.parse("2026-12-03T10:00:00Z")), false);
                writer.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, 0, 4.0, Double.NaN, Instant.now()), true);
            }
            assertThat(store.session(id).orElseThrow().electrolyte()).isEqualTo(org.norrlab.plan.Electrolyte.Mode.ACCUMULATE);
            StoredStep step = store.steps(id).get(0);
            assertThat(step.kind()).isEqualTo("hold");
            assertThat(step.context()).isEqualTo(new org.norrlab.plan.StepContext("stability", 2, 5, 3));
            assertThat(store.aliquots(id)).singleElement().satisfies(a -> {
                assertThat(a.afterStep()).isEqualTo(7);
                assertThat(a.volumeMl()).isEqualTo(1.5);
                assertThat(a.replaced()).isTrue();
                assertThat(a.takenBy()).isEqualTo(org.norrlab.plan.Electrolyte.TakenBy.OPERATOR);
                assertThat(a.created()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
            });
            assertThat(store.events(id)).extracting(e -> e.event().message())
                    .containsExactly("aliquot of 1.5 mL taken after step 7 by the operator, replaced with fresh electrolyte");
        }
    }

    @Test
    void recordsRoundTripInOrderWithOpenCircuitSamplesKeepingNoCurrent() throws Exception {
        Path file = temp.resolve("rt.db");
        try (SessionStore store = SessionStore.open(file)) {
            long id = store.createSession(newSession());
            PlannedStep ocp = new PlannedStep.OpenCircuit(1, "rest", Duration.ofSeconds(1), Duration.ofSeconds(2),
                    new Location(Path.of("p.yaml"), 3, 5));
            List<Sample> written = List.of(Sample.potentialOnly(1, -0.25),
                    new Sample(2, -0.26, -1.5e-3, 0.01, SampleFlag.bits(SampleFlag.OVERLOAD, SampleFlag.RANGE_CHANGED)));
            try (StoreWriter writer = store.writer(id)) {
                writer.accept(new AcquisitionRecord.StepStarted(ocp, Instant.now(), 0), false);
                writer.accept(new AcquisitionRecord.SampleTaken(1, 0, written.get(0)), false);
                writer.accept(new AcquisitionRecord.EventSeen(1, new Event(EventKind.NOTE, 1.5, "bubble",
                        Map.of("amplitude_A", 1e-4)), Instant.now()), false);
                writer.accept(new AcquisitionRecord.SampleTaken(1, 1, written.get(1)), false);
                writer.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, 2, 2.0, Double.NaN, Instant.now()), true);
                assertThat(writer.samplesStored()).isEqualTo(2);
            }
            store.finishSession(id, SessionStatus.COMPLETED, "done");

            List<Sample> read = new ArrayList<>();
            store.forEachSample(id, 1, (seq, s) -> read.add(s));
            assertThat(read).isEqualTo(written);
            StoredStep step = store.steps(id).get(0);
            assertThat(step.voltsVsRhe()).isNaN();
            assertThat(step.source()).isEqualTo("p.yaml:3");
            assertThat(step.sampleCount()).isEqualTo(2);
            assertThat(step.lagMillis()).isNaN();
            StoredEvent event = store.events(id).get(0);
            assertThat(event.event().values()).containsEntry("amplitude_A", 1e-4);
            StoredSession session = store.session(id).orElseThrow();
            assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(session.cell()).isEqualTo(Fixtures.cellAtPh7());
            assertThat(session.ended()).isPresent();
        }
    }

    /**
     * A CA sample without a measured potential (an imported file may have none) used to make the step's tally sum NaN,
     * which SQLite stores as NULL: the step's end failed with "NOT NULL constraint failed: step_tallies.sum_volts".
     * The potential's mean is over the samples that have one; the charge counts every sample's current.
     */
    @Test
    void aCaStepWithASampleLackingItsPotentialEndsWithATallyOverThePotentialsItHas() throws Exception {
        Path file = temp.resolve("nan.db");
        try (SessionStore store = SessionStore.open(file)) {
            long id = store.createSession(newSession());
            PlannedStep ca = new PlannedStep.Chronoamperometry(1, "CA", new org.norrlab.config.Potential(-0.5,
                    org.norrlab.config.Potential.Scale.RHE), -0.5, -1.1, Duration.ofSeconds(1), Duration.ofSeconds(3),
                    org.norrlab.core.CurrentRangeChoice.AUTO, new Location(Path.of("p.yaml"), 3, 5));
            try (StoreWriter writer = store.writer(id)) {
                writer.accept(new AcquisitionRecord.StepStarted(ca, Instant.now(), 0), false);
                writer.accept(new AcquisitionRecord.SampleTaken(1, 0, new Sample(1, -1.0, -2e-3, 0.01, 0)), false);
                writer.accept(new AcquisitionRecord.SampleTaken(1, 1, new Sample(2, Double.NaN, -4e-3, 0.01, 0)), false);
                writer.accept(new AcquisitionRecord.SampleTaken(1, 2, new Sample(3, -1.5, -6e-3, 0.01, 0)), false);
                writer.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, 3, 3.0, Double.NaN, Instant.now()), true);
                assertThat(writer.samplesStored()).isEqualTo(3);
            }
            var tally = store.tally(id, 1);
            assertThat(tally.samples()).isEqualTo(3);
            assertThat(tally.currentSamples()).isEqualTo(3);
            // (-1.0 + -1.5) / 2: the sample without a potential is not counted as 0 V, nor does it make the mean NaN
            assertThat(tally.meanVolts()).isEqualTo(-1.25);
            // by hand: -2 mA held over [0, 1] s, then trapezoids (-2-4)/2 + (-4-6)/2 mC = -2 - 3 - 5 = -10 mC
            assertThat(tally.coulombs(0)).isCloseTo(-10e-3, org.assertj.core.data.Offset.offset(1e-15));
            assertThat(tally.meanAmperes()).isCloseTo(-4e-3, org.assertj.core.data.Offset.offset(1e-15));
        }
    }

    @Test
    void uncommittedRowsAreNotVisibleAndCommittedOnesSurviveAnAbandonedWriter() throws Exception {
        Path file = temp.resolve("crash.db");
        try (SessionStore store = SessionStore.open(file)) {
            long id = store.createSession(newSession());
            StoreWriter writer = store.writer(id);
            PlannedStep ocp = new PlannedStep.OpenCircuit(1, "rest", Duration.ofSeconds(1), Duration.ofSeconds(9),
                    new Location(Path.of("p.yaml"), 1, 1));
            writer.accept(new AcquisitionRecord.StepStarted(ocp, Instant.now(), 0), false);
            for (int k = 0; k < 5; k++) {
                writer.accept(new AcquisitionRecord.SampleTaken(1, k, Sample.potentialOnly(k + 1, 0.1)), k == 4);
            }
            for (int k = 5; k < 8; k++) {
                writer.accept(new AcquisitionRecord.SampleTaken(1, k, Sample.potentialOnly(k + 1, 0.1)), false);
            }
            // The writer's connection is dropped without a commit, as when the process dies.
            writer.close();
            long[] count = {0};
            store.forEachSample(id, 1, (seq, s) -> count[0]++);
            assertThat(count[0]).isEqualTo(5);
        }
    }

    /**
     * Four benches of one lab open a new database file at the same moment. Without the store's in-process
     * lock this failed in 9 of 240 opens here (SQLITE_IOERR_DELETE_NOENT, SQLITE_BUSY, SQLITE_PROTOCOL while
     * the file was being created and switched to WAL); every open must succeed and every session be there.
     */
    @Test
    void benchesOfOneProcessOpeningANewFileAtOnceAllGetIt() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 40; round++) {
                Path db = temp.resolve("round-" + round + ".db");
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Long>> opened = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    opened.add(pool.submit(() -> {
                        go.await();
                        try (SessionStore store = SessionStore.open(db)) {
                            return store.createSession(new NewSession("p", "p.yaml", "", Fixtures.cellAtPh7(),
                                    new InstrumentIdentity("sim", "sim", "m", "f", "s"), Map.of(), "t", Instant.now()));
                        }
                    }));
                }
                go.countDown();
                List<Long> ids = new ArrayList<>();
                for (var f : opened) {
                    ids.add(f.get());
                }
                assertThat(ids).as("round " + round).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
                try (SessionStore store = SessionStore.open(db)) {
                    assertThat(store.sessions()).hasSize(4);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
