package org.norrlab.analysis;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;
import org.norrlab.core.BadInputException;
import org.norrlab.core.ImpedancePoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A least-squares fit of an {@link EquivalentCircuit} to a measured spectrum (commons-math's Levenberg–Marquardt).
 *
 * <p>How: the parameters are fitted as their logarithms, so every one stays positive (the CPE exponent n as its logit,
 * so it stays between 0 and 1); each point contributes its real
 * and imaginary miss divided by the measured |Z| (modulus weighting, so the small high-frequency impedances that
 * carry R_u count as much as the large low-frequency ones); the start comes from the spectrum's intercepts (R_u from
 * the high-frequency end, R_u + R_ct from the low-frequency end, C_dl from the frequency of the arc's top), and a few
 * starts are tried for the circuits with diffusion, keeping the lowest χ². Points flagged NO_IMPEDANCE are left out.
 *
 * <p>Standard errors come from the covariance at the optimum, σ²(JᵀJ)⁻¹ with σ² = χ²/(2N − p) and J the Jacobian of
 * the weighted residuals in log-parameters; a parameter's standard error is its value times that of its logarithm
 * (for n: n(1 − n) times that of its logit).
 *
 * @param circuit        the circuit fitted
 * @param parameters     its parameters at the optimum, in {@link EquivalentCircuit#parameterNames()} order
 * @param residuals      the relative miss at every point used, highest frequency first
 * @param chiSquare      χ², the sum of the squared relative misses (2N terms)
 * @param pointsUsed     N, the points with an impedance
 * @param pointsLeftOut  points flagged NO_IMPEDANCE
 */
public record CircuitFit(EquivalentCircuit circuit, List<Parameter> parameters, List<ImpedanceResidual> residuals,
                         double chiSquare, int pointsUsed, int pointsLeftOut) {
    private static final Logger LOG = LoggerFactory.getLogger(CircuitFit.class);
    /** Log-parameters are kept within e^±60 so that no trial step overflows the model. */
    private static final double LOG_LIMIT = 60;

    /**
     * @param name          as in {@link EquivalentCircuit#parameterNames()}
     * @param value         at the optimum
     * @param standardError one standard error; NaN when the covariance could not be formed (a singular JᵀJ: the
     *                      spectrum does not determine the parameter)
     */
    public record Parameter(String name, double value, double standardError) {
        public String unit() {
            return EquivalentCircuit.unit(name);
        }

        /** The standard error as a fraction of the value. */
        public double relativeError() {
            return standardError / value;
        }
    }

    public CircuitFit {
        parameters = List.copyOf(parameters);
        residuals = List.copyOf(residuals);
    }

    public Parameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException(circuit.notation() + " has no parameter " + name));
    }

    public Parameter ru() {
        return parameter("Ru");
    }

    public Parameter rct() {
        return parameter("Rct");
    }

    /** The double layer's C_dl (ideal) or Q (constant phase). */
    public Parameter doubleLayer() {
        return parameter(circuit.hasConstantPhase() ? "Q" : "Cdl");
    }

    public double[] values() {
        return parameters.stream().mapToDouble(Parameter::value).toArray();
    }

    /** The fitted circuit's impedance at angular frequency {@code omega} (for drawing the fit). */
    public Complex impedance(double omega) {
        return circuit.impedance(values(), omega);
    }

    /** χ²/(2N − p), the mean squared relative miss per degree of freedom. */
    public double reducedChiSquare() {
        return chiSquare / (2.0 * pointsUsed - parameters.size());
    }

    /** Akaike's criterion on the 2N residuals; the lower, the better the circuit for its number of parameters. */
    public double akaike() {
        int n = 2 * pointsUsed;
        return n * Math.log(chiSquare / n) + 2 * parameters.size();
    }

    /** The largest relative miss of any point, real or imaginary. */
    public double largestResidual() {
        return residuals.stream().mapToDouble(ImpedanceResidual::largest).max().orElse(0);
    }

    /** Fits {@code circuit} to the spectrum; refused when it has fewer usable points than the circuit's parameters. */
    public static CircuitFit fit(List<ImpedancePoint> spectrum, EquivalentCircuit circuit) {
        return fit(spectrum, circuit, 0);
    }

    /**
     * Fits {@code circuit} to the points at or above {@code lowestHz} only: a spectrum with a second, slower process
     * (a film, a second interface) that no Randles circuit follows still gives R_u from its high-frequency arc.
     */
    public static CircuitFit fit(List<ImpedancePoint> spectrum, EquivalentCircuit circuit, double lowestHz) {
        int needed = circuit.parameterNames().size() + 1;
        List<ImpedancePoint> kept = spectrum.stream().filter(p -> p.frequencyHz() >= lowestHz).toList();
        UsableSpectrum usable = UsableSpectrum.of(kept, needed, "a fit of " + circuit.notation()
                + (lowestHz > 0 ? " above " + HighFrequencyIntercept.number(lowestHz) + " Hz" : ""));
        CircuitFit best = null;
        for (double[] start : starts(usable, circuit)) {
            Optional<CircuitFit> fit = fitFrom(usable, circuit, start);
            if (fit.isPresent() && (best == null || fit.get().chiSquare < best.chiSquare)) {
                best = fit.get();
            }
        }
        if (best == null) {
            throw new BadInputException("the fit of " + circuit.notation() + " did not converge from any start; the"
                    + " spectrum may not be a Randles cell's (see the Kramers–Kronig check)");
        }
        return best;
    }

    /**
     * Fits every circuit and keeps, among those whose parameters are all {@link #determined()}, the one with the lowest
     * {@link #akaike()} (a better χ² that pays for its parameters).
     * A circuit that does not converge, or that has more parameters than the spectrum has points, is left out (and
     * logged); refused only when none fits.
     */
    public static CircuitFit best(List<ImpedancePoint> spectrum) {
        List<CircuitFit> fits = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (EquivalentCircuit circuit : EquivalentCircuit.values()) {
            try {
                fits.add(fit(spectrum, circuit));
            } catch (BadInputException noFit) {
                LOG.info("{} left out of the automatic choice: {}", circuit.notation(), noFit.getMessage());
                failures.add(circuit.notation() + ": " + noFit.getMessage());
            }
        }
        if (fits.isEmpty()) {
            throw new BadInputException("no equivalent circuit fits the spectrum; " + String.join("; ", failures));
        }
        // A circuit whose R_u or R_ct the spectrum cannot pin down (a standard error that is NaN or larger than the value:
        // two overlapping arcs, an R_ct fitted to nothing) would put an untrue R_ct in front of the operator with a low
        // Akaike score: the choice is among the determined fits, the others only when no fit is determined.
        List<CircuitFit> determined = fits.stream().filter(CircuitFit::determined).toList();
        return (determined.isEmpty() ? fits : determined).stream().min(Comparator.comparingDouble(CircuitFit::akaike))
                .orElseThrow();
    }

    /**
     * Whether the spectrum determines what the operator is shown and may record: R_u and R_ct each have a finite standard
     * error smaller than themselves, and a CPE exponent is at least 0.5. A Warburg's length may stay loose when the spectrum ends before the diffusion arc
     * closes, and a CPE exponent at 1 has no error (the bound of its range); the curve is still right.
     */
    public boolean determined() {
        // Data without noise (a test's closed form) is met exactly, and its covariance σ²(JᵀJ)⁻¹ is 0 · ∞: no error
        // is due there, and none is needed.
        boolean exact = largestResidual() < 1e-9;
        return exact || parameters.stream().filter(p -> p.name().equals("Ru") || p.name().equals("Rct"))
                .allMatch(p -> p.standardError() < Math.abs(p.value()))
                // a CPE exponent below 0.5 is no double layer (0.5 is a diffusion element): the fit used it to bend
                // another part of the spectrum, and its R_u and R_ct mean nothing
                && parameters.stream().filter(p -> p.name().equals("n")).allMatch(p -> p.value() >= 0.5);
    }

    /** Starting values from the spectrum's ends and the top of its arc. */
    static List<double[]> starts(UsableSpectrum usable, EquivalentCircuit circuit) {
        List<ImpedancePoint> points = usable.points();
        double ru = HighFrequencyIntercept.find(points).map(HighFrequencyIntercept::ohms).orElseGet(() -> {
            // The highest frequency is still on the arc: R_u lies below its Z', by about its |Z''| on a semicircle.
            ImpedancePoint highest = points.get(0);
            return Math.max(highest.realOhms() + highest.imaginaryOhms(), 0.1 * highest.realOhms());
        });
        ru = Math.max(ru, 1e-6 * points.stream().mapToDouble(ImpedancePoint::modulusOhms).max().orElse(1));
        double lowReal = points.get(points.size() - 1).realOhms();
        double total = Math.max(lowReal - ru, 0.1 * ru);
        ImpedancePoint top = points.stream().min(Comparator.comparingDouble(ImpedancePoint::imaginaryOhms)).orElseThrow();
        double lowestOmega = points.get(points.size() - 1).angularFrequency();
        List<double[]> starts = new ArrayList<>();
        double[] shares = circuit.hasWarburg() ? new double[]{0.3, 0.7} : new double[]{1};
        double[] capacitanceScales = circuit.hasWarburg() ? new double[]{1} : new double[]{1, 0.1};
        double[] tauScales = circuit.hasWarburg() ? new double[]{0.3, 3} : new double[]{1};
        for (double share : shares) {
            for (double scale : capacitanceScales) {
                for (double tauScale : tauScales) {
                    double rct = total * share;
                    double capacitance = scale / (top.angularFrequency() * rct);
                    List<Double> start = new ArrayList<>(List.of(ru, rct, capacitance));
                    if (circuit.hasConstantPhase()) {
                        start.add(0.9);
                    }
                    if (circuit.hasWarburg()) {
                        start.add(total * (1 - share));
                        start.add(tauScale / lowestOmega);
                    }
                    starts.add(start.stream().mapToDouble(Double::doubleValue).toArray());
                }
            }
        }
        return starts;
    }

    private static Optional<CircuitFit> fitFrom(UsableSpectrum usable, EquivalentCircuit circuit, double[] start) {
        List<ImpedancePoint> points = usable.points();
        int n = points.size();
        int p = start.length;
        double[] logStart = free(circuit, start);
        MultivariateJacobianFunction model = logParameters -> {
            double[] at = logParameters.toArray();
            double[] value = residuals(points, circuit, at);
            double[][] jacobian = new double[2 * n][p];
            for (int k = 0; k < p; k++) {
                // Central differences in log space: the step is a relative change of the parameter.
                double h = 1e-6;
                double[] up = at.clone();
                double[] down = at.clone();
                up[k] += h;
                down[k] -= h;
                double[] rUp = residuals(points, circuit, up);
                double[] rDown = residuals(points, circuit, down);
                for (int i = 0; i < 2 * n; i++) {
                    jacobian[i][k] = (rUp[i] - rDown[i]) / (2 * h);
                }
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(value, false),
                    new Array2DRowRealMatrix(jacobian, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(logStart)
                .model(model)
                .target(new double[2 * n])
                .parameterValidator(v -> {
                    RealVector kept = v.copy();
                    for (int i = 0; i < kept.getDimension(); i++) {
                        kept.setEntry(i, Math.max(-LOG_LIMIT, Math.min(LOG_LIMIT, kept.getEntry(i))));
                    }
                    return kept;
                })
                .maxEvaluations(400)
                .maxIterations(400)
                .build();
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(problem);
        } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException notConverged) {
            LOG.debug("{} fit did not converge from {}: {}", circuit.notation(), Arrays.toString(start),
                    notConverged.getMessage());
            return Optional.empty();
        }
        double[] logOptimum = optimum.getPoint().toArray();
        double[] finalResiduals = residuals(points, circuit, logOptimum);
        double chiSquare = 0;
        for (double r : finalResiduals) {
            chiSquare += r * r;
        }
        if (!Double.isFinite(chiSquare)) {
            return Optional.empty();
        }
        double[] logErrors = new double[p];
        try {
            RealMatrix covariance = optimum.getCovariances(1e-14);
            double variance = chiSquare / (2.0 * n - p);
            for (int i = 0; i < p; i++) {
                logErrors[i] = Math.sqrt(variance * covariance.getEntry(i, i));
            }
        } catch (SingularMatrixException singular) {
            LOG.info("{} fit: JᵀJ is singular at the optimum, so its parameters get no standard errors ({})",
                    circuit.notation(), singular.getMessage());
            Arrays.fill(logErrors, Double.NaN);
        }
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            double value = model(circuit, logOptimum)[i];
            double slope = isExponent(circuit, i) ? value * (1 - value) : value;
            parameters.add(new Parameter(circuit.parameterNames().get(i), value, slope * logErrors[i]));
        }
        List<ImpedanceResidual> residuals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            residuals.add(new ImpedanceResidual(points.get(i).frequencyHz(), finalResiduals[2 * i],
                    finalResiduals[2 * i + 1]));
        }
        return Optional.of(new CircuitFit(circuit, parameters, residuals, chiSquare, n, usable.leftOut()));
    }

    private static boolean isExponent(EquivalentCircuit circuit, int index) {
        return circuit.parameterNames().get(index).equals("n");
    }

    /** The fitted (free) parameters: logarithms, and the logit of the CPE exponent. */
    static double[] free(EquivalentCircuit circuit, double[] parameters) {
        double[] free = new double[parameters.length];
        for (int i = 0; i < free.length; i++) {
            double p = parameters[i];
            free[i] = isExponent(circuit, i) ? Math.log(p / (1 - p)) : Math.log(p);
        }
        return free;
    }

    /** The circuit's parameters from the free ones. */
    static double[] model(EquivalentCircuit circuit, double[] free) {
        double[] parameters = new double[free.length];
        for (int i = 0; i < free.length; i++) {
            parameters[i] = isExponent(circuit, i) ? 1 / (1 + Math.exp(-free[i])) : Math.exp(free[i]);
        }
        return parameters;
    }

    /** (Z_model − Z_measured)/|Z_measured|, real and imaginary, point by point. */
    private static double[] residuals(List<ImpedancePoint> points, EquivalentCircuit circuit, double[] logParameters) {
        double[] parameters = model(circuit, logParameters);
        double[] r = new double[2 * points.size()];
        for (int i = 0; i < points.size(); i++) {
            ImpedancePoint point = points.get(i);
            Complex z = circuit.impedance(parameters, point.angularFrequency());
            double modulus = point.modulusOhms();
            r[2 * i] = (z.getReal() - point.realOhms()) / modulus;
            r[2 * i + 1] = (z.getImaginary() - point.imaginaryOhms()) / modulus;
        }
        return r;
    }

    /** One line for a log or a table: {@code R(RC): Ru = 10.02 ± 0.03 ohm, ...}. */
    public String summary() {
        StringBuilder text = new StringBuilder(circuit.notation()).append(':');
        for (Parameter parameter : parameters) {
            text.append(String.format(Locale.ROOT, " %s = %.4g ± %.2g %s,", parameter.name(), parameter.value(),
                    parameter.standardError(), parameter.unit()));
        }
        text.append(String.format(Locale.ROOT, " χ² = %.3g over %d points", chiSquare, pointsUsed));
        return text.toString();
    }
}
