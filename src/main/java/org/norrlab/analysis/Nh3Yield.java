package org.norrlab.analysis;

/**
 * NH3 yield of a step in the units papers report. The per-mass figure is empty (NaN) when the
 * catalyst loading is unknown (0).
 */
public record Nh3Yield(Measure molPerSecondPerCm2, Measure micromolPerHourPerCm2, Measure micromolPerHour,
                       Measure microgramPerHourPerMgCatalyst) {

    static Nh3Yield of(Amount nh3, double seconds, double areaCm2, double loadingMgPerCm2) {
        Measure perSecond = nh3.moles().times(1 / seconds);
        Measure perMg = loadingMgPerCm2 > 0
                ? perSecond.times(3600 * Product.NH3.molarMass() * 1e6 / (loadingMgPerCm2 * areaCm2))
                : new Measure(Double.NaN, 0);
        return new Nh3Yield(perSecond.times(1 / areaCm2), perSecond.times(3.6e9 / areaCm2), perSecond.times(3.6e9), perMg);
    }
}
