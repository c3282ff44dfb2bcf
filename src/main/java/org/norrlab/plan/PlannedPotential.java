package org.norrlab.plan;

import org.norrlab.config.Potential;

/**
 * A potential of a sweep as the protocol wrote it and on both scales the run needs.
 *
 * @param asWritten        as the protocol gave it (vs RHE or vs the reference electrode)
 * @param voltsVsRhe       on the RHE scale, what the operator reasons in
 * @param voltsVsReference what the instrument applies, vs the physical reference electrode
 */
public record PlannedPotential(Potential asWritten, double voltsVsRhe, double voltsVsReference) {
}
