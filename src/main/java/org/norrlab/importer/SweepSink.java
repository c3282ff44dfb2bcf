package org.norrlab.importer;

import org.norrlab.core.UncompensatedResistance;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Sample;
import org.norrlab.store.AssayExportLines;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.StoredCorrection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Completes the sweep steps (LSV, CV) of a file on their way to another sink: holds a sweep's samples until it ends,
 * gives each its cycle and segment ({@link SweepShape}), measures the scan rate as dE/dt and checks it against the one
 * the file states, then begins the step with what was read and measured and hands the samples on. Every other step
 * goes straight through. A step the file leaves as {@code other} is a sweep when {@code --technique lsv|cv} says so.
 *
 * <p>So a sweep step is held whole in memory (a CV of 100 000 points is a few MB); no other step is.
 */
final class SweepSink implements ImportSink {
    /** A scan rate the file states and the data's more than this far apart (relative) gets a warning. */
    static final double RATE_DISAGREES = 0.03;

    private final ImportSink next;
    private final Path file;
    private final Optional<String> technique;
    private String format = "";
    private String fileTechnique = "";
    private StepFacts open;
    private List<Sample> held;
    private int steps;

    SweepSink(ImportSink next, Path file, Optional<String> technique) {
        this.next = next;
        this.file = file;
        this.technique = technique;
    }

    @Override
    public void file(FileFacts facts) throws ImportException {
        format = facts.format();
        fileTechnique = facts.technique();
        next.file(facts);
    }

    @Override
    public void beginStep(StepFacts step) throws ImportException {
        steps++;
        StepFacts resolved = step.kind().equals("other") && technique.isPresent() ? step.withKind(technique.get()) : step;
        boolean contradicted = technique.isPresent() && !technique.get().equals(resolved.kind());
        // a step whose kind --technique contradicts goes on at once, to be refused for that before anything else
        if (resolved.isSweep() && !resolved.sweep().resolved() && !contradicted) {
            open = resolved;
            held = new ArrayList<>();
            return;
        }
        next.beginStep(step);
    }

    @Override
    public void sample(Sample sample) throws ImportException {
        if (held != null) {
            held.add(sample);
        } else {
            next.sample(sample);
        }
    }

    @Override
    public void resistance(UncompensatedResistance ru, String uid) throws ImportException {
        next.resistance(ru, uid);
    }

    /** An impedance spectrum is no sweep: it goes on as it comes. */
    @Override
    public void impedance(ImpedancePoint point) throws ImportException {
        next.impedance(point);
    }

    @Override
    public void endStep() throws ImportException {
        if (held == null) {
            next.endStep();
            return;
        }
        List<Sample> samples = held;
        StepFacts step = open;
        held = null;
        open = null;
        complete(step, samples);
    }

