package org.norrlab.testing;

import org.norrlab.plan.PlannedStep;
import org.norrlab.scheduler.RunListener;
import org.norrlab.scheduler.RunState;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A run listener that keeps every state the run went through, in order, and the steps that started. */
public final class StateLog implements RunListener {
    private final List<RunState> states = new CopyOnWriteArrayList<>();
    private final List<Integer> started = new CopyOnWriteArrayList<>();

    @Override
    public void stateChanged(RunState state) {
        states.add(state);
    }

    @Override
    public void stepStarted(PlannedStep step) {
        started.add(step.index());
    }

    public List<RunState> states() {
        return List.copyOf(states);
    }

    public List<Integer> stepsStarted() {
        return List.copyOf(started);
    }
}
