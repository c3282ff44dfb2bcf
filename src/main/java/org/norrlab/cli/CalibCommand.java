package org.norrlab.cli;

import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.CalibrationFit;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.Standard;
import org.norrlab.analysis.WrittenValue;
import org.norrlab.config.ConfigException;
import org.norrlab.config.CsvTable;
import org.norrlab.config.Location;
import org.norrlab.store.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "calib", mixinStandardHelpOptions = true, description = "Assay calibrations: add from standards, list, show.",
        subcommands = {CalibCommand.Add.class, CalibCommand.ListCalibrations.class, CalibCommand.Show.class})
final class CalibCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

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
            Product p = Product.parse(product);
            CsvTable table = CsvTable.read(file, Set.of("concentration", "absorbance"), Set.of("kind"));
            List<Standard> standards = new ArrayList<>();
            List<Double> blanks = new ArrayList<>();
            for (CsvTable.Row row : table.rows()) {
                String kind = row.get("kind").orElse("standard").toLowerCase(Locale.ROOT);
                switch (kind) {
                    case "standard" -> {
                        double c = row.number("concentration");
                        if (c < 0) {
                            throw row.error("concentration", "must not be negative");
                        }
                        standards.add(new Standard(c, row.number("absorbance")));
                    }
                    case "blank" -> blanks.add(row.number("absorbance"));
                    default -> throw row.error("kind", "'" + kind + "' is not a kind; allowed: standard, blank");
                }
            }
            if (standards.size() < 2) {
                throw new ConfigException(new Location(file, 1, 1), "", "holds " + standards.size()
                        + " standards; a line needs at least 2 (4 or more to pass the acceptance rule)");
            }
            Calibration calibration = new Calibration(0, Instant.now(), operator, note, p, method, nanometres(wavelength),
                    unit, file.getFileName().toString(), standards, blanks, acceptPoorFit);
            CalibrationFit fit = calibration.fit();
            PrintWriter out = spec.commandLine().getOut();
            describe(out, calibration, fit);
            if (!fit.acceptable() && !acceptPoorFit) {
                throw new IllegalArgumentException("the calibration in " + file + " was not saved: " + fit.acceptanceProblem()
                        + ". Measure more standards, or give --accept-poor-fit to save it anyway (every result using it"
                        + " will be flagged)");
            }
            try (SqliteStore store = SqliteStore.open(homeOptions.databaseFile())) {
                long id = store.assays().addCalibration(calibration);
                out.printf(Locale.ROOT, "Saved as calibration %d%s.%n", id, fit.acceptable() ? ""
                        : " (FAILS the acceptance rule: " + fit.acceptanceProblem() + "; results using it are flagged)");
            }
            return ExitCodes.OK;
        }

        private static double nanometres(String text) {
            WrittenValue v = WrittenValue.parse(text, "a wavelength");
            if (!(v.unit().equals("nm") || v.unit().isEmpty()) || !(v.measure().value() > 100 && v.measure().value() < 2000)) {
                throw new IllegalArgumentException("'" + text + "' is not a wavelength; write e.g. '655 nm' (100 to 2000 nm)");
            }
            return v.measure().value();
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
            try (SqliteStore store = homeOptions.openStore()) {
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
            try (SqliteStore store = homeOptions.openStore()) {
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
