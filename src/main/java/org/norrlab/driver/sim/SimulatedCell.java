package org.norrlab.driver.sim;

import java.util.random.RandomGenerator;

/**
 * The physical cell: a double layer charged through the effective uncompensated resistance, in
 * parallel with the faradaic branches of {@link KineticModel}. Time advances in sub-steps by
 * backward Euler, which stays stable however stiff the cell (R_u·C_dl down to zero) and conserves the
 * charge that passes. Signs follow IUPAC: cathodic current is negative. Potentials are vs RHE.
 */
final class SimulatedCell {
    private final CatalystPreset preset;
    private final double areaCm2;
    private final double capacitanceFarads;
    private final double resistanceOhms;
    private final RandomGenerator random;

    private double interfaceVolts;
    private double targetVolts;
    private double secondsSinceStep;
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
        tally = ProductTally.ZERO;
    }

    /** The cell is switched off: no current flows and the electrode drifts back to its rest potential. */
    void beginRest() {
        tally = ProductTally.ZERO;
    }

    /** Advances {@code dt} seconds while holding; returns the charge that passed, cathodic negative. */
    double hold(double dt) {
        secondsSinceStep += dt;
        advanceBubbles(dt);
        double previous = interfaceVolts;
        double next = resistanceOhms <= 0 ? targetVolts : solveInterface(previous, dt);
        double faradaic = faradaicCurrent(next);
        double current = resistanceOhms <= 0
                ? capacitanceFarads * (next - previous) / dt + faradaic
                : (targetVolts - next) / resistanceOhms;
        interfaceVolts = next;
        tallyProducts(next, dt, current);
        return current * dt;
    }

    /** Advances {@code dt} seconds at open circuit; returns the interface potential vs RHE. */
    double rest(double dt) {
        double approach = 1 - Math.exp(-dt / preset.openCircuitRelaxationSeconds());
        interfaceVolts += (preset.openCircuitVoltsVsRhe() - interfaceVolts) * approach;
        return interfaceVolts;
    }

    ProductTally tally() {
        return tally;
    }

    double interfaceVolts() {
        return interfaceVolts;
    }

    /** Root of C(E−E_prev)/dt + I_F(E) − (E_target − E)/R = 0, which rises monotonically in E. */
    private double solveInterface(double previous, double dt) {
        double e = previous;
        for (int i = 0; i < 50; i++) {
            double g = residual(e, previous, dt);
            double h = 1e-6;
            double slope = (residual(e + h, previous, dt) - g) / h;
            double step = g / slope;
            e -= Math.max(-0.05, Math.min(0.05, step));
            if (Math.abs(step) < 1e-9) {
                break;
            }
        }
        return e;
    }

    private double residual(double e, double previous, double dt) {
        return capacitanceFarads * (e - previous) / dt + faradaicCurrent(e) - (targetVolts - e) / resistanceOhms;
    }

    private double faradaicCurrent(double volts) {
        KineticModel.Currents c = preset.model().afterStep(volts, secondsSinceStep);
        return -areaCm2 * (1 + bubbleExcess) * (c.norr() * activity() + c.her());
    }

    /** Slow loss of NORR activity over a step (restructuring, poisoning). */
    private double activity() {
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
        KineticModel.Currents c = preset.model().afterStep(volts, secondsSinceStep);
        double scale = areaCm2 * (1 + bubbleExcess) * dt;
        double norrCharge = c.norr() * activity() * scale;
        double otherNorr = norrCharge * (1 - c.nh3Share());
        CatalystPreset.ByproductShares shares = preset.byproductShares();
        double f = KineticModel.FARADAY;
        tally = tally.plus(-current * dt, norrCharge * c.nh3Share() / (5 * f), otherNorr * shares.nh2oh() / (3 * f),
                otherNorr * shares.n2o() / (2 * f), otherNorr * shares.n2() / (4 * f), c.her() * scale / (2 * f));
    }
}
