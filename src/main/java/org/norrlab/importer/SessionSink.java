package org.norrlab.importer;

import org.norrlab.core.UncompensatedResistance;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.store.StoredResistance;

import java.util.OptionalInt;
import org.norrlab.Version;
import org.norrlab.config.Potential;
import org.norrlab.core.Sample;
import org.norrlab.core.Technique;
import org.norrlab.core.StepSettings;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.ImportWriter;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.AssayExportLines;
import org.norrlab.store.StoredCorrection;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sink the files are read into: applies the options to each step, checks what must hold before anything is
 * stored for it, and writes to the store. The session is created at the first step, once the first file's facts
 * and that step have passed the checks.
 */
final class SessionSink implements ImportSink {
    private final List<StoredAliquot> aliquots = new ArrayList<>();
    /** The R_u history a norrlab export lists, in its order (the last in force), with the uids it had there. */
    private final List<StoredResistance> resistances = new ArrayList<>();
    /** Two set potentials closer than this (in volts) are the same one written twice. */
    private static final double SAME_POTENTIAL_VOLTS = 0.5e-3;
    /** A CA step whose measured potential is on average further than this (in volts) from its set potential is named. */
    private static final double MEASURED_OFF_SET_VOLTS = 0.1;

    private final SessionStore store;
    /** The audit trail read from a norrlab export, written with the session. */
    private final List<StoredCorrection> corrections = new ArrayList<>();
    private final List<AssayExportLines.ExportedCalibration> calibrations = new ArrayList<>();
    private final List<AssayExportLines.ExportedAssay> assays = new ArrayList<>();
    private final ImportOptions options;
    private final CellSettings siteCell;
    private final String siteSource;
    private final boolean severalFiles;
    private final List<ImportSummary.ReadFile> files = new ArrayList<>();
    private final List<ImportSummary.Step> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> pendingNotes = new ArrayList<>();
    private Path file;
    private FileFacts facts;
    private FileFacts firstFacts;
    private StatedCell stated;
    private CellSettings cell;
    private ImportWriter writer;
    private StepFacts open;
    private int stepInFile;
    private int caSteps;
    /** The open CA step's set potential vs RE (NaN otherwise) and the running sum and count of its measured potentials. */
    private double setVsReference = Double.NaN;
    private boolean setByOption;
    private double measuredSum;
    private long measuredCount;
    private double currentSum;
    private long currentCount;
    private final ImportProgress progress;
    private long samplesStored;

    SessionSink(SessionStore store, ImportOptions options, CellSettings siteCell, String siteSource, boolean severalFiles,
                ImportProgress progress) {
        this.progress = progress;
        this.store = store;
        this.options = options;
        this.siteCell = siteCell;
        this.siteSource = siteSource;
        this.severalFiles = severalFiles;
    }

    void startFile(Path next) {
        file = next;
        facts = null;
        stepInFile = 0;
    }

    @Override
    public void file(FileFacts given) throws ImportException {
        if (facts != null) {
            throw new IllegalStateException("an importer gave the facts of " + file + " twice");
        }
        facts = given;
        files.add(new ImportSummary.ReadFile(file, given.format(), given.technique(),
                given.metadata().getOrDefault("columns", "")));
        if (firstFacts == null) {
            firstFacts = given;
            stated = options.cell().over(given.cell());
            cell = stated.resolve(siteCell);
        } else {
            requireSameCell(given.cell());
        }
    }

