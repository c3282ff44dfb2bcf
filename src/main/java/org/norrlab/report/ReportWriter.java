package org.norrlab.report;

import org.norrlab.analysis.AssayFlag;
import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.CalibrationFit;
import org.norrlab.analysis.ProductResult;
import org.norrlab.core.BadInputException;
import org.norrlab.core.SampleEntry;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.figures.CurrentFigure;
import org.norrlab.figures.FaradaicFigure;
import org.norrlab.figures.FigureOutput;
import org.norrlab.figures.FigureWidth;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StepExtremes;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredStep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Writes a session's report into a folder: fe-yield.png/.svg and current.png/.svg (and .pdf at a journal's width, see
 * {@link FigureOutput}) when the session has CA steps to draw
 * (summary.md says why when not), cp-potential.png/.svg when it has CP steps, stability.png/.svg when the session
 * has repeat blocks, the sweep figures of {@link SweepReport} when it has LSVs or CVs, the impedance figures of
 * {@link ImpedanceReport} when it has spectra, on request the FE figure against the iR-corrected potential and the Tafel
 * plot of {@link TafelReport}, summary.json and summary.md, the last with every setting that produced the numbers.
 */
public final class ReportWriter {
    /** The report's PNGs across, in pixels, at the default size. */
    public static final int WIDTH = FigureWidth.REPORT.pngWidth();
    public static final int HEIGHT = FigureWidth.REPORT.pngHeight();
    private static final int BUCKETS_PER_STEP = 1500;

    private ReportWriter() {
    }

    /**
     * What the report draws besides its usual figures; both need the session's R_u in force and are refused without.
     *
     * @param irCorrected also draw the FE/yield figure against the iR-corrected potential (fe-yield-ir-corrected)
     * @param tafel       also draw the Tafel plot of the CA steps, its line fitted over this window (V vs RHE,
     *                    iR-corrected)
     * @param figures     the size, titles and files of every figure
     */
    public record Options(boolean irCorrected, Optional<TafelWindow> tafel, FigureOutput figures) {
        public static final Options DEFAULT = new Options(false, Optional.empty());

        public Options(boolean irCorrected, Optional<TafelWindow> tafel) {
            this(irCorrected, tafel, FigureOutput.DEFAULT);
        }

        /**
         * These options with the figures at the width the command line names ("report", "one-column", "two-column")
         * and with or without titles; an unknown width is refused with the allowed ones.
         */
        public Options withFigures(String width, boolean titles) {
            FigureWidth size = FigureWidth.of(width).orElseThrow(() -> new BadInputException("--figure-width: '" + width
                    + "' is not a figure width; allowed: " + FigureWidth.options()));
            return new Options(irCorrected, tafel, new FigureOutput(size, titles));
        }
    }

    /** A Tafel fit's window, V vs RHE iR-corrected, in either order. */
    public record TafelWindow(double fromVolts, double toVolts) {
    }

    public static List<Path> write(SessionStore store, SessionAnalysis.Result result, Path directory)
            throws IOException, StoreException {
        return write(store, result, directory, Options.DEFAULT);
    }

