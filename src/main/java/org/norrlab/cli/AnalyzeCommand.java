package org.norrlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.norrlab.analysis.ProductResult;
import org.norrlab.analysis.Replicates;
import org.norrlab.config.Dimension;
import org.norrlab.config.Potential;
import org.norrlab.config.Quantities;
import org.norrlab.core.BadInputException;
import org.norrlab.report.AnalysisExport;
import org.norrlab.report.ElectrolyteRows;
import org.norrlab.report.ElectrolyteSummary;
import org.norrlab.report.PlaceText;
import org.norrlab.report.ReplicateAnalysis;
import org.norrlab.report.ResistanceAnalysis;
import org.norrlab.report.ResultRows;
import org.norrlab.report.ResultText;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.report.StabilityAnalysis;
import org.norrlab.report.StepAnalysis;
import org.norrlab.report.SweepSession;
import org.norrlab.report.SweepText;
import org.norrlab.report.TextTable;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Charge, product amounts, faradaic efficiencies and NH3 yield of every CA step of a session; with"
                + " several sessions of one protocol, their mean and standard deviation per potential.",
                "A session with potential sweeps also gets the onset of every LSV, LSV(NO) − LSV(Ar), and C_dl and ECSA"
                        + " from a CV scan-rate series (table format only)."})
final class AnalyzeCommand implements Callable<Integer> {
    enum Format { TABLE, JSON, CSV }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions homeOptions;

