package org.norrlab.cli;

import org.norrlab.analysis.ProductResult;
import org.norrlab.core.BadInputException;
import org.norrlab.report.AnalysisExport;
import org.norrlab.report.PlaceText;
import org.norrlab.report.ResultRows;
import org.norrlab.report.ResultText;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.report.StepAnalysis;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Charge, product amounts, faradaic efficiencies and NH3 yield of every CA step of a session.")
final class AnalyzeCommand implements Callable<Integer> {
    enum Format { TABLE, JSON, CSV }

    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions homeOptions;

    @Parameters(index = "0", paramLabel = "SESSION", description = "Session id (see 'norrlab sessions').")
    long sessionId;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--blank-current", paramLabel = "I",
            description = "Background current to subtract before integrating, signed, e.g. '-0.05 mA'.")
    String blankCurrent;

    @Override
    public Integer call() throws Exception {
        SessionAnalysis.Options options = SessionAnalysis.Options.DEFAULT;
        if (blankCurrent != null) {
            options = new SessionAnalysis.Options(CurrentText.amperes(blankCurrent));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (SessionStore store = homeOptions.openStoreForReading()) {
            requireCaStep(store);
            SessionAnalysis.Result result = SessionAnalysis.analyze(store, sessionId, options);
            switch (format) {
                case TABLE -> printTable(out, result);
                case JSON -> out.println(AnalysisExport.json(result));
                case CSV -> out.print(AnalysisExport.csv(result));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** FE and yield come from a CA step's charge: a session without one has nothing to analyse, and says why. */
    private void requireCaStep(SessionStore store) throws StoreException {
        Lookup.find(store, sessionId);
        List<StoredStep> steps = store.steps(sessionId);
        if (steps.stream().noneMatch(s -> s.kind().equals("ca"))) {
            throw new BadInputException("session " + sessionId + " has no chronoamperometry step (its steps are "
                    + (steps.isEmpty() ? "none" : String.join(", ", steps.stream().map(StoredStep::kind).toList()))
                    + "): FE and yield need the charge of a chronoamperometry (CA) step" + caAdvice(steps));
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

    static void printTable(PrintWriter out, SessionAnalysis.Result result) {
        var cell = result.session().cell();
        out.printf(Locale.ROOT, "Session %d (%s): electrode %.3g cm², electrolyte %.3g mL, loading %.3g mg/cm²%n",
                result.session().id(), result.session().protocolName(), cell.electrodeAreaCm2(), cell.electrolyteVolumeMl(),
                cell.catalystLoadingMgPerCm2());
        CellText.sources(cell, result.session().runOptions()).ifPresent(out::println);
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
