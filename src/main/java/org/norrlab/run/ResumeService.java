package org.norrlab.run;

import org.norrlab.config.ConfigException;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.StepOutcome;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.Speed;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;
import org.norrlab.transport.TransportOpener;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Continues an interrupted session as a new session linked to it. The steps table is the journal:
 * completed steps are not run again; the interrupted one is restarted, continued for its remaining
 * time, or skipped, as the protocol's {@code on_interruption} says; the rest run as planned.
 */
public final class ResumeService {
    private ResumeService() {
    }

    public static PreparedRun prepare(RunService service, SessionStore store, long sessionId, Optional<String> port, Speed speed,
                                      StoreLocation database) throws StoreException, ConfigException, DriverException, PlanRejectedException {
        store.markCutOffSessions();
        StoredSession session = StoredSetup.find(store, sessionId);
        if (session.status() == SessionStatus.IMPORTING) {
            throw new StoreException("session " + sessionId + " is an import in progress (or one that did not finish and is"
                    + " removed when its process is gone); an import is never resumed: import the file again");
        }
        // Asking to resume a session that needs none is the operator's request gone wrong (bad input), not a store fault.
        if (session.status() == SessionStatus.COMPLETED) {
            throw new BadInputException("session " + sessionId + " is completed; nothing is left to resume (only an"
                    + " interrupted, aborted or failed session can be resumed): start a new run with 'norrlab run PROTOCOL'");
        }
        if (session.status() == SessionStatus.RUNNING) {
            throw new BadInputException("session " + sessionId + " is running; only an interrupted, aborted or failed session"
                    + " can be resumed: wait for it to finish, or stop it first");
        }
        // A second resume would run the same remaining steps again, as a rival continuation of the same run.
        Optional<StoredSession> resumedAs = store.sessions().stream()
                .filter(other -> other.resumedFrom().equals(Optional.of(sessionId))).findFirst();
        if (resumedAs.isPresent()) {
            throw new StoreException("session " + sessionId + " was resumed already, as session " + resumedAs.get().id()
                    + "; resume session " + resumedAs.get().id() + " instead if it did not finish either");
        }
        InstrumentProfile profile = StoredSetup.profile(session).orElseThrow(() -> new StoreException("session " + sessionId
                + " was not run by norrlab on an instrument (imported?) and cannot be resumed"));
        Plan original = StoredSetup.plan(session, service.site());
        List<StoredStep> recorded = store.steps(sessionId);
        List<PlannedStep> remaining = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<Integer, Integer> newIndex = new HashMap<>();   // original step index -> index in the resumed plan
        for (PlannedStep step : original.steps()) {
            Optional<StoredStep> done = recorded.stream().filter(r -> r.index() == step.index()).findFirst();
            if (done.isPresent() && done.get().outcome().filter(o -> o == StepOutcome.COMPLETED).isPresent()) {
                continue;
            }
            if (done.isEmpty()) {
                keep(remaining, newIndex, step.index(), renumbered(step, remaining.size() + 1, step.duration(), ""));
                continue;
            }
            if (step.isHold()) {
                // A hold that did not end continued (a crash or an abort while it waited) waits again, whatever
                // on_interruption says: what it asks the operator to do may not have been done.
                keep(remaining, newIndex, step.index(), renumbered(step, remaining.size() + 1, step.duration(),
                        " (waits again after the interruption)"));
                continue;
            }
            double ran = lastSampleTime(store, sessionId, step.index());
            switch (original.onInterruption()) {
                case SKIP -> notes.add("step " + step.index() + " skipped (on_interruption: skip)");
                case RESTART -> keep(remaining, newIndex, step.index(), renumbered(step, remaining.size() + 1, step.duration(),
                        " (restarted after the interruption)"));
                // A sweep's potential moves with time, and a spectrum's points describe one state of the electrode:
                // neither can start half-way, so they run again whole.
                case CONTINUE -> {
                    if (step.runsWhole()) {
                        keep(remaining, newIndex, step.index(), renumbered(step, remaining.size() + 1, step.duration(),
                                " (run again whole after the interruption: a " + (step.isSweep() ? "sweep" : "spectrum")
                                        + " cannot continue half-way)"));
                        break;
                    }
                    long left = step.duration().toNanos() - Math.round(ran * 1e9);
                    long intervals = left / step.interval().toNanos();
                    if (intervals > 0) {
                        keep(remaining, newIndex, step.index(), renumbered(step, remaining.size() + 1, step.interval().multipliedBy(intervals),
                                String.format(Locale.ROOT, " (continued: %.1f s of %.1f s had run)", ran,
                                        step.duration().toNanos() / 1e9)));
                    }
                }
            }
        }
        if (remaining.isEmpty()) {
            throw new StoreException("session " + sessionId + " has nothing left to run" + (notes.isEmpty() ? "" : " (" + String.join(
                    "; ", notes) + ")"));
        }
        Plan plan = new Plan(original.name(), "resumed from session " + sessionId + (notes.isEmpty() ? "" : "; "
                + String.join("; ", notes)), original.file(), original.protocolText(), original.cell(), remaining,
                original.safety(), original.onInterruption(), List.of(),
                new Electrolyte(original.electrolyte().mode(), aliquotsLeft(original, newIndex, store.aliquots(sessionId))),
                original.unattended());
        // The data stopped at the last stored sample: the gap counts from there, not from when the end was recorded.
        Instant stopped = store.lastSampleAt(sessionId).orElse(session.ended().orElse(session.started()));
        double gap = Duration.between(stopped, Instant.now()).toNanos() / 1e9;
        Optional<Long> seed = Optional.ofNullable(session.instrumentSettings().get(InstrumentSettings.SEED))
                .filter(s -> !s.isEmpty()).map(Long::parseLong);
        RunRequest request = new RunRequest(original.file(), profile.name(), speed, seed,
                // Older builds stored a catalyst given to a real instrument, which ignored it; it is not carried on.
                Optional.ofNullable(session.runOptions().get("catalyst_preset")).filter(p -> DriverRegistry.simulated(profile)),
                port.or(() -> Optional.ofNullable(session.runOptions().get("port"))), Optional.of(database))
                .withSample(session.sample());   // the same experiment, continued
        PreparedRun run = service.prepare(plan, profile, request, TransportOpener.SERIAL, Optional.empty(),
                session.instrumentSettings());
        run.earlierAliquots(earlierAliquots(original, newIndex, store.aliquots(sessionId)));
        run.resumes(sessionId, new Event(EventKind.GAP, 0, String.format(Locale.ROOT,
                "resumed session %d after an interruption of %.0f s (it stopped at %s: %s)", sessionId, gap, stopped,
                session.statusReason()), Map.of("interruption_s", gap)));
        return run;
    }

