package org.norrlab.cli;

import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.CalibrationFit;
import org.norrlab.analysis.ConcentrationUnit;
import org.norrlab.analysis.Product;
import org.norrlab.core.BadInputException;
import org.norrlab.labdata.StandardsFile;
import org.norrlab.report.TextTable;
import org.norrlab.store.SessionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "calib", mixinStandardHelpOptions = true, description = "Assay calibrations: add from standards, list, show.",
        subcommands = {CalibCommand.Add.class, CalibCommand.ListCalibrations.class, CalibCommand.Show.class})
final class CalibCommand extends CommandGroup {
    @Command(name = "add", mixinStandardHelpOptions = true, description = {
            "Fits a calibration line to a CSV of standards and stores it.",
            "CSV columns: concentration,absorbance[,kind] where kind is 'standard' (default) or 'blank' (a reagent-blank",
            "replicate: its absorbance sets σ for LOD = 3σ/slope and LOQ = 10σ/slope). Lines starting with # are comments."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;
        @Parameters(index = "0", paramLabel = "STANDARDS.csv")
        Path file;
        @Option(names = "--product", defaultValue = "NH3", description = "NH3 or NH2OH (default: ${DEFAULT-VALUE}).")
        String product;
        @Option(names = "--method", required = true, description = "indophenol, salicylate, nessler, indooxine, or your own name.")
        String method;
        @Option(names = "--wavelength", required = true, paramLabel = "λ", description = "e.g. '655 nm'.")
        String wavelength;
        @Option(names = "--unit", required = true, description = "Unit of the standards' concentrations, e.g. 'µg/mL NH4+-N', 'mM'.")
        String unit;
        @Option(names = "--operator", defaultValue = "", description = "Who made the standards.")
        String operator;
        @Option(names = "--note", defaultValue = "", description = "Matrix, development time, reagent lot ...")
        String note;
        @Option(names = "--accept-poor-fit", description = "Store a fit with fewer than 4 standards or R² < 0.99; results using it are flagged.")
        boolean acceptPoorFit;

        @Override
        public Integer call() throws Exception {
            Calibration calibration = StandardsFile.read(file, new StandardsFile.Method(Product.parse(product), method,
                    wavelength, unit, operator, note, acceptPoorFit));
            ConcentrationUnit.parseEntered(unit, calibration.product());   // a new calibration names its basis
            CalibrationFit fit = calibration.fit();
            // A store that cannot be written is refused before the fit is shown as if it were going to be saved.
            SessionStore.requireWritable(homeOptions.store());
            PrintWriter out = spec.commandLine().getOut();
            describe(out, calibration, fit);
            if (!fit.acceptable() && !acceptPoorFit) {
                throw new BadInputException("the calibration in " + file + " was not saved: " + fit.acceptanceProblem()
                        + ". Measure more standards, or give --accept-poor-fit to save it anyway (every result using it"
                        + " will be flagged)");
            }
            try (SessionStore store = SessionStore.open(homeOptions.store())) {
                long id = store.assays().addCalibration(calibration);
                out.printf(Locale.ROOT, "Saved as calibration %d%s.%n", id, fit.acceptable() ? ""
                        : " (FAILS the acceptance rule: " + fit.acceptanceProblem() + "; results using it are flagged)");
            }
            return ExitCodes.OK;
        }
    }

    static void describe(PrintWriter out, Calibration c, CalibrationFit fit) {
        out.printf(Locale.ROOT, "%s by %s at %.0f nm: %d standards %s, %d blank replicates%n", c.product(), c.method(),
                c.wavelengthNm(), fit.standards(), c.unit(), c.blankAbsorbances().size());
        out.printf(Locale.ROOT, "  A = (%.6g ± %.2g) · c + (%.5g ± %.2g);  R² = %.6f;  s(y/x) = %.3g AU%n", fit.slope(),
                fit.slopeStandardError(), fit.intercept(), fit.interceptStandardError(), fit.rSquared(),
                fit.residualStandardDeviation());
        out.printf(Locale.ROOT, "  LOD = %.4g, LOQ = %.4g %s (σ = %.3g AU from the %s); calibrated range %.4g .. %.4g %s%n",
                fit.lod(), fit.loq(), c.unit(), fit.sigmaBlank(), fit.sigmaSource().description(), fit.minConcentration(),
                fit.maxConcentration(), c.unit());
        out.flush();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the stored calibrations.")
    static final class ListCalibrations implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;

        @Override
        public Integer call() throws Exception {
            try (SessionStore store = homeOptions.openStore()) {
                TextTable table = new TextTable("id", "created (UTC)", "product", "method", "λ (nm)", "unit", "n", "R²",
                        "LOD", "acceptable");
                for (Calibration c : store.assays().calibrations()) {
                    CalibrationFit fit = c.fit();
                    table.row(String.valueOf(c.id()), c.created().toString().replaceFirst("\\.\\d+Z$", "Z"),
                            c.product().name(), c.method(), String.format(Locale.ROOT, "%.0f", c.wavelengthNm()), c.unit(),
                            String.valueOf(fit.standards()), String.format(Locale.ROOT, "%.5f", fit.rSquared()),
                            String.format(Locale.ROOT, "%.3g", fit.lod()), fit.acceptable() ? "yes" : "NO (accepted)");
                }
                table.print(spec.commandLine().getOut());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one calibration with its fit.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Override
        public Integer call() throws Exception {
            try (SessionStore store = homeOptions.openStore()) {
                Calibration c = Lookup.calibration(store, id);
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "Calibration %d, %s, operator '%s', from %s. %s%n", c.id(), c.created(), c.operator(),
                        c.sourceFile(), c.note());
                describe(out, c, c.fit());
            }
            return ExitCodes.OK;
        }
    }
}
