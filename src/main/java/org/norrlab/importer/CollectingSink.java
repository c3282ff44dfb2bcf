package org.norrlab.importer;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.core.Sample;
import org.norrlab.store.StoredAliquot;

import java.util.ArrayList;
import java.util.List;

/** Holds a whole file in memory: what {@link Importer#read(java.nio.file.Path)} returns. */
public final class CollectingSink implements ImportSink {
    private FileFacts facts;
    private final List<ImportedSession.Step> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<StoredAliquot> aliquots = new ArrayList<>();
    private final List<UncompensatedResistance> resistances = new ArrayList<>();
    private StepFacts open;
    private List<Sample> samples;
    private List<ImpedancePoint> spectrum;

    @Override
    public void file(FileFacts facts) {
        if (this.facts != null) {
            throw new IllegalStateException("an importer gave the file's facts twice");
        }
        this.facts = facts;
    }

    @Override
    public void beginStep(StepFacts step) {
        if (facts == null || open != null) {
            throw new IllegalStateException("an importer began a step " + (facts == null ? "before the file's facts"
                    : "inside another"));
        }
        open = step;
        samples = new ArrayList<>();
        spectrum = new ArrayList<>();
    }

    @Override
    public void sample(Sample sample) {
        if (open == null) {
            throw new IllegalStateException("an importer gave a sample outside a step");
        }
        samples.add(sample);
    }

    /** An impedance point of the open (EIS) step, kept beside its samples. */
    @Override
    public void impedance(ImpedancePoint point) {
        if (open == null) {
            throw new IllegalStateException("an importer gave an impedance point outside a step");
        }
        spectrum.add(point);
    }

    @Override
    public void endStep() {
        if (open == null) {
            throw new IllegalStateException("an importer ended a step it had not begun");
        }
        steps.add(new ImportedSession.Step(open, samples, spectrum));
        open = null;
        samples = null;
        spectrum = null;
    }

    @Override
    public void note(String text) {
        notes.add(text);
    }

    @Override
    public void aliquot(StoredAliquot aliquot) {
        aliquots.add(aliquot);
    }

    /** An uncompensated resistance the file states (an iR compensation), kept in the file's order. */
    @Override
    public void resistance(UncompensatedResistance ru, String uid) {
        resistances.add(ru);
    }

    /** The uncompensated resistances the file states, in its order. */
    public List<UncompensatedResistance> resistances() {
        return List.copyOf(resistances);
    }

    /** The aliquots the file lists (a norrlab export), in its order. */
    public List<StoredAliquot> aliquots() {
        return List.copyOf(aliquots);
    }

    public ImportedSession session() {
        if (facts == null || open != null) {
            throw new IllegalStateException("an importer ended " + (facts == null ? "without the file's facts"
                    : "inside a step"));
        }
        return new ImportedSession(facts, steps, notes);
    }
}