    /**
     * The planned aliquots the resumed run still takes, numbered as its steps: an autosampler's goes with the CA step
     * it follows, an operator's with the hold it is taken at (after the step before the hold). Those the interrupted
     * session recorded are left out, so that no aliquot is recorded twice, and so are those that belong to it
     * ({@link #earlierAliquots}).
     */
    static List<Electrolyte.PlannedAliquot> aliquotsLeft(Plan original, Map<Integer, Integer> newIndex,
                                                         List<StoredAliquot> recorded) {
        List<Electrolyte.PlannedAliquot> left = new ArrayList<>();
        for (Electrolyte.PlannedAliquot aliquot : original.electrolyte().aliquots()) {
            boolean taken = recorded.stream().anyMatch(r -> r.afterStep() == aliquot.afterStep()
                    && r.takenBy() == aliquot.takenBy());
            // the step whose end (autosampler) or whose hold (operator) takes it
            int takenAt = aliquot.takenBy() == Electrolyte.TakenBy.AUTOSAMPLER ? aliquot.afterStep() : aliquot.afterStep() + 1;
            Integer at = newIndex.get(takenAt);
            // an operator's whose step before the hold ran in the interrupted session is that session's (earlierAliquots)
            boolean earlier = aliquot.takenBy() == Electrolyte.TakenBy.OPERATOR && !newIndex.containsKey(aliquot.afterStep());
            if (taken || at == null || earlier) {
                continue;
            }
            left.add(new Electrolyte.PlannedAliquot(aliquot.takenBy() == Electrolyte.TakenBy.AUTOSAMPLER ? at : at - 1,
                    aliquot.volumeMl(), aliquot.replaced(), aliquot.takenBy(), aliquot.source()));
        }
        return left;
    }

