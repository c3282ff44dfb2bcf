/**
 * The real-time core between an instrument and everything that consumes its data. One bounded
 * queue of {@link org.norrlab.acquisition.AcquisitionRecord}s (step started, sample, event, step
 * ended), filled by the driver and scheduler threads, drained in batches by one dispatcher thread
 * that hands each record to every consumer and tells them where a batch ends.
 *
 * <p>Backpressure policy: the store never loses a sample. When the queue is full the producer
 * blocks until the store catches up; a driver therefore waits rather than drops. Viewers never
 * block the dispatcher: they read snapshots ({@link org.norrlab.acquisition.RunStatistics}) or
 * decimated series whenever they repaint, so a slow viewer sees fewer points, never a slower run.
 */
package org.norrlab.acquisition;
