package org.norrlab.labdata;

import org.norrlab.config.Dimension;
import org.norrlab.config.Quantities;
import org.norrlab.core.BadInputException;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;
import org.norrlab.store.CorrectionStore;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredCorrection.SessionField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Correcting a session's cell values after its run, for every front end ({@code norrlab session correct} and the
 * Analysis view): the run's values are kept, the corrections are rows of the trail the analysis lays over them.
 */
public final class SessionCorrections {
    private SessionCorrections() {
    }

    /** The values typed, each as text with its unit ("0.5 cm2"), empty when kept. */
    public record CellEdit(Optional<String> ph, Optional<String> referenceElectrode, Optional<String> electrodeArea,
                           Optional<String> electrolyteVolume, Optional<String> catalystLoading) {
    }

    /** How the command line names each field in its messages. */
    public static final Function<SessionField, String> OPTION_NAMES = field -> switch (field) {
        case PH -> "--ph";
        case REFERENCE_ELECTRODE -> "--reference-electrode";
        case ELECTRODE_AREA -> "--electrode-area";
        case ELECTROLYTE_VOLUME -> "--electrolyte-volume";
        case CATALYST_LOADING -> "--catalyst-loading";
    };

    /** The cell a session's analysis uses now: the recorded one with every earlier correction laid over it. */
    public static CellSettings currentCell(SessionStore store, long sessionId) throws StoreException {
        return CorrectionStore.correctedCell(store.existingSession(sessionId).cell(),
                store.corrections().corrections(sessionId));
    }

    /**
     * Stores the fields of {@code edit} that differ from the current cell as corrections, in one transaction, and
     * returns them. Refused, with nothing stored, without a reason, when nothing differs, or when a value is not one a
     * cell can have; the messages name each field as {@code names} says.
     */
    public static List<CorrectionStore.Change> correct(SessionStore store, long sessionId, CellEdit edit, String reason,
                                                       String operator, Function<SessionField, String> names)
            throws StoreException {
        CorrectionStore.requireReason(reason);
        CellSettings now = currentCell(store, sessionId);
        CellSettings wanted = wanted(now, edit, names);
        List<CorrectionStore.Change> changes = CorrectionStore.Change.between(fields(now), fields(wanted));
        if (changes.isEmpty()) {
            throw new BadInputException("nothing to correct in session " + sessionId + ": give at least one of "
                    + String.join(", ", List.of(SessionField.values()).stream().map(names).toList())
                    + " with a value other than the current one");
        }
        store.corrections().correctSession(sessionId, changes, reason, operator);
        return changes;
    }

    /** The correctable values of a cell, keyed as the trail stores them. */
    public static Map<String, String> fields(CellSettings cell) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (SessionField field : SessionField.values()) {
            fields.put(field.key(), field.valueIn(cell));
        }
        return fields;
    }

    /**
     * The cell with the given values, read as the protocol's cell block reads them (units, ranges, known reference
     * electrodes); {@link CellSettings} refuses what no cell can have, naming the allowed range.
     */
    static CellSettings wanted(CellSettings now, CellEdit edit, Function<SessionField, String> names) {
        Optional<String> referenceElectrode = edit.referenceElectrode();
        ReferenceElectrode re = referenceElectrode.isEmpty() ? now.referenceElectrode()
                : ReferenceElectrode.known(referenceElectrode.get()).orElseThrow(() -> new BadInputException(
                        names.apply(SessionField.REFERENCE_ELECTRODE) + ": '" + referenceElectrode.get()
                                + "' is not a reference electrode we know; use one of: " + ReferenceElectrode.knownNames()));
        double phValue = now.pH();
        if (edit.ph().isPresent()) {
            String ph = edit.ph().get();
            String name = names.apply(SessionField.PH);
            try {
                phValue = Double.parseDouble(ph.trim());
            } catch (NumberFormatException e) {
                throw new BadInputException(name + ": '" + ph + "' is not a number; expected a pH between -1 and 15, e.g. 7.2");
            }
            if (!(phValue >= -1 && phValue <= 15)) {
                throw new BadInputException(name + ": pH " + ph + " is outside -1 .. 15");
            }
        }
        double area = edit.electrodeArea().isEmpty() ? now.electrodeAreaCm2()
                : positive(names.apply(SessionField.ELECTRODE_AREA), edit.electrodeArea().get(), Dimension.AREA);
        double volume = edit.electrolyteVolume().isEmpty() ? now.electrolyteVolumeMl()
                : positive(names.apply(SessionField.ELECTROLYTE_VOLUME), edit.electrolyteVolume().get(), Dimension.VOLUME);
        double loading = now.catalystLoadingMgPerCm2();
        if (edit.catalystLoading().isPresent()) {
            String name = names.apply(SessionField.CATALYST_LOADING);
            loading = Quantities.parse(name, edit.catalystLoading().get(), Dimension.MASS_LOADING);
            if (loading < 0) {
                throw new BadInputException(name + ": must not be negative, was '" + edit.catalystLoading().get() + "'");
            }
        }
        return new CellSettings(re, phValue, now.temperatureCelsius(), area, loading, volume);
    }

    private static double positive(String name, String text, Dimension dimension) {
        double value = Quantities.parse(name, text, dimension);
        if (!(value > 0)) {
            throw new BadInputException(name + ": must be greater than zero, was '" + text + "'");
        }
        return value;
    }
}
