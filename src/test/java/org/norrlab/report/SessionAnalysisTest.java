package org.norrlab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.driver.Speed;
import org.norrlab.plan.PlannedStep;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoreWriter;
import org.norrlab.testing.Fixtures;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Charge over exactly a step's window from hand-made samples: gaps are flagged, a blank current is subtracted. */
class SessionAnalysisTest {
    @TempDir
    Path temp;

    private long session(SessionStore store, double gapFrom, double gapTo) throws Exception {
        return session(store, gapFrom, gapTo, false);
    }

    /** One CA step of 100 s at 1 s, 10 mA, without the samples strictly between the two times; stored as completed. */
    private long session(SessionStore store, double gapFrom, double gapTo, boolean gapEvent) throws Exception {
        long id = store.createSession(new NewSession("hand", "hand.yaml", "", Fixtures.cellAtPh7(),
                new InstrumentIdentity("sim", "sim", "m", "f", "s"), Map.of(), "test", Instant.now()));
        PlannedStep ca = new PlannedStep.Chronoamperometry(1, "CA", new Potential(-0.5, Potential.Scale.RHE), -0.5, -1.111,
                Duration.ofSeconds(1), Duration.ofSeconds(100), CurrentRangeChoice.AUTO, new Location(Path.of("hand.yaml"), 1, 1));
        try (StoreWriter writer = store.writer(id)) {
            writer.accept(new AcquisitionRecord.StepStarted(ca, Instant.now(), 0), false);
            long seq = 0;
            for (int t = 1; t <= 100; t++) {
                if (t > gapFrom && t < gapTo) {
                    continue;
                }
                writer.accept(new AcquisitionRecord.SampleTaken(1, seq++, new Sample(t, -1.111, -0.010, 0.1, 0)), false);
            }
            if (gapEvent) {
                writer.accept(new AcquisitionRecord.EventSeen(1, new Event(EventKind.GAP, gapFrom, "link lost; reconnecting",
                        Map.of("last_sample_s", gapFrom)), Instant.now()), false);
            }
            writer.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, seq, 100, Double.NaN, Instant.now()), true);
        }
        return id;
    }

    @Test
    void aSteadyStepIntegratesToCurrentTimesDuration() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("s.db"))) {
            long id = session(store, 0, 0);
            StepAnalysis step = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT).steps().get(0);
            assertThat(step.charge().coulombs()).isCloseTo(1.0, within(1e-12));   // 10 mA for 100 s
            assertThat(step.hasGap()).isFalse();
            assertThat(step.notes()).containsExactly("no assay results yet: add them with 'norrlab assay add'");

            StepAnalysis blank = SessionAnalysis.analyze(store, id, new SessionAnalysis.Options(-0.001)).steps().get(0);
            assertThat(blank.charge().coulombs()).isCloseTo(0.9, within(1e-12));  // 9 mA net for 100 s
            assertThat(blank.notes()).anyMatch(n -> n.startsWith("blank current -0.001000 A subtracted"));
        }
    }

    @Test
    void aGapIsFlaggedNotSilentlyBridged() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("g.db"))) {
            long id = session(store, 40, 51);
            StepAnalysis step = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT).steps().get(0);
            assertThat(step.samples()).isEqualTo(90);
            assertThat(step.hasGap()).isTrue();
            assertThat(step.largestGapSeconds()).isEqualTo(11.0);
            assertThat(step.notes()).anyMatch(n -> n.startsWith("gap in the data (longest 11.0 s without samples): Q bridges it"));
            assertThat(step.charge().coulombs()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void aGapThatRunsToTheEndOfACompletedStepIsMeasuredAndTheStepCoversOnlyItsRecordedPart() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("end.db"))) {
            long id = session(store, 80, 101, true);   // samples 1 .. 80 s of a 100 s step stored as completed
            StepAnalysis step = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT).steps().get(0);
            assertThat(step.step().outcome()).contains(StepOutcome.COMPLETED);
            assertThat(step.samples()).isEqualTo(80);
            assertThat(step.largestGapSeconds()).isEqualTo(20.0);
            assertThat(step.notes()).noneMatch(n -> n.contains("longest 0.0 s"))
                    .contains("step completed with 80 of 100 planned samples, none in its last 20.0 s:"
                            + " Q and yield cover only the recorded part");
        }
    }

    @Test
    void samplesWithoutACurrentInACaStepAreNamedNotSilentlyBridged() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("nan.db"))) {
            long id = store.createSession(new NewSession("hand", "hand.yaml", "", Fixtures.cellAtPh7(),
                    new InstrumentIdentity("rodeostat", "rodeostat", "m", "f", "s"), Map.of(), "test", Instant.now()));
            PlannedStep ca = new PlannedStep.Chronoamperometry(1, "CA", new Potential(-0.5, Potential.Scale.RHE), -0.5, -1.111,
                    Duration.ofSeconds(1), Duration.ofSeconds(10), CurrentRangeChoice.AUTO, new Location(Path.of("hand.yaml"), 1, 1));
            try (StoreWriter writer = store.writer(id)) {
                writer.accept(new AcquisitionRecord.StepStarted(ca, Instant.now(), 0), false);
                for (int t = 1; t <= 10; t++) {
                    Sample sample = t == 5 || t == 6 ? Sample.potentialOnly(t, -1.111) : new Sample(t, -1.111, -0.010, 0.024, 0);
                    writer.accept(new AcquisitionRecord.SampleTaken(1, t - 1, sample), false);
                }
                writer.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, 10, 10, Double.NaN, Instant.now()), true);
            }
            StepAnalysis step = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT).steps().get(0);
            assertThat(step.charge().coulombs()).isCloseTo(0.1, within(1e-12));
            assertThat(step.notes()).contains("2 of 10 samples carry no current (the instrument sent none, or not a number):"
                    + " Q bridges them by straight-line interpolation");
        }
    }

    @Test
    void anInfiniteCurrentStoredByAnOlderVersionIsNamedNeverIntegratedIntoQ() throws Exception {
        Path db = temp.resolve("inf.db");
        long id;
        try (SessionStore store = SessionStore.open(db)) {
            id = session(store, 0, 0);
        }
        try (var st = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db).createStatement()) {
            // what a version that let Infinity through left behind: the sample and the tally summed over it
            st.executeUpdate("UPDATE samples SET i_a = -9e999 WHERE seq = 41");
            st.executeUpdate("UPDATE step_tallies SET coulombs = -9e999, sum_amperes = -9e999");
        }
        try (SessionStore store = SessionStore.open(db)) {
            assertThatThrownBy(() -> SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("sample 41 of session " + id + " step 1 in ")
                    .hasMessageContaining("cannot be used: a sample's current and potential must be finite, were -Infinity A");
        }
    }

    @Test
    void theStoredTallyGivesWhatTheSamplesGive() throws Exception {
        Path db = temp.resolve("tally.db");
        RunOutcome run = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(Fixtures.HOME.resolve("protocols/demo-sweep.yaml"),
                        Speed.MAX).withDatabase(db))
                .execute(RunListener.NONE);
        try (SessionStore store = SessionStore.open(db)) {
            long id = run.sessionId();
            var fromTallies = SessionAnalysis.analyze(store, id, new SessionAnalysis.Options(-0.0005));
            var summaries = SessionSummaries.of(store, id);
            // Every step has its tally row, written with its last samples.
            try (var st = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db).createStatement();
                 var rs = st.executeQuery("SELECT count(*) FROM step_tallies WHERE session_id = " + id)) {
                assertThat(rs.getInt(1)).isEqualTo(5);
            }
            // Hand check of step 2 from its samples: trapezoids, the first sample held over [0, t1].
            double[] q = {0, Double.NaN, 0};   // Q, previous I, previous t
            store.forEachSample(id, 2, (seq, s) -> {
                q[0] += Double.isNaN(q[1]) ? s.currentAmperes() * s.timeSeconds() : 0.5 * (s.currentAmperes() + q[1]) * (s.timeSeconds() - q[2]);
                q[1] = s.currentAmperes();
                q[2] = s.timeSeconds();
            });
            assertThat(summaries.get(1).coulombs()).isEqualTo(q[0]);
            assertThat(fromTallies.steps().get(0).charge().coulombs()).isCloseTo(Math.abs(q[0] + 0.0005 * 300), within(1e-12));

            try (var st = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db).createStatement()) {
                st.executeUpdate("DELETE FROM step_tallies");   // as for an imported or cut-off session
            }
            var fromSamples = SessionAnalysis.analyze(store, id, new SessionAnalysis.Options(-0.0005));
            assertThat(SessionSummaries.of(store, id)).isEqualTo(summaries);
            for (int i = 0; i < 4; i++) {
                StepAnalysis a = fromTallies.steps().get(i);
                StepAnalysis b = fromSamples.steps().get(i);
                assertThat(a.charge()).isEqualTo(b.charge());
                assertThat(a.samples()).isEqualTo(b.samples()).isEqualTo(3000);
                assertThat(a.durationSeconds()).isEqualTo(b.durationSeconds()).isEqualTo(300.0);
                assertThat(a.largestGapSeconds()).isEqualTo(b.largestGapSeconds()).isZero();
            }
        }
    }
}
