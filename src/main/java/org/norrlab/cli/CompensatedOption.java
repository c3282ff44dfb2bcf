package org.norrlab.cli;

import org.norrlab.config.Dimension;
import org.norrlab.config.Quantities;
import org.norrlab.core.BadInputException;
import org.norrlab.report.RunCompensation;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.OptionalDouble;

/**
 * {@code --compensated C}: the fraction of R_u the instrument compensated during the run, shared by the commands that
 * record an R_u ({@code ru fit}, {@code ru set}) so that both read and refuse it the same way.
 */
final class CompensatedOption {
    @Option(names = "--compensated", paramLabel = "C", description = "The fraction of R_u the instrument already"
            + " compensated during the run, e.g. '85 %%' or 0.85 (default: what the session records, as the simulated"
            + " instrument does; else 0, nothing compensated).")
    String text;

    /**
     * c: a fraction from 0 to 1, e.g. '85 %' or 0.85 (a bare number above 1 is no percentage). Without the option, what
     * the session records (the simulated instrument compensates live, and says so), announced on {@code out}; else 0.
     */
    double fraction(SessionStore store, long sessionId, PrintWriter out) throws StoreException {
        if (text == null) {
            OptionalDouble recorded = RunCompensation.of(store, sessionId);
            recorded.ifPresent(c -> out.println(RunCompensation.stated(c)));
            return recorded.orElse(0);
        }
        double c = Quantities.parse("--compensated", text, Dimension.PERCENT);
        if (!(c >= 0 && c <= 1)) {
            throw new BadInputException("--compensated: the fraction of R_u the instrument compensated during the run"
                    + " must be from 0 to 1 (0 % to 100 %), e.g. '85 %' or 0.85, was '" + text + "'"
                    + (c > 1 && c <= 100 ? "; a bare number is a fraction: write '" + text.trim() + " %' for a"
                    + " percentage" : ""));
        }
        return c;
    }
}
