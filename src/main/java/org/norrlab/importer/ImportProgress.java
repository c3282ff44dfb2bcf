package org.norrlab.importer;

/**
 * Told how far an import has got, in what the store holds: samples stored so far and steps completed. A caller that
 * wants to stop the import (the window's Cancel) throws from here; the import then leaves nothing in the store, as for
 * any failure half way.
 */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (samples, steps) -> { };

    /** How many samples are reported at a time: often enough to watch, rarely enough to cost nothing. */
    int SAMPLES_PER_REPORT = 2000;

    /** After every {@value #SAMPLES_PER_REPORT} samples stored and after each step. */
    void stored(long samples, int steps);
}
