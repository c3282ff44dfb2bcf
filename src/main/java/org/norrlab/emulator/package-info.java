/**
 * Device-side emulators of the serial protocols, backed by the simulated NORR cell: they speak
 * MethodSCRIPT or the Rodeostat's JSON byte for byte on one end of a pseudo-terminal, so that a
 * driver can be run through jSerialComm exactly as with hardware. Faults can be injected: split
 * writes, line noise, slow replies, a device error, a vanished port.
 */
package org.norrlab.emulator;
