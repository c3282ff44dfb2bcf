package org.norrlab.testing;

import org.norrlab.core.ImpedancePoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A simulated-like Randles spectrum for figures and reports: R_u 20 Ω in series with C_dl 20 µF parallel to
 * R_ct 100 Ω plus a Warburg element σ 30 Ω s^-½, from 100 kHz to 0.1 Hz (six decades).
 */
public final class RandlesSpectra {
    public static final double RU = 20;
    public static final double RCT = 100;
    public static final double CDL = 20e-6;
    public static final double SIGMA = 30;

    private RandlesSpectra() {
    }

    /**
     * Z = R_u + 1 / (jωC_dl + 1 / (R_ct + σ(1 − j)/√ω)), written out in real arithmetic, {@code perDecade} points per
     * decade from 100 kHz down, each scaled by 1 + noise·N(0,1) (seeded) so that a fitted line shows over the points.
     */
    public static List<ImpedancePoint> spectrum(int perDecade, double noise) {
        Random random = new Random(21);
        List<ImpedancePoint> points = new ArrayList<>();
        for (int i = 0; i <= 6 * perDecade; i++) {
            double f = Math.pow(10, 5 - (double) i / perDecade);
            double w = 2 * Math.PI * f;
            // faradaic branch Zf = (R_ct + σ/√ω) − jσ/√ω; its admittance 1/Zf plus jωC_dl, turned back into Z
            double fr = RCT + SIGMA / Math.sqrt(w);
            double fi = -SIGMA / Math.sqrt(w);
            double m = fr * fr + fi * fi;
            double yr = fr / m;
            double yi = -fi / m + w * CDL;
            double ym = yr * yr + yi * yi;
            double scale = 1 + noise * random.nextGaussian();
            points.add(ImpedancePoint.of(i, f, (RU + yr / ym) * scale, (-yi / ym) * scale));
        }
        return points;
    }
}
