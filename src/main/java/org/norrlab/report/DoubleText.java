package org.norrlab.report;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * A double as the shortest decimal that reads back as the same double, in {@link Double#toString}'s layout ("0.01",
 * "-1.0E-6", "2499.9900000000002", "1.7976931348623157E308"), written as ASCII bytes straight into a buffer: what the
 * CSV export writes for each of the four numbers of millions of sample rows.
 *
 * <p>Why not {@link StringBuilder#append(double)}: on Java 17 that is FloatingDecimal, which spent most of the export's
 * text thread (a {@code perf} profile of a 1 M-sample export: its long divisions are calls into the VM under the
 * client compiler the export runs with), and which is not always the shortest (2.0E23 comes out as
 * 1.9999999999999998E23, JDK-4511638, fixed in Java 19 by this same algorithm). Either text reads back as the same
 * double; this one is never longer.
 *
 * <p>The digits come from Raffaello Giulietti's Schubfach ("The Schubfach way to render doubles", 2020): the decimal
 * interval that rounds to the double is scaled by a 126-bit approximation g of a power of ten, and the shortest decimal
 * in it, or the closest where several are, is read off. Each g is worked out with BigInteger the first time a number of
 * its decade is written (a session's values span a few decades), not tabled at start-up. DoubleTextTest checks every
 * result against Jackson's own Schubfach port and against {@link Double#parseDouble} over millions of doubles drawn
 * from every exponent, and the layout against {@link Double#toString} wherever that is the shortest.
 */
final class DoubleText {
    /** The longest text: "-" 17 digits "." "E-" 3 digits. */
    static final int MAX_BYTES = 25;

    private static final int P = 53;                 // bits of precision, the hidden one included
    private static final int Q_MIN = -1074;          // the exponent of the smallest subnormal
    private static final long C_MIN = 1L << (P - 1);
    private static final long FRACTION_BITS = C_MIN - 1;
    private static final int EXPONENT_MASK = 0x7FF;
    private static final long MASK_63 = Long.MAX_VALUE;
    private static final int MASK_28 = (1 << 28) - 1;
    /** Subnormal significands below this have fewer than two digits; Schubfach takes them at ten times the value. */
    private static final int C_TINY = 3;
    /** The decimal exponents k Schubfach can ask for with doubles. */
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    /** The 17 digits every significand is written with before its trailing zeros go. */
    private static final int DIGITS = 17;
    private static final long[] POW10 = new long[DIGITS + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = 10 * POW10[i - 1];
        }
    }

    /** g of 10^-k split as g1·2^63 + g0, per k, made when first needed; the final fields make a racy publication safe. */
    private record Scale(long g1, long g0) {
    }

    private static final Scale[] SCALES = new Scale[K_MAX - K_MIN + 1];

    private DoubleText() {
    }

    /** The text, for a header or a test; the export itself writes bytes with {@link #write}. */
    static String toString(double v) {
        byte[] text = new byte[MAX_BYTES];
        return new String(text, 0, write(v, text, 0), StandardCharsets.US_ASCII);
    }

    /**
     * Writes {@code v} at {@code to[at]} on and returns the index after the last byte; {@code to} must have
     * {@link #MAX_BYTES} from {@code at}. NaN and the infinities are written as Double.toString writes them.
     */
    static int write(double v, byte[] to, int at) {
        long bits = Double.doubleToRawLongBits(v);
        long fraction = bits & FRACTION_BITS;
        int biasedExponent = (int) (bits >>> (P - 1)) & EXPONENT_MASK;
        if (biasedExponent == EXPONENT_MASK) {
            return ascii(fraction != 0 ? "NaN" : bits > 0 ? "Infinity" : "-Infinity", to, at);
        }
        if (bits < 0) {
            to[at++] = '-';
        }
        if (biasedExponent != 0) {
            int minusQ = -Q_MIN + 1 - biasedExponent;
            long c = C_MIN | fraction;
            if (0 < minusQ && minusQ < P) {
                long integer = c >> minusQ;
                if (integer << minusQ == c) {   // a whole number below 2^53: its digits are exact
                    return layout(integer, 0, to, at);
                }
            }
            return shortest(-minusQ, c, 0, to, at);
        }
        if (fraction == 0) {
            return ascii("0.0", to, at);   // after the '-' of -0.0
        }
        return fraction < C_TINY ? shortest(Q_MIN, 10 * fraction, -1, to, at) : shortest(Q_MIN, fraction, 0, to, at);
    }

    /** The shortest decimal in the rounding interval of c·2^q (Schubfach's figure 7), laid out; dk scales a tiny c back. */
    private static int shortest(int q, long c, int dk, byte[] to, int at) {
        int out = (int) c & 1;   // an odd c's interval leaves out its ends (round half to even)
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = floorLog10Pow2(q);
        } else {   // a power of two: the interval below it is half as wide
            cbl = cb - 1;
            k = floorLog10ThreeQuartersPow2(q);
        }
        int h = q + floorLog2Pow10(-k) + 2;
        Scale g = scale(k);
        long vb = roundOdd(g, cb << h);
        long vbl = roundOdd(g, cbl << h);
        long vbr = roundOdd(g, cbr << h);
        long s = vb >> 2;
        if (s >= 100) {
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);   // 10·floor(s / 10)
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                return layout(upin ? sp10 : tp10, k, to, at);
            }
        }
        long t = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (t << 2) + out <= vbr;
        if (uin != win) {
            return layout(uin ? s : t, k + dk, to, at);
        }
        long cmp = vb - (s + t << 1);   // both in: the closer, the even one on a tie
        return layout(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t, k + dk, to, at);
    }

    /** cp·g / 2^127 rounded to odd (Schubfach's figure 8). */
    private static long roundOdd(Scale g, long cp) {
        long x1 = Math.multiplyHigh(g.g0, cp);
        long y0 = g.g1 * cp;
        long y1 = Math.multiplyHigh(g.g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    /** floor(log10(2^e)) for |e| ≤ 5 456 721. */
    static int floorLog10Pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 · 2^e)) for |e| ≤ 2 500 000. */
    static int floorLog10ThreeQuartersPow2(int e) {
        return (int) (e * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /** floor(log2(10^e)) for |e| ≤ 1 838 394. */
    static int floorLog2Pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    private static Scale scale(int k) {
        Scale g = SCALES[k - K_MIN];
        if (g == null) {
            g = exactScale(k);
            SCALES[k - K_MIN] = g;
        }
        return g;
    }

    /** g = floor(β) + 1 where 10^-k = β·2^r and 2^125 ≤ β < 2^126, split into its high and low 63 bits. */
    static Scale exactScale(int k) {
        BigInteger g;
        if (k <= 0) {
            BigInteger p = BigInteger.TEN.pow(-k);
            int shift = 126 - p.bitLength();
            g = (shift >= 0 ? p.shiftLeft(shift) : p.shiftRight(-shift)).add(BigInteger.ONE);
        } else {
            BigInteger p = BigInteger.TEN.pow(k);   // not a power of two, so 2^(125 + bits) / p < 2^126
            g = BigInteger.ONE.shiftLeft(125 + p.bitLength()).divide(p).add(BigInteger.ONE);
        }
        return new Scale(g.shiftRight(63).longValueExact(), g.longValue() & MASK_63);
    }

    /**
     * f·10^e in Double.toString's layout: plain from 10^-3 to below 10^7 ("0.001", "9999999.0"), else one digit, the
     * rest and an exponent ("1.0E7", "9.999999999999998E-4"); at least one digit after the point, no trailing zeros
     * beyond it.
     */
    private static int layout(long f, int e, byte[] to, int at) {
        int length = 1;
        while (length < DIGITS && f >= POW10[length]) {
            length++;
        }
        f *= POW10[DIGITS - length];   // 17 digits d1…d17: the value is 0.d1…d17 · 10^point
        int point = e + length;
        long high9 = Math.multiplyHigh(f, 193_428_131_138_340_668L) >>> 20;   // f / 10^8 for f < 10^17
        int low8 = (int) (f - 100_000_000L * high9);
        int first = (int) (high9 * 1_441_151_881L >>> 57);                   // high9 / 10^8 for high9 < 10^9
        int middle8 = (int) (high9 - 100_000_000L * first);
        if (0 < point && point <= 7) {
            to[at++] = (byte) ('0' + first);
            int y = digitState(middle8);
            int i = 1;
            for (; i < point; i++) {
                int d = 10 * y;
                to[at++] = (byte) ('0' + (d >>> 28));
                y = d & MASK_28;
            }
            to[at++] = '.';
            for (; i <= 8; i++) {
                int d = 10 * y;
                to[at++] = (byte) ('0' + (d >>> 28));
                y = d & MASK_28;
            }
            return lowDigits(low8, to, at);
        }
        if (-3 < point && point <= 0) {
            to[at++] = '0';
            to[at++] = '.';
            for (; point < 0; point++) {
                to[at++] = '0';
            }
            to[at++] = (byte) ('0' + first);
            at = eightDigits(middle8, to, at);
            return lowDigits(low8, to, at);
        }
        to[at++] = (byte) ('0' + first);
        to[at++] = '.';
        at = eightDigits(middle8, to, at);
        at = lowDigits(low8, to, at);
        return exponent(point - 1, to, at);
    }

    /** The last eight digits, then the trailing zeros taken off, but the one right after the point kept. */
    private static int lowDigits(int low8, byte[] to, int at) {
        if (low8 != 0) {
            at = eightDigits(low8, to, at);
        }
        while (to[at - 1] == '0') {
            at--;
        }
        return to[at - 1] == '.' ? at + 1 : at;
    }

    /** Eight digits of {@code a} left to right, with multiplications only (no division, which C1 calls out for). */
    private static int eightDigits(int a, byte[] to, int at) {
        int y = digitState(a);
        for (int i = 0; i < 8; i++) {
            int d = 10 * y;
            to[at++] = (byte) ('0' + (d >>> 28));
            y = d & MASK_28;
        }
        return at;
    }

    /**
     * floor((a + 1)·2^28 / 10^8) − 1 for a below 10^8: a fixed-point fraction a / 10^8 whose digits come out one by one
     * as the top four bits of ten times it (Jeon's left-to-right digit extraction).
     */
    private static int digitState(int a) {
        return (int) (Math.multiplyHigh((long) (a + 1) << 28, 193_428_131_138_340_668L) >>> 20) - 1;
    }

    private static int exponent(int e, byte[] to, int at) {
        to[at++] = 'E';
        if (e < 0) {
            to[at++] = '-';
            e = -e;
        }
        if (e >= 100) {
            int hundreds = e * 1_311 >>> 17;   // e / 100 for e < 1000
            to[at++] = (byte) ('0' + hundreds);
            e -= 100 * hundreds;
            to[at++] = (byte) ('0' + e / 10);
        } else if (e >= 10) {
            to[at++] = (byte) ('0' + e / 10);
        }
        to[at++] = (byte) ('0' + e % 10);
        return at;
    }

    private static int ascii(String text, byte[] to, int at) {
        for (int i = 0; i < text.length(); i++) {
            to[at++] = (byte) text.charAt(i);
        }
        return at;
    }
}
