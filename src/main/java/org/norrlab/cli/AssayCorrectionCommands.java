package org.norrlab.cli;

import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Measure;
import org.norrlab.core.BadInputException;
import org.norrlab.labdata.AssayEntry;
import org.norrlab.store.CorrectionStore;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredCorrection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * {@code assay correct} and {@code assay remove}: an assay is never changed in place. A correction stores a new assay
 * that supersedes the old one, a removal takes it out of the analysis; both keep the old row and write the trail
 * (who, when, old → new, why) that {@code norrlab assay history SESSION} lists.
 */
final class AssayCorrectionCommands {
    private AssayCorrectionCommands() {
    }

    /** "superseded by 7" / "removed" for each assay a trail names; an assay not named is current. */
    static Map<Long, String> states(List<StoredCorrection> trail) {
        Map<Long, String> states = new HashMap<>();
        for (StoredCorrection c : trail) {
            c.assayId().ifPresent(id -> states.put(id, c.replacementId().map(r -> "superseded by " + r).orElse("removed")));
        }
        return states;
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
            try (SessionStore store = homeOptions.openStore()) {
                Assay old = existing(store, assayId);
                long sessionId = sessionOf(store, old);
                boolean newValue = absorbance != null || concentration != null || amount != null || gc != null;
                AssayEntry entry = new AssayEntry(Optional.ofNullable(step).orElse(old.stepIndex()),
                        Optional.ofNullable(product).orElse(old.product().name()),
                        newValue ? Optional.ofNullable(absorbance) : kept(old, Assay.Kind.ABSORBANCE).map(v -> old.value().value()),
                        Optional.ofNullable(calibration).or(old::calibrationId),
                        Optional.ofNullable(dilution).orElse(old.dilution()),
                        newValue ? Optional.ofNullable(concentration) : kept(old, Assay.Kind.CONCENTRATION),
                        newValue ? Optional.ofNullable(amount) : kept(old, Assay.Kind.AMOUNT),
                        newValue ? Optional.ofNullable(gc) : kept(old, Assay.Kind.GC),
                        Optional.ofNullable(flow).or(() -> old.gasFlowMlPerMinute().map(f -> f + " mL/min")),
                        Optional.ofNullable(minutes).or(old::gasMinutes),
                        Optional.ofNullable(volume).or(() -> old.volumeMl().map(v -> written(v, "mL"))),
                        operator, Optional.ofNullable(note).orElse(old.note()));
                Assay fresh = entry.toAssay(store, sessionId);
                Assay corrected = fresh.at(placeOf(fresh, old));
                List<CorrectionStore.Change> changes = asTyped(changes(old, corrected),
                        Optional.ofNullable(concentration).or(() -> Optional.ofNullable(amount))
                                .or(() -> Optional.ofNullable(gc)), Optional.ofNullable(volume));
                long id = store.corrections().correctAssay(assayId, corrected, changes, reason, operator);
                spec.commandLine().getOut().printf(Locale.ROOT, "Assay %d of session %d is superseded by assay %d (%s);"
                        + " the analysis uses assay %d.%n", assayId, sessionId, id, CorrectionStore.Change.written(changes), id);
            }
            return ExitCodes.OK;
        }

        /**
         * A GC reading is gas; otherwise --place, or the old assay's place, except that a GC reading corrected into
         * a dissolved amount starts in the catholyte, like any assay added without --place.
         */
        private Assay.Place placeOf(Assay fresh, Assay old) {
            if (fresh.kind() == Assay.Kind.GC) {
                return Assay.Place.GAS;
            }
            if (place != null) {
                return Assay.Place.parse(place);
            }
            return old.kind() == Assay.Kind.GC ? Assay.Place.CATHOLYTE : old.place();
        }

