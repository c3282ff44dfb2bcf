package org.norrlab.core;

/**
 * A kind of measurement an instrument may be able to run. {@link Capabilities} lists the ones an
 * instrument supports, so a plan that needs another is refused before the cell is touched.
 */
public enum Technique {
    CHRONOAMPEROMETRY("hold a potential and record the current"),
    OPEN_CIRCUIT("record the open-circuit potential");

    private final String ability;

    Technique(String ability) {
        this.ability = ability;
    }

    /** What the instrument does for it, to finish "the instrument cannot ...". */
    public String ability() {
        return ability;
    }
}
