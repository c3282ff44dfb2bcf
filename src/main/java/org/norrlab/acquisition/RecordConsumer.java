package org.norrlab.acquisition;

/**
 * Receives every record on the dispatcher thread. {@code endOfBatch} marks the last record of a
 * drained batch: the moment to commit a transaction or publish a snapshot, once per batch rather than
 * once per sample. A consumer that throws stops the run (the scheduler aborts and the cell goes off).
 */
public interface RecordConsumer {
    void accept(AcquisitionRecord record, boolean endOfBatch) throws Exception;

    /** The core is closing: everything has been delivered. */
    default void finish() throws Exception {
    }
}
