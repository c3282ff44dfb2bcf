package org.norrlab.analysis;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers in the sweep analysis' sentences: significant figures without trailing zeros ("5 mV/s", "0.35"). */
public final class SignificantFigures {
    private SignificantFigures() {
    }

    public static String of(double value, int digits) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
