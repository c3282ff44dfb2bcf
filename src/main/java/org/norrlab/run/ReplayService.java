package org.norrlab.run;

import org.norrlab.config.ConfigException;
import org.norrlab.core.EventKind;
import org.norrlab.core.UncompensatedResistance;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.OptionalInt;
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
    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);
    private ReplayService() {
    }

    public static PreparedRun prepare(RunService service, SessionStore store, long sessionId, Speed speed, StoreLocation database)
            throws StoreException, ConfigException, DriverException, PlanRejectedException {
        PreparedRun run = prepareRecorded(service, store, sessionId, speed, database);
        run.holdsFollow(recordedHolds(store.events(sessionId)));
        return run;
    }

    /**
     * The R_u history a replay starts with: the original's, oldest first, each row's spectrum step numbered as the
     * replay numbers it ({@code renumbered}: original index to replayed index). The replay measures the same cell
     * (the same recording or the same seeded simulation), so the R_u found for it holds for the replay; a row whose
     * spectrum step is not replayed is not carried (the replay has no such spectrum to name; the log says so).
     */
    static List<UncompensatedResistance> carried(List<UncompensatedResistance> history, Map<Integer, Integer> renumbered) {
        List<UncompensatedResistance> carried = new ArrayList<>();
        for (UncompensatedResistance ru : history) {
            if (ru.spectrumStep().isEmpty()) {
                carried.add(ru);
                continue;
            }
            Integer step = renumbered.get(ru.spectrumStep().getAsInt());
            if (step == null) {
                log.warn("R_u {} ohm from the spectrum of step {} is not carried to the replay: that step is not replayed",
                        ru.ohms(), ru.spectrumStep().getAsInt());
                continue;
            }
            carried.add(new UncompensatedResistance(ru.ohms(), ru.standardErrorOhms(), ru.method(), OptionalInt.of(step),
                    ru.compensatedFraction(), ru.recordedAt(), ru.note()));
        }
        return carried;
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
                    Optional.ofNullable(session.runOptions().get("catalyst_preset")), Optional.empty(), Optional.of(database))
                    .withSample(session.sample());   // a replay is of the same sample
            PreparedRun run = service.prepare(plan, profile, request, TransportOpener.SERIAL, Optional.of(sessionId),
                    session.instrumentSettings());
            run.startsWithResistances(samePlan(store, sessionId, plan));
            return run;
        }
        List<WireLog.Chunk> wire = store.wire(sessionId);
        if (wire.isEmpty()) {
            throw new StoreException("session " + sessionId + " has no recorded wire conversation to replay");
        }
        String name = "replay of session " + sessionId;
        // One replayed port for the whole session: a reconnect continues the recording where the link was lost.
        TransportOpener replay = new ReplayTransport(name, wire, speed.factor(), profile.readTimeout()).opener();
        RunRequest request = new RunRequest(protocolLabel, profile.name(), speed, Optional.empty(), Optional.empty(),
                Optional.of(name), Optional.of(database)).withSample(session.sample());
        PreparedRun run = service.prepare(plan, profile, request, replay, Optional.of(sessionId), session.instrumentSettings());
        run.startsWithResistances(samePlan(store, sessionId, plan));
        return run;
    }

    /** The R_u history for a replay of the whole recorded protocol: its steps keep their numbers. */
    private static List<UncompensatedResistance> samePlan(SessionStore store, long sessionId, Plan plan)
            throws StoreException {
        Map<Integer, Integer> same = new HashMap<>();
        plan.steps().forEach(step -> same.put(step.index(), step.index()));
        return carried(store.impedance().resistances(sessionId), same);
    }
}
