package org.norrlab.acquisition;

/**
 * The dispatcher thread itself stopped (an {@link Error} such as running out of memory, a fault outside
 * any consumer, or an interrupt): nothing published after it reaches the store, so producers are refused
 * and the run ends, rather than waiting for a queue no one drains.
 */
public final class DispatcherStoppedException extends Exception {
    DispatcherStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
