package org.norrlab.plan;

/**
 * Where a step sits in its protocol beyond its index: which cycle of a {@code repeat} block it belongs to,
 * and which batch of electrolyte it runs in.
 *
 * @param block  the repeat block's label, empty outside one
 * @param cycle  the cycle of that block, counted from 1; 0 outside a repeat block
 * @param cycles how many cycles the block has; 0 outside one
 * @param batch  the electrolyte batch the step runs in, counted from 1 ({@link Electrolyte}); 0 where no
 *               batch is known (a step built outside a protocol, an imported session)
 */
public record StepContext(String block, int cycle, int cycles, int batch) {
    /** A step known only by its index. */
    public static final StepContext NONE = new StepContext("", 0, 0, 0);

    public StepContext {
        if (cycle < 0 || cycles < 0 || cycle > cycles || batch < 0) {
            throw new IllegalArgumentException("cycle " + cycle + " of " + cycles + ", batch " + batch);
        }
        block = block == null ? "" : block;
    }

    public boolean inRepeat() {
        return cycle > 0;
    }

    public StepContext inBatch(int newBatch) {
        return new StepContext(block, cycle, cycles, newBatch);
    }

    public StepContext inCycle(String blockLabel, int newCycle, int newCycles) {
        return new StepContext(blockLabel, newCycle, newCycles, batch);
    }
}
