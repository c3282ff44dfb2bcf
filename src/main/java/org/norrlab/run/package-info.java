/**
 * One run from request to stored session: load the plan, open and check the instrument, create the
 * session, wire the acquisition core (store writer, statistics, viewers), run the scheduler, and
 * record how it ended. The CLI and the GUI both start runs here.
 */
package org.norrlab.run;
