package org.norrlab.analysis;

import org.apache.commons.math3.complex.Complex;
import org.norrlab.core.BadInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The equivalent circuits a spectrum can be fitted with, in Boukamp's notation. All are Randles cells,
 * Z = R_u + 1/(Y_dl + 1/(R_ct + Z_W)), the simulator's model: R_u in series with the double layer (an ideal capacitor
 * C_dl, admittance jωC_dl, or a constant-phase element, admittance Q·(jω)^n) in parallel with the faradaic branch
 * (R_ct, and for the diffusion models a finite-length Warburg element in series with it).
 *
 * <p>The finite-length (transmissive) Warburg element is Z_W = R_W·tanh(√(jωτ_W))/√(jωτ_W): at ω → 0 it tends to the
 * real R_W (diffusion through a layer of finite thickness δ, τ_W = δ²/D), at high ω to the semi-infinite Warburg
 * σ·√2/√(jω) = σ(1 − j)/√ω with σ = R_W/√(2τ_W).
 *
 * <p>Parameters are in the order of {@link #parameterNames()}; all are positive.
 */
public enum EquivalentCircuit {
    /** R(RC): Randles without diffusion, ideal double layer. */
    RANDLES("r-rc", "R(RC)", "Ru", "Rct", "Cdl"),
    /** R(QR): Randles without diffusion, constant-phase double layer. */
    RANDLES_CPE("r-qr", "R(QR)", "Ru", "Rct", "Q", "n"),
    /** R(C(RW)): Randles with a finite-length Warburg element, ideal double layer. */
    RANDLES_WARBURG("r-crw", "R(C(RW))", "Ru", "Rct", "Cdl", "Rw", "tauW"),
    /** R(Q(RW)): Randles with a finite-length Warburg element, constant-phase double layer. */
    RANDLES_CPE_WARBURG("r-qrw", "R(Q(RW))", "Ru", "Rct", "Q", "n", "Rw", "tauW");

    private final String code;
    private final String notation;
    private final List<String> parameterNames;

    EquivalentCircuit(String code, String notation, String... parameterNames) {
        this.code = code;
        this.notation = notation;
        this.parameterNames = List.of(parameterNames);
    }

    /** The name the command line uses, e.g. {@code r-qrw}. */
    public String code() {
        return code;
    }

    /** Boukamp's circuit description code, e.g. {@code R(Q(RW))}. */
    public String notation() {
        return notation;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    public boolean hasConstantPhase() {
        return parameterNames.contains("Q");
    }

    public boolean hasWarburg() {
        return parameterNames.contains("Rw");
    }

    /** The unit of a parameter, for printing. */
    public static String unit(String parameter) {
        return switch (parameter) {
            case "Ru", "Rct", "Rw" -> "ohm";
            case "Cdl" -> "F";
            case "Q" -> "F s^(n-1)";
            case "tauW" -> "s";
            default -> "";
        };
    }

    /** The circuit named {@code code} ({@link #code()} or {@link #notation()}, any case). */
    public static EquivalentCircuit named(String code) {
        for (EquivalentCircuit circuit : values()) {
            if (circuit.code.equalsIgnoreCase(code) || circuit.notation.equalsIgnoreCase(code)) {
                return circuit;
            }
        }
        throw new BadInputException("unknown equivalent circuit '" + code + "'; known are " + Arrays.stream(values())
                .map(c -> c.code + " " + c.notation).collect(Collectors.joining(", ")));
    }

    /** Z at angular frequency {@code omega} (rad/s) for the parameters {@code p} in {@link #parameterNames()} order. */
    public Complex impedance(double[] p, double omega) {
        if (p.length != parameterNames.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s takes %d parameters, got %d", notation,
                    parameterNames.size(), p.length));
        }
        double ru = p[0];
        double rct = p[1];
        Complex jOmega = new Complex(0, omega);
        Complex doubleLayer = hasConstantPhase() ? jOmega.pow(p[3]).multiply(p[2]) : jOmega.multiply(p[2]);
        Complex faradaic = new Complex(rct);
        if (hasWarburg()) {
            int w = hasConstantPhase() ? 4 : 3;
            faradaic = faradaic.add(finiteWarburg(p[w], p[w + 1], omega));
        }
        return doubleLayer.add(faradaic.reciprocal()).reciprocal().add(ru);
    }

    /** Z_W = R_W·tanh(√(jωτ))/√(jωτ); tends to R_W as ω → 0. */
    static Complex finiteWarburg(double rw, double tau, double omega) {
        Complex x = new Complex(0, omega * tau).sqrt();
        if (x.abs() < 1e-6) {
            return new Complex(rw);
        }
        if (x.getReal() > 20) {
            // tanh is 1 to double precision here, and cosh/sinh would overflow further up.
            return x.reciprocal().multiply(rw);
        }
        return x.tanh().divide(x).multiply(rw);
    }
}