    @Override
    public void beginStep(StepFacts step) throws ImportException {
        requireFacts();
        stepInFile++;
        String kind = step.kind();
        if (options.technique().isPresent()) {
            if ("other".equals(kind)) {
                kind = options.technique().get();
            } else if (!kind.equals(options.technique().get())) {
                throw refusal("step " + stepInFile + " (" + step.label() + ") is '" + kind + "' in the file; --technique "
                        + options.technique().get() + " contradicts it: leave --technique out for this file, or import it"
                        + " on its own");
            }
        }
        Optional<Potential> potential = step.setPotential();
        if ("ca".equals(kind)) {
            caSteps++;
            Optional<Potential> given = options.potentialOfCaStep(caSteps);
            if (given.isEmpty() && !options.potentials().isEmpty()) {
                throw refusal("step " + stepInFile + " (" + step.label() + ") is CA step " + caSteps + " of the import, but"
                        + " --potential gives " + options.potentials().size() + " values: give one per CA step, in order,"
                        + " or one for all");
            }
            if (given.isPresent() && potential.isPresent()
                    && Math.abs(toReference(given.get()) - toReference(potential.get())) > SAME_POTENTIAL_VOLTS) {
                pendingNotes.add(fileNote("step " + stepInFile + " (" + step.label() + "): the file states a set potential of "
                        + potential.get() + "; --potential " + given.get() + " is used"));
            }
            setByOption = given.isPresent();
            potential = given.or(() -> step.setPotential());
            if (potential.isEmpty()) {
                throw refusal("step " + stepInFile + " (" + step.label() + ") is chronoamperometry without a set potential"
                        + " (the file gives none norrlab can use); give --potential '… V vs RHE' (one per"
                        + " CA step, in order, or one for all)");
            }
        }
        // A norrlab export states its settings (vs RHE, as run); a vendor file's sweep is completed from its data.
        StepSettings settings = step.settings();
        if (settings.equals(StepSettings.NONE) && step.isSweep() && kind.equals(step.kind())) {
            // a sweep's step potential is its start (a CV's begin), vs RE as the file states it, so that the step's
            // two potentials convert its samples to the RHE scale as a CA step's do
            settings = step.sweep().settings(kind, volts -> cell.rheScale().toRhe(volts));
            double start = step.sweep().startVsReference();
            potential = Double.isFinite(start) ? Optional.of(new Potential(start, Potential.Scale.RE)) : Optional.empty();
        }
        double vsRe = potential.map(this::toReference).orElse(Double.NaN);
        double vsRhe = potential.map(p -> p.scale() == Potential.Scale.RHE ? p.volts() : cell.rheScale().toRhe(p.volts()))
                .orElse(Double.NaN);
        if (!setByOption && "ca".equals(kind) && !Double.isNaN(step.statedVsRhe()) && potential.isPresent()
                && Double.compare(toReference(new Potential(step.statedVsRhe(), Potential.Scale.RHE)), vsRe) == 0) {
            // A norrlab export states a CA step's set potential on both scales; where this import's cell gives the
            // stated vs RE value exactly from the stated vs RHE one (the cell it ran with), keep that number as written
            // (-0.4, where RE + offset gives -0.40000000000000013). With another cell the RE value, the one the
            // instrument held, stands, and vs RHE is worked out from it.
            vsRhe = step.statedVsRhe();
        } else if (potential.isPresent() && !Double.isNaN(step.settings().startVsRhe())) {
            // A sweep's stored potential is its start, which its settings state vs RHE as written: keep that number
            // rather than one converted back from the RE scale (equal only to the last digit).
            vsRhe = step.settings().startVsRhe();
        } else if (Technique.IMPEDANCE.written().equals(kind) && Double.isNaN(settings.startVsRhe())) {
            // A vendor file states an EIS step's DC potential vs its reference electrode (the step's potential): its
            // settings hold it on the RHE scale, as a protocol's EIS step does; NaN where the file states none.
            settings = StepSettings.impedance(vsRhe, settings.openCircuitOffsetVolts(), settings.amplitudeVolts(),
                    settings.highestFrequencyHz(), settings.lowestFrequencyHz(), settings.frequencyCount());
        }
        try {
            writer();
            StepFacts.Context context = step.context();
            writer.beginStep(new ImportWriter.Step(kind, step.label(), vsRhe, vsRe, step.intervalSeconds(),
                    file.getFileName().toString(), context.block(), context.cycle(), context.cycles(), context.batch(),
                    context.gas().or(options::gas), settings)); // a vendor file never states its gas: --gas does
        } catch (StoreException e) {
            throw new StoreFailure(e);
        }
        open = step;
        setVsReference = "ca".equals(kind) ? vsRe : Double.NaN;
        measuredSum = 0;
        measuredCount = 0;
        currentSum = 0;
        currentCount = 0;
        flushNotes();
    }

    /** Kept until the session is written whole (a norrlab export lists its R_u history before its steps' rows). */
    @Override
    public void resistance(UncompensatedResistance ru, String uid) {
        // the spectrum step is the export's index; this file's steps follow those of the files read before it
        int before = steps.size() - stepInFile;
        resistances.add(new StoredResistance(uid, before == 0 || ru.spectrumStep().isEmpty() ? ru
                : new UncompensatedResistance(ru.ohms(), ru.standardErrorOhms(), ru.method(),
                OptionalInt.of(ru.spectrumStep().getAsInt() + before), ru.compensatedFraction(), ru.recordedAt(),
                ru.note())));
    }

    @Override
    public void impedance(ImpedancePoint point) {
        try {
            writer.impedance(point);
        } catch (StoreException e) {
            throw new StoreFailure(e);
        }
    }

