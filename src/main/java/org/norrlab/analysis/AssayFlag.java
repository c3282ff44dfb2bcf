package org.norrlab.analysis;

/** Why a product amount is not a plain number. Reports show the flag next to (or instead of) the value. */
public enum AssayFlag {
    /** the reading lies above the highest standard: the line was extrapolated */
    EXTRAPOLATED_ABOVE("above the calibrated range"),
    /** the reading lies below the lowest non-zero standard */
    EXTRAPOLATED_BELOW("below the calibrated range"),
    BELOW_LOD("below the limit of detection"),
    BELOW_LOQ("below the limit of quantification"),
    /** the calibration failed the acceptance rule and was saved only on the operator's word */
    POOR_CALIBRATION("calibration failed the acceptance rule"),
    /** the control held more product than the sample */
    NEGATIVE_AFTER_CONTROL("less than the control");

    private final String description;

    AssayFlag(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Values with these flags are not reported as numbers at all. */
    public boolean hidesValue() {
        return this == BELOW_LOD;
    }
}
