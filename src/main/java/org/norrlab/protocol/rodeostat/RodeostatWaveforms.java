package org.norrlab.protocol.rodeostat;

/**
 * The potentials the Rodeostat's firmware sets during its {@code linearSweep} and {@code cyclic} tests, as functions of
 * the test time in milliseconds (the {@code t} of a sample, which counts from the start of the quiet period). They follow
 * {@code ps_linearsweep_test.cpp} and {@code ps_cyclic_test.cpp} of IO Rodeo's firmware: the sample's {@code v} is this
 * set point, not a measured potential. The emulator uses them to write samples as the device does; tests check them
 * against a real cyclic run.
 */
public final class RodeostatWaveforms {
    private RodeostatWaveforms() {
    }

    /** {@code linearSweep}: quietValue during quietTime, then startValue → finalValue over duration (all ms). */
    public static double linearSweep(long tMillis, double quietValue, long quietTimeMillis, double startValue,
                                     double finalValue, long durationMillis) {
        if (tMillis < quietTimeMillis) {
            return quietValue;
        }
        return (finalValue - startValue) * (tMillis - quietTimeMillis) / durationMillis + startValue;
    }

    /**
     * {@code cyclic}: quietValue during quietTime, then a triangle wave between offset − amplitude and offset + amplitude
     * that starts at its minimum and rises for half a period, moved forward by {@code shift} periods (0 ≤ shift < 1).
     */
    public static double cyclic(long tMillis, double quietValue, long quietTimeMillis, double amplitude, double offset,
                                long periodMillis, double shift) {
        if (tMillis < quietTimeMillis) {
            return quietValue;
        }
        // In microseconds as the firmware counts, so that the shift truncates as it does there.
        long periodMicros = periodMillis * 1000;
        long shiftMicros = (long) (shift * periodMicros);
        long s = ((tMillis - quietTimeMillis) * 1000 + shiftMicros) % periodMicros;
        if (s < periodMicros / 2) {
            return 4.0 * amplitude * s / periodMicros + offset - amplitude;
        }
        return 4.0 * amplitude * (periodMicros - s) / periodMicros + offset - amplitude;
    }

    /** When a {@code cyclic} test ends (the firmware's getDoneTime): quietTime + numCycles periods, in ms. */
    public static long cyclicDoneMillis(long quietTimeMillis, long periodMillis, long numCycles) {
        return quietTimeMillis + numCycles * periodMillis;
    }
}
