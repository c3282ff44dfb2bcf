package org.norrlab.run;

import org.norrlab.config.ConfigException;
import org.norrlab.core.EventKind;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.Speed;
import org.norrlab.plan.Plan;
import org.norrlab.scheduler.OperatorGate;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredSession;
import org.norrlab.transport.ReplayTransport;
import org.norrlab.transport.TransportOpener;
import org.norrlab.transport.WireLog;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prepares a replay: a new session whose instrument is a recorded one. A serial session's recorded
 * bytes go through the same driver, core and store as a live run; a simulator session is run again
 * with its recorded seed and catalyst. The protocol, cell and profile are the ones stored with the
 * recording, not today's files.
 */
public final class ReplayService {
    private ReplayService() {
    }

    public static PreparedRun prepare(RunService service, SessionStore store, long sessionId, Speed speed, StoreLocation database)
            throws StoreException, ConfigException, DriverException, PlanRejectedException {
        PreparedRun run = prepareRecorded(service, store, sessionId, speed, database);
        run.holdsFollow(recordedHolds(store.events(sessionId)));
        return run;
    }

    /**
     * A replay waits for nobody: each hold ends as the recording's HOLD event says (the operator, the timeout, an
     * unattended run, an abort), at once. A hold the recording has no HOLD event for (the recorded run never ended
     * it) goes on at once, as if the operator had continued.
     */
    static OperatorGate recordedHolds(List<StoredEvent> recorded) {
        Map<Integer, OperatorGate.ContinuedBy> byStep = new HashMap<>();
        for (StoredEvent event : recorded) {
            Double code = event.event().values().get("continued_by");
            if (event.event().kind() == EventKind.HOLD && code != null) {
                OperatorGate.ContinuedBy.ofCode(code).ifPresent(by -> byStep.put(event.stepIndex(), by));
            }
        }
        return (hold, timeout, abortRequested) -> byStep.getOrDefault(hold.index(), OperatorGate.ContinuedBy.OPERATOR);
    }

    private static PreparedRun prepareRecorded(RunService service, SessionStore store, long sessionId, Speed speed,
                                               StoreLocation database)
            throws StoreException, ConfigException, DriverException, PlanRejectedException {
        StoredSession session = StoredSetup.find(store, sessionId);
        Optional<InstrumentProfile> recorded = StoredSetup.profile(session);
        if (recorded.isEmpty()) {
            return RecordedReplay.prepare(service, store, session, speed, database);
        }
        InstrumentProfile profile = recorded.get();
        Path protocolLabel = Path.of(session.protocolFile());
        Plan plan = StoredSetup.plan(session, service.site());

        if (DriverRegistry.simulated(profile)) {
            String seed = session.instrumentSettings().getOrDefault(InstrumentSettings.SEED, "");
            RunRequest request = new RunRequest(protocolLabel, profile.name(), speed,
                    seed.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(seed)),
                    Optional.ofNullable(session.runOptions().get("catalyst_preset")), Optional.empty(), Optional.of(database));
            return service.prepare(plan, profile, request, TransportOpener.SERIAL, Optional.of(sessionId),
                    session.instrumentSettings());
        }
        List<WireLog.Chunk> wire = store.wire(sessionId);
        if (wire.isEmpty()) {
            throw new StoreException("session " + sessionId + " has no recorded wire conversation to replay");
        }
        String name = "replay of session " + sessionId;
        // One replayed port for the whole session: a reconnect continues the recording where the link was lost.
        TransportOpener replay = new ReplayTransport(name, wire, speed.factor(), profile.readTimeout()).opener();
        RunRequest request = new RunRequest(protocolLabel, profile.name(), speed, Optional.empty(), Optional.empty(),
                Optional.of(name), Optional.of(database));
        return service.prepare(plan, profile, request, replay, Optional.of(sessionId), session.instrumentSettings());
    }
}
