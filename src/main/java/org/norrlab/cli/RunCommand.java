package org.norrlab.cli;

import org.norrlab.config.SiteConfig;
import org.norrlab.core.BadInputException;
import org.norrlab.core.SampleEntry;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.UnknownPresetException;
import org.norrlab.driver.Speed;
import org.norrlab.labdata.SimulatedAssays;
import org.norrlab.plan.Electrolyte;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlanWarning;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.report.SessionSummaries;
import org.norrlab.report.StepSummary;
import org.norrlab.run.LabFile;
import org.norrlab.run.PreparedRun;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.runalert.RunAlerts;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a protocol on an instrument and stores the session. Ctrl-C aborts: the cell is turned off"
                + " and every sample already acquired is kept.")
final class RunCommand implements Callable<Integer> {
    /** Asked for only when a line is logged: plan uses this class's checks and never logs (start-up). */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    }

    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions homeOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROTOCOL", description = "Protocol file, e.g. protocols/demo-sweep.yaml.")
    Path protocol;

    @Option(names = "--lab", arity = "0..1", fallbackValue = LabFile.DEFAULT, paramLabel = "FILE",
            description = "Run every bench of a lab file at once, each with its instrument, protocol and cell, into one"
                    + " database (FILE defaults to " + LabFile.DEFAULT + "); instead of PROTOCOL.")
    Path lab;

    @Option(names = "--instrument", defaultValue = "sim", paramLabel = "PROFILE",
            description = "Instrument profile in drivers/ (default: ${DEFAULT-VALUE}).")
    String instrument;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "N|max",
            description = "Simulated instruments only: 1 = real time, 600 = ten minutes per second, max = as fast as possible (default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--seed", paramLabel = "N", description = "Simulated instruments only: random seed (default: the profile's).")
    Long seed;

    @Option(names = "--catalyst", paramLabel = "NAME",
            description = "Simulated instruments only: catalyst preset from drivers/sim/catalysts.yaml.")
    String catalyst;

    @Option(names = "--port", paramLabel = "PORT", description = "Serial port of a real instrument.")
    String port;

    @Option(names = "--strict", description = "Refuse the protocol (exit 3, nothing started) when it has warnings, e.g. an"
            + " oxidising potential in a reduction sweep; without it they are printed and stored with the session.")
    boolean strict;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Option(names = "--simulate-assays",
            description = "Simulated instruments only: after the run, assay the catholyte's NH3 after every CA step"
                    + " from the simulator's truth (1 %% scatter; with electrolyte: accumulate, the batch's concentration"
                    + " at that moment), store the results and print the FE/yield table.")
    boolean simulateAssays;

    @Option(names = "--unattended", description = "Run with nobody at the bench: every hold of the protocol follows its"
            + " on_timeout at once (continue or abort) instead of waiting for the operator; a protocol can say the same"
            + " with 'unattended: true'.")
    boolean unattended;

    @Option(names = "--sample", defaultValue = "", paramLabel = "NAME",
            description = "The catalyst or sample in the cell (one line), stored with the session and shown by show,"
                    + " sessions, export and report.")
    String sample;

    @Option(names = "--operator", defaultValue = "", paramLabel = "NAME",
            description = "Who runs the session (one line), stored with it.")
    String operator;

    @Option(names = "--notes", defaultValue = "", paramLabel = "TEXT",
            description = "Free notes stored with the session (the electrolyte batch, what was special today).")
    String notes;

    /** Where Enter comes from at a hold, and whether anyone can press it; tests set their own. */
    OperatorConsole.StandardInput standardInput = OperatorConsole.StandardInput.SYSTEM;

    @Override
    public Integer call() throws Exception {
        SiteConfig site = homeOptions.site();
        if (lab != null) {
            if (protocol != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either a PROTOCOL or --lab,"
                        + " not both: a lab file names each bench's protocol");
            }
            Path file = lab.isAbsolute() || java.nio.file.Files.exists(lab) ? lab : site.home().resolve(lab);
            return LabCommandSupport.run(spec.commandLine().getOut(), file, site, homeOptions.store(), noProgress);
        }
        if (protocol == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required parameter: 'PROTOCOL' (e.g. protocols/demo-sweep.yaml), or --lab for a lab file");
        }
        // A store that cannot be written is refused before the run's header says it is starting.
        SessionStore.requireWritable(homeOptions.store());
        RunService service = new RunService(site);
        RunRequest request = new RunRequest(protocol, instrument, Speed.parse(speed), Optional.ofNullable(seed),
                Optional.ofNullable(catalyst), Optional.ofNullable(port), Optional.of(homeOptions.store()))
                .withSample(new SampleEntry(sample, operator, notes));
        if (simulateAssays && !DriverRegistry.simulated(new DriverRegistry(site.home()).profile(instrument))) {
            throw new BadInputException("--simulate-assays needs the simulated instrument; " + instrument
                    + " is a real one: enter its assays with 'norrlab assay add' or 'assay import'");
        }
        // Refused before the instrument is opened: a run that would wait at a hold for nobody never starts.
        OperatorConsole.checkSomeoneCanAnswer(service.loadPlan(protocol), unattended, standardInput);
        PreparedRun run;
        try {
            run = service.prepare(request, strict);
        } catch (UnknownPresetException e) {
            throw new BadInputException("--catalyst " + catalyst + ": " + e.problem(), e);   // the option, not sim.yaml
        }
        if (unattended) {
            run.runUnattended();
        }
        PrintWriter out = spec.commandLine().getOut();
        Optional<RunAlerts> alerts = attachAlerts(site, run);
        RunOutcome outcome;
        try {
            outcome = runAndPrint(out, run, request.speed(), noProgress, standardInput, alerts);
            try {
                if (simulateAssays) {
                    printSimulatedAssays(out, outcome);
                }
            } finally {
                // after the assays, so that the run-finished alert carries their FE/yield table
                alerts.ifPresent(a -> a.finished(outcome));
            }
        } finally {
            alerts.ifPresent(a -> {
                a.noOutcome();
                a.closeAndPrint(out);
            });
        }
        return exitCode(outcome);
    }

    /** The site's alerts attached to the run; a run that is given back unrun when the site's alerts cannot be read. */
    static Optional<RunAlerts> attachAlerts(SiteConfig site, PreparedRun run) throws Exception {
        try {
            return RunAlerts.attach(site, run);
        } catch (Exception e) {
            run.discard();
            throw e;
        }
    }

    private static void printSimulatedAssays(PrintWriter out, RunOutcome outcome) throws StoreException {
        try (SessionStore store = SessionStore.open(outcome.database())) {
            SimulatedAssays.addTo(store, outcome.sessionId());
            out.println();
            boolean accumulates = store.session(outcome.sessionId()).map(s -> s.electrolyte() == Electrolyte.Mode.ACCUMULATE)
                    .orElse(false);
            out.println(accumulates
                    ? "Simulated NH3 assays of the accumulating catholyte after each CA step (the simulator's truth"
                            + " with 1 % scatter), analysed:"
                    : "Simulated NH3 assays of each CA step (the simulator's truth with 1 % scatter), analysed:");
            AnalyzeCommand.printTable(out, SessionAnalysis.analyze(store, outcome.sessionId(),
                    SessionAnalysis.Options.DEFAULT));
        }
        out.flush();
    }

    /** Runs a prepared run with progress and Ctrl-C handling, prints its table, and returns the exit code. */
    static int execute(PrintWriter out, PreparedRun run, Speed speed, boolean noProgress,
                       OperatorConsole.StandardInput input, Optional<RunAlerts> alerts) throws Exception {
        try {
            RunOutcome outcome = runAndPrint(out, run, speed, noProgress, input, alerts);
            alerts.ifPresent(a -> a.finished(outcome));
            return exitCode(outcome);
        } finally {
            alerts.ifPresent(a -> {
                a.noOutcome();
                a.closeAndPrint(out);
            });
        }
    }

    static int exitCode(RunOutcome outcome) {
        return switch (outcome.status()) {
            case COMPLETED -> ExitCodes.OK;
            // 130 is Ctrl-C's; a run the protocol stopped (a hold's on_timeout: abort) did not complete, nobody interrupted it
            case ABORTED -> outcome.result() != null && outcome.result().endedByProtocol() ? ExitCodes.FAILED
                    : ExitCodes.ABORTED;
            default -> ExitCodes.FAILED;
        };
    }

    /** The plan's notes and warnings, one paragraph each, before anything runs; nothing when it has none. */
    static void printWarnings(PrintWriter out, Plan plan) {
        for (String note : plan.notes()) {
            out.println("Note: " + note);
        }
        for (PlanWarning warning : plan.warnings()) {
            out.println("Warning: " + warning.message());
        }
        if (!plan.warnings().isEmpty()) {
            out.println("Warnings do not stop a run; a run stores them with its session. --strict refuses a protocol with warnings.");
        }
        out.flush();
    }

    private static RunOutcome runAndPrint(PrintWriter out, PreparedRun run, Speed speed, boolean noProgress,
                                          OperatorConsole.StandardInput input, Optional<RunAlerts> alerts)
            throws Exception {
        printWarnings(out, run.plan());
        out.printf(Locale.ROOT, "Protocol %s: %d steps, %s planned, on %s%s%n", run.plan().name(),
                // the same duration 'plan' prints: "up to" with holds, which end when the operator continues
                run.plan().steps().size(), PlanCommand.total(run.plan()), run.identity().describe(),
                DriverRegistry.simulated(run.identity().family()) || run.replayOf().isPresent() ? " at speed " + speed : "");
        out.flush();
        if (run.waitsForOperator()) {
            OperatorConsole.attach(run, out, input.stream());
        }

        RunOutcome outcome;
        try (InterruptHook onSignal = InterruptHook.install("ctrl-c", run::requestAbort, run::awaitFinished,
                Duration.ofSeconds(15), alerts.map(List::of).orElse(List.of()))) {
            try (ProgressDisplay progress = noProgress ? null : new ProgressDisplay(run.plan(), run.statistics())) {
                outcome = run.execute(progress == null ? RunListener.NONE : progress);
            } catch (StoreException e) {
                alerts.ifPresent(a -> a.storeFailed(e));
                throw e;
            }
            printSummary(out, outcome);
        }
        return outcome;
    }

    /** Takes back an interrupt hook after a run; during Ctrl-C the hook is running and stays. */
    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The JVM is shutting down because of Ctrl-C; the hook is running and will let it go.
            Log.LOG.debug("shutdown in progress; the interrupt hook stays", alreadyShuttingDown);
        }
    }

    /**
     * The summary of a run. What the process knows itself (how the run ended, samples acquired and committed, the
     * cell) is printed first, so that a store that failed or stopped answering cannot keep it from the operator;
     * then the step table and the store's own count of the session's samples, read back.
     */
    static void printSummary(PrintWriter out, RunOutcome outcome) {
        out.println();
        out.printf(Locale.ROOT, "Session %d %s: %s%n", outcome.sessionId(), outcome.status().dbName(), outcome.reason());
        String lag = outcome.result().lagMillis().isEmpty() ? "no step boundary" : String.format(Locale.ROOT,
                "step-to-step lag mean %.2f ms, max %.2f ms",
                outcome.result().lagMillis().stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                outcome.result().lagMillis().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        out.printf(Locale.ROOT, "Wall time %.2f s; %d samples acquired, %d committed to the store (%.0f samples/s); %s%n",
                outcome.wallSeconds(), outcome.counters().samplesIn(), outcome.samplesCommitted(),
                outcome.samplesPerSecond(), lag);
        storedAndCell(outcome).ifPresent(out::println);
        out.println("Session database: " + outcome.database());
        out.println("Cell off means: " + outcome.cellOffState());
        out.flush();
        printStoredSteps(out, outcome);
        out.flush();
    }

    /** What became of the samples and of the cell, from the run's own counts and the instrument's answer. */
    private static Optional<String> storedAndCell(RunOutcome outcome) {
        String cell = outcome.result().cellOffConfirmed() ? "the cell was turned off."
                : "the instrument did not confirm that the cell is off: check the cell and the instrument now.";
        if (outcome.samplesNotStored() > 0 && outcome.samplesInDoubt() > 0) {
            return Optional.of(String.format(Locale.ROOT, "NOT CONFIRMED: %d of the %d samples acquired (the store did not"
                            + " confirm them; %s); the %d it confirmed are kept; %s", outcome.samplesNotStored(),
                    outcome.counters().samplesIn(), outcome.inDoubtClause(), outcome.samplesCommitted(), cell));
        }
        if (outcome.samplesNotStored() > 0) {
            return Optional.of(String.format(Locale.ROOT, "NOT STORED: %d of the %d samples acquired (the store did not"
                            + " confirm them); the %d it confirmed are kept; %s", outcome.samplesNotStored(),
                    outcome.counters().samplesIn(), outcome.samplesCommitted(), cell));
        }
        if (!outcome.result().cellOffConfirmed()) {
            return Optional.of("Every sample acquired before the stop is stored, but " + cell);
        }
        if (outcome.status() != SessionStatus.COMPLETED) {
            return Optional.of("Every sample acquired before the stop is stored; " + cell);
        }
        return Optional.empty();
    }

    /** The step table and the store's count of the session's samples; skipped when the store failed at the end. */
    private static void printStoredSteps(PrintWriter out, RunOutcome outcome) {
        if (!outcome.endRecorded()) {
            out.println("No step table: the store did not take the session's end, so it is not asked again now.");
            return;
        }
        List<StepSummary> rows;
        long stored;
        List<String> spectra;
        try (SessionStore store = SessionStore.open(outcome.database())) {
            rows = SessionSummaries.of(store, outcome.sessionId());
            stored = store.sampleCount(outcome.sessionId());
            spectra = SpectrumCounts.lines(rows.stream().map(StepSummary::step).toList(),
                    store.impedance().spectra(outcome.sessionId()));
        } catch (StoreException e) {
            Log.LOG.error("the step table of session {} could not be read from {}", outcome.sessionId(), outcome.database(), e);
            out.println("No step table: it could not be read back from the store (" + e.getMessage() + ").");
            return;
        }
        StepTablePrinter.print(out, rows);
        out.printf(Locale.ROOT, "Stored: %d samples of session %d, counted by the store%s.%n", stored, outcome.sessionId(),
                stored == outcome.samplesCommitted() ? "" : String.format(Locale.ROOT,
                        " (%d were confirmed committed during the run)", outcome.samplesCommitted()));
        spectra.forEach(out::println);
    }
}
