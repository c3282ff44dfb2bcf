/**
 * An instrument that plays back stored samples (an imported file, or a session recorded without
 * its wire bytes), step after step, at a chosen speed, through the same core and store as a live run.
 */
package org.norrlab.driver.recorded;
