package org.norrlab.gui;

import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;

import java.io.Serializable;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Tick sizes of 1, 2 and 5 times a power of ten, labelled with exactly the decimals the tick size needs and never in
 * exponent form: an open-circuit potential wandering by 20 µV around -0.26108 V is ticked "-0.26108", "-0.26106", not
 * JFreeChart's "-2.6108E-1". Only beyond what a chart of currents or potentials ever spans (ticks below 1e-9 or from
 * 1e9 on) does a label fall back to an exponent.
 */
final class ReadableTicks implements TickUnitSource, Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MOST_DECIMALS = 9;
    private final NumberTickUnitSource sizes = new NumberTickUnitSource(false);

    @Override
    public TickUnit getLargerTickUnit(TickUnit unit) {
        return readable(sizes.getLargerTickUnit(unit));
    }

    @Override
    public TickUnit getCeilingTickUnit(TickUnit unit) {
        return readable(sizes.getCeilingTickUnit(unit));
    }

    @Override
    public TickUnit getCeilingTickUnit(double size) {
        return readable(sizes.getCeilingTickUnit(size));
    }

    private static NumberTickUnit readable(TickUnit unit) {
        return new NumberTickUnit(unit.getSize(), format(unit.getSize()));
    }

    /** The label format for ticks {@code size} apart: as many decimals as the size has (0.05 → 2, 2e-6 → 6). */
    static NumberFormat format(double size) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (!(size >= Math.pow(10, -MOST_DECIMALS)) || size >= 1e9) {
            return new DecimalFormat("0.##E0", symbols);
        }
        int decimals = 0;
        while (decimals < MOST_DECIMALS && Math.abs(size * Math.pow(10, decimals) - Math.rint(size * Math.pow(10, decimals)))
                > 1e-6 * size * Math.pow(10, decimals)) {
            decimals++;
        }
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals), symbols);
        format.setGroupingUsed(false);
        return format;
    }
}