    @Parameters(index = "0", paramLabel = "SESSION", description = "Session id (see 'norrlab sessions').")
    long sessionId;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "REPLICATE",
            description = "Further sessions of the same protocol (replicate electrodes): the mean and sample standard"
                    + " deviation (n − 1) of FE and yield per potential over all the sessions given.")
    List<Long> replicates = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--blank-current", paramLabel = "I",
            description = "Background current to subtract before integrating, signed, e.g. '-0.05 mA'.")
    String blankCurrent;

    @Option(names = "--cycles", description = "Shows FE and NH3 yield per cycle of each repeat block (a stability test),"
            + " with their mean, standard deviation and the change from the first cycle to the last.")
    boolean cycles;

    @Option(names = "--onset-at", paramLabel = "J",
            description = "The cathodic current density |j| that defines an LSV's onset potential, e.g. '0.5 mA/cm2'"
                    + " (default: 1 mA/cm2).")
    String onsetAt;

    @Option(names = "--cdl-at", paramLabel = "E",
            description = "The potential at which C_dl reads Δj/2 on every CV of the scan-rate series, e.g. '0.2 V vs RHE'"
                    + " (default: the middle of the window the series' CVs share).")
    String cdlAt;

    @Option(names = "--specific-capacitance", paramLabel = "C_S",
            description = "The specific capacitance that turns C_dl into an ECSA, e.g. '35 µF/cm2' (default: 40 µF/cm2,"
                    + " the general value of McCrory et al., J. Am. Chem. Soc. 2013).")
    String specificCapacitance;

    @Option(names = "--cdl-steps", split = ",", paramLabel = "STEP",
            description = "The CV steps of the C_dl scan-rate series, e.g. '3,4,5,6,7' (default: the CVs that share one"
                    + " window over the most scan rates).")
    List<Integer> cdlSteps = new ArrayList<>();

    @Option(names = "--tafel-window", paramLabel = "A..B",
            description = "Fits a Tafel slope over this window of iR-corrected potentials vs RHE, e.g. '-0.40..-0.15' (in"
                    + " V); it needs an R_u (see 'norrlab ru').")
    String tafelWindow;

    @Option(names = "--tafel-from", paramLabel = "SOURCE", defaultValue = "ca",
            description = "Where the Tafel points come from: 'ca' for the CA steps' steady currents (the mean over the"
                    + " second half of each step), or the index of an LSV step for its samples (default: ${DEFAULT-VALUE}).")
    String tafelFrom;

    @Override
    public Integer call() throws Exception {
        SessionAnalysis.Options options = SessionAnalysis.Options.DEFAULT;
        if (blankCurrent != null) {
            options = new SessionAnalysis.Options(CurrentText.amperes(blankCurrent));
        }
        PrintWriter out = spec.commandLine().getOut();
        Optional<ResistanceAnalysis.TafelRequest> tafel = tafelRequest();
        if (tafel.isPresent() && (!replicates.isEmpty() || cycles)) {
            throw new BadInputException("--tafel-window fits the potentials of one session; leave out "
                    + (cycles ? "--cycles" : "the replicate sessions"));
        }
        try (SessionStore store = homeOptions.openStoreForReading()) {
            if (!replicates.isEmpty() && cycles) {
                throw new BadInputException("--cycles compares the cycles of one session; give one session, or leave"
                        + " out --cycles to compare replicate sessions");
            }
            List<String> sweepOptions = givenSweepOptions();
            if (!sweepOptions.isEmpty() && (!replicates.isEmpty() || cycles || format != Format.TABLE)) {
                throw new BadInputException(String.join(", ", sweepOptions) + " analyse the sweeps of one session and"
                        + " print as a table; leave out " + (!replicates.isEmpty() ? "the replicate sessions"
                        : cycles ? "--cycles" : "--format " + format.name().toLowerCase(Locale.ROOT)));
            }
            if (!replicates.isEmpty()) {
                analyzeReplicates(out, store, options);
                out.flush();
                return ExitCodes.OK;
            }
            Lookup.find(store, sessionId);
            List<StoredStep> steps = store.steps(sessionId);
            boolean sweeps = SweepSession.hasSweeps(steps);
            if (!sweepOptions.isEmpty() && !sweeps) {
                throw new BadInputException(String.join(", ", sweepOptions) + " analyse potential sweeps (LSV, CV), and"
                        + " session " + sessionId + " has none (its steps are " + (steps.isEmpty() ? "none"
                        : String.join(", ", steps.stream().map(StoredStep::kind).toList())) + ")");
            }
            if (sweeps && steps.stream().noneMatch(s -> s.kind().equals("ca")) && !cycles) {
                // Nothing for FE and yield: the sweeps are the analysis.
                requireTableFormat();
                printSweeps(out, store);
                if (tafel.isPresent()) {
                    out.println();
                    printResistance(out, ResistanceAnalysis.of(store, Lookup.find(store, sessionId), steps, tafel));
                }
                out.flush();
                return ExitCodes.OK;
            }
            requireCaStep(store);
            SessionAnalysis.Result result = SessionAnalysis.analyze(store, sessionId, options);
            if (cycles) {
                printCycles(out, result);
                out.flush();
                return ExitCodes.OK;
            }
            ResistanceAnalysis resistance = format == Format.CSV && tafel.isEmpty() ? null
                    : ResistanceAnalysis.of(store, result.session(), steps, tafel);
            switch (format) {
                case TABLE -> {
                    printTable(out, result);
                    out.println();
                    printResistance(out, resistance);
                    if (sweeps) {
                        out.println();
                        printSweeps(out, store);
                    }
                }
                case JSON -> out.println(withResistance(AnalysisExport.json(result), resistance));
                case CSV -> {
                    if (tafel.isPresent()) {
                        throw new BadInputException("--tafel-window prints in the table or JSON (--format table or"
                                + " json), not csv");
                    }
                    out.print(AnalysisExport.csv(result));
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The window of --tafel-window, in V vs RHE, and where --tafel-from takes the points. */
    private Optional<ResistanceAnalysis.TafelRequest> tafelRequest() {
        if (tafelWindow == null) {
            return Optional.empty();
        }
        String[] ends = tafelWindow.split("\\.\\.");
        if (ends.length != 2) {
            throw new BadInputException("--tafel-window: write the window as two potentials vs RHE in V joined by"
                    + " '..', e.g. '-0.40..-0.15', was '" + tafelWindow + "'");
        }
        double from = volts(ends[0]);
        double to = volts(ends[1]);
        OptionalInt lsv = OptionalInt.empty();
        if (!tafelFrom.equalsIgnoreCase("ca")) {
            try {
                lsv = OptionalInt.of(Integer.parseInt(tafelFrom.trim()));
            } catch (NumberFormatException notAStep) {
                throw new BadInputException("--tafel-from: 'ca' or the index of an LSV step, e.g. 3, was '" + tafelFrom
                        + "'", notAStep);
            }
        }
        return Optional.of(new ResistanceAnalysis.TafelRequest(lsv, from, to));
    }

    private static double volts(String text) {
        String written = text.trim().matches("[-+0-9.eE]+") ? text.trim() + " V" : text.trim();
        return Quantities.parse("--tafel-window", written, Dimension.POTENTIAL);
    }

    /** The analysis JSON with the R_u in force and the iR-corrected potentials added; its own keys unchanged. */
    private static String withResistance(String json, ResistanceAnalysis resistance) throws JsonProcessingException {
        ObjectNode root = (ObjectNode) JSON.readTree(json);
        root.setAll(resistance.json());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** R_u and its source, the CA steps' potentials as set and iR-corrected, and the Tafel slope when asked for. */
    static void printResistance(PrintWriter out, ResistanceAnalysis resistance) {
        if (resistance.ru().isEmpty()) {
            out.println("iR correction: none; " + resistance.absence().orElseThrow());
            return;
        }
        out.println("iR correction, E_corr = E − I·R_u·(1 − c), " + ResistanceAnalysis.line(resistance.ru().get(),
                resistance.recorded()));
        resistance.fitNow().ifPresent(fit -> out.println("  " + fit.summary()));
        if (!resistance.steps().isEmpty()) {
            TextTable table = new TextTable(ResistanceAnalysis.HEADERS);
            resistance.steps().forEach(step -> table.row(ResistanceAnalysis.cells(step).toArray(String[]::new)));
            table.print(out);
        }
        resistance.tafel().ifPresent(t -> out.println(t.summary()));
    }

    private void analyzeReplicates(PrintWriter out, SessionStore store, SessionAnalysis.Options options)
            throws StoreException {
        List<Long> ids = new ArrayList<>(List.of(sessionId));
        ids.addAll(replicates);
        for (long id : ids) {
            Lookup.find(store, id);
        }
        ReplicateAnalysis.Result result = ReplicateAnalysis.analyze(store, ids, options);
        switch (format) {
            case TABLE -> printReplicates(out, result);
            case JSON -> out.println(ReplicateAnalysis.json(result));
            case CSV -> throw new BadInputException("--format csv is one row per step and product of one session; for"
                    + " replicates use --format table or json");
        }
    }

    static void printReplicates(PrintWriter out, ReplicateAnalysis.Result result) {
        out.printf(Locale.ROOT, "Replicates of %s: sessions %s%n", result.protocol(),
                String.join(", ", result.sessionIds().stream().map(String::valueOf).toList()));
        TextTable table = new TextTable("E vs RHE (V)", "n", "FE NH3 (%)", "FE sum (%)", "NH3 yield (µmol h⁻¹ cm⁻²)");
        for (Replicates.AtPotential p : result.potentials()) {
            table.row(String.format(Locale.ROOT, "%.3f", p.voltsVsRhe()), String.valueOf(p.sessions().size()),
                    ReplicateAnalysis.text(p.feNh3(), 100, 2), ReplicateAnalysis.text(p.feSum(), 100, 2),
                    ReplicateAnalysis.text(p.yield(), 1, 3));
        }
        table.print(out);
        for (Replicates.AtPotential p : result.potentials()) {
            p.notes().forEach(note -> out.printf(Locale.ROOT, "%.3f V: %s%n", p.voltsVsRhe(), note));
        }
        out.println("± is the sample standard deviation (n − 1) across the sessions, not the propagated uncertainty of"
                + " one session.");
    }

    /** Only a session run from a protocol with a repeat block has cycles; CSV has no shape for them yet. */
    private void printCycles(PrintWriter out, SessionAnalysis.Result result) {
        List<StabilityAnalysis.Block> blocks = StabilityAnalysis.of(result);
        if (blocks.isEmpty()) {
            throw new BadInputException("session " + sessionId + " has no CA step inside a repeat block, so it has no"
                    + " cycles to compare; --cycles needs a session run from a protocol with 'repeat: {times, steps}'"
                    + " (e.g. protocols/norr-stability.yaml)");
        }
        switch (format) {
            case TABLE -> CyclesText.print(out, sessionId, blocks);
            case JSON -> out.println(StabilityAnalysis.json(result, blocks));
            case CSV -> throw new BadInputException("--cycles prints a table or JSON (--format table or json), not csv");
        }
    }

    /** The sweep options given: on a session without sweeps, or with output that has no place for them, refused. */
    private List<String> givenSweepOptions() {
        List<String> given = new ArrayList<>();
        if (onsetAt != null) {
            given.add("--onset-at");
        }
        if (cdlAt != null) {
            given.add("--cdl-at");
        }
        if (specificCapacitance != null) {
            given.add("--specific-capacitance");
        }
        if (!cdlSteps.isEmpty()) {
            given.add("--cdl-steps");
        }
        return given;
    }

    private void requireTableFormat() {
        if (format != Format.TABLE) {
            throw new BadInputException("session " + sessionId + " has potential sweeps and no CA step; its sweep"
                    + " analysis prints as a table only (--format table)");
        }
    }

    private SweepSession.Options sweepOptions() {
        SweepSession.Options defaults = SweepSession.Options.DEFAULT;
        double onset = onsetAt == null ? defaults.onsetAmperesPerCm2()
                : Quantities.parse("--onset-at", onsetAt, Dimension.CURRENT_DENSITY);
        if (!(onset > 0)) {
            throw new BadInputException("--onset-at: the onset's current density is a magnitude |j|; write a positive"
                    + " value, e.g. '1 mA/cm2', was '" + onsetAt + "'");
        }
        double specific = specificCapacitance == null ? defaults.specificFaradsPerCm2()
                : Quantities.parse("--specific-capacitance", specificCapacitance, Dimension.CAPACITANCE_PER_AREA);
        if (!(specific > 0)) {
            throw new BadInputException("--specific-capacitance must be positive, e.g. '40 µF/cm2', was '"
                    + specificCapacitance + "'");
        }
        OptionalDouble at = OptionalDouble.empty();
        if (cdlAt != null) {
            Potential potential = Quantities.potential("--cdl-at", cdlAt);
            if (potential.scale() != Potential.Scale.RHE) {
                throw new BadInputException("--cdl-at: give the potential vs RHE, as the sweep analysis reports it, e.g."
                        + " '0.2 V vs RHE'; was '" + cdlAt + "'");
            }
            at = OptionalDouble.of(potential.volts());
        }
        return new SweepSession.Options(onset, at, specific, cdlSteps);
    }

    private void printSweeps(PrintWriter out, SessionStore store) throws StoreException {
        printSweeps(out, SweepSession.analyze(store, sessionId, sweepOptions()));
    }

    static void printSweeps(PrintWriter out, SweepSession.Result result) {
        out.println(SweepText.heading(result));
        if (!result.lsvs().isEmpty()) {
            out.println(SweepText.onsetTitle(result) + ":");
            TextTable onsets = new TextTable(SweepText.ONSET_HEADERS.toArray(String[]::new));
            SweepText.onsetRows(result).forEach(r -> onsets.row(r.toArray(String[]::new)));
            onsets.print(out);
        }
        result.doubleLayer().ifPresent(fit -> {
            out.println("C_dl scan-rate series (last scan of each CV):");
            TextTable points = new TextTable(SweepText.CDL_HEADERS.toArray(String[]::new));
            SweepText.cdlRows(fit).forEach(r -> points.row(r.toArray(String[]::new)));
            points.print(out);
        });
        SweepText.lines(result).forEach(out::println);
    }

    /** FE and yield come from a CA step's charge: a session without one has nothing to analyse, and says why. */
    private void requireCaStep(SessionStore store) throws StoreException {
        boolean imported = Lookup.find(store, sessionId).instrument().isImported();
        List<StoredStep> steps = store.steps(sessionId);
        if (steps.stream().noneMatch(s -> s.kind().equals("ca"))) {
            throw new BadInputException("session " + sessionId + " has no chronoamperometry step (its steps are "
                    + (steps.isEmpty() ? "none" : String.join(", ", steps.stream().map(StoredStep::kind).toList()))
                    + "): FE and yield need the charge of a chronoamperometry (CA) step"
                    + (imported ? caAdvice(steps) : "; this session ran none: a protocol needs a ca step for them"));
        }
    }

    /**
     * Only a step of kind 'other' (the file did not name its technique) can become CA with --technique: import refuses
     * --technique for a step whose kind the file states, so the advice must not offer it there.
     */
    private static String caAdvice(List<StoredStep> steps) {
        if (steps.stream().anyMatch(s -> s.kind().equals("other"))) {
            return "; if its 'other' steps are chronoamperometry, import their file again with --technique ca --potential"
                    + " '… V vs RHE'";
        }
        return ", and the file states these steps' kinds (--technique ca cannot change them): import a session that"
                + " holds a CA step";
    }

    /** The catholyte's mode, and the aliquots taken out of it. */
    private static void printElectrolyte(PrintWriter out, ElectrolyteSummary electrolyte) {
        out.println("Electrolyte: " + ElectrolyteRows.mode(electrolyte.mode()));
        if (!electrolyte.aliquots().isEmpty()) {
            out.println("Aliquots:");
            TextTable aliquots = new TextTable(ElectrolyteRows.ALIQUOT_HEADERS.toArray(String[]::new));
            electrolyte.aliquots().forEach(a -> aliquots.row(ElectrolyteRows.aliquot(a).toArray(String[]::new)));
            aliquots.print(out);
        }
    }

    /** Where the steps of an accumulating batch stand, and one FE over steps that can only be counted together. */
    private static void printBatches(PrintWriter out, ElectrolyteSummary electrolyte) {
        if (!electrolyte.lines().isEmpty()) {
            out.println("Batch amounts:");
            TextTable lines = new TextTable(ElectrolyteRows.LINE_HEADERS.toArray(String[]::new));
            electrolyte.lines().forEach(l -> lines.row(ElectrolyteRows.line(l).toArray(String[]::new)));
            lines.print(out);
            out.println(ElectrolyteRows.LINE_LEGEND);
        }
        if (!electrolyte.rows().isEmpty()) {
            out.println("Batch rows:");
            TextTable rows = new TextTable(ElectrolyteRows.ROW_HEADERS.toArray(String[]::new));
            electrolyte.rows().forEach(r -> rows.row(ElectrolyteRows.row(r).toArray(String[]::new)));
            rows.print(out);
            out.println(ElectrolyteRows.rowLegend(electrolyte.rows()));
        }
    }

    static void printTable(PrintWriter out, SessionAnalysis.Result result) {
        var cell = result.session().cell();
        out.printf(Locale.ROOT, "Session %d (%s): electrode %.3g cm², electrolyte %.3g mL, loading %.3g mg/cm²%n",
                result.session().id(), result.session().protocolName(), cell.electrodeAreaCm2(), cell.electrolyteVolumeMl(),
                cell.catalystLoadingMgPerCm2());
        CellText.sources(cell, result.session().runOptions()).ifPresent(out::println);
        printElectrolyte(out, result.electrolyte());
        TextTable table = new TextTable(ResultRows.HEADERS.toArray(String[]::new));
        for (StepAnalysis step : result.steps()) {
            table.row(ResultRows.cells(step).toArray(String[]::new));
        }
        table.print(out);
        for (StepAnalysis step : result.steps()) {
            for (ProductResult product : step.outcome().products().values()) {
                String flags = ResultText.flags(product.amount().flags());
                out.printf(Locale.ROOT, "step %d %s: n = %s µmol, FE = %s %%%s%s%n", step.step().index(), product.product(),
                        ResultText.flagged(product, product.amount().amount().moles(), 1e6, 4),
                        ResultText.flagged(product, product.faradaicEfficiency(), 100, 2),
                        product.controlSubtracted() ? ", control subtracted" : "", flags.isEmpty() ? "" : " [" + flags + "]");
                PlaceText.parts(product.amount()).ifPresent(parts -> out.printf(Locale.ROOT, "step %d %s: %s%n",
                        step.step().index(), product.product(), parts));
            }
            step.notes().forEach(note -> out.printf(Locale.ROOT, "step %d: %s%n", step.step().index(), note));
        }
        ResultText.flagNotes(result.steps()).forEach(out::println);
        printBatches(out, result.electrolyte());
        result.correctionNotes().forEach(out::println);
        result.calibrations().values().forEach(c -> {
            var fit = c.fit();
            out.printf(Locale.ROOT, "calibration %d: %s %s at %.0f nm, %s; slope %.5g ± %.2g AU per %s, R² %.5f,"
                            + " LOD %.4g, LOQ %.4g %s (σ from the %s)%s%n", c.id(), c.product(), c.method(),
                    c.wavelengthNm(), c.unit(), fit.slope(), fit.slopeStandardError(), c.unit(), fit.rSquared(), fit.lod(),
                    fit.loq(), c.unit(), fit.sigmaSource().description(),
                    fit.acceptable() ? "" : "; FAILS the acceptance rule: " + fit.acceptanceProblem());
        });
        out.println("± is one standard deviation from the calibration fit, dilution and volume. * marks a flagged value.");
    }
}
