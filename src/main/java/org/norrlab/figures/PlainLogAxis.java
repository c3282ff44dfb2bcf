package org.norrlab.figures;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A log axis labelled in plain numbers at 1, 2 and 5 times powers of ten (1, 2, …, 9 when the range is too short
 * for three such ticks, powers of ten only over more than four decades). JFreeChart's LogAxis writes 10^2.2 on an axis shorter than a decade, as |Z| often is; its
 * LogarithmicAxis leaves such an axis with a single label.
 */
final class PlainLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final int[] ONE = {1};
    private static final int[] ONE_TWO_FIVE = {1, 2, 5};
    private static final int[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    PlainLogAxis(Style style, String label) {
        super(label);
        style.axis(this);
    }

    @Override
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        // a frequency axis over many decades has room for the powers of ten only (100000 is wide)
        if (getUpperBound() / getLowerBound() > 1e4) {
            return ticks(getLowerBound(), getUpperBound(), ONE, edge);
        }
        List<NumberTick> ticks = ticks(getLowerBound(), getUpperBound(), ONE_TWO_FIVE, edge);
        return ticks.size() >= 3 ? ticks : ticks(getLowerBound(), getUpperBound(), ONE_TO_NINE, edge);
    }

    private static List<NumberTick> ticks(double lower, double upper, int[] multiples, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER;
        List<NumberTick> ticks = new ArrayList<>();
        if (!(lower > 0) || !(upper > lower)) {
            return ticks;
        }
        for (int decade = (int) Math.floor(Math.log10(lower)); decade <= (int) Math.ceil(Math.log10(upper)); decade++) {
            for (int m : multiples) {
                // BigDecimal, so that 0.1 is written "0.1" and not "0.10000000000000001"
                BigDecimal value = BigDecimal.valueOf(m).scaleByPowerOfTen(decade);
                double v = value.doubleValue();
                if (v >= lower && v <= upper) {
                    ticks.add(new NumberTick(TickType.MAJOR, v, value.stripTrailingZeros().toPlainString(), anchor,
                            anchor, 0.0));
                }
            }
        }
        return ticks;
    }
}
