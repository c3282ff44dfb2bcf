package org.norrlab.run;

import java.util.List;

/** The plan does not fit the instrument; nothing was started. */
public final class PlanRejectedException extends Exception {
    private final List<String> problems;

    public PlanRejectedException(String instrument, List<String> problems) {
        super("the protocol cannot run on " + instrument + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
