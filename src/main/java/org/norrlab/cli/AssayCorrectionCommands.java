package org.norrlab.cli;

import org.norrlab.labdata.AssayCorrections;
import org.norrlab.store.CorrectionStore;
import org.norrlab.store.SessionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code assay correct} and {@code assay remove}, on {@link AssayCorrections} as the Analysis view is: an assay is
 * never changed in place. A correction stores a new assay that supersedes the old one, a removal takes it out of the
 * analysis; both keep the old row and write the trail (who, when, old → new, why) that
 * {@code norrlab assay history SESSION} lists.
 */
final class AssayCorrectionCommands {
    private AssayCorrectionCommands() {
    }

    @Command(name = "correct", mixinStandardHelpOptions = true, description = {
            "Corrects an assay: stores the corrected values as a new assay that supersedes it, and keeps the old one.",
            "Give the values that change (the others are kept) and --reason; 'norrlab assay history SESSION' lists the trail."})
    static final class Correct implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;
        @Parameters(index = "0", paramLabel = "ASSAY", description = "Id of the assay to correct (see 'norrlab assay list').")
        long assayId;
        @Option(names = "--step", description = "The CA step that made the product.")
        Integer step;
        @Option(names = "--product", description = "NH3, NH2OH, N2O, N2 or H2.")
        String product;
        @Option(names = "--absorbance", description = "Absorbance read, AU.")
        Double absorbance;
        @Option(names = "--calibration", paramLabel = "ID", description = "Calibration to read the absorbance through.")
        Long calibration;
        @Option(names = "--dilution", description = "Dilution factor of the aliquot.")
        Double dilution;
        @Option(names = "--concentration", paramLabel = "C", description = "A concentration, e.g. '29.0 µg/mL NH3'.")
        String concentration;
        @Option(names = "--amount", paramLabel = "N", description = "An amount, e.g. '2.0 umol'.")
        String amount;
        @Option(names = "--gc", paramLabel = "X", description = "Mole fraction in the outlet gas, e.g. '1200 ppm'.")
        String gc;
        @Option(names = "--flow", description = "Gas flow for --gc, e.g. '20 mL/min'.")
        String flow;
        @Option(names = "--minutes", description = "Minutes the gas flowed for --gc.")
        Double minutes;
        @Option(names = "--volume", description = "Electrolyte volume, e.g. '35 mL'.")
        String volume;
        @Option(names = "--place", description = "Where the product was found: catholyte, anolyte, acid_trap or gas.")
        String place;
        @Option(names = "--note", description = "A new note for the assay.")
        String note;
        @Option(names = "--reason", description = "Why the value was wrong; required, it is kept with the correction.")
        String reason;
        @Option(names = "--operator", defaultValue = "", description = "Who makes the correction.")
        String operator;

        @Override
        public Integer call() throws Exception {
            CorrectionStore.requireReason(reason);
            AssayCorrections.Edit edit = new AssayCorrections.Edit(Optional.ofNullable(step), Optional.ofNullable(product),
                    Optional.ofNullable(absorbance), Optional.ofNullable(calibration), Optional.ofNullable(dilution),
                    Optional.ofNullable(concentration), Optional.ofNullable(amount), Optional.ofNullable(gc),
                    Optional.ofNullable(flow), Optional.ofNullable(minutes), Optional.ofNullable(volume),
                    Optional.ofNullable(place), Optional.ofNullable(note));
            try (SessionStore store = homeOptions.openStore()) {
                AssayCorrections.Corrected c = AssayCorrections.correct(store, assayId, edit, reason, operator);
                spec.commandLine().getOut().printf(Locale.ROOT, "Assay %d of session %d is superseded by assay %d (%s);"
                        + " the analysis uses assay %d.%n", assayId, c.sessionId(), c.newId(), c.written(), c.newId());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = {
            "Takes an assay out of the analysis; it stays stored and the trail says who removed it, when and why."})
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;
        @Parameters(index = "0", paramLabel = "ASSAY", description = "Id of the assay to remove (see 'norrlab assay list').")
        long assayId;
        @Option(names = "--reason", description = "Why the assay is wrong; required, it is kept with the removal.")
        String reason;
        @Option(names = "--operator", defaultValue = "", description = "Who removes the assay.")
        String operator;

        @Override
        public Integer call() throws Exception {
            CorrectionStore.requireReason(reason);
            try (SessionStore store = homeOptions.openStore()) {
                AssayCorrections.Removed r = AssayCorrections.remove(store, assayId, reason, operator);
                spec.commandLine().getOut().printf(Locale.ROOT, "Assay %d of session %d is removed from the analysis (%s);"
                        + " it stays stored.%n", assayId, r.sessionId(), r.description());
            }
            return ExitCodes.OK;
        }
    }
}
