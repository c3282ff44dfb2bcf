/**
 * Reading the files an operator edits (protocols/, drivers/, config/): a YAML tree that remembers
 * where every value came from, quantities with units, and errors that name file, line, column and
 * field. Depends on core and Jackson only.
 */
package org.norrlab.config;
