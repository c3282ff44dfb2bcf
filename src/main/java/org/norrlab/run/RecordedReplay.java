package org.norrlab.run;

import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.Capabilities;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.Speed;
import org.norrlab.driver.recorded.RecordedSamples;
import org.norrlab.driver.recorded.RecordedSamplesPotentiostat;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredSampleReader;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Replays a session that has no wire recording (an imported file) as its recorded samples: a plan
 * of its CA, OCP, LSV, CV, CP and EIS steps, played by a {@link RecordedSamplesPotentiostat}. A sweep, CP or EIS step
 * is planned again from its stored settings and gas, so the replayed session stores the same; its samples keep their
 * cycle and segment, an EIS step plays its impedance points at their recorded frequencies. Steps of other kinds, and
 * steps whose settings were never stored, are left out and the replay says which. The session's R_u history goes
 * with the replay (its spectrum steps renumbered as the replay numbers them).
 */
final class RecordedReplay {
    private static final Set<String> REPLAYABLE = Set.of("ca", "ocp", "lsv", "cv", "cp", "eis");

    private RecordedReplay() {
    }

    /** A step's stored samples as the recorded-samples driver plays them: read a page at a time while it plays. */
    static RecordedSamples stored(StoredSampleReader reader) {
        return player -> {
            try {
                reader.read(player::play);
            } catch (StoreException e) {
                throw new DriverException("the recorded samples could not be read: " + e.getMessage(), e);
            }
        };
    }

    static PreparedRun prepare(RunService service, SessionStore store, StoredSession session, Speed speed, StoreLocation database)
            throws StoreException, DriverException {
        Path label = Path.of(session.protocolFile());
        List<PlannedStep> planned = new ArrayList<>();
        List<RecordedSamplesPotentiostat.RecordedStep> recorded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<Integer, Integer> renumbered = new HashMap<>();
        Map<Integer, List<ImpedancePoint>> spectra = store.impedance().spectra(session.id());
        for (StoredStep step : store.steps(session.id())) {
            if (!REPLAYABLE.contains(step.kind())) {
                skipped.add("step " + step.index() + " (" + step.kind() + ")");
                continue;
            }
            Location where = new Location(label, step.index(), 1);
            int index = planned.size() + 1;
            if (step.kind().equals("eis")) {
                List<ImpedancePoint> spectrum = spectra.getOrDefault(step.index(), List.of());
                Optional<String> missing = SettingsReplan.missing(step);
                if (spectrum.isEmpty() || missing.isPresent()) {
                    skipped.add("step " + step.index() + " (" + (spectrum.isEmpty() ? "no impedance points"
                            : "eis without " + missing.get()) + ")");
                    continue;
                }
                planned.add(SettingsReplan.impedance(step, index, spectrum.stream().map(ImpedancePoint::frequencyHz).toList(),
                        where));
                recorded.add(new RecordedSamplesPotentiostat.RecordedStep("eis", List.of(), spectrum));
                renumbered.put(step.index(), index);
                continue;
            }
            // The samples are streamed from the store as they are played; only the last one's time is needed now.
            OptionalDouble lastTime = store.lastSampleTime(session.id(), step.index());
            if (lastTime.isEmpty()) {
                skipped.add("step " + step.index() + " (no samples)");
                continue;
            }
            double interval = step.intervalSeconds() > 0 ? step.intervalSeconds() : 1;
            double last = lastTime.getAsDouble();
            Duration intervalDuration = Duration.ofNanos(Math.max(1, Math.round(interval * 1e9)));
            Duration duration = Duration.ofNanos(Math.max(intervalDuration.toNanos(), Math.round(last * 1e9)));
            if (step.kind().equals("ca") && !Double.isNaN(step.voltsVsReference())) {
                planned.add(new PlannedStep.Chronoamperometry(index, step.label(),
                        new Potential(step.voltsVsReference(), Potential.Scale.RE), step.voltsVsRhe(), step.voltsVsReference(),
                        intervalDuration, duration, CurrentRangeChoice.AUTO, where, SettingsReplan.gasOnly(step)));
            } else if (step.kind().equals("ocp")) {
                planned.add(new PlannedStep.OpenCircuit(index, step.label(), intervalDuration, duration, where,
                        SettingsReplan.gasOnly(step)));
            } else if (!step.kind().equals("ca")) {
                Optional<String> missing = SettingsReplan.missing(step);
                if (missing.isPresent()) {
                    skipped.add("step " + step.index() + " (" + step.kind() + " without " + missing.get() + ")");
                    continue;
                }
                planned.add(SettingsReplan.step(step, index, intervalDuration, duration, where, session.rheOffsetVolts()));
            } else {
                skipped.add("step " + step.index() + " (ca without a set potential)");
                continue;
            }
            recorded.add(new RecordedSamplesPotentiostat.RecordedStep(step.kind(),
                    stored(new StoredSampleReader(store.location(), session.id(), step.index()))));
            renumbered.put(step.index(), index);
        }
        if (planned.isEmpty()) {
            throw new StoreException("session " + session.id() + " has no CA, OCP, LSV, CV, CP or EIS step to replay"
                    + (skipped.isEmpty() ? "" : " (" + String.join(", ", skipped) + " cannot be replayed)"));
        }
        String description = "replay of the recorded samples of session " + session.id()
                + (skipped.isEmpty() ? "" : "; left out: " + String.join(", ", skipped));
        Plan plan = new Plan(session.protocolName(), description, label, session.protocolText(), session.cell(), planned);
        InstrumentIdentity identity = new InstrumentIdentity("recorded", "recorded", "recording of session " + session.id()
                + " (" + session.instrument().model() + ")", session.instrument().firmware(), session.instrument().serialNumber());
        Capabilities capabilities = new Capabilities(-1000, 1000, List.of(1.0), Duration.ofNanos(1), Capabilities.ALL_TECHNIQUES);
        RecordedSamplesPotentiostat instrument = new RecordedSamplesPotentiostat(identity, capabilities, recorded, speed);
        RunRequest request = new RunRequest(label, "recorded", speed, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(database)).withSample(session.sample());   // the same sample, measured again
        PreparedRun run = service.prepareWith(plan, "recorded", instrument, request, Optional.of(session.id()));
        run.startsWithResistances(ReplayService.carried(store.impedance().resistances(session.id()), renumbered));
        return run;
    }
}
