package org.norrlab.run;

import org.norrlab.plan.PlanWarning;

import java.util.List;

/** The plan, or an option given with it, does not fit the instrument; nothing was started. */
public final class PlanRejectedException extends Exception {
    private final List<String> problems;

    public PlanRejectedException(String instrument, List<String> problems) {
        this(problems, "the protocol cannot run on " + instrument + ":\n  " + String.join("\n  ", problems));
    }

    private PlanRejectedException(List<String> problems, String message) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Options that the instrument would ignore, one line each naming the option (a lab file names them without "--"). */
    static PlanRejectedException optionsNotApplicable(String instrument, List<String> problems) {
        return new PlanRejectedException(problems, "options that " + instrument + " would ignore, so nothing was started (in a lab"
                + " file: the bench's speed, catalyst, seed and port):\n  " + String.join("\n  ", problems));
    }

    /** {@code --strict}: the plan's warnings (the protocol's and the PC's), one line each, refuse the run as problems would. */
    static PlanRejectedException warningsUnderStrict(List<PlanWarning> warnings) {
        List<String> lines = warnings.stream().map(PlanWarning::message).toList();
        return new PlanRejectedException(lines, "--strict: " + lines.size() + " warning"
                + (lines.size() == 1 ? "" : "s") + ", so nothing was started; correct the protocol or the setup (--db, the"
                + " PC), or run without --strict to run it as written:\n  " + String.join("\n  ", lines));
    }

    public List<String> problems() {
        return problems;
    }
}
