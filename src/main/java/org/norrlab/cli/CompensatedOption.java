package org.norrlab.cli;

import org.norrlab.config.Dimension;
import org.norrlab.config.Quantities;
import org.norrlab.core.BadInputException;
import picocli.CommandLine.Option;

/**
 * {@code --compensated C}: the fraction of R_u the instrument compensated during the run, shared by the commands that
 * record an R_u ({@code ru fit}, {@code ru set}) so that both read and refuse it the same way.
 */
final class CompensatedOption {
    @Option(names = "--compensated", paramLabel = "C", description = "The fraction of R_u the instrument already"
            + " compensated during the run, e.g. '85 %' (default: 0, nothing compensated).")
    String text;

    /** c: a fraction from 0 up to (not including) 1, e.g. '85 %' or 0.85; 0 when the option is not given. */
    double fraction() {
        if (text == null) {
            return 0;
        }
        double c = Quantities.parse("--compensated", text, Dimension.PERCENT);
        if (!(c >= 0 && c < 1)) {
            throw new BadInputException("--compensated: the fraction of R_u the instrument compensated during the run"
                    + " must be from 0 up to (not including) 100 %, e.g. '85 %', was '" + text + "'");
        }
        return c;
    }
}
