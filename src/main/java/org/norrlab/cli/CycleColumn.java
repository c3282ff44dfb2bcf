package org.norrlab.cli;

import org.norrlab.plan.StepContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The "cycle" column of the step tables of {@code plan}, {@code show} and the end of a run: present only when a
 * step belongs to a repeat block, so tables of protocols without one read as before. It follows the step number.
 */
final class CycleColumn {
    static final String HEADER = "cycle";

    private CycleColumn() {
    }

    static boolean wanted(Collection<StepContext> contexts) {
        return contexts.stream().anyMatch(StepContext::inRepeat);
    }

    /** The cells (or headers) with the cycle put after the first one when wanted. */
    static String[] insert(boolean wanted, String cycle, String... cells) {
        if (!wanted) {
            return cells;
        }
        List<String> all = new ArrayList<>(List.of(cells));
        all.add(1, cycle);
        return all.toArray(String[]::new);
    }

    /** "2/5" for the second of five cycles, "—" outside a repeat block. */
    static String text(StepContext context) {
        return context.inRepeat() ? context.cycle() + "/" + context.cycles() : "—";
    }

    /** One line naming the blocks, so "2/5" can be read; empty when there is none. */
    static List<String> legend(Collection<StepContext> contexts) {
        List<String> blocks = contexts.stream().filter(StepContext::inRepeat)
                .map(c -> "'" + c.block() + "' (" + c.cycles() + " cycles)").distinct().toList();
        return blocks.isEmpty() ? List.of()
                : List.of("cycle: which cycle of repeat block " + String.join(", ", blocks) + " the step belongs to.");
    }
}