    public static List<Path> write(SessionStore store, SessionAnalysis.Result result, Path directory, Options options)
            throws IOException, StoreException {
        // refused before anything is written, so that a report without its corrected figures is not left half done
        Optional<ResistanceAnalysis> resistance = Optional.empty();
        if (options.irCorrected() || options.tafel().isPresent()) {
            resistance = Optional.of(ResistanceAnalysis.of(store, result.session(), store.steps(result.session().id()),
                    options.tafel().map(w -> new ResistanceAnalysis.TafelRequest(OptionalInt.empty(), w.fromVolts(),
                            w.toVolts()))));
            if (resistance.get().ru().isEmpty()) {
                throw new BadInputException("the FE/yield figure against the iR-corrected potential needs an R_u, and "
                        + resistance.get().absence().orElse("session " + result.session().id() + " has none"));
            }
        }
        Files.createDirectories(directory);
        String title = "Session " + result.session().id() + ": " + result.session().protocolName();
        FigureOutput output = options.figures();
        // A figure with nothing to draw is not written; summary.md says in one line why it is absent.
        List<Path> files = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        List<FaradaicFigure.Point> points = points(result);
        if (points.stream().anyMatch(p -> !p.bars().isEmpty() || !Double.isNaN(p.yield()))) {
            files.addAll(output.write(FaradaicFigure.chart(output.style(), title, points, FaradaicFigure.POTENTIAL_AXIS),
                    directory, "fe-yield"));
            caption(figures, "fe-yield", "FE and NH3 yield against potential");
            if (options.irCorrected()) {
                ResistanceAnalysis r = resistance.orElseThrow();
                files.addAll(output.write(FaradaicFigure.chart(output.style(), title, correctedPoints(result, r),
                        IrLabels.potentialAxis(r.ru().orElseThrow())), directory, "fe-yield-ir-corrected"));
                caption(figures, "fe-yield-ir-corrected", "FE and NH3 yield against the iR-corrected"
                        + " potential, " + ResistanceAnalysis.line(r.ru().orElseThrow(), r.recorded()));
            }
        } else {
            figures.append("No FE/yield figure: the session has no CA step with an assayed product.\n\n");
        }
        List<CurrentFigure.Trace> traces = traces(store, result);
        if (traces.stream().anyMatch(t -> t.hours().length > 0)) {
            files.addAll(output.write(CurrentFigure.chart(output.style(), title, traces), directory, "current"));
            caption(figures, "current", "Current density of the CA steps");
        } else {
            figures.append("No current figure: the session has no CA step with samples.\n\n");
        }
        List<CurrentFigure.Trace> potentials = potentialTraces(store, result);
        if (potentials.stream().anyMatch(t -> t.hours().length > 0)) {
            files.addAll(output.write(CurrentFigure.potential(output.style(), title, potentials), directory,
                    "cp-potential"));
            caption(figures, "cp-potential", "Potential vs RHE of the CP steps");
        }
        // A session with repeat blocks also gets the stability bar chart and its table (nothing otherwise).
        List<StabilityAnalysis.Block> blocks = StabilityAnalysis.of(result);
        List<Path> stability = StabilityReport.write(result, blocks, directory, output);
        // A session with LSVs or CVs also gets their figures and a sweep section (nothing otherwise).
        List<Path> sweeps = List.of();
        String sweepSection = "";
        if (SweepSession.hasSweeps(store.steps(result.session().id()))) {
            SweepSession.Result swept = SweepSession.analyze(store, result.session().id(), SweepSession.Options.DEFAULT);
            sweeps = SweepReport.write(swept, directory, output);
            sweepSection = SweepReport.markdown(swept, sweeps);
        }
        // A session with impedance spectra also gets their Nyquist and Bode figures and a section (nothing otherwise).
        ImpedanceReport.Written impedance = ImpedanceReport.write(store, result.session().id(), title, directory, output);
        ImpedanceReport.Written tafel = new ImpedanceReport.Written(List.of(), "");
        if (options.tafel().isPresent()) {
            tafel = TafelReport.write(resistance.orElseThrow(), result.session().cell().electrodeAreaCm2(), title,
                    directory, output);
        }
        Files.writeString(directory.resolve("summary.json"), AnalysisExport.json(result));
        Files.writeString(directory.resolve("summary.md"), markdown(result, figures.toString()) + StabilityReport.markdown(result, blocks)
                + sweepSection + impedance.markdown() + tafel.markdown());
        files.addAll(stability);
        files.addAll(sweeps);
        files.addAll(impedance.files());
        files.addAll(tafel.files());
        files.addAll(List.of(directory.resolve("summary.json"), directory.resolve("summary.md")));
        return files;
    }

    private static void caption(StringBuilder md, String name, String caption) {
        md.append("![").append(caption).append("](").append(name).append(".png)\n\n");
    }

    /**
     * E vs RHE against session time, one trace per CP step: the samples' potentials are vs RE, and the session's
     * cell gives the RE → RHE offset (a CP step stores no potential of its own).
     */
    public static List<CurrentFigure.Trace> potentialTraces(SessionStore store, SessionAnalysis.Result result)
            throws StoreException {
        return potentialTraces(store, result, true);
    }

