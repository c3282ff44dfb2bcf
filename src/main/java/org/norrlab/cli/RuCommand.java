package org.norrlab.cli;

import org.norrlab.analysis.CircuitFit;
import org.norrlab.analysis.EquivalentCircuit;
import org.norrlab.analysis.HighFrequencyIntercept;
import org.norrlab.analysis.KramersKronig;
import org.norrlab.config.Dimension;
import org.norrlab.config.Quantities;
import org.norrlab.core.BadInputException;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Technique;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.core.Units;
import org.norrlab.report.ResistanceAnalysis;
import org.norrlab.report.TextTable;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

@Command(name = "ru", mixinStandardHelpOptions = true, description = {
        "The uncompensated resistance R_u that iR-corrects a session's potentials: E_corr = E − I·R_u·(1 − c).",
        "The newest R_u recorded for a session is in force; the older ones stay as its history."},
        subcommands = {RuCommand.Fit.class, RuCommand.Set.class, RuCommand.Show.class})
final class RuCommand extends CommandGroup {

    /** The largest iR drop a cell can have had: a potentiostat's compliance voltage is ±10 to ±30 V. */
    static final double MAX_IR_DROP_VOLTS = 30;

    /**
     * The iR drop a typed R_u implies for the session's CA steps can be no larger than any potentiostat applies: a larger
     * one is a mistyped R_u (kilo-ohms for ohms), refused naming the step.
     */
    static void checkPlausible(SessionStore store, long sessionId, UncompensatedResistance ru) throws StoreException {
        for (StoredStep step : store.steps(sessionId)) {
            if (!step.kind().equals(Technique.CHRONOAMPEROMETRY.written())) {
                continue;
            }
            double mean = store.tally(sessionId, step.index()).meanAmperes();
            double drop = Math.abs(mean) * ru.remainingOhms();
            if (Double.isFinite(drop) && drop > MAX_IR_DROP_VOLTS) {
                throw new BadInputException(String.format(Locale.ROOT, "--ohms: R_u = %.4g ohm would put an iR drop of"
                        + " %.4g V on step %d (mean current %s), more than any potentiostat applies (%.0f V); R_u is in"
                        + " ohms, e.g. 12.5 or '12.5 ohm'", ru.ohms(), drop, step.index(), Units.formatCurrent(mean),
                        MAX_IR_DROP_VOLTS));
            }
        }
    }

    /** A fit that misses some point by more than this share of |Z| follows another circuit than the one fitted. */
    static final double POOR_FIT = 0.10;

