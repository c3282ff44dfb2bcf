package org.norrlab.driver.sim;

import org.norrlab.core.Gas;

import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The physical cell: a double layer charged through the effective uncompensated resistance, in
 * parallel with the faradaic branches of {@link KineticModel}. Time advances in sub-steps by
 * backward Euler, which stays stable however stiff the cell (R_u·C_dl down to zero) and conserves the
 * charge that passes. Signs follow IUPAC: cathodic current is negative. Potentials are vs RHE.
 *
 * <p>The potentiostat either holds a potential ({@link #beginHold}: CA; {@link #beginSweep} and
 * {@link #moveTo} along a sweep) or a current ({@link #beginConstantCurrent}: CP). NO is reduced
 * only while the electrolyte holds NO ({@link #electrolyteGas}); under argon only the double layer and
 * hydrogen evolution carry current.
 */
final class SimulatedCell {
    private final CatalystPreset preset;
    private final double areaCm2;
    private final double capacitanceFarads;
    private final double resistanceOhms;
    private final RandomGenerator random;

    private double interfaceVolts;
    private double targetVolts;
    /** Time under polarisation since the step began: the NORR activity drifts with it. */
    private double secondsSinceStep;
    /**
     * Age of the NO depletion layer: 0 right after a potential or current step, infinite during a sweep, whose
     * potential changes slowly against the layer's time constant (quasi-steady transport).
     */
    private double noLayerSeconds;
    private Gas gas = Gas.NITRIC_OXIDE;
    private boolean constantCurrent;
    private double setAmperes;
    private double bubbleExcess;
    private double bubbleDecaySeconds = 1;
    private ProductTally tally = ProductTally.ZERO;

    SimulatedCell(CatalystPreset preset, double areaCm2, RandomGenerator random) {
        this.preset = preset;
        this.areaCm2 = areaCm2;
        this.capacitanceFarads = preset.doubleLayerFaradsPerCm2() * areaCm2;
        this.resistanceOhms = preset.effectiveResistanceOhms();
        this.random = random;
        this.interfaceVolts = preset.openCircuitVoltsVsRhe();
    }

    /** The potentiostat starts holding {@code volts} (vs RHE): the NO layer starts to deplete from now. */
    void beginHold(double volts) {
        targetVolts = volts;
        secondsSinceStep = 0;
        noLayerSeconds = 0;
        constantCurrent = false;
        tally = ProductTally.ZERO;
    }

    /**
     * A potential sweep starts at {@code volts} (vs RHE). The NO layer is taken as steady at every potential: its
     * time constant L_eff²/(π²D) is well below a second for every preset, while a sweep takes seconds per
     * 10 mV, so the wave is the steady Koutecký–Levich curve (a very fast scan would show a depletion peak this
     * model does not make).
     */
    void beginSweep(double volts) {
        beginHold(volts);
        noLayerSeconds = Double.POSITIVE_INFINITY;
    }

    /** The held potential moves to {@code volts} (vs RHE): the next sub-step of a sweep's ramp. */
    void moveTo(double volts) {
        targetVolts = volts;
    }

    /**
     * The galvanostat starts forcing {@code amperes} (cathodic negative) through the cell: the NO layer starts to
     * deplete from now, as after a potential step.
     */
    void beginConstantCurrent(double amperes) {
        beginHold(interfaceVolts);
        constantCurrent = true;
        setAmperes = amperes;
    }

    /** What the operator saturated the electrolyte with; NO reduction needs NO. */
    void electrolyteGas(Gas gas) {
        this.gas = gas;
    }

    Gas electrolyteGas() {
        return gas;
    }

    /**
     * A spectrum's DC starts with the interface at {@code interfaceVolts} (vs RHE, where the steady current leaves it,
     * {@link CellTruth#spectrumInterfaceVolts}). The spectrum is taken of the steady cell: the NO layer is steady and
     * no bubble is leaving the electrode (their scatter is in the spectrum's noise).
     */
    void beginSpectrum(double interfaceVolts) {
        beginHold(interfaceVolts);
        this.interfaceVolts = interfaceVolts;
        noLayerSeconds = Double.POSITIVE_INFINITY;
        bubbleExcess = 0;
    }

    /**
     * Advances {@code dt} seconds at a spectrum's DC, tallying what the DC current makes (the sine averages out);
     * returns that current, cathodic negative, with the slow activity drift of the step.
     */
    double holdSpectrumDc(double dt) {
        secondsSinceStep += dt;
        double current = faradaicCurrent(interfaceVolts);
        tallyProducts(interfaceVolts, dt, current);
        return current;
    }

    /** The cell is switched off: no current flows and the electrode drifts back to its rest potential. */
    void beginRest() {
        tally = ProductTally.ZERO;
    }

    /** Advances {@code dt} seconds while holding; returns the charge that passed, cathodic negative. */
    double hold(double dt) {
        secondsSinceStep += dt;
        noLayerSeconds += dt;
        advanceBubbles(dt);
        double previous = interfaceVolts;
        double current;
        if (constantCurrent) {
            interfaceVolts = solve(e -> capacitanceFarads * (e - previous) / dt + faradaicCurrent(e) - setAmperes,
                    previous);
            current = setAmperes;
        } else {
            double next = resistanceOhms <= 0 ? targetVolts : solveInterface(previous, dt);
            double faradaic = faradaicCurrent(next);
            current = resistanceOhms <= 0
                    ? capacitanceFarads * (next - previous) / dt + faradaic
                    : (targetVolts - next) / resistanceOhms;
            interfaceVolts = next;
        }
        tallyProducts(interfaceVolts, dt, current);
        return current * dt;
    }

    /**
     * The working electrode's potential vs RHE as the instrument measures it under constant current: the
     * interface plus the iR drop the potentiostat does not compensate (cathodic current makes it more negative).
     */
    double measuredVoltsAtSetCurrent() {
        return interfaceVolts + setAmperes * resistanceOhms;
    }

    /** Advances {@code dt} seconds at open circuit; returns the interface potential vs RHE. */
    double rest(double dt) {
        double approach = 1 - Math.exp(-dt / preset.openCircuitRelaxationSeconds());
        interfaceVolts += (preset.openCircuitVoltsVsRhe() - interfaceVolts) * approach;
        return interfaceVolts;
    }

    CellTruth truth() {
        return CellTruth.of(preset, areaCm2);
    }

    ProductTally tally() {
        return tally;
    }

    double interfaceVolts() {
        return interfaceVolts;
    }

    /** Root of C(E−E_prev)/dt + I_F(E) − (E_target − E)/R = 0, which rises monotonically in E. */
    private double solveInterface(double previous, double dt) {
        return solve(e -> capacitanceFarads * (e - previous) / dt + faradaicCurrent(e) - (targetVolts - e) / resistanceOhms,
                previous);
    }

    /**
     * Root of a residual that rises monotonically in E, by Newton steps of at most 50 mV from {@code start}. A
     * held potential is reached in a few steps; a set current may need more (the double layer can swing far in a
     * sub-step when C_dl is small), and the residual's slope never vanishes, so 200 steps reach 10 V.
     */
    private static double solve(DoubleUnaryOperator residual, double start) {
        double e = start;
        for (int i = 1; i <= 200; i++) {
            double g = residual.applyAsDouble(e);
            double h = 1e-6;
            double slope = (residual.applyAsDouble(e + h) - g) / h;
            double step = g / slope;
            e -= Math.max(-0.05, Math.min(0.05, step));
            // After 50 steps only a root still far away (a clamped step) is worth following: as it always was for CA.
            if (Math.abs(step) < 1e-9 || i >= 50 && Math.abs(step) <= 0.05) {
                break;
            }
        }
        return e;
    }

    private double faradaicCurrent(double volts) {
        KineticModel.Currents c = preset.model().afterStep(volts, noLayerSeconds);
        return -areaCm2 * (1 + bubbleExcess) * (c.norr() * activity() + c.her());
    }

    /** Slow loss of NORR activity over a step (restructuring, poisoning); none without NO to reduce. */
    private double activity() {
        if (gas != Gas.NITRIC_OXIDE) {
            return 0;
        }
        return Math.max(0, 1 - preset.driftPerHour() * secondsSinceStep / 3600);
    }

    /** Bubbles leave the electrode at random, briefly exposing more area: a spike that decays. */
    private void advanceBubbles(double dt) {
        bubbleExcess *= Math.exp(-dt / bubbleDecaySeconds);
        if (preset.bubblesPerSecond() > 0 && random.nextDouble() < preset.bubblesPerSecond() * dt) {
            bubbleExcess += preset.bubbleAmplitudeMax() * (0.1 + 0.9 * random.nextDouble());
            bubbleDecaySeconds = preset.bubbleSecondsMax() * (0.1 + 0.9 * random.nextDouble());
        }
    }

    private void tallyProducts(double volts, double dt, double current) {
        KineticModel.Currents c = preset.model().afterStep(volts, noLayerSeconds);
        double scale = areaCm2 * (1 + bubbleExcess) * dt;
        double norrCharge = c.norr() * activity() * scale;
        double otherNorr = norrCharge * (1 - c.nh3Share());
        CatalystPreset.ByproductShares shares = preset.byproductShares();
        double f = KineticModel.FARADAY;
        tally = tally.plus(-current * dt, norrCharge * c.nh3Share() / (5 * f), otherNorr * shares.nh2oh() / (3 * f),
                otherNorr * shares.n2o() / (2 * f), otherNorr * shares.n2() / (4 * f), c.her() * scale / (2 * f));
    }
}