        /** The old value as typed, when the old assay is of this kind and no new value replaces it. */
        private static Optional<String> kept(Assay old, Assay.Kind kind) {
            return old.kind() == kind ? Optional.of(written(old.value(), old.unit())) : Optional.empty();
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
                Assay old = existing(store, assayId);
                store.corrections().removeAssay(assayId, describe(old), reason, operator);
                spec.commandLine().getOut().printf(Locale.ROOT, "Assay %d of session %d is removed from the analysis (%s);"
                        + " it stays stored.%n", assayId, sessionOf(store, old), describe(old));
            }
            return ExitCodes.OK;
        }
    }

    private static Assay existing(SessionStore store, long assayId) throws Exception {
        return store.assays().assay(assayId).orElseThrow(() -> new BadInputException("there is no assay " + assayId
                + " in " + store.location() + "; 'norrlab assay list SESSION' lists a session's assays"));
    }

    private static long sessionOf(SessionStore store, Assay assay) throws Exception {
        return store.assays().sessionOf(assay.id());
    }

    /** "NH3, step 3, catholyte: amount 2 ± 0.1 umol". */
    static String describe(Assay a) {
        return a.product() + ", step " + a.stepIndex() + ", " + a.place().written() + ": "
                + a.kind().name().toLowerCase(Locale.ROOT) + " " + shown(a.value(), a.unit());
    }

    /** Significant digits of a value shown to a person; its σ gets {@link #SIGMA_DIGITS}. */
    static final int VALUE_DIGITS = 5;
    static final int SIGMA_DIGITS = 2;

    /**
     * A value for a person to read: as short as it was typed when it has few digits ("3.0"), else rounded to
     * {@link #VALUE_DIGITS} significant digits ("3.1363 ± 0.031"), not the 17 digits of a converted double. No "±"
     * when the value has no uncertainty.
     */
    static String shown(Measure m, String unit) {
        return digits(m.value(), VALUE_DIGITS) + (m.sigma() > 0 ? " ± " + digits(m.sigma(), SIGMA_DIGITS) : "")
                + (unit.isEmpty() ? "" : " " + unit);
    }

    private static String digits(double value, int significant) {
        String plain = Double.toString(value);
        if (!Double.isFinite(value) || new BigDecimal(plain).stripTrailingZeros().precision() <= significant) {
            return plain.contains("E") ? new BigDecimal(plain).toPlainString() : plain;
        }
        return new BigDecimal(value).round(new MathContext(significant)).stripTrailingZeros().toPlainString();
    }

    /** The changed value and volume as the operator typed them ("3.00 µg/mL", not "3.0 µg/mL"), where typed. */
    private static List<CorrectionStore.Change> asTyped(List<CorrectionStore.Change> changes, Optional<String> value,
                                                        Optional<String> volume) {
        return changes.stream().map(c -> c.field().equals("value") && value.isPresent()
                ? new CorrectionStore.Change(c.field(), c.oldValue(), value.get().strip())
                : c.field().equals("volume") && volume.isPresent()
                ? new CorrectionStore.Change(c.field(), c.oldValue(), volume.get().strip()) : c).toList();
    }

    /** A value as an operator types it, read back exactly ({@code WrittenValue}). */
    static String written(Measure m, String unit) {
        return m.value() + (m.sigma() > 0 ? " ± " + m.sigma() : "") + (unit.isEmpty() ? "" : " " + unit);
    }

    /**
     * What differs between the old and the corrected assay, field by field, as text: compared exactly, shown as a
     * person reads them ({@link #shown}).
     */
    static List<CorrectionStore.Change> changes(Assay old, Assay corrected) {
        Map<String, String> before = fields(old, AssayCorrectionCommands::written);
        Map<String, String> after = fields(corrected, AssayCorrectionCommands::written);
        Map<String, String> beforeShown = fields(old, AssayCorrectionCommands::shown);
        Map<String, String> afterShown = fields(corrected, AssayCorrectionCommands::shown);
        List<CorrectionStore.Change> changes = new ArrayList<>();
        before.forEach((field, value) -> {
            if (!value.equals(after.get(field))) {
                changes.add(new CorrectionStore.Change(field, beforeShown.get(field), afterShown.get(field)));
            }
        });
        return changes;
    }

    private static Map<String, String> fields(Assay a, BiFunction<Measure, String, String> text) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("step", String.valueOf(a.stepIndex()));
        f.put("product", a.product().name());
        f.put("place", a.place().written());
        f.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
        f.put("value", text.apply(a.value(), a.unit()));
        f.put("calibration", a.calibrationId().map(String::valueOf).orElse("—"));
        f.put("dilution", String.valueOf(a.dilution()));
        f.put("volume", a.volumeMl().map(v -> text.apply(v, "mL")).orElse("cell"));
        f.put("gas_flow", a.gasFlowMlPerMinute().map(v -> v + " mL/min").orElse("—"));
        f.put("gas_minutes", a.gasMinutes().map(String::valueOf).orElse("—"));
        f.put("note", a.note());
        return f;
    }
}