    @Command(name = "fit", mixinStandardHelpOptions = true, description = {
            "Fits an equivalent circuit to a session's impedance spectrum and records its R_u (method randles-fit).",
            "Prints R_u and R_ct with standard errors, the double layer, the high-frequency intercept when the spectrum"
                    + " reaches Z'' = 0, and a Kramers–Kronig (Lin-KK) check."})
    static final class Fit implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;
        @Parameters(index = "0", paramLabel = "SESSION", description = "Session id (see 'norrlab sessions').")
        long sessionId;
        @Option(names = "--step", paramLabel = "N", description = "The eis step whose spectrum is fitted (default: the"
                + " session's first eis step).")
        Integer step;
        @Option(names = "--model", paramLabel = "CIRCUIT", defaultValue = "auto", description = "The equivalent circuit:"
                + " r-rc (R(RC)), r-qr (R(QR), constant phase), r-crw (R(C(RW))), r-qrw (R(Q(RW)), finite Warburg), or"
                + " auto for the one with the lowest Akaike criterion (default: ${DEFAULT-VALUE}).")
        String model;
        @Option(names = "--above", paramLabel = "HZ", description = "Fits only the points at or above this frequency in"
                + " Hz, e.g. 10000, for a spectrum whose slower second arc no Randles circuit follows.")
        Double above;
        @Mixin
        CompensatedOption compensated;
        @Option(names = "--dry-run", description = "Prints the fit without recording it.")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            if (above != null && !(above > 0)) {
                throw new BadInputException("--above: a frequency in Hz above 0, e.g. 10000, was " + above);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (SessionStore store = dryRun ? homeOptions.openStoreForReading() : homeOptions.openStore()) {
                Lookup.find(store, sessionId);
                double c = compensated.fraction(store, sessionId, out);
                int index = spectrumStep(store);
                List<ImpedancePoint> spectrum = store.impedance().spectrum(sessionId, index);
                double lowest = above == null ? 0 : above;
                CircuitFit fit = model.equalsIgnoreCase("auto")
                        ? CircuitFit.best(spectrum.stream().filter(p -> p.frequencyHz() >= lowest).toList())
                        : CircuitFit.fit(spectrum, EquivalentCircuit.named(model), lowest);
                KramersKronig kk = KramersKronig.check(spectrum);
                out.printf(Locale.ROOT, "Session %d step %d: %d points fitted%s%s%n", sessionId, index,
                        fit.pointsUsed(), fit.pointsLeftOut() > 0 ? ", " + fit.pointsLeftOut()
                                + " without an impedance (NO_IMPEDANCE) left out" : "",
                        above == null ? "" : String.format(Locale.ROOT, " (at or above %.4g Hz)", above));
                out.printf(Locale.ROOT, "Circuit %s (%s)%n", fit.circuit().notation(), fit.circuit().code());
                for (CircuitFit.Parameter p : fit.parameters()) {
                    out.printf(Locale.ROOT, "  %-5s = %.5g ± %.2g %s%n", p.name(), p.value(), p.standardError(),
                            p.unit());
                }
                out.printf(Locale.ROOT, "  χ² = %.4g (reduced %.3g), largest miss %.2f %% of |Z|%n", fit.chiSquare(),
                        fit.reducedChiSquare(), 100 * fit.largestResidual());
                Optional<HighFrequencyIntercept> intercept = HighFrequencyIntercept.find(spectrum);
                intercept.ifPresentOrElse(
                        i -> out.printf(Locale.ROOT, "High-frequency intercept: %.5g ohm (Z'' = 0 between %.4g and %.4g"
                                + " Hz)%n", i.ohms(), i.aboveFrequencyHz(), i.belowFrequencyHz()),
                        () -> out.println("High-frequency intercept: none (the highest frequency still shows a"
                                + " capacitive Z''; measure to higher frequency or use the fit)"));
                out.println("Kramers–Kronig: " + kk.summary());
                UncompensatedResistance ru = new UncompensatedResistance(fit.ru().value(), fit.ru().standardError(),
                        UncompensatedResistance.RANDLES_FIT, OptionalInt.of(index), c, Instant.now(),
                        fit.circuit().notation() + String.format(Locale.ROOT, ", R_ct = %.5g ± %.2g ohm",
                                fit.rct().value(), fit.rct().standardError())
                                + (above == null ? "" : String.format(Locale.ROOT, ", points >= %.4g Hz", above))
                                + (kk.passes() ? "" : ", Kramers–Kronig check FAILS"));
                if (fit.largestResidual() > POOR_FIT && intercept.isPresent()) {
                    // A circuit that misses the spectrum by tens of percent (a second arc no Randles circuit follows)
                    // says less about R_u than where the spectrum crosses Z'' = 0: that is what is recorded then.
                    out.printf(Locale.ROOT, "The fit misses the spectrum by up to %.1f %% of |Z|: the high-frequency"
                            + " intercept is recorded instead (fit the fast arc alone with --above, or choose --model).%n",
                            100 * fit.largestResidual());
                    ru = new UncompensatedResistance(intercept.get().ohms(), Double.NaN,
                            UncompensatedResistance.HIGH_FREQUENCY_INTERCEPT, OptionalInt.of(index), c, Instant.now(),
                            String.format(Locale.ROOT, "Z'' = 0 between %.4g and %.4g Hz; %s missed by up to %.1f %%",
                                    intercept.get().aboveFrequencyHz(), intercept.get().belowFrequencyHz(),
                                    fit.circuit().notation(), 100 * fit.largestResidual()));
                }
                if (!kk.passes()) {
                    out.println("Warning: the spectrum fails the Kramers–Kronig check (drift or non-linearity during"
                            + " the measurement?); its R_u is less certain than its standard error says.");
                }
                if (dryRun) {
                    out.println("Not recorded (--dry-run).");
                } else {
                    store.impedance().recordResistance(sessionId, ru);
                    out.println("Recorded: " + ResistanceAnalysis.line(ru, true));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        private int spectrumStep(SessionStore store) throws StoreException {
            Map<Integer, List<ImpedancePoint>> spectra = store.impedance().spectra(sessionId);
            if (step != null) {
                if (!spectra.containsKey(step) || spectra.get(step).isEmpty()) {
                    throw new BadInputException("--step " + step + ": session " + sessionId + " has no impedance"
                            + " spectrum at step " + step + (spectra.isEmpty() ? "; it has none at all"
                            : "; its spectra are at steps " + spectra.keySet()));
                }
                return step;
            }
            return spectra.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new BadInputException("session " + sessionId + " has no impedance spectrum to"
                            + " fit; measure an eis step, import an impedance file, or type R_u with 'norrlab ru set "
                            + sessionId + " --ohms X --reason TEXT'"));
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Records an R_u typed by the operator (method"
            + " typed), e.g. from the instrument's own measurement, with a reason.")
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;
        @Parameters(index = "0", paramLabel = "SESSION", description = "Session id (see 'norrlab sessions').")
        long sessionId;
        @Option(names = "--ohms", required = true, paramLabel = "R", description = "R_u, e.g. 12.5 or '12.5 ohm'.")
        String ohms;
        @Mixin
        CompensatedOption compensated;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Where the value comes from;"
                + " required, it is kept with R_u.")
        String reason;

        @Override
        public Integer call() throws Exception {
            if (reason.isBlank()) {
                throw new BadInputException("--reason: say where the value comes from, e.g. 'EC-Lab ZIR before the"
                        + " run'; it is kept with R_u");
            }
            String written = ohms.trim().matches("[-+0-9.eE]+") ? ohms.trim() + " ohm" : ohms;
            double value = Quantities.parse("--ohms", written, Dimension.RESISTANCE);
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new BadInputException("--ohms: R_u is a resistance of 0 ohm or more, was '" + ohms + "'");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (SessionStore store = homeOptions.openStore()) {
                Lookup.find(store, sessionId);
                double c = compensated.fraction(store, sessionId, out);
                UncompensatedResistance ru = new UncompensatedResistance(value, Double.NaN,
                        UncompensatedResistance.TYPED, OptionalInt.empty(), c, Instant.now(), reason.strip());
                checkPlausible(store, sessionId, ru);
                store.impedance().recordResistance(sessionId, ru);
                out.println("Recorded: " + ResistanceAnalysis.line(ru, true));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Lists every R_u recorded for a session,"
            + " oldest first; the newest is in force.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOptions homeOptions;
        @Parameters(index = "0", paramLabel = "SESSION", description = "Session id (see 'norrlab sessions').")
        long sessionId;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (SessionStore store = homeOptions.openStoreForReading()) {
                Lookup.find(store, sessionId);
                List<UncompensatedResistance> history = store.impedance().resistances(sessionId);
                if (history.isEmpty()) {
                    out.println("Session " + sessionId + " has no R_u recorded; its potentials are not iR-corrected."
                            + " Record one with 'norrlab ru fit " + sessionId + "' or 'norrlab ru set " + sessionId
                            + " --ohms X --reason TEXT'.");
                } else {
                    TextTable table = new TextTable("Recorded", "R_u (ohm)", "Method", "Spectrum step", "Compensated",
                            "In force", "Note");
                    for (int i = 0; i < history.size(); i++) {
                        UncompensatedResistance ru = history.get(i);
                        table.row(ru.recordedAt().toString(), ResistanceAnalysis.ohms(ru), ru.method(),
                                ru.spectrumStep().isPresent() ? String.valueOf(ru.spectrumStep().getAsInt()) : "—",
                                String.format(Locale.ROOT, "%.0f %%", 100 * ru.compensatedFraction()),
                                i == history.size() - 1 ? "yes" : "", ru.note());
                    }
                    table.print(out);
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
