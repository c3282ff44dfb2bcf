/**
 * The IO Rodeo Rodeostat driver over its JSON line protocol: identify, the "constant" test for a
 * chronoamperometry step with a fixed current range, the sample stream, and stopTest.
 */
package org.norrlab.driver.rodeostat;
