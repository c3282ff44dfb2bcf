package org.norrlab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.norrlab.analysis.CircuitFit;
import org.norrlab.analysis.IrCorrection;
import org.norrlab.analysis.TafelFit;
import org.norrlab.core.BadInputException;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Sample;
import org.norrlab.core.Technique;
import org.norrlab.core.UncompensatedResistance;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The R_u a session's potentials are corrected with, and its CA steps' potentials as set, as measured and
 * iR-corrected. The R_u is the one recorded for the session (the newest, see {@code norrlab ru}); when none is
 * recorded but the session holds an impedance spectrum, the spectrum is fitted now and the result says it was not
 * recorded; with neither, nothing is corrected and {@link #absence()} says why.
 *
 * @param ru        the R_u used; empty when the session has none
 * @param recorded  whether {@code ru} is the one recorded for the session (false: fitted now, not stored)
 * @param fitNow    the fit made now when none was recorded
 * @param absence   why nothing is corrected, when {@code ru} is empty; empty otherwise
 * @param steps     the CA steps, corrected (empty without an R_u)
 * @param tafel     the Tafel fit asked for
 */
public record ResistanceAnalysis(Optional<UncompensatedResistance> ru, boolean recorded, Optional<CircuitFit> fitNow,
                                 Optional<String> absence, List<CorrectedCaStep> steps, Optional<TafelFit> tafel) {
    private static final Logger LOG = LoggerFactory.getLogger(ResistanceAnalysis.class);

    /** A CA step's index and its potentials corrected. */
    public record CorrectedCaStep(int index, IrCorrection.CorrectedStep corrected) {
    }

    /**
     * Where a Tafel slope takes its points: the CA steps' steady currents, or the samples of one LSV step.
     *
     * @param lsvStep   the LSV step's index; empty for the CA steps
     * @param fromVolts the window's one end, V vs RHE, iR-corrected
     * @param toVolts   its other end
     */
    public record TafelRequest(OptionalInt lsvStep, double fromVolts, double toVolts) {
    }

    public ResistanceAnalysis {
        steps = List.copyOf(steps);
    }

    public static ResistanceAnalysis of(SessionStore store, StoredSession session, List<StoredStep> steps,
                                        Optional<TafelRequest> tafelRequest) throws StoreException {
        long id = session.id();
        Optional<UncompensatedResistance> recorded = store.impedance().resistance(id);
        Optional<CircuitFit> fitNow = Optional.empty();
        Optional<UncompensatedResistance> ru = recorded;
        Optional<String> absence = Optional.empty();
        if (recorded.isEmpty()) {
            Map<Integer, List<ImpedancePoint>> spectra = store.impedance().spectra(id);
            Optional<Map.Entry<Integer, List<ImpedancePoint>>> first = spectra.entrySet().stream()
                    .filter(e -> !e.getValue().isEmpty()).findFirst();
            if (first.isEmpty()) {
                absence = Optional.of("no R_u is recorded for session " + id + " and it holds no impedance spectrum;"
                        + " record one with 'norrlab ru set " + id + " --ohms X --reason TEXT' (or measure an eis step"
                        + " and 'norrlab ru fit " + id + "')");
            } else {
                int step = first.get().getKey();
                try {
                    CircuitFit fit = CircuitFit.best(first.get().getValue());
                    fitNow = Optional.of(fit);
                    // the simulated instrument compensated live, and says so: its potentials need no second correction
                    double c = RunCompensation.of(store, id).orElse(0);
                    ru = Optional.of(new UncompensatedResistance(fit.ru().value(), fit.ru().standardError(),
                            UncompensatedResistance.RANDLES_FIT, OptionalInt.of(step), c, Instant.now(),
                            fit.circuit().notation() + " fitted now, not recorded"));
                } catch (BadInputException noFit) {
                    LOG.info("session {}: the spectrum of step {} gives no R_u: {}", id, step, noFit.getMessage());
                    absence = Optional.of("no R_u is recorded for session " + id + ", and the spectrum of step " + step
                            + " gives none: " + noFit.getMessage());
                }
            }
        }
        double offset = session.cell().rheScale().offsetVolts();
        List<CorrectedCaStep> corrected = new ArrayList<>();
        if (ru.isPresent()) {
            // only a Tafel plot of the CA steps takes their steady currents, which need the samples
            boolean steady = tafelRequest.isPresent() && tafelRequest.get().lsvStep().isEmpty();
            for (StoredStep step : steps) {
                if (step.kind().equals(Technique.CHRONOAMPEROMETRY.written())) {
                    corrected.add(new CorrectedCaStep(step.index(), corrected(store, id, step, ru.get(), offset, steady)));
                }
            }
        }
        Optional<TafelFit> tafel = Optional.empty();
        if (tafelRequest.isPresent()) {
            TafelRequest request = tafelRequest.get();
            if (ru.isEmpty()) {
                throw new BadInputException("a Tafel slope is fitted on iR-corrected potentials, and "
                        + absence.orElse("session " + id + " has no R_u"));
            }
            UncompensatedResistance used = ru.get();
            tafel = Optional.of(tafel(store, session, steps, corrected, request, used, offset));
        }
        return new ResistanceAnalysis(ru, recorded.isPresent(), fitNow, absence, corrected, tafel);
    }

    private static TafelFit tafel(SessionStore store, StoredSession session, List<StoredStep> steps,
                                  List<CorrectedCaStep> corrected, TafelRequest request, UncompensatedResistance ru,
                                  double offset) throws StoreException {
        if (request.lsvStep().isEmpty()) {
            List<TafelFit.Point> points = corrected.stream().filter(s -> Double.isFinite(s.corrected().setVoltsVsRe()))
                    .map(s -> new TafelFit.Point(s.corrected().correctedSteadyVoltsVsRhe(),
                            s.corrected().steadyCurrentAmperes())).toList();
            return TafelFit.fit(points, request.fromVolts(), request.toVolts(), "the CA steps' steady currents (second"
                    + " half of each step)");
        }
        int index = request.lsvStep().getAsInt();
        StoredStep step = steps.stream().filter(s -> s.index() == index).findFirst().orElseThrow(
                () -> new BadInputException("--tafel-from " + index + ": session " + session.id() + " has no step "
                        + index));
        if (!step.kind().equals(Technique.LINEAR_SWEEP.written())) {
            throw new BadInputException("--tafel-from " + index + ": step " + index + " is " + step.kind()
                    + ", not an LSV; give an LSV step's index or 'ca'");
        }
        List<TafelFit.Point> points = IrCorrection.samples(samples(store, session.id(), index), ru).stream()
                .map(s -> new TafelFit.Point(s.correctedVolts() + offset, s.currentAmperes())).toList();
        return TafelFit.fit(points, request.fromVolts(), request.toVolts(), "LSV step " + index
                + step.context().gas().map(g -> " under " + g.written()).orElse(""));
    }

    /**
     * One CA step corrected: from the sums its tally keeps (or makes from the samples, for a step stored without
     * one), so that a 24 h step is not read again; from every sample when the steady current is needed, or when the
     * tally was stored before it kept the sums (schema 16). The numbers are the same either way (IrCorrectionSumsTest).
     */
    static IrCorrection.CorrectedStep corrected(SessionStore store, long session, StoredStep step,
                                                UncompensatedResistance ru, double offset, boolean steady)
            throws StoreException {
        if (!steady) {
            Optional<IrCorrection.UsableSums> kept = store.tally(session, step.index()).usable();
            if (kept.isPresent()) {
                return IrCorrection.step(step.voltsVsReference(), kept.get(), ru, offset);
            }
        }
        return IrCorrection.step(step.voltsVsReference(), samples(store, session, step.index()), ru, offset);
    }

    private static List<Sample> samples(SessionStore store, long session, int step) throws StoreException {
        List<Sample> samples = new ArrayList<>();
        store.forEachSample(session, step, (sequence, sample) -> samples.add(sample));
        return samples;
    }

    /** Where R_u came from, in words: method, spectrum step or reason, compensation, whether recorded. */
    public static String source(UncompensatedResistance ru, boolean recorded) {
        String method = switch (ru.method()) {
            case UncompensatedResistance.TYPED -> "typed by the operator";
            case UncompensatedResistance.HIGH_FREQUENCY_INTERCEPT -> "high-frequency intercept of the spectrum of step "
                    + ru.spectrumStep().orElseThrow();
            default -> "Randles fit of the spectrum of step " + ru.spectrumStep().orElseThrow();
        };
        return method + (ru.note().isEmpty() ? "" : " (" + ru.note() + ")")
                + String.format(Locale.ROOT, ", %.0f %% compensated during the run", 100 * ru.compensatedFraction())
                + (recorded ? ", recorded " + ru.recordedAt() : ", NOT recorded (norrlab ru fit records it)");
    }

    /** One line: {@code R_u = 10.02 ± 0.05 ohm: <source>}. */
    public static String line(UncompensatedResistance ru, boolean recorded) {
        return String.format(Locale.ROOT, "R_u = %s ohm: %s", ohms(ru), source(ru, recorded));
    }

    public static String ohms(UncompensatedResistance ru) {
        return Double.isNaN(ru.standardErrorOhms()) ? String.format(Locale.ROOT, "%.4g", ru.ohms())
                : String.format(Locale.ROOT, "%.4g ± %.2g", ru.ohms(), ru.standardErrorOhms());
    }

    public static final List<String> HEADERS = List.of("Step", "E set vs RHE (V)", "E mean vs RHE (V)", "I mean (mA)",
            "iR drop (mV)", "E set iR-corr. vs RHE (V)", "E mean iR-corr. vs RHE (V)");

    /** The cells of a step's row under {@link #HEADERS}. */
    public static List<String> cells(CorrectedCaStep step) {
        IrCorrection.CorrectedStep c = step.corrected();
        return List.of(String.valueOf(step.index()), volts(c.setVoltsVsRhe()), volts(c.meanMeasuredVoltsVsRhe()),
                number(1e3 * c.meanCurrentAmperes(), "%.4f"), number(1e3 * c.dropVolts(), "%.2f"),
                volts(c.correctedSetVoltsVsRhe()), volts(c.correctedMeanVoltsVsRhe()));
    }

    private static String volts(double v) {
        return number(v, "%.4f");
    }

    private static String number(double v, String format) {
        // + 0.0 turns a negative zero (no drop left when c = 1: −I·R_u·0) into 0, which prints without a minus sign
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v + 0.0) : "—";
    }

    /** The JSON the analysis adds: {@code uncompensated_resistance} and per-step corrected potentials. */
    public ObjectNode json() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        if (ru.isPresent()) {
            UncompensatedResistance r = ru.get();
            ObjectNode n = root.putObject("uncompensated_resistance");
            n.put("ohms", r.ohms());
            if (Double.isFinite(r.standardErrorOhms())) {
                n.put("standard_error_ohms", r.standardErrorOhms());
            } else {
                n.putNull("standard_error_ohms");
            }
            n.put("method", r.method());
            if (r.spectrumStep().isPresent()) {
                n.put("spectrum_step", r.spectrumStep().getAsInt());
            } else {
                n.putNull("spectrum_step");
            }
            n.put("compensated_fraction", r.compensatedFraction());
            n.put("recorded", recorded);
            n.put("note", r.note());
            n.put("source", source(r, recorded));
        } else {
            root.putNull("uncompensated_resistance");
            root.put("ir_correction_absent", absence.orElse(""));
        }
        ArrayNode rows = root.putArray("ir_corrected_steps");
        for (CorrectedCaStep step : steps) {
            IrCorrection.CorrectedStep c = step.corrected();
            ObjectNode n = rows.addObject();
            n.put("step", step.index());
            put(n, "E_set_vs_RHE_V", c.setVoltsVsRhe());
            put(n, "E_mean_vs_RHE_V", c.meanMeasuredVoltsVsRhe());
            put(n, "I_mean_A", c.meanCurrentAmperes());
            put(n, "iR_drop_V", c.dropVolts());
            put(n, "E_set_iR_corrected_vs_RHE_V", c.correctedSetVoltsVsRhe());
            put(n, "E_mean_iR_corrected_vs_RHE_V", c.correctedMeanVoltsVsRhe());
            put(n, "E_set_iR_corrected_vs_RE_V", c.correctedSetVoltsVsRe());
        }
        tafel.ifPresent(t -> {
            ObjectNode n = root.putObject("tafel");
            n.put("slope_mV_per_decade", t.slopeMillivoltsPerDecade());
            n.put("standard_error_mV_per_decade", t.standardErrorMillivoltsPerDecade());
            n.put("r_squared", t.rSquared());
            n.put("points", t.pointsUsed());
            n.put("from_V_vs_RHE", t.fromVolts());
            n.put("to_V_vs_RHE", t.toVolts());
            n.put("source", t.source());
        });
        return root;
    }

    private static void put(ObjectNode n, String key, double value) {
        if (Double.isFinite(value)) {
            n.put(key, value);
        } else {
            n.putNull(key);
        }
    }
}
