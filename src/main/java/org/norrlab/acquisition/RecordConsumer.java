package org.norrlab.acquisition;

/**
 * Receives every record on the dispatcher thread. {@code endOfBatch} marks the last record of a
 * drained batch: the moment to commit a transaction or publish a snapshot, once per batch rather than
 * once per sample. A consumer that throws stops the run (the scheduler aborts and the cell goes off).
 */
public interface RecordConsumer {
    void accept(AcquisitionRecord record, boolean endOfBatch) throws Exception;

    /**
     * What the consumer is, as an operator reads it in a message ("writing to the session store"), not a class name:
     * its failure stops the run, and the console says which part failed.
     */
    default String name() {
        Class<?> type = getClass();
        // a lambda's or anonymous class's name says nothing to anyone
        return type.isHidden() || type.isAnonymousClass() ? "a part of the run"
                : "a part of the run (" + type.getSimpleName() + ")";
    }

    /**
     * Another consumer failed (e.g. the store's writer: a full disk, a server gone) and the run stops; told once, on the
     * dispatcher thread, at the moment of the failure rather than at the run's end. {@code failed} is that consumer's
     * {@link #name()}. Every record this consumer received before, with its batch's end, had been accepted by every
     * consumer, the failed one included. Must return at once and not throw.
     */
    default void otherFailed(String failed, Exception why) {
    }

    /** The core is closing: everything has been delivered. */
    default void finish() throws Exception {
    }
}
