package org.norrlab.plan;

import org.norrlab.core.Gas;

import java.util.Optional;

/**
 * Where a step sits in its protocol beyond its index: which cycle of a {@code repeat} block it belongs to,
 * which batch of electrolyte it runs in, and which gas that electrolyte is saturated with.
 *
 * @param block  the repeat block's label, empty outside one
 * @param cycle  the cycle of that block, counted from 1; 0 outside a repeat block
 * @param cycles how many cycles the block has; 0 outside one
 * @param batch  the electrolyte batch the step runs in, counted from 1 ({@link Electrolyte}); 0 where no
 *               batch is known (a step built outside a protocol, an imported session)
 * @param gas    the gas in the electrolyte ({@code gas:} of the protocol's cell block, or of the step); empty where
 *               the protocol does not say (the simulated cell then assumes NO, as every run before sweeps did)
 */
public record StepContext(String block, int cycle, int cycles, int batch, Optional<Gas> gas) {
    /** A step known only by its index. */
    public static final StepContext NONE = new StepContext("", 0, 0, 0, Optional.empty());

    /** A step whose gas nobody stated. */
    public StepContext(String block, int cycle, int cycles, int batch) {
        this(block, cycle, cycles, batch, Optional.empty());
    }

    public StepContext {
        if (cycle < 0 || cycles < 0 || cycle > cycles || batch < 0) {
            throw new IllegalArgumentException("cycle " + cycle + " of " + cycles + ", batch " + batch);
        }
        block = block == null ? "" : block;
        gas = gas == null ? Optional.empty() : gas;
    }

    public boolean inRepeat() {
        return cycle > 0;
    }

    public StepContext inBatch(int newBatch) {
        return new StepContext(block, cycle, cycles, newBatch, gas);
    }

    public StepContext inCycle(String blockLabel, int newCycle, int newCycles) {
        return new StepContext(blockLabel, newCycle, newCycles, batch, gas);
    }

    public StepContext withGas(Optional<Gas> newGas) {
        return new StepContext(block, cycle, cycles, batch, newGas);
    }
}
