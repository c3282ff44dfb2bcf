/**
 * Reading the files an operator edits (protocols/, drivers/, config/): a YAML tree that remembers
 * where every value came from, quantities with units, and errors that name file, line, column and
 * field. Depends on core, electrochem and Jackson only: it reads files and nothing else. What the
 * site file's safety block and session_store mean is read by the safety and store packages
 * ({@code SafetyEnvelope.of(site)}, {@code StoreLocation.of(site)}).
 */
package org.norrlab.config;
