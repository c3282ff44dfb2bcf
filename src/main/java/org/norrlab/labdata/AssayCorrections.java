package org.norrlab.labdata;

import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Measure;
import org.norrlab.core.BadInputException;
import org.norrlab.store.CorrectionStore;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredCorrection;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Correcting and removing a stored assay, for every front end ({@code norrlab assay correct|remove} and the Analysis
 * view): an assay is never changed in place. A correction stores a new assay that supersedes the old one, a removal
 * takes it out of the analysis; both keep the old row and write the trail (who, when, old → new, why).
 */
public final class AssayCorrections {
    /** Significant digits of a value shown to a person; its σ gets {@link #SIGMA_DIGITS}. */
    public static final int VALUE_DIGITS = 5;
    public static final int SIGMA_DIGITS = 2;
    /** The state of an assay no correction names. */
    public static final String CURRENT = "current";
    /** The state of an assay taken out of the analysis. */
    public static final String REMOVED = "removed";

    private AssayCorrections() {
    }

    /**
     * The values an operator changes, each empty when it is kept. Giving one of absorbance, concentration, amount or
     * GC reading replaces the old value (and its kind); giving none keeps it. Values are text as typed ("2.0 umol",
     * "35 mL"), read as {@link AssayEntry} reads a new assay, so a correction is checked exactly as an addition is.
     */
    public record Edit(Optional<Integer> step, Optional<String> product, Optional<Double> absorbance,
                       Optional<Long> calibration, Optional<Double> dilution, Optional<String> concentration,
                       Optional<String> amount, Optional<String> gc, Optional<String> flow, Optional<Double> minutes,
                       Optional<String> volume, Optional<String> place, Optional<String> note) {
        boolean newValue() {
            return absorbance.isPresent() || concentration.isPresent() || amount.isPresent() || gc.isPresent();
        }
    }

    /** A stored correction: the assay it superseded, the assay that replaces it and what changed. */
    public record Corrected(long sessionId, long oldId, long newId, List<CorrectionStore.Change> changes) {
        /** "value 0.13 umol → 0.12 umol, note …", as the commands print it. */
        public String written() {
            return CorrectionStore.Change.written(changes);
        }
    }

    /** A stored removal: the assay and what it was. */
    public record Removed(long sessionId, long assayId, String description) {
    }

    /**
     * Stores assay {@code assayId} corrected by {@code edit} as a new assay that supersedes it. Refused, with nothing
     * stored, without a reason, when nothing changes, or when the assay was corrected or removed already.
     */
    public static Corrected correct(SessionStore store, long assayId, Edit edit, String reason, String operator)
            throws StoreException {
        CorrectionStore.requireReason(reason);
        Assay old = existing(store, assayId);
        long sessionId = store.assays().sessionOf(old.id());
        boolean newValue = edit.newValue();
        AssayEntry entry = new AssayEntry(edit.step().orElse(old.stepIndex()),
                edit.product().orElse(old.product().name()),
                newValue ? edit.absorbance() : kept(old, Assay.Kind.ABSORBANCE).map(v -> old.value().value()),
                edit.calibration().or(old::calibrationId),
                edit.dilution().orElse(old.dilution()),
                newValue ? edit.concentration() : kept(old, Assay.Kind.CONCENTRATION),
                newValue ? edit.amount() : kept(old, Assay.Kind.AMOUNT),
                newValue ? edit.gc() : kept(old, Assay.Kind.GC),
                edit.flow().or(() -> old.gasFlowMlPerMinute().map(f -> f + " mL/min")),
                edit.minutes().or(old::gasMinutes),
                edit.volume().or(() -> old.volumeMl().map(v -> written(v, "mL"))),
                operator, edit.note().orElse(old.note()));
        Assay fresh = entry.toAssay(store, sessionId);
        Assay corrected = fresh.at(placeOf(fresh, old, edit.place()));
        List<CorrectionStore.Change> changes = asTyped(changes(old, corrected),
                edit.concentration().or(edit::amount).or(edit::gc), edit.volume());
        long id = store.corrections().correctAssay(assayId, corrected, changes, reason, operator);
        return new Corrected(sessionId, assayId, id, changes);
    }

    /** Takes assay {@code assayId} out of the analysis; it stays stored and the trail says who, when and why. */
    public static Removed remove(SessionStore store, long assayId, String reason, String operator) throws StoreException {
        CorrectionStore.requireReason(reason);
        Assay old = existing(store, assayId);
        store.corrections().removeAssay(assayId, describe(old), reason, operator);
        return new Removed(store.assays().sessionOf(old.id()), assayId, describe(old));
    }

    /** "superseded by 7" / "removed" for each assay a trail names; an assay not named is {@link #CURRENT}. */
    public static Map<Long, String> states(List<StoredCorrection> trail) {
        Map<Long, String> states = new HashMap<>();
        for (StoredCorrection c : trail) {
            c.assayId().ifPresent(id -> states.put(id, c.replacementId().map(r -> "superseded by " + r).orElse(REMOVED)));
        }
        return states;
    }

    /**
     * A GC reading is gas; otherwise the place given, or the old assay's place, except that a GC reading corrected
     * into a dissolved amount starts in the catholyte, like any assay added without a place.
     */
    private static Assay.Place placeOf(Assay fresh, Assay old, Optional<String> place) {
        if (fresh.kind() == Assay.Kind.GC) {
            return Assay.Place.GAS;
        }
        if (place.isPresent()) {
            return Assay.Place.parse(place.get());
        }
        return old.kind() == Assay.Kind.GC ? Assay.Place.CATHOLYTE : old.place();
    }

    /** The old value as typed, when the old assay is of this kind and no new value replaces it. */
    private static Optional<String> kept(Assay old, Assay.Kind kind) {
        return old.kind() == kind ? Optional.of(written(old.value(), old.unit())) : Optional.empty();
    }

    private static Assay existing(SessionStore store, long assayId) throws StoreException {
        return store.assays().assay(assayId).orElseThrow(() -> new BadInputException("there is no assay " + assayId
                + " in " + store.location() + "; 'norrlab assay list SESSION' lists a session's assays"));
    }

    /** "NH3, step 3, catholyte: amount 2 ± 0.1 umol". */
    public static String describe(Assay a) {
        return a.product() + ", step " + a.stepIndex() + ", " + a.place().written() + ": "
                + a.kind().name().toLowerCase(Locale.ROOT) + " " + shown(a.value(), a.unit());
    }

    /**
     * A value for a person to read: as short as it was typed when it has few digits ("3.0"), else rounded to
     * {@link #VALUE_DIGITS} significant digits ("3.1363 ± 0.031"), not the 17 digits of a converted double. No "±"
     * when the value has no uncertainty.
     */
    public static String shown(Measure m, String unit) {
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
    public static String written(Measure m, String unit) {
        return m.value() + (m.sigma() > 0 ? " ± " + m.sigma() : "") + (unit.isEmpty() ? "" : " " + unit);
    }

    /**
     * What differs between the old and the corrected assay, field by field, as text: compared exactly, shown as a
     * person reads them ({@link #shown}).
     */
    static List<CorrectionStore.Change> changes(Assay old, Assay corrected) {
        Map<String, String> before = fields(old, AssayCorrections::written);
        Map<String, String> after = fields(corrected, AssayCorrections::written);
        Map<String, String> beforeShown = fields(old, AssayCorrections::shown);
        Map<String, String> afterShown = fields(corrected, AssayCorrections::shown);
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
