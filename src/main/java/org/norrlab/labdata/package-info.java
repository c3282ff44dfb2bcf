/**
 * What the analytical lab measured, turned into stored records: assay results typed in or read from
 * a CSV, calibration standards, and simulated assays of a simulated session. Shared by the CLI and
 * the GUI so that both check input the same way.
 */
package org.norrlab.labdata;
