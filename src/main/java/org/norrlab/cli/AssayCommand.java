package org.norrlab.cli;

import org.norrlab.analysis.Assay;
import org.norrlab.core.BadInputException;
import org.norrlab.labdata.AssayCorrections;
import org.norrlab.labdata.AssayEntry;
import org.norrlab.labdata.AssayFile;
import org.norrlab.report.TextTable;
import org.norrlab.store.SessionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "assay", mixinStandardHelpOptions = true,
        description = "Product measurements of a session's steps: add, import, list, correct, remove, and the history"
                + " of corrections.",
        subcommands = {AssayCommand.Add.class, AssayCommand.Import.class, AssayCommand.ListAssays.class,
                AssayCorrectionCommands.Correct.class, AssayCorrectionCommands.Remove.class, HistoryCommand.class})
final class AssayCommand extends CommandGroup {
    @Command(name = "add", mixinStandardHelpOptions = true, description = {
            "Adds one measurement for one CA step.",
            "Give exactly one of --absorbance (with --calibration), --concentration, --amount or --gc (with --flow).",
            "Values may carry '± sigma', e.g. '0.50 ± 0.01 mM'."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;
        @Parameters(index = "0", paramLabel = "SESSION")
        long sessionId;
        @Option(names = "--step", required = true, description = "The CA step that made the product.")
        int step;
        @Option(names = "--product", defaultValue = "NH3", description = "NH3, NH2OH, N2O, N2 or H2 (default: ${DEFAULT-VALUE}).")
        String product;
        @Option(names = "--absorbance", description = "Absorbance read, AU.")
        Double absorbance;
        @Option(names = "--calibration", paramLabel = "ID", description = "Calibration to read the absorbance through.")
        Long calibration;
        @Option(names = "--dilution", defaultValue = "1", description = "Dilution factor of the aliquot (default: ${DEFAULT-VALUE}).")
        double dilution;
        @Option(names = "--concentration", paramLabel = "C", description = "e.g. '29.0 µg/mL NH3', '1.2 ppm NH4+-N', '0.5 mM'.")
        String concentration;
        @Option(names = "--amount", paramLabel = "N", description = "e.g. '2.0 umol'.")
        String amount;
        @Option(names = "--gc", paramLabel = "X", description = "Mole fraction in the outlet gas, e.g. '1200 ppm'.")
        String gc;
        @Option(names = "--flow", description = "Gas flow for --gc, e.g. '20 mL/min'.")
        String flow;
        @Option(names = "--minutes", description = "Minutes the gas flowed for --gc (default: the step's duration).")
        Double minutes;
        @Option(names = "--volume", description = "Electrolyte volume, e.g. '35 mL' (default: the session's cell volume, ± 1 %%).")
        String volume;
        @Option(names = "--place", defaultValue = "catholyte", description = "Where the product was found: catholyte,"
                + " anolyte, acid_trap or gas (default: ${DEFAULT-VALUE}; a --gc reading is always gas); the places of"
                + " one product are summed, replicates of one place averaged.")
        String place;
        @Option(names = "--operator", defaultValue = "")
        String operator;
        @Option(names = "--note", defaultValue = "")
        String note;

        @Override
        public Integer call() throws Exception {
            Assay.Place where = gc != null ? Assay.Place.GAS : Assay.Place.parse(place);
            if (gc != null && !place.equals("catholyte") && Assay.Place.parse(place) != Assay.Place.GAS) {
                throw new BadInputException("--place " + place + ": a GC reading measures the outlet gas, its place is"
                        + " gas");
            }
            AssayEntry entry = new AssayEntry(step, product, Optional.ofNullable(absorbance), Optional.ofNullable(calibration),
                    dilution, Optional.ofNullable(concentration), Optional.ofNullable(amount), Optional.ofNullable(gc),
                    Optional.ofNullable(flow), Optional.ofNullable(minutes), Optional.ofNullable(volume), operator, note);
            try (SessionStore store = homeOptions.openStore()) {
                Lookup.find(store, sessionId);
                long id = store.assays().addAssay(sessionId, entry.toAssay(store, sessionId).at(where));
                spec.commandLine().getOut().printf(Locale.ROOT, "Saved assay %d for session %d step %d.%n", id, sessionId, step);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = {
            "Adds many measurements from a CSV; nothing is stored unless every row is valid.",
            "Columns: step (required), product, absorbance, calibration, dilution, concentration, amount, volume, note,",
            "place (catholyte, anolyte, acid_trap or gas; catholyte when empty);",
            "each row fills one of absorbance (+ calibration), concentration or amount."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;
        @Parameters(index = "0", paramLabel = "SESSION")
        long sessionId;
        @Parameters(index = "1", paramLabel = "FILE.csv")
        Path file;

        @Override
        public Integer call() throws Exception {
            try (SessionStore store = homeOptions.openStore()) {
                Lookup.find(store, sessionId);
                List<Long> ids = AssayFile.importInto(file, store, sessionId);
                spec.commandLine().getOut().printf(Locale.ROOT, "Imported %d assays for session %d from %s.%n",
                        ids.size(), sessionId, file);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the measurements of a session.")
    static final class ListAssays implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;
        @Parameters(index = "0", paramLabel = "SESSION")
        long sessionId;

        @Override
        public Integer call() throws Exception {
            try (SessionStore store = homeOptions.openStore()) {
                Lookup.find(store, sessionId);
                TextTable table = new TextTable("id", "step", "product", "place", "kind", "value", "unit", "calibration",
                        "dilution", "volume (mL)", "note", "state");
                Map<Long, String> states = AssayCorrections.states(store.corrections().corrections(sessionId));
                for (Assay a : store.assays().assays(sessionId)) {
                    table.row(String.valueOf(a.id()), String.valueOf(a.stepIndex()), a.product().name(),
                            a.place().written(),
                            a.kind().name().toLowerCase(Locale.ROOT), String.format(Locale.ROOT, "%.6g", a.value().value()),
                            a.unit(), a.calibrationId().map(String::valueOf).orElse("—"),
                            String.format(Locale.ROOT, "%.4g", a.dilution()),
                            a.volumeMl().map(v -> String.format(Locale.ROOT, "%.4g", v.value())).orElse("cell"), a.note(),
                            states.getOrDefault(a.id(), "current"));
                }
                table.print(spec.commandLine().getOut());
            }
            return ExitCodes.OK;
        }
    }
}
