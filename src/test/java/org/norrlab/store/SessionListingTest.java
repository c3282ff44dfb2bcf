package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Gas;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.SampleEntry;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.PlannedPotential;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.testing.Fixtures;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code norrlab sessions} lists from {@link SessionStore#listing()}, which reads two fields out of the JSON columns
 * and counts steps instead of mapping every session and step: it must say what {@link SessionStore#sessions()} and
 * {@link SessionStore#steps} say, and refuse a JSON column it cannot read rather than list something else.
 */
class SessionListingTest {
    @TempDir
    Path temp;

    private static long session(SessionStore store, String model, Map<String, String> runOptions, String sample,
                                int steps) throws Exception {
        long id = store.createSession(new NewSession("sweep " + model, "p.yaml", "", Fixtures.cellAtPh7(),
                new InstrumentIdentity("vendor", "driver", model, "fw", "SN1"), runOptions, "test", Instant.now(), Map.of(),
                Optional.empty(), Optional.empty(), Electrolyte.Mode.REFRESH, new SampleEntry(sample, "ana", "")));
        try (StoreWriter writer = store.writer(id)) {
            for (int k = 1; k <= steps; k++) {
                PlannedStep cv = new PlannedStep.CyclicVoltammetry(k, "cv " + k,
                        new PlannedPotential(new Potential(0.20, Potential.Scale.RHE), 0.20, -0.42),
                        new PlannedPotential(new Potential(0.25, Potential.Scale.RHE), 0.25, -0.37),
                        new PlannedPotential(new Potential(0.15, Potential.Scale.RHE), 0.15, -0.47), 2, 0.002, 0.020,
                        CurrentRangeChoice.AUTO, new Location(Path.of("p.yaml"), 2, 5),
                        new StepContext("", 0, 0, 0, Optional.of(Gas.ARGON)));
                writer.accept(new AcquisitionRecord.StepStarted(cv, Instant.now(), 0), true);
            }
        }
        return id;
    }

    @Test
    void theListingSaysWhatTheFullReadingSays() throws Exception {
        Path file = temp.resolve("list.db");
        try (SessionStore store = SessionStore.open(file)) {
            session(store, "EmStat4 LR", Map.of(), "NiNC-3 \"fresh\"", 2);
            session(store, "Rodeostat", Map.of("bench", "B2 (left)", "speed", "max"), "", 0);
            long finished = session(store, "norrlab simulated NORR cell, catalyst NiNC", Map.of("bench", "B1"), "Cu foil", 3);
            store.finishSession(finished, SessionStatus.COMPLETED, "completed");

            List<SessionListing> listing = store.listing();
            assertThat(listing).extracting(SessionListing::instrumentModel)
                    .containsExactly("EmStat4 LR", "Rodeostat", "norrlab simulated NORR cell, catalyst NiNC");
            assertThat(listing).extracting(SessionListing::bench)
                    .containsExactly(Optional.empty(), Optional.of("B2 (left)"), Optional.of("B1"));
            assertThat(listing).extracting(SessionListing::steps).containsExactly(2, 0, 3);
            assertThat(listing).extracting(SessionListing::sample).containsExactly("NiNC-3 \"fresh\"", "", "Cu foil");
            assertThat(listing).extracting(SessionListing::status)
                    .containsExactly(SessionStatus.RUNNING, SessionStatus.RUNNING, SessionStatus.COMPLETED);
            List<StoredSession> sessions = store.sessions();
            assertThat(listing).hasSameSizeAs(sessions);
            for (int k = 0; k < sessions.size(); k++) {
                StoredSession full = sessions.get(k);
                assertThat(listing.get(k)).isEqualTo(new SessionListing(full.id(), full.started(), full.status(),
                        full.protocolName(), full.instrument().model(), Optional.ofNullable(full.runOptions().get("bench")),
                        store.steps(full.id()).size(), full.sample().sample(), full.instrument().isImported()));
            }
        }
    }

    @Test
    void aColumnThatIsNotTheJsonObjectItShouldBeIsRefusedNamingTheSession() throws Exception {
        Path file = temp.resolve("bad.db");
        try (SessionStore store = SessionStore.open(file)) {
            session(store, "EmStat4 LR", Map.of(), "", 1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sessions SET instrument_json = '[\"EmStat4 LR\"]' WHERE id = 1");
        }
        try (SessionStore store = SessionStore.open(file)) {
            assertThatThrownBy(store::listing).isInstanceOf(StoreException.class)
                    .hasMessageContaining("the instrument of session 1 in ").hasMessageContaining("not an object");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sessions SET instrument_json = '{\"model\": 4}' WHERE id = 1");
        }
        try (SessionStore store = SessionStore.open(file)) {
            assertThatThrownBy(store::listing).isInstanceOf(StoreException.class)
                    .hasMessageContaining("has a 'model' that is not text");
        }
    }
}
