package org.norrlab.importer;

import org.norrlab.core.UncompensatedResistance;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.store.AssayExportLines;
import org.norrlab.store.StoredAliquot;

import org.norrlab.core.Sample;
import org.norrlab.store.StoredCorrection;

/**
 * Where an importer hands on what it reads, as it reads it: the file's facts once, first; then each step's facts,
 * its samples in file order and its end; notes at any point after the facts. Steps do not nest. A file is read as a
 * stream (a line or a buffer at a time), so a sink sees samples before the file has been read to its end and must
 * not assume the whole file fits in memory.
 */
public interface ImportSink {
    /** What the file says about itself; called once, before anything else. */
    void file(FileFacts facts) throws ImportException;

    /** Starts a step: the samples that follow belong to it until {@link #endStep()}. */
    void beginStep(StepFacts step) throws ImportException;

    /** One sample of the step begun last; its time is seconds since that step began, never clamped. */
    void sample(Sample sample) throws ImportException;

    /**
     * One point of the impedance spectrum of the step begun last (an EIS step: its points instead of samples), Z''
     * as measured (capacitive negative; an importer turns a file's −Z'' around before it gets here).
     */
    default void impedance(ImpedancePoint point) throws ImportException {
        throw new IllegalStateException("this import keeps no impedance spectra, but the file has one");
    }

    /**
     * An uncompensated resistance the file records (a norrlab export's R_u history; the iR compensation a vendor file
     * states), to be kept under {@code uid}. A sink without a session to keep it with refuses rather than drop it.
     */
    default void resistance(UncompensatedResistance ru, String uid) throws ImportException {
        throw new IllegalStateException("this import keeps no uncompensated resistance, but the file states one ("
                + ru.ohms() + " ohm)");
    }

    /** Ends the step begun last. */
    void endStep() throws ImportException;

    /**
     * Something the operator should know about the file (rows dropped and why, a truncated table, a value read with
     * an assumption the file states): stored with the session and printed by {@code import}.
     */
    void note(String text) throws ImportException;

    /**
     * An aliquot a norrlab export lists as taken out of the session's catholyte; stored with the session. Only the
     * norrlab formats list aliquots, so a sink for other files may leave this out: it refuses rather than drop one.
     */
    default void aliquot(StoredAliquot aliquot) throws ImportException {
        throw new IllegalStateException("this import keeps no aliquots, but the file lists one (after step "
                + aliquot.afterStep() + ")");
    }

    /**
     * A line of the session's audit trail (a norrlab export only), kept with the session. Other sinks have no session
     * to keep it with and ignore it.
     */
    default void correction(StoredCorrection correction) throws ImportException {
    }

    /**
     * A calibration a norrlab export lists for its assays (JSON Lines only), kept with the session's assays. Other sinks
     * have no session to keep it with and ignore it, as they ignore the trail.
     */
    default void calibration(AssayExportLines.ExportedCalibration calibration) throws ImportException {
    }

    /** An assay of the session (JSON Lines only), superseded and removed ones included; see {@link #calibration}. */
    default void assay(AssayExportLines.ExportedAssay assay) throws ImportException {
    }
}
