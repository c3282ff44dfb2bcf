/**
 * The command line (picocli): parses arguments, calls the run, store and report services, and turns
 * errors into one readable paragraph and an exit code. Stack traces go to the log, never the console.
 */
package org.norrlab.cli;
