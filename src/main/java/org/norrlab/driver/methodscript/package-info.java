/**
 * The MethodSCRIPT driver (EmStat Pico, EmStat4 LR/HR and other PalmSens MethodSCRIPT devices)
 * over a {@link org.norrlab.transport.Transport}: connect and sync, identify, run one script per
 * step, turn data packages into samples, map device errors, abort.
 */
package org.norrlab.driver.methodscript;
