/**
 * Figures drawn with JFreeChart for reports and the window: FE and yield against potential, I(t) of a session, sweeps,
 * impedance spectra (Nyquist with equal axes, Bode), Tafel plots and stability bars, all in one {@link
 * org.norrlab.figures.Style} (the window's, or print's at a journal's size: 7–9 pt type, 0.5 pt thinnest line, the
 * Okabe–Ito palette). {@link org.norrlab.figures.FigureOutput} writes them as PNG, SVG with text as text and, at a
 * journal's width, vector PDF with the bundled font embedded. Charts are built headless from analysis results and
 * decimated sample series; nothing here reads the store.
 */
package org.norrlab.figures;
