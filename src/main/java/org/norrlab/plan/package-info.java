/**
 * Protocol files (protocols/*.yaml) read into a {@link org.norrlab.plan.Plan}: a flat list of
 * steps whose potentials are already converted to the reference electrode, each keeping the line
 * it came from. Depends on config, core, electrochem and safety; touches no instrument.
 */
package org.norrlab.plan;
