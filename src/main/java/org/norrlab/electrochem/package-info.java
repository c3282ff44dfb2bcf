/**
 * Electrochemistry every layer agrees on: reference electrodes, the RHE scale and the cell an
 * experiment runs in. Pure functions; no I/O.
 */
package org.norrlab.electrochem;
