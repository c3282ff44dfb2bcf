/**
 * The IO Rodeo Rodeostat driver over its JSON line protocol: identify, the "constant" test for a
 * chronoamperometry step, "linearSweep" for an LSV and "cyclic" for a CV (with each sample's cycle and
 * segment from the known waveform), all on a fixed current range, the sample stream, and stopTest.
 * It refuses chronopotentiometry (the Rodeostat has no galvanostat) and open-circuit steps.
 */
package org.norrlab.driver.rodeostat;
