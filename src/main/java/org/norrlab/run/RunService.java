package org.norrlab.run;

import org.norrlab.Version;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.Speed;
import org.norrlab.plan.Plan;
import org.norrlab.plan.ProtocolLoader;
import org.norrlab.scheduler.PlanCheck;
import org.norrlab.store.StoreLocation;
import org.norrlab.transport.RecordingTransport;
import org.norrlab.transport.TransportOpener;
import org.norrlab.transport.WireLog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prepares runs: everything that can be refused is refused here, before a session or the cell is touched. */
public final class RunService {
    private final SiteConfig site;
    private final DriverRegistry drivers;

    SiteConfig site() {
        return site;
    }

    DriverRegistry drivers() {
        return drivers;
    }

    private final HostCheck.Host host;

    public RunService(SiteConfig site) {
        this(site, HostCheck.SYSTEM);
    }

    /** @param host what the PC says about its free disk space and sleep; a test gives its own */
    public RunService(SiteConfig site, HostCheck.Host host) {
        this.site = site;
        this.drivers = new DriverRegistry(site.home());
        this.host = host;
    }

    /** A run on an instrument that is already open (a recording played back). */
    PreparedRun prepareWith(Plan plan, String profileName, Potentiostat instrument, RunRequest request, Optional<Long> replayOf)
            throws DriverException {
        return new PreparedRun(plan, profileName, instrument, instrument.identify(), request,
                request.database().orElseThrow(() -> new IllegalArgumentException("a run on an open instrument names its store")), Version.current(), new WireLog(), Map.of(), replayOf);
    }

    /** The store a run writes into: the request's, else the site's. */
    private StoreLocation store(RunRequest request) throws ConfigException {
        return request.database().isPresent() ? request.database().get() : StoreLocation.of(site);
    }

    public Plan loadPlan(Path protocol) throws ConfigException {
        return ProtocolLoader.load(protocol, site);
    }

    /** The request's protocol in the cell the request confirms, if it does (see {@link RunRequest#cell}). */
    public Plan loadPlan(RunRequest request) throws ConfigException {
        return ProtocolLoader.load(request.protocol(), site, request.cell());
    }

    public PreparedRun prepare(RunRequest request) throws ConfigException, DriverException, PlanRejectedException {
        return prepare(request, false);
    }

    /** @param strict refuse the run when the plan has warnings ({@link Plan#warnings}), as {@code --strict} asks */
    public PreparedRun prepare(RunRequest request, boolean strict) throws ConfigException, DriverException, PlanRejectedException {
        InstrumentProfile profile = drivers.profile(request.instrument());
        return prepare(loadPlan(request), profile, request, TransportOpener.SERIAL, Optional.empty(),
                InstrumentSettings.capture(profile, site.home(), request.seed()), strict);
    }

    /** The instrument profile drivers/NAME.yaml, e.g. for {@code plan} to check a protocol against. */
    public InstrumentProfile profile(String name) throws ConfigException {
        return drivers.profile(name);
    }

    /**
     * The checks a plan passes before anything is opened, the one place {@code run} and {@code plan} both call:
     * the instrument's capabilities, what its driver would refuse a step for, and the safety envelope ({@link PlanCheck}),
     * then, when {@code strict}, its warnings. Nothing is touched; the profile is read, never opened.
     */
    public static void check(Plan plan, InstrumentProfile profile, boolean strict) throws PlanRejectedException {
        List<String> problems = PlanCheck.problems(plan, profile);
        if (!problems.isEmpty()) {
            throw new PlanRejectedException(profile.name(), problems);
        }
        if (strict && !plan.warnings().isEmpty()) {
            throw PlanRejectedException.warningsUnderStrict(plan.warnings());
        }
    }

    /**
     * Every check before a run, the one place {@code run} and {@code plan} both call: {@link #check} on the plan with
     * the PC's own warnings ({@link HostCheck}: free space in the store's folder, sleep) joined to the protocol's.
     * The PC's warnings are printed, stored with the session and refused under {@code --strict} as the protocol's are.
     *
     * @param store the store the run writes into (its folder's free space is checked)
     * @return the plan with the PC's warnings joined
     */
    public Plan checkOnThisHost(Plan plan, InstrumentProfile profile, Speed speed, StoreLocation store, boolean strict)
            throws PlanRejectedException {
        Plan checked = plan.withWarnings(HostCheck.warnings(plan, speed, store, host));
        check(checked, profile, strict);
        return checked;
    }

    /**
     * Opens the instrument for a plan: every byte it exchanges over a serial port is recorded with
     * the session, so that the session can be replayed through the same driver later.
     */
    PreparedRun prepare(Plan plan, InstrumentProfile profile, RunRequest request, TransportOpener transports,
                        Optional<Long> replayOf, Map<String, String> settings)
            throws ConfigException, DriverException, PlanRejectedException {
        return prepare(plan, profile, request, transports, replayOf, settings, false);
    }

    private PreparedRun prepare(Plan plan, InstrumentProfile profile, RunRequest request, TransportOpener transports,
                                Optional<Long> replayOf, Map<String, String> settings, boolean strict)
            throws ConfigException, DriverException, PlanRejectedException {
        if (replayOf.isEmpty()) {
            List<String> ignored = simulatorOnlyOptions(profile, request);
            if (!ignored.isEmpty()) {
                throw PlanRejectedException.optionsNotApplicable(profile.name(), ignored);
            }
        }
        StoreLocation database = store(request);
        plan = checkOnThisHost(plan, profile, request.speed(), database, strict);
        WireLog wire = new WireLog();
        OpenOptions options = new OpenOptions(plan.cell(), request.speed(), request.seed(), request.port(),
                request.preset(), site.home(), RecordingTransport.recording(transports, wire), site.idlePotential());
        Potentiostat instrument = drivers.open(profile, options);
        try {
            PreparedRun run = new PreparedRun(plan, profile.name(), instrument, instrument.identify(), request,
                    database, Version.current(), wire, settings, replayOf);
            // A replay reconnects too: its recording opens the port again where the recorded run did, or
            // says at once that the instrument never came back (so the window is not waited out).
            run.reconnectFor(site.reconnectFor());
            return run;
        } catch (DriverException | RuntimeException e) {
            instrument.close();
            throw e;
        }
    }

    /**
     * Speed, catalyst preset and seed only mean something to the simulator (and speed to a replay), a port only to a
     * real instrument. An instrument would ignore them while the session recorded them as applied, so they are refused.
     */
    private static List<String> simulatorOnlyOptions(InstrumentProfile profile, RunRequest request) {
        if (DriverRegistry.simulated(profile)) {
            // The other way round: a port means a real instrument was meant, and the simulator would silently not use it.
            return request.port().map(port -> List.of("--port " + port + ": the simulator has no serial port; leave --port"
                    + " out, or give --instrument with the profile of the instrument on that port")).orElse(List.of());
        }
        List<String> ignored = new ArrayList<>();
        if (!request.speed().equals(Speed.REAL_TIME)) {
            ignored.add("--speed " + request.speed() + ": " + profile.name() + " measures in real time; a speed applies"
                    + " to the simulator and to replays only");
        }
        request.preset().ifPresent(preset -> ignored.add("--catalyst " + preset + ": the catalyst is the one in the"
                + " cell; presets apply to the simulator only"));
        request.seed().ifPresent(seed -> ignored.add("--seed " + seed + ": only the simulator has a random seed"));
        return ignored;
    }
}
