package org.norrlab.protocol.rodeostat;

/**
 * Reads the sample lines the Rodeostat firmware writes, {@code {"t":<ms>,"v":<V>,"i":<µA>}} with an optional
 * {@code ,"le":true|false}, and the closing {@code {}}, by hand: one pass over the characters, no tree, no String
 * per number. It answers only for lines in exactly that form, where its result is certainly what Jackson's gives
 * (integers of up to 18 digits, decimals of up to 15 significant digits whose power of ten is exact); for anything
 * else, whitespace, other keys or order, a long number, a potential that is not finite, it answers null and
 * {@link RodeostatMessages#sample(String)} asks Jackson, so every message and every odd case stays Jackson's.
 * DecoderEquivalenceTest proves it against the Jackson decoder, kept as the test oracle.
 */
final class SampleScanner {
    /** Powers of ten that are exact doubles: a product or quotient with one of them is correctly rounded. */
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final int MAX_DECIMAL_DIGITS = 15;
    private static final int MAX_INTEGER_DIGITS = 18;

    private final String line;
    private int at;
    /** The last number read; valid when its reader returned true. */
    private double number;
    private long integer;

    private SampleScanner(String line) {
        this.line = line;
    }

    /** The line's sample, or null when Jackson must decide. */
    static RodeostatMessages.StreamLine scan(String line) {
        return new SampleScanner(line).sample();
    }

    private RodeostatMessages.StreamLine sample() {
        if (line.equals("{}")) {
            return new RodeostatMessages.StreamLine(true, 0, Double.NaN, Double.NaN, false);
        }
        if (!literal("{\"t\":") || !integer()) {
            return null;
        }
        long time = integer;
        if (!literal(",\"v\":") || !number()) {
            return null;
        }
        double volts = number;
        if (!Double.isFinite(volts) || !literal(",\"i\":") || !number()) {
            return null;
        }
        double microamps = number;
        boolean limitError = false;
        if (literal(",\"le\":")) {
            if (literal("true")) {
                limitError = true;
            } else if (!literal("false")) {
                return null;
            }
        }
        if (!literal("}") || at != line.length()) {
            return null;
        }
        return new RodeostatMessages.StreamLine(false, time, volts, microamps, limitError);
    }

    private boolean literal(String expected) {
        if (line.startsWith(expected, at)) {
            at += expected.length();
            return true;
        }
        return false;
    }

    /** {@code -?(0|[1-9][0-9]*)}, at most 18 digits: Jackson's int or long node, whose asLong is the value. */
    private boolean integer() {
        boolean negative = literal("-");
        int start = at;
        long value = 0;
        while (at < line.length() && isDigit(line.charAt(at))) {
            value = value * 10 + (line.charAt(at) - '0');
            at++;
        }
        int digits = at - start;
        if (digits == 0 || digits > MAX_INTEGER_DIGITS || (digits > 1 && line.charAt(start) == '0')) {
            return false;
        }
        integer = negative ? -value : value;
        return true;
    }

    /**
     * A JSON number, or NaN, Infinity, -Infinity (the firmware prints them bare; the mapper allows them), as the
     * double Jackson's node gives: an integer as its long converted, a decimal as Double.parseDouble would round it.
     */
    private boolean number() {
        if (literal("NaN")) {
            number = Double.NaN;
            return true;
        }
        if (literal("Infinity")) {
            number = Double.POSITIVE_INFINITY;
            return true;
        }
        if (literal("-Infinity")) {
            number = Double.NEGATIVE_INFINITY;
            return true;
        }
        boolean negative = literal("-");
        int start = at;
        long mantissa = 0;
        int digits = 0;
        while (at < line.length() && isDigit(line.charAt(at))) {
            mantissa = mantissa * 10 + (line.charAt(at) - '0');
            at++;
            digits++;
        }
        if (digits == 0 || (digits > 1 && line.charAt(start) == '0')) {
            return false;
        }
        if (at == line.length() || (line.charAt(at) != '.' && line.charAt(at) != 'e' && line.charAt(at) != 'E')) {
            // An integer: Jackson makes an int or long node, whose double is the long's.
            if (digits > MAX_INTEGER_DIGITS) {
                return false;
            }
            number = (double) (negative ? -mantissa : mantissa);
            return true;
        }
        int scale = 0;
        if (line.charAt(at) == '.') {
            at++;
            int fractionStart = at;
            while (at < line.length() && isDigit(line.charAt(at))) {
                mantissa = mantissa * 10 + (line.charAt(at) - '0');
                at++;
                digits++;
            }
            scale = at - fractionStart;
            if (scale == 0) {
                return false;
            }
        }
        int exponent = 0;
        if (at < line.length() && (line.charAt(at) == 'e' || line.charAt(at) == 'E')) {
            at++;
            boolean negativeExponent = false;
            if (at < line.length() && (line.charAt(at) == '+' || line.charAt(at) == '-')) {
                negativeExponent = line.charAt(at) == '-';
                at++;
            }
            int exponentStart = at;
            while (at < line.length() && isDigit(line.charAt(at)) && at - exponentStart < 4) {
                exponent = exponent * 10 + (line.charAt(at) - '0');
                at++;
            }
            if (at == exponentStart || (at < line.length() && isDigit(line.charAt(at)))) {
                return false;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (digits > MAX_DECIMAL_DIGITS) {
            return false;
        }
        // mantissa < 10^15 < 2^53 is exact, so is the power of ten: one division or product, correctly rounded,
        // is the double nearest the decimal, which is what Double.parseDouble returns.
        int power = exponent - scale;
        double value;
        if (power >= 0 && power < POWERS.length) {
            value = mantissa * POWERS[power];
        } else if (power < 0 && -power < POWERS.length) {
            value = mantissa / POWERS[-power];
        } else {
            return false;
        }
        number = negative ? -value : value;
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
