/**
 * Figures drawn with JFreeChart for reports (and later the GUI): FE and yield against potential,
 * I(t) of a session, sweeps, impedance spectra (Nyquist with equal axes, Bode) and Tafel plots, written as PNG and SVG. Charts are built headless from analysis results and
 * decimated sample series; nothing here reads the store.
 */
package org.norrlab.figures;
