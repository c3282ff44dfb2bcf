package org.norrlab.core;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A kind of measurement an instrument may be able to run. {@link Capabilities} lists the ones an
 * instrument supports, so a plan that needs another is refused before the cell is touched.
 */
public enum Technique {
    CHRONOAMPEROMETRY("ca", "hold a potential and record the current"),
    OPEN_CIRCUIT("ocp", "record the open-circuit potential"),
    LINEAR_SWEEP("lsv", "sweep the potential linearly and record the current (LSV)"),
    CYCLIC_VOLTAMMETRY("cv", "cycle the potential between two vertices and record the current (CV)"),
    CHRONOPOTENTIOMETRY("cp", "hold a current and record the potential (chronopotentiometry)"),
    IMPEDANCE("eis", "measure an impedance spectrum (EIS)");

    private final String written;
    private final String ability;

    Technique(String written, String ability) {
        this.written = written;
        this.ability = ability;
    }

    /** Whether it sweeps the potential (LSV, CV): its samples carry a cycle and a segment. */
    public boolean isSweep() {
        return this == LINEAR_SWEEP || this == CYCLIC_VOLTAMMETRY;
    }

    /** Whether a step of kind {@code written} (as protocols, the store and importers write it) is a sweep. */
    public static boolean isSweep(String written) {
        return named(written).map(Technique::isSweep).orElse(false);
    }

    /** Its name in protocols and instrument profiles ({@code techniques: [ca, ocp, lsv, cv, cp]}). */
    public String written() {
        return written;
    }

    /** The technique a protocol or profile names, if any. */
    public static Optional<Technique> named(String name) {
        return Arrays.stream(values()).filter(t -> t.written.equalsIgnoreCase(name.trim())).findFirst();
    }

    /** Every name {@link #named} accepts, for messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(Technique::written).collect(Collectors.joining(", "));
    }

    /** What the instrument does for it, to finish "the instrument cannot ...". */
    public String ability() {
        return ability;
    }
}
