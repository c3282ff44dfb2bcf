package org.norrlab.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.norrlab.core.ImpedancePoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a spectrum is consistent with the Kramers–Kronig relations (linear, causal, stable, time-invariant), by the
 * Lin-KK test of Schönleber, Klotz and Ivers-Tiffée (Electrochim. Acta 131 (2014) 20–27): the spectrum is fitted with
 * R_0 + jωL + Σ R_k/(1 + jωτ_k), M Voigt (RC) elements whose time constants are fixed, log-spaced from 1/ω_max to
 * 1/ω_min, so the fit is linear in R_0, L and the R_k. The series inductance L (the leads) is included only when the
 * spectrum shows one, Z'' > 0 at its highest frequency: a free L on a spectrum without one trades against the R_k and
 * stops the choice of M too early. Every such circuit obeys Kramers–Kronig, so a spectrum it cannot
 * follow does not: drift during the measurement, a non-linear amplitude, a cell that changed. Real and imaginary parts
 * are fitted together, weighted by 1/|Z|. M grows until μ = 1 − Σ|R_k<0|/Σ|R_k≥0| falls below 0.85 (more
 * elements would start to fit the noise, with alternating signs). It starts at 3 elements per decade of the spectrum,
 * not at 1 as in the paper: with the time constants a decade or more apart a single sharp arc is fitted with elements
 * of both signs, μ drops below 0.85 at a handful of elements while the fit still misses by tens of per cent, and a
 * sound spectrum would fail (seen on a noise-free R(RC) spectrum over 6 decades: M = 4 misses by 39 %, M = 19 by
 * 0.7 %).
 *
 * <p>The spectrum passes when no point's relative miss, real or imaginary, exceeds the threshold
 * ({@value #DEFAULT_THRESHOLD} of |Z| by default: well above the 0.1–0.5 % noise of a sound measurement, well below
 * the misses of a drifting one).
 *
 * @param elements    M, the number of RC elements used
 * @param mu          μ at that M
 * @param residuals   the relative miss at every point, highest frequency first
 * @param threshold   the largest miss allowed, as a fraction of |Z|
 * @param pointsLeftOut points flagged NO_IMPEDANCE
 */
public record KramersKronig(int elements, double mu, List<ImpedanceResidual> residuals, double threshold,
                            int pointsLeftOut) {
    public static final double DEFAULT_THRESHOLD = 0.02;
    /** Schönleber's cut-off for μ. */
    static final double MU_LIMIT = 0.85;

    public KramersKronig {
        residuals = List.copyOf(residuals);
    }

    public double largestResidual() {
        return residuals.stream().mapToDouble(ImpedanceResidual::largest).max().orElse(0);
    }

    /** The root mean square of all 2N relative misses. */
    public double rmsResidual() {
        double sum = 0;
        for (ImpedanceResidual r : residuals) {
            sum += r.realRelative() * r.realRelative() + r.imaginaryRelative() * r.imaginaryRelative();
        }
        return Math.sqrt(sum / (2.0 * residuals.size()));
    }

    public boolean passes() {
        return largestResidual() <= threshold;
    }

    /** E.g. {@code passes (largest miss 0.41 % of |Z| ≤ 2 %, M = 9)}. */
    public String summary() {
        ImpedanceResidual worst = residuals.stream().max((a, b) -> Double.compare(a.largest(), b.largest())).orElseThrow();
        return String.format(Locale.ROOT, "%s (largest miss %.2f %% of |Z| at %.4g Hz %s %.2g %%, rms %.2f %%; Lin-KK with"
                        + " M = %d RC elements)", passes() ? "passes" : "FAILS", 100 * largestResidual(),
                worst.frequencyHz(), passes() ? "≤" : ">", 100 * threshold, 100 * rmsResidual(), elements);
    }

    public static KramersKronig check(List<ImpedancePoint> spectrum) {
        return check(spectrum, DEFAULT_THRESHOLD);
    }

    public static KramersKronig check(List<ImpedancePoint> spectrum, double threshold) {
        UsableSpectrum usable = UsableSpectrum.of(spectrum, 5, "the Kramers–Kronig check");
        List<ImpedancePoint> points = usable.points();
        double omegaMax = points.get(0).angularFrequency();
        double omegaMin = points.get(points.size() - 1).angularFrequency();
        // Two unknowns (R_0, L) besides the R_k, and two equations per point.
        int most = Math.max(1, points.size() - 2);
        boolean inductive = points.get(0).imaginaryOhms() > 0;
        int first = Math.min(most, (int) Math.ceil(3 * Math.log10(omegaMax / omegaMin)));
        Solution chosen = null;
        for (int m = Math.max(1, first); m <= most; m++) {
            chosen = solve(points, timeConstants(m, omegaMax, omegaMin), inductive);
            if (chosen.mu() <= MU_LIMIT) {
                break;
            }
        }
        return new KramersKronig(chosen.elements(), chosen.mu(), chosen.residuals(), threshold, usable.leftOut());
    }

    private record Solution(int elements, double mu, List<ImpedanceResidual> residuals) {
    }

    static double[] timeConstants(int m, double omegaMax, double omegaMin) {
        double[] tau = new double[m];
        double first = 1 / omegaMax;
        double last = 1 / omegaMin;
        for (int k = 0; k < m; k++) {
            tau[k] = m == 1 ? Math.sqrt(first * last) : first * Math.pow(last / first, (double) k / (m - 1));
        }
        return tau;
    }

    private static Solution solve(List<ImpedancePoint> points, double[] tau, boolean inductive) {
        int n = points.size();
        int m = tau.length;
        // Columns: R_0, L, R_1..R_M. Rows: the real part of every point, then the imaginary part.
        double[][] a = new double[2 * n][m + 2];
        double[] b = new double[2 * n];
        for (int i = 0; i < n; i++) {
            ImpedancePoint point = points.get(i);
            double omega = point.angularFrequency();
            double weight = 1 / point.modulusOhms();
            a[i][0] = weight;
            a[n + i][1] = inductive ? omega * weight : 0;
            for (int k = 0; k < m; k++) {
                double wt = omega * tau[k];
                double denominator = 1 + wt * wt;
                a[i][k + 2] = weight / denominator;
                a[n + i][k + 2] = -weight * wt / denominator;
            }
            b[i] = point.realOhms() * weight;
            b[n + i] = point.imaginaryOhms() * weight;
        }
        // Scale the inductance column to unit size so the decomposition's tolerance treats all unknowns alike.
        double lScale = 0;
        for (int i = 0; i < n; i++) {
            lScale = Math.max(lScale, Math.abs(a[n + i][1]));
        }
        for (int i = 0; i < n && lScale > 0; i++) {
            a[n + i][1] /= lScale;
        }
        RealVector x = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                .solve(new ArrayRealVector(b, false));
        double positive = 0;
        double negative = 0;
        for (int k = 0; k < m; k++) {
            double r = x.getEntry(k + 2);
            if (r >= 0) {
                positive += r;
            } else {
                negative -= r;
            }
        }
        double mu = positive == 0 ? 1 : 1 - negative / positive;
        RealVector fitted = new Array2DRowRealMatrix(a, false).operate(x);
        List<ImpedanceResidual> residuals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Rows are already divided by |Z|, so the miss of a row is the relative miss.
            residuals.add(new ImpedanceResidual(points.get(i).frequencyHz(), fitted.getEntry(i) - b[i],
                    fitted.getEntry(n + i) - b[n + i]));
        }
        return new Solution(m, mu, residuals);
    }
}
