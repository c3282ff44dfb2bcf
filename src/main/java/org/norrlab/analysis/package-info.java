/**
 * Pure functions over recorded data: charge, and later calibration, faradaic efficiency and
 * yield. No I/O and no threads; raw samples are never changed here.
 */
package org.norrlab.analysis;
