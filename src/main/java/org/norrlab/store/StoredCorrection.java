package org.norrlab.store;

import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * One line of a session's audit trail: a value changed after the run, from what to what, why, by whom and when.
 * An assay correction names the assay it supersedes ({@code assayUid}) and the assay that replaces it
 * ({@code replacementUid}, empty when the assay was removed); a session correction names neither and its
 * {@code field} is one of {@link SessionField}. The local ids are this store's ids of those assays, for display.
 */
public record StoredCorrection(long id, Optional<String> assayUid, Optional<Long> assayId, Optional<String> replacementUid,
                               Optional<Long> replacementId, String field, String oldValue, String newValue, String reason,
                               String operator, Instant created, String uid) {

    /** The field of an assay correction that says the assay was taken out of the analysis. */
    public static final String REMOVED = "removed";

    public boolean isSessionField() {
        return assayUid.isEmpty();
    }

    /**
     * This correction naming its assays by the uids they were given in another store ({@code newUids}: old uid to new),
     * as when an export's assays are imported with uids of their own; a uid the map lacks is kept (the assay did not
     * come along, e.g. an export written before assays were exported).
     */
    public StoredCorrection withAssayUids(Map<String, String> newUids) {
        return new StoredCorrection(id, assayUid.map(u -> newUids.getOrDefault(u, u)), assayId,
                replacementUid.map(u -> newUids.getOrDefault(u, u)), replacementId, field, oldValue, newValue, reason,
                operator, created, uid);
    }

    /** What was corrected, as a person reads it: "assay 4 amount", "assay 4 removed", "session ph". */
    public String what() {
        if (isSessionField()) {
            return "session " + field;
        }
        String assay = "assay " + assayId.map(String::valueOf).orElse(assayUid.orElseThrow());
        return field.equals(REMOVED) ? assay + " removed" : assay + " " + field;
    }

    /** "ph 7.0 → 7.2 (operator ana, 2026-12-03T14:00:00Z): reason". */
    public String describe() {
        String by = operator.isEmpty() ? "" : "by " + operator + ", ";
        String change = field.equals(REMOVED) ? what() + " (was " + oldValue + ")"
                : what() + " " + oldValue + " → " + newValue
                + replacementId.map(r -> " (now assay " + r + ")").orElse("");
        return change + ", " + by + created + ": " + reason;
    }

    /**
     * The cell values a session correction may change, each stored as text in the unit its name carries. Temperature
     * is not among them: nothing the analysis reports depends on it but the pH slope, and a run's temperature is what
     * the site measured.
     */
    public enum SessionField {
        PH("ph"), REFERENCE_ELECTRODE("reference_electrode"), ELECTRODE_AREA("electrode_area_cm2"),
        ELECTROLYTE_VOLUME("electrolyte_volume_ml"), CATALYST_LOADING("catalyst_loading_mg_cm2");

        private final String key;

        SessionField(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<SessionField> ofKey(String key) {
            return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
        }

        /** The field's value in {@code cell}, written as it is stored. */
        public String valueIn(CellSettings cell) {
            return switch (this) {
                case PH -> number(cell.pH());
                case REFERENCE_ELECTRODE -> cell.referenceElectrode().name();
                case ELECTRODE_AREA -> number(cell.electrodeAreaCm2());
                case ELECTROLYTE_VOLUME -> number(cell.electrolyteVolumeMl());
                case CATALYST_LOADING -> number(cell.catalystLoadingMgPerCm2());
            };
        }

        /** {@code cell} with this field set to a stored value; the settings' own checks refuse what cannot be. */
        public CellSettings applyTo(CellSettings cell, String value) {
            ReferenceElectrode re = cell.referenceElectrode();
            double ph = cell.pH();
            double area = cell.electrodeAreaCm2();
            double volume = cell.electrolyteVolumeMl();
            double loading = cell.catalystLoadingMgPerCm2();
            switch (this) {
                case PH -> ph = Double.parseDouble(value);
                case REFERENCE_ELECTRODE -> re = ReferenceElectrode.known(value).orElseThrow(() -> new IllegalStateException(
                        "reference electrode '" + value + "' of a stored correction is not one norrlab knows"));
                case ELECTRODE_AREA -> area = Double.parseDouble(value);
                case ELECTROLYTE_VOLUME -> volume = Double.parseDouble(value);
                case CATALYST_LOADING -> loading = Double.parseDouble(value);
            }
            return new CellSettings(re, ph, cell.temperatureCelsius(), area, loading, volume);
        }

        /** The shortest text that reads back as the same double, without an exponent for lab-sized values. */
        private static String number(double value) {
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
    }
}