    @Override
    public void sample(Sample sample) {
        try {
            writer.sample(sample);
            if (++samplesStored % ImportProgress.SAMPLES_PER_REPORT == 0) {
                progress.stored(samplesStored, steps.size());
            }
            if (Double.isFinite(sample.potentialVolts())) {
                measuredSum += sample.potentialVolts();
                measuredCount++;
            }
            if (Double.isFinite(sample.currentAmperes())) {
                currentSum += sample.currentAmperes();
                currentCount++;
            }
        } catch (StoreException e) {
            throw new StoreFailure(e);
        }
    }

    @Override
    public void endStep() {
        try {
            ImportWriter.EndedStep ended = writer.endStep();
            // as the store holds them, read back after the step's commit, as the samples are counted
            int points = store.impedance().spectrum(writer.sessionId(), ended.step().index()).size();
            steps.add(new ImportSummary.Step(ended.step(), ended.firstSeconds(), ended.lastSeconds(),
                    currentCount == 0 ? Double.NaN : currentSum / currentCount, file, points));
            progress.stored(samplesStored, steps.size());
        } catch (StoreException e) {
            throw new StoreFailure(e);
        }
        warnIfMeasuredIsOffSet();
        open = null;
    }

    /**
     * A set potential that contradicts what the file measured (a wrong --potential, reference electrode or pH) would
     * give a wrong FE axis without a word: the step's mean measured potential is compared with it.
     */
    private void warnIfMeasuredIsOffSet() {
        if (Double.isNaN(setVsReference) || measuredCount == 0) {
            return;
        }
        double mean = measuredSum / measuredCount;
        double off = Math.abs(mean - setVsReference);
        if (off > MEASURED_OFF_SET_VOLTS) {
            pendingNotes.add(fileNote(String.format(Locale.ROOT, "WARNING: step %d: the measured potential (mean %.3f V"
                    + " vs RE over %d samples) is %.3f V from the set potential %.3f V vs RE: check %s", stepInFile, mean,
                    measuredCount, off, setVsReference, setByOption ? "--potential, the reference electrode and the pH"
                            : "the file's set potential and the reference electrode")));
            flushNotes();
        }
    }

    @Override
    public void note(String text) throws ImportException {
        requireFacts();
        pendingNotes.add(fileNote(text));
        if (writer != null) {
            flushNotes();
        }
    }

    @Override
    public void aliquot(StoredAliquot aliquot) {
        aliquots.add(aliquot);
    }

    void endFile() throws ImportException {
        if (facts == null) {
            throw new ImportException(file, 0, "the importer read no facts from the file (a fault in norrlab)");
        }
    }

    @Override
    public void correction(StoredCorrection correction) {
        corrections.add(correction);
    }

    @Override
    public void calibration(AssayExportLines.ExportedCalibration calibration) {
        calibrations.add(calibration);
    }

    @Override
    public void assay(AssayExportLines.ExportedAssay assay) {
        assays.add(assay);
    }

    ImportSummary finish() throws StoreException, ImportException {
        if (!options.potentials().isEmpty() && (caSteps == 0 || options.potentials().size() > 1
                && options.potentials().size() != caSteps)) {
            throw new ImportException(files.get(files.size() - 1).file(), 0, "--potential gives "
                    + options.potentials().size() + " value(s) for " + caSteps + " CA step(s)" + (caSteps == 0
                    ? " (the steps are " + String.join(", ", steps.stream().map(s -> s.stored().kind()).toList())
                    + "; --technique ca makes steps the file leaves as 'other' chronoamperometry)"
                    : "; give one per CA step, in order, or one for all"));
        }
        try {
            writer();
            if (!assays.isEmpty()) {
                pendingNotes.add(assays.size() + " assay(s) and " + calibrations.size() + " calibration(s) came with the"
                        + " export (a calibration identical to one in this store is reused)");
            }
            String importedFrom = String.join("\n", files.stream().map(f -> f.file().toString()).toList());
            writer.markImported(importedFrom);
            for (StoredResistance row : resistances) {
                String uid = writer.resistance(row.resistance(), row.uid());
                if (!uid.equals(row.uid())) {
                    pendingNotes.add("R_u " + row.resistance().ohms() + " ohm (uid " + row.uid() + " in the export) is"
                            + " stored as uid " + uid + ": this store has that uid already (the same export imported"
                            + " twice?)");
                }
            }
            flushNotes();
            // in the import's transaction: the session comes with its assays and its trail or not at all
            Map<String, String> assayUids = store.assays().addImported(writer.sessionId(), calibrations, assays);
            for (StoredCorrection c : corrections) {
                store.corrections().addImported(writer.sessionId(), c.withAssayUids(assayUids));
            }
            writer.finish(importedFrom, "imported from "
                    + String.join(", ", files.stream().map(f -> f.file().getFileName() + " (" + f.format() + ")").toList()));
            writer.close();
        } catch (StoreFailure e) {
            throw e.getCause();
        }
        for (StoredAliquot aliquot : aliquots) {
            store.addAliquot(writer.sessionId(), aliquot);
        }
        return new ImportSummary(writer.sessionId(), files, cell, stated.sources(siteSource), steps, notes);
    }

