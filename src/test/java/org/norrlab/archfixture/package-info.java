/**
 * Throw-away classes for ArchitectureMetaTest, each planting one violation of one architecture rule
 * under its own root package (cycle, layer, unplaced, libs). The real rules import only the main
 * classes, so they never see these.
 */
package org.norrlab.archfixture;
