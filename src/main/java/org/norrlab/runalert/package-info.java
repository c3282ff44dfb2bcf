/**
 * The alerts of a run, for the command line and the window alike: which records of a run, which operator holds and
 * which outcomes make an alert, what the alert says of the cell, and the record of what became of each alert on each
 * channel, kept with the session in the store. Uses the alert package to deliver, the run package for the run, the
 * store to record outcomes and read the FE/yield table's assays, and report for that table.
 */
package org.norrlab.runalert;
