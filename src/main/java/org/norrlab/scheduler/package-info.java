/**
 * Runs a {@link org.norrlab.plan.Plan} on a {@link org.norrlab.driver.Potentiostat}, one step at a
 * time, through an explicit state machine ({@link org.norrlab.scheduler.RunState}: running, paused,
 * reconnecting, aborting, and how it ended) that the run view and the progress bar read. It publishes
 * step boundaries into the acquisition core so the store sees them in order with the samples, and it
 * turns the cell off on every way out.
 */
package org.norrlab.scheduler;
