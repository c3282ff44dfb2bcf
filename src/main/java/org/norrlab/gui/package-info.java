/**
 * The desktop window: run view (instrument, protocol with its plan, start/pause/abort, live charts,
 * events), sessions view and analysis view, in Swing with JFreeChart. It drives the same services
 * as the CLI; the live charts read {@link org.norrlab.trace.LiveRun} on a Swing timer, so the window
 * never stands between the instrument and the store. Slow work (opening instruments, queries,
 * analysis) runs on background workers, never on the event thread.
 */
package org.norrlab.gui;