    /**
     * The operator's aliquots at a hold the resumed run waits at again whose step before it ran in the interrupted
     * session: what they take is that session's, so they are recorded there, numbered as its steps, keyed by the
     * resumed run's hold. {@link #aliquotsLeft} leaves them out.
     */
    static Map<Integer, List<Electrolyte.PlannedAliquot>> earlierAliquots(Plan original, Map<Integer, Integer> newIndex,
                                                                         List<StoredAliquot> recorded) {
        Map<Integer, List<Electrolyte.PlannedAliquot>> earlier = new HashMap<>();
        for (Electrolyte.PlannedAliquot aliquot : original.electrolyte().aliquots()) {
            boolean taken = recorded.stream().anyMatch(r -> r.afterStep() == aliquot.afterStep()
                    && r.takenBy() == aliquot.takenBy());
            Integer hold = newIndex.get(aliquot.afterStep() + 1);
            if (aliquot.takenBy() == Electrolyte.TakenBy.OPERATOR && !taken && hold != null
                    && !newIndex.containsKey(aliquot.afterStep())) {
                earlier.computeIfAbsent(hold, h -> new ArrayList<>()).add(aliquot);
            }
        }
        return earlier;
    }

    private static void keep(List<PlannedStep> remaining, Map<Integer, Integer> newIndex, int originalIndex,
                             PlannedStep renumbered) {
        remaining.add(renumbered);
        newIndex.put(originalIndex, renumbered.index());
    }

    private static PlannedStep renumbered(PlannedStep step, int index, Duration duration, String note) {
        String label = step.label() + note;
        return step.match(
                ocp -> new PlannedStep.OpenCircuit(index, label, ocp.interval(), duration, ocp.source(), ocp.context()),
                ca -> new PlannedStep.Chronoamperometry(index, label, ca.asWritten(), ca.voltsVsRhe(), ca.voltsVsReference(),
                        ca.interval(), duration, ca.currentRange(), ca.source(), ca.context()),
                hold -> new PlannedStep.Hold(index, label, hold.message(), hold.cell(), hold.interval(), hold.timeout(),
                        hold.onTimeout(), hold.newElectrolyte(), hold.source(), hold.context()),
                // A sweep cannot start half-way: it runs again whole.
                lsv -> new PlannedStep.LinearSweep(index, label, lsv.start(), lsv.end(), lsv.stepVolts(),
                        lsv.scanRateVoltsPerSecond(), lsv.currentRange(), lsv.source(), lsv.context()),
                cv -> new PlannedStep.CyclicVoltammetry(index, label, cv.begin(), cv.vertex1(), cv.vertex2(), cv.cycles(),
                        cv.stepVolts(), cv.scanRateVoltsPerSecond(), cv.currentRange(), cv.source(), cv.context()),
                cp -> new PlannedStep.Chronopotentiometry(index, label, cp.currentAsWritten(), cp.currentAmperes(),
                        cp.interval(), duration, cp.lowerLimit(), cp.upperLimit(), cp.currentRange(), cp.source(),
                        cp.context()),
                // A spectrum, like a sweep, runs again whole.
                eis -> new PlannedStep.Impedance(index, label, eis.dcPotential(), eis.openCircuitOffsetVolts(),
                        eis.amplitudeVoltsRms(), eis.frequenciesHz(), eis.currentRange(), eis.source(), eis.context()));
    }

    private static double lastSampleTime(SessionStore store, long session, int step) throws StoreException {
        double[] last = {0};
        store.forEachSample(session, step, (seq, s) -> last[0] = s.timeSeconds());
        return last[0];
    }
}
