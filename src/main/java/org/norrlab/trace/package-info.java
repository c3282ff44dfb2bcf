/**
 * Bounded views of long series for screens: a min/max envelope that keeps the shape of a 24 h,
 * 100 Hz trace in a fixed number of buckets, a sweep's current-against-potential curves (a bounded
 * number of points per cycle and of cycles), and the live model of a run that the GUI polls. Nothing
 * here knows Swing, and nothing here can block acquisition for longer than a copy of a few
 * thousand numbers.
 */
package org.norrlab.trace;
