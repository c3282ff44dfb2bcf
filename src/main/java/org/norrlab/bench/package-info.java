/** Benchmarks a user can run ({@code norrlab bench}); each prints its figure next to its reference. */
package org.norrlab.bench;