    /** Removes what was written: the import failed. */
    void abandon(Exception cause) {
        if (writer != null) {
            try {
                writer.close();
            } catch (StoreException cleanup) {
                cause.addSuppressed(cleanup);
            }
        }
    }

    private void writer() throws StoreException {
        if (writer != null) {
            return;
        }
        Map<String, String> recorded = new LinkedHashMap<>(firstFacts.metadata());
        recorded.put("imported_format", firstFacts.format());
        recorded.putAll(stated.sources(siteSource));
        options.technique().ifPresent(t -> recorded.put("technique_option", t));
        if (!options.potentials().isEmpty()) {
            recorded.put("potential_option", String.join(", ", options.potentials().stream().map(Potential::toString)
                    .toList()));
        }
        NewSession session = new NewSession(firstFacts.technique(), files.get(0).file().toString(), "", cell,
                firstFacts.instrument(), recorded, Version.current(), Instant.now()).withSample(firstFacts.sample());
        writer = store.beginImport("accumulate".equals(firstFacts.metadata().get(FileFacts.ELECTROLYTE))
                ? session.accumulating() : session);
    }

    private void flushNotes() {
        try {
            for (String text : pendingNotes) {
                writer.note(0, text);
                notes.add(text);
            }
        } catch (StoreException e) {
            throw new StoreFailure(e);
        }
        pendingNotes.clear();
    }

    private String fileNote(String text) {
        return severalFiles ? file.getFileName() + ": " + text : text;
    }

    private double toReference(Potential potential) {
        return potential.scale() == Potential.Scale.RE ? potential.volts() : cell.rheScale().toReference(potential.volts());
    }

    private void requireFacts() {
        if (facts == null) {
            throw new IllegalStateException("the importer of " + file + " gave a step or a note before the file's facts");
        }
    }

    private ImportException refusal(String problem) {
        return new ImportException(file, 0, facts.format() + " \"" + facts.technique() + "\" " + problem);
    }

    /**
     * A file of a session states the same cell as the first, or none where the first states none: a session has
     * one cell. An option overrides the value for every file, so it is not compared.
     */
    private void requireSameCell(StatedCell next) throws ImportException {
        StatedCell first = firstFacts.cell();
        StatedCell given = options.cell();
        compare("reference electrode", given.reference(), first.reference(), next.reference(),
                r -> r.name() + " (" + r.e0VsSheVolts() + " V vs SHE)", "--reference");
        compare("pH", given.pH(), first.pH(), next.pH(), String::valueOf, "--ph");
        compare("temperature", given.temperatureCelsius(), first.temperatureCelsius(), next.temperatureCelsius(),
                t -> t + " °C", "");
        compare("electrode area", given.areaCm2(), first.areaCm2(), next.areaCm2(), a -> a + " cm²", "--area");
        compare("catalyst loading", given.loadingMgPerCm2(), first.loadingMgPerCm2(), next.loadingMgPerCm2(),
                l -> l + " mg/cm²", "--loading");
        compare("electrolyte volume", given.volumeMl(), first.volumeMl(), next.volumeMl(), v -> v + " mL", "--volume");
    }

    private <T> void compare(String what, Optional<StatedCell.Stated<T>> option, Optional<StatedCell.Stated<T>> first,
                             Optional<StatedCell.Stated<T>> next, Function<T, String> text, String optionName)
            throws ImportException {
        if (option.isPresent() || first.map(StatedCell.Stated::value).equals(next.map(StatedCell.Stated::value))) {
            return;
        }
        Function<Optional<StatedCell.Stated<T>>, String> says = s -> s.map(v -> "states " + what + " "
                + text.apply(v.value()) + " (" + v.source() + ")").orElse("states no " + what);
        throw new ImportException(file, 0, facts.format() + " \"" + facts.technique() + "\" " + says.apply(next)
                + ", but the first file of the session, " + files.get(0).file() + ", " + says.apply(first)
                + ": the files of one session share one cell; import them as separate sessions"
                + (optionName.isEmpty() ? "" : ", or give " + optionName + " for all of them"));
    }
}
