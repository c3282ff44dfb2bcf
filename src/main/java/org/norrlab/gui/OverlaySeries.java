package org.norrlab.gui;

import java.util.OptionalDouble;

/**
 * One step of an overlay as drawn: its legend, where it comes from, what its axes hold and its points (downsampled
 * for drawing, extremes kept). The units travel with every series so that a chart tool (I ↔ j, time units, CSV
 * export) can convert or label them without asking the store again.
 *
 * @param areaCm2 the electrode area of the step's session (corrected where the correction trail says so) that turned
 *                I into j; empty where it is unknown, and then {@code y} is {@link Quantity#CURRENT}
 * @param xs      {@code x} values: seconds from the step's own start, or volts
 * @param ys      {@code y} values: mA cm⁻² or mA
 */
record OverlaySeries(String legend, long sessionId, int stepIndex, Quantity x, Quantity y, OptionalDouble areaCm2,
                     double[] xs, double[] ys) {
    OverlaySeries {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("a series needs as many x as y values, had " + xs.length + " and " + ys.length);
        }
    }

    /** What an axis of an overlay holds, with its unit. */
    enum Quantity {
        TIME_FROM_STEP_START("t from step start", "s"),
        POTENTIAL_VS_RHE("E vs RHE", "V"),
        POTENTIAL_VS_RE("E vs RE", "V"),
        CURRENT_DENSITY("j", "mA cm⁻²"),
        CURRENT("I", "mA");

        private final String symbol;
        private final String unit;

        Quantity(String symbol, String unit) {
            this.symbol = symbol;
            this.unit = unit;
        }

        String symbol() {
            return symbol;
        }

        String unit() {
            return unit;
        }

        /** The axis label, e.g. "j (mA cm⁻²)". */
        String axisLabel() {
            return symbol + " (" + unit + ")";
        }
    }
}
