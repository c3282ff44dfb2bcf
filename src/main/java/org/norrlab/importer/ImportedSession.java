package org.norrlab.importer;

import org.norrlab.config.Potential;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.store.CellSourceLines;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole file held in memory, as a {@link CollectingSink} gathered it: for tests and small files. The store takes
 * files as a stream instead ({@link ImportSink}).
 *
 * @param notes what the operator should know (a truncated table, dropped rows), stored with the session
 */
public record ImportedSession(FileFacts facts, List<Step> steps, List<String> notes) {
    public ImportedSession {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /** The shape importers wrote before they streamed; the cell, if given, is a norrlab export's whole cell. */
    public ImportedSession(String format, String technique, InstrumentIdentity instrument, Map<String, String> metadata,
                           List<Step> steps, List<String> warnings, Optional<CellSettings> cell) {
        this(new FileFacts(format, technique, instrument, metadata,
                cell.map(c -> StatedCell.all(c, CellSourceLines.EXPORT_HEADER)).orElse(StatedCell.NONE)), steps, warnings);
    }

    public String format() {
        return facts.format();
    }

    public String technique() {
        return facts.technique();
    }

    public InstrumentIdentity instrument() {
        return facts.instrument();
    }

    public Map<String, String> metadata() {
        return facts.metadata();
    }

    public List<String> warnings() {
        return notes;
    }

    /** Hands the held file on to a sink, as an importer reading it would. */
    public void replayInto(ImportSink sink) throws ImportException {
        sink.file(facts);
        for (Step step : steps) {
            sink.beginStep(step.facts());
            for (Sample sample : step.samples()) {
                sink.sample(sample);
            }
            for (ImpedancePoint point : step.spectrum()) {
                sink.impedance(point);
            }
            sink.endStep();
        }
        for (String note : notes) {
            sink.note(note);
        }
    }

    /** One step, its samples and (an EIS step) its impedance spectrum in the file's order, Z'' as measured. */
    public record Step(StepFacts facts, List<Sample> samples, List<ImpedancePoint> spectrum) {
        public Step {
            samples = List.copyOf(samples);
            spectrum = List.copyOf(spectrum);
        }

        /** A step of samples only (every kind but EIS). */
        public Step(StepFacts facts, List<Sample> samples) {
            this(facts, samples, List.of());
        }

        /** The shape importers wrote before they streamed: a set potential vs the reference electrode, NaN if none. */
        public Step(String kind, String label, double voltsVsReference, double intervalSeconds, List<Sample> samples) {
            this(new StepFacts(kind, label, Double.isNaN(voltsVsReference) ? Optional.empty()
                    : Optional.of(new Potential(voltsVsReference, Potential.Scale.RE)), intervalSeconds), samples, List.of());
        }

        public String kind() {
            return facts.kind();
        }

        public String label() {
            return facts.label();
        }

        public double intervalSeconds() {
            return facts.intervalSeconds();
        }

        /** The set potential when the file gave it vs the reference electrode; NaN otherwise. */
        public double voltsVsReference() {
            return facts.setPotential().filter(p -> p.scale() == Potential.Scale.RE).map(Potential::volts)
                    .orElse(Double.NaN);
        }
    }
}
