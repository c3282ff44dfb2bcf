/**
 * The simulated NORR cell ({@code family: sim}): an electrical layer (double layer charging through
 * the uncompensated resistance), a faradaic layer (NORR kinetics limited by NO transport, HER),
 * an instrument layer (current ranges, auto-ranging, quantisation, noise, overload flags) and a
 * virtual clock. Parameters and their derivation: norr-science-notes §5 in the shared reference.
 */
package org.norrlab.driver.sim;