    /** As {@link #potentialTraces(SessionStore, SessionAnalysis.Result)}; {@code buckets} false reads every sample. */
    static List<CurrentFigure.Trace> potentialTraces(SessionStore store, SessionAnalysis.Result result, boolean buckets)
            throws StoreException {
        double offset = result.session().rheOffsetVolts();
        List<CurrentFigure.Trace> traces = new ArrayList<>();
        for (StoredStep stored : store.steps(result.session().id())) {
            if (!stored.kind().equals("cp")) {
                continue;
            }
            CurrentFigure.Decimator decimator = new CurrentFigure.Decimator(stored.sampleCount(), BUCKETS_PER_STEP);
            Optional<List<StepExtremes.Bucket>> computed = buckets ? store.extremes().buckets(result.session().id(),
                    stored.index(), stored.sampleCount(), BUCKETS_PER_STEP, stored.sessionOffsetSeconds(),
                    StepExtremes.Quantity.OFFSET_POTENTIAL, offset) : Optional.empty();
            if (computed.isPresent()) {
                computed.get().forEach(b -> decimator.addBucket(b.minHours(), b.minValue(), b.maxHours(), b.maxValue()));
            } else {
                store.forEachSample(result.session().id(), stored.index(), (seq, s) ->
                        decimator.add((stored.sessionOffsetSeconds() + s.timeSeconds()) / 3600, s.potentialVolts() + offset));
            }
            traces.add(decimator.trace(String.format(Locale.ROOT, "CP step %d, %.4g mA", stored.index(),
                    stored.settings().setCurrentAmperes() * 1e3)));
        }
        return traces;
    }

    /**
     * The fe-yield figure of {@link #write} as an SVG element, drawn as the default report draws it; empty when no step
     * has a product or a yield to draw. For the status page of norrlab serve.
     */
    public static Optional<String> feYieldSvg(SessionAnalysis.Result result) {
        List<FaradaicFigure.Point> points = points(result);
        if (points.stream().noneMatch(p -> !p.bars().isEmpty() || !Double.isNaN(p.yield()))) {
            return Optional.empty();
        }
        FigureOutput output = FigureOutput.DEFAULT;
        return Optional.of(output.svg(FaradaicFigure.chart(output.style(), "", points, FaradaicFigure.POTENTIAL_AXIS)));
    }

    public static List<FaradaicFigure.Point> points(SessionAnalysis.Result result) {
        List<FaradaicFigure.Point> points = new ArrayList<>();
        for (StepAnalysis step : result.steps()) {
            List<FaradaicFigure.Bar> bars = new ArrayList<>();
            for (ProductResult p : step.outcome().products().values()) {
                if (p.amount().flags().stream().noneMatch(AssayFlag::hidesValue)) {
                    bars.add(new FaradaicFigure.Bar(p.product().formula(), p.faradaicEfficiency().value() * 100,
                            p.faradaicEfficiency().sigma() * 100));
                }
            }
            double yield = step.outcome().nh3Yield().map(y -> y.micromolPerHourPerCm2().value()).orElse(Double.NaN);
            double sigma = step.outcome().nh3Yield().map(y -> y.micromolPerHourPerCm2().sigma()).orElse(0.0);
            points.add(new FaradaicFigure.Point(step.step().voltsVsRhe(), bars, yield, sigma, step.step().cycle()));
        }
        return points;
    }

