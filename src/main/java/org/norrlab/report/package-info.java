/**
 * What an operator reads after a run: per-step summaries computed from the stored samples (never
 * from live counters, so that the table and a later analysis agree), and session exports.
 */
package org.norrlab.report;
