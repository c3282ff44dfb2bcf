/**
 * The safety envelope an operator sets in config/site.yaml and per protocol (potential window vs
 * RHE, largest current, charge per step, step duration, consecutive range flags), the monitor that
 * watches every sample against it, and what a breach records. The scheduler turns the cell off.
 */
package org.norrlab.safety;