    /**
     * The points of the FE figure at each CA step's iR-corrected potential: E − I·R_u·(1 − c) with the step's mean
     * current (cathodic negative), as {@code analyze} shows it, so a cathodic step moves to a less negative potential.
     */
    public static List<FaradaicFigure.Point> correctedPoints(SessionAnalysis.Result result, ResistanceAnalysis resistance) {
        Map<Integer, Double> corrected = new HashMap<>();
        resistance.steps().forEach(s -> corrected.put(s.index(), s.corrected().correctedSetVoltsVsRhe()));
        List<FaradaicFigure.Point> set = points(result);
        List<FaradaicFigure.Point> points = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            FaradaicFigure.Point p = set.get(i);
            int index = result.steps().get(i).step().index();
            Double volts = corrected.get(index);
            if (volts == null || !Double.isFinite(volts)) {
                throw new IllegalStateException("step " + index + " of session " + result.session().id()
                        + " has no iR-corrected potential (no sample with a current)");
            }
            points.add(new FaradaicFigure.Point(volts, p.bars(), p.yield(), p.yieldSigma(), p.cycle()));
        }
        return points;
    }

    /**
     * The current density of each CA step, min/max-decimated: each bucket's extremes computed by the database where the
     * step's samples allow it ({@link StepExtremes}), else from every sample; the same points either way.
     */
    public static List<CurrentFigure.Trace> traces(SessionStore store, SessionAnalysis.Result result) throws StoreException {
        return traces(store, result, true);
    }

    /** As {@link #traces(SessionStore, SessionAnalysis.Result)}; {@code buckets} false reads every sample. */
    static List<CurrentFigure.Trace> traces(SessionStore store, SessionAnalysis.Result result, boolean buckets)
            throws StoreException {
        double area = result.session().cell().electrodeAreaCm2();
        List<CurrentFigure.Trace> traces = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (StepAnalysis step : result.steps()) {
            StoredStep stored = step.step();
            CurrentFigure.Decimator decimator = new CurrentFigure.Decimator(step.samples(), BUCKETS_PER_STEP);
            Optional<List<StepExtremes.Bucket>> computed = buckets ? store.extremes().buckets(result.session().id(),
                    stored.index(), step.samples(), BUCKETS_PER_STEP, stored.sessionOffsetSeconds(),
                    StepExtremes.Quantity.CURRENT_DENSITY, area) : Optional.empty();
            if (computed.isPresent()) {
                computed.get().forEach(b -> decimator.addBucket(b.minHours(), b.minValue(), b.maxHours(), b.maxValue()));
            } else {
                store.forEachSample(result.session().id(), stored.index(), (seq, s) -> {
                    if (s.hasCurrent()) {
                        decimator.add((stored.sessionOffsetSeconds() + s.timeSeconds()) / 3600,
                                s.currentAmperes() * 1e3 / area);
                    }
                });
            }
            String label = traceLabel(stored);
            traces.add(decimator.trace(labels.add(label) ? label : label + " (step " + stored.index() + ")"));
        }
        return traces;
    }

    /**
     * The legend of a step's trace. The chart needs each label once: a repeat block runs one potential in every
     * cycle, so its steps are told apart by cycle (and any other repeated potential by step).
     */
    public static String traceLabel(StoredStep step) {
        String potential = String.format(Locale.ROOT, "%.2f V vs RHE", step.voltsVsRhe());
        return step.inRepeat() ? potential + ", cycle " + step.cycle() : potential;
    }

    /** The aliquot table and, for an accumulating session, the batch amounts and batch rows. */
    private static void electrolyte(StringBuilder md, ElectrolyteSummary electrolyte) {
        if (!electrolyte.aliquots().isEmpty()) {
            md.append("\n## Aliquots\n\n");
            table(md, ElectrolyteRows.ALIQUOT_HEADERS, electrolyte.aliquots().stream().map(ElectrolyteRows::aliquot).toList());
        }
        if (!electrolyte.lines().isEmpty()) {
            md.append("\n## Electrolyte batches\n\n").append(ElectrolyteRows.LINE_LEGEND).append("\n\n");
            table(md, ElectrolyteRows.LINE_HEADERS, electrolyte.lines().stream().map(ElectrolyteRows::line).toList());
        }
        if (!electrolyte.rows().isEmpty()) {
            md.append("\n").append(ElectrolyteRows.rowLegend(electrolyte.rows())).append("\n\n");
            table(md, ElectrolyteRows.ROW_HEADERS, electrolyte.rows().stream().map(ElectrolyteRows::row).toList());
        }
    }

    static void table(StringBuilder md, List<String> headers, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", headers.stream().map(h -> h.replace("|", "\\|")).toList())).append(" |\n");
        md.append("|").append("---|".repeat(headers.size())).append('\n');
        rows.forEach(r -> md.append("| ").append(String.join(" | ", r.stream().map(c -> c.replace("|", "\\|")).toList()))
                .append(" |\n"));
    }

    static String markdown(SessionAnalysis.Result result) {
        return markdown(result, "");
    }

    /** The summary; {@code figures} is the figure lines (or why a figure is absent) of {@link #write}. */
    static String markdown(SessionAnalysis.Result result, String figures) {
        CellSettings cell = result.session().cell();
        StringBuilder md = new StringBuilder();
        md.append("# Session ").append(result.session().id()).append(": ").append(result.session().protocolName()).append("\n\n");
        md.append(String.format(Locale.ROOT, "- Instrument: %s%n", result.session().instrument().describe()));
        SampleEntry sample = result.session().sample();
        if (!sample.sample().isEmpty()) {
            md.append("- Sample: ").append(sample.sample()).append('\n');
        }
        if (!sample.operator().isEmpty()) {
            md.append("- Operator: ").append(sample.operator()).append('\n');
        }
        if (!sample.notes().isEmpty()) {
            // continuation lines indented, so that notes of several lines stay one item of the list
            md.append("- Notes: ").append(sample.notes().replace("\n", "\n  ")).append('\n');
        }
        md.append(String.format(Locale.ROOT, "- %s %s; status %s (%s)%n", result.session().beganWord(),
                result.session().beganWhen(), result.session().status().dbName(), result.session().statusReason()));
        md.append(String.format(Locale.ROOT, "- Reference electrode: %s, %.4f V vs SHE (%s); pH %.2f; %.1f °C;"
                        + " E(RHE) = E(RE) %+.4f V%n", cell.referenceElectrode().name(), cell.referenceElectrode().e0VsSheVolts(),
                cell.referenceElectrode().source(), cell.pH(), cell.temperatureCelsius(), cell.rheScale().offsetVolts()));
        md.append(String.format(Locale.ROOT, "- Electrode area %.4g cm²; catalyst loading %.4g mg cm⁻²; electrolyte %.4g mL%n",
                cell.electrodeAreaCm2(), cell.catalystLoadingMgPerCm2(), cell.electrolyteVolumeMl()));
        if (result.options().blankCurrentAmperes() != 0) {
            md.append(String.format(Locale.ROOT, "- Blank current subtracted: %.4g A%n", result.options().blankCurrentAmperes()));
        }
        md.append("- Electrolyte: ").append(ElectrolyteRows.mode(result.electrolyte().mode())).append('\n');
        md.append('\n').append(figures);
        md.append("## Charge and products per step\n\n");
        md.append("Uncertainties are one standard deviation, propagated from the calibration fit, dilution and volume.\n\n");
        md.append("| step | E vs RHE (V) | E vs RE (V) | t (s) | samples | \\|Q\\| (C) | NH3 (µmol) | FE NH3 (%) | FE sum (%) |"
                + " NH3 yield (µmol h⁻¹ cm⁻²) | (mol s⁻¹ cm⁻²) | (µg h⁻¹ mg⁻¹) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (StepAnalysis step : result.steps()) {
            // the cells of the terminal's and the window's table, so that the report marks the same values
            List<String> cells = ResultRows.cells(step);
            md.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f | %.1f | %d | %s | %s | %s | %s | %s | %s | %s |%n",
                    step.step().index(), step.step().voltsVsRhe(), step.step().voltsVsReference(), step.durationSeconds(),
                    step.samples(), cells.get(3), cells.get(4), cells.get(5), cells.get(6), cells.get(7), cells.get(8), cells.get(9)));
        }
        md.append("\n");
        for (StepAnalysis step : result.steps()) {
            for (ProductResult p : step.outcome().products().values()) {
                md.append(String.format(Locale.ROOT, "- Step %d %s: n = %s µmol, FE = %s %%%s%s%n", step.step().index(),
                        p.product(), ResultText.flagged(p, p.amount().amount().moles(), 1e6, 4),
                        ResultText.flagged(p, p.faradaicEfficiency(), 100, 2),
                        p.controlSubtracted() ? ", control subtracted" : "",
                        p.amount().flags().isEmpty() ? "" : " (" + ResultText.flags(p.amount().flags()) + ")"));
                PlaceText.parts(p.amount()).ifPresent(parts -> md.append("  - ").append(parts).append('\n'));
            }
            step.notes().forEach(n -> md.append("- Step ").append(step.step().index()).append(": ").append(n).append('\n'));
        }
        ResultText.flagNotes(result.steps()).forEach(n -> md.append("- Flagged ").append(n).append('\n'));
        electrolyte(md, result.electrolyte());
        result.correctionNotes().forEach(n -> md.append("- ").append(n).append('\n'));
        if (!result.calibrations().isEmpty()) {
            md.append("\n## Calibrations\n\n");
            for (Calibration c : result.calibrations().values()) {
                CalibrationFit fit = c.fit();
                md.append(String.format(Locale.ROOT, "- %d: %s by %s at %.0f nm, %d standards in %s (%s); A = %.5g·c %+.4g,"
                                + " R² = %.5f; LOD %.4g, LOQ %.4g %s (σ from the %s)%s%n", c.id(), c.product(), c.method(),
                        c.wavelengthNm(), fit.standards(), c.unit(), c.sourceFile(), fit.slope(), fit.intercept(),
                        fit.rSquared(), fit.lod(), fit.loq(), c.unit(), fit.sigmaSource().description(),
                        fit.acceptable() ? "" : "; **fails the acceptance rule: " + fit.acceptanceProblem() + "**"));
            }
        }
        return md.toString();
    }
}
