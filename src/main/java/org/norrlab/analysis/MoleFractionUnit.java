package org.norrlab.analysis;

import org.norrlab.core.BadInputException;

/** Units of a GC mole fraction: ppm or %. */
public final class MoleFractionUnit {
    private MoleFractionUnit() {
    }

    /** The factor from the written unit to a plain mole fraction. */
    public static double parse(String text) {
        return switch (text.trim()) {
            case "ppm" -> 1e-6;
            case "%", "vol%", "mol%" -> 1e-2;
            case "ppb" -> 1e-9;
            default -> throw new BadInputException("'" + text.trim()
                    + "' is not a unit for a GC mole fraction; allowed: ppm, ppb, %");
        };
    }
}