    private void complete(StepFacts step, List<Sample> samples) throws ImportException {
        String which = "step " + steps + " (" + step.label() + ")";
        int n = samples.size();
        double[] time = new double[n];
        double[] potential = new double[n];
        int[] fileCycles = new int[n];
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            if (!Double.isFinite(s.potentialVolts())) {
                throw refusal(which + ": sample " + (i + 1) + " of the " + step.kind() + " has no potential, so its cycle and"
                        + " segment cannot be told; a sweep needs a potential in every row: export it with its"
                        + " potential column");
            }
            time[i] = s.timeSeconds();
            potential[i] = s.potentialVolts();
            fileCycles[i] = s.cycle();
            if ((fileCycles[i] > 0) != (fileCycles[0] > 0) || i > 0 && fileCycles[i] < fileCycles[i - 1]) {
                throw refusal(which + ": sample " + (i + 1) + " is in cycle " + fileCycles[i] + " after cycle "
                        + (i > 0 ? fileCycles[i - 1] : 0) + "; the cycles of a sweep run 1, 2, 3, … in order");
            }
        }
        SweepShape.Result shape = SweepShape.of(time, potential, fileCycles, step.kind().equals("cv"));
        StatedSweep stated = step.sweep();
        List<String> fromData = new ArrayList<>();
        StatedSweep sweep = withRate(which, stated, shape);
        double start = orData(stated.startVsReference(), potential[0], "start", fromData);
        double vertex1 = Double.NaN;
        double vertex2 = Double.NaN;
        double end = start; // a CV ends where it began
        if (step.kind().equals("lsv")) {
            end = orData(stated.endVsReference(), potential[n - 1], "end", fromData);
        } else {
            vertex1 = orData(stated.vertex1VsReference(), shape.vertices().length > 0 ? shape.vertices()[0] : Double.NaN,
                    "vertex 1", fromData);
            vertex2 = orData(stated.vertex2VsReference(), shape.vertices().length > 1 ? shape.vertices()[1] : Double.NaN,
                    "vertex 2", fromData);
        }
        if (!fromData.isEmpty()) {
            next.note(which + ": the file states no " + String.join(", ", fromData) + " potential of the sweep: taken from"
                    + " the measured potentials (the first sample, the turns, the last sample)");
        }
        int cycles = shape.cycleCount();
        if (stated.cycles() > 0 && stated.cycles() != cycles) {
            next.note(which + ": the file states " + stated.cycles() + " cycle(s) and holds " + cycles);
        }
        sweep = sweep.withPotentials(start, vertex1, vertex2, end).withCycles(cycles).asResolved();
        next.beginStep(step.withSweep(sweep));
        for (int i = 0; i < n; i++) {
            next.sample(samples.get(i).inSweep(shape.cycles()[i], shape.segments()[i]));
        }
        next.endStep();
    }

    /** The stated scan rate, checked against the data's; or the data's where the file states none; or NaN, said so. */
    private StatedSweep withRate(String which, StatedSweep stated, SweepShape.Result shape) throws ImportException {
        double measured = shape.measuredRate();
        if (Double.isFinite(measured) && !shape.runsAgree()) {
            double min = Arrays.stream(shape.runRates()).min().orElse(measured);
            double max = Arrays.stream(shape.runRates()).max().orElse(measured);
            next.note(String.format(Locale.ROOT, "WARNING: %s: the scan rate measured over its %d segment run(s) ranges"
                    + " from %s to %s V/s (median %s V/s): the runs disagree by more than %.0f %%", which,
                    shape.runRates().length, number(min), number(max), number(measured), SweepShape.AGREE * 100));
        }
        if (Double.isFinite(stated.scanRateVoltsPerSecond())) {
            if (Double.isFinite(measured) && Math.abs(measured - stated.scanRateVoltsPerSecond())
                    > RATE_DISAGREES * stated.scanRateVoltsPerSecond()) {
                next.note(String.format(Locale.ROOT, "WARNING: %s: the file states a scan rate of %s V/s (%s) but the data"
                                + " move at %s V/s (|dE/dt|, median of %d segment run(s)); the file's is kept", which,
                        number(stated.scanRateVoltsPerSecond()), stated.scanRateSource(), number(measured),
                        shape.runRates().length));
            }
            return stated;
        }
        if (Double.isFinite(measured)) {
            String how = String.format(Locale.ROOT, "measured from the data: |dE/dt| by least squares, median of %d segment"
                    + " run(s)", shape.runRates().length);
            next.note(which + ": the file states no scan rate; " + number(measured) + " V/s " + how);
            return stated.withScanRate(measured, how);
        }
        next.note(which + ": the scan rate is unknown: the file states none and no segment has " + SweepShape.FIT_POINTS
                + " samples over a changing time to measure it from; the step is kept without one");
        return stated;
    }

    private static double orData(double stated, double measured, String name, List<String> fromData) {
        if (Double.isFinite(stated)) {
            return stated;
        }
        if (Double.isFinite(measured)) {
            fromData.add(name);
        }
        return measured;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private ImportException refusal(String problem) {
        return new ImportException(file, 0, format + " \"" + fileTechnique + "\" " + problem);
    }

    @Override
    public void note(String text) throws ImportException {
        next.note(text);
    }

    @Override
    public void aliquot(StoredAliquot aliquot) throws ImportException {
        next.aliquot(aliquot);
    }

    @Override
    public void correction(StoredCorrection correction) throws ImportException {
        next.correction(correction);
    }

    @Override
    public void calibration(AssayExportLines.ExportedCalibration calibration) throws ImportException {
        next.calibration(calibration);
    }

    @Override
    public void assay(AssayExportLines.ExportedAssay assay) throws ImportException {
        next.assay(assay);
    }
}
