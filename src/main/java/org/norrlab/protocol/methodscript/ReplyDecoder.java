package org.norrlab.protocol.methodscript;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the lines a MethodSCRIPT device sends straight from the bytes they arrived in: no String per line or
 * field, no regex, hex digits and SI prefixes by table lookup. It accepts and refuses exactly what the earlier
 * String decoder (regexes for {@code !XXXX}, {@code Mxxxx}, {@code Cxxxx}; {@code split} and {@code Long.parseLong}
 * for packages) did, with the same values and the same messages; DecoderEquivalenceTest proves it against that
 * decoder, kept as the test oracle.
 *
 * <p>Bytes are characters of ISO-8859-1, as the line assembler always read them. The String entry point (importers,
 * the drivers' line channel) maps the line to such bytes and keeps the String for what is quoted or copied: a
 * character beyond ISO-8859-1 becomes byte 0xFF, or 0x85 for the line separators U+2028 and U+2029, which belong to
 * the same classes for every check made here (not a hex digit, prefix or separator; a line terminator for the
 * regex's {@code .} exactly when the character was one), and the few checks that depend on the exact character
 * (a lower-case type letter; a digit of another script, which {@code Long.parseLong} accepts) read the String.
 */
public final class ReplyDecoder {
    /** Hex digit values, -1 for anything else: only ASCII, as the regexes' {@code [0-9A-Fa-f]}. */
    private static final byte[] HEX = new byte[256];
    /** {@code Character.isLowerCase} of every ISO-8859-1 character, which the old type check used. */
    private static final boolean[] LOWER = new boolean[256];
    /** The 676 two-letter types a-z, so a package's type costs no String. */
    private static final String[] TYPES = new String[26 * 26];
    private static final byte[] NAN = "     nan".getBytes(StandardCharsets.US_ASCII);
    /** What a String character beyond ISO-8859-1 becomes (see the class comment). */
    private static final byte WIDE = (byte) 0xFF;
    private static final byte WIDE_TERMINATOR = (byte) 0x85;

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int c = 0; c < 256; c++) {
            int digit = Character.digit(c, 16);
            if (c < 128 && digit >= 0) {
                HEX[c] = (byte) digit;
            }
            LOWER[c] = Character.isLowerCase((char) c);
        }
        for (int i = 0; i < TYPES.length; i++) {
            TYPES[i] = new String(new char[] {(char) ('a' + i / 26), (char) ('a' + i % 26)});
        }
    }

    private ReplyDecoder() {
    }

    /** Decodes one line given as text (without its terminator). */
    public static Reply decode(String line) throws MalformedReplyException {
        return reply(bytesOf(line), 0, line.length(), line);
    }

    /** Decodes one line of {@code length} bytes from {@code start} (without its terminator), as the assembler hands it. */
    public static Reply decode(byte[] bytes, int start, int length) throws MalformedReplyException {
        return reply(bytes, start, start + length, null);
    }

    /** Decodes a data package line {@code P<var>;<var>;…} given as text, whatever else the line could be read as. */
    public static List<DataValue> decodePackage(String line) throws MalformedReplyException {
        if (line.isEmpty() || line.charAt(0) != 'P') {
            throw new MalformedReplyException("a data package starts with 'P'", line);
        }
        return packageValues(bytesOf(line), 0, line.length(), line);
    }

    private static byte[] bytesOf(String line) {
        byte[] bytes = new byte[line.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = line.charAt(i);
            bytes[i] = c < 256 ? (byte) c : c == '\u2028' || c == '\u2029' ? WIDE_TERMINATOR : WIDE;
        }
        return bytes;
    }

    /*
     * Every method below reads one line: the bytes b from start to end and, for the String entry point, the String
     * text they came from (null for bytes). They are static, with the line in parameters rather than in an object,
     * so that decoding allocates nothing but the reply it returns.
     */

    private static Reply reply(byte[] b, int start, int end, String text) throws MalformedReplyException {
        int length = end - start;
        if (length == 0) {
            return new Reply.ScriptEnded();
        }
        Reply error = error(b, start, end, text);
        if (error != null) {
            return error;
        }
        byte first = b[start];
        switch (first) {
            case 'P':
                return new Reply.Package(packageValues(b, start, end, text));
            case 'e':
                if (length == 1) {
                    return new Reply.Acknowledged();
                }
                break;
            case 'M':
                if (length == 5 && hex4(b, end, start + 1) >= 0) {
                    return new Reply.LoopStarted(hex4(b, end, start + 1));
                }
                break;
            case '*':
                if (length == 1) {
                    return new Reply.LoopEnded();
                }
                break;
            case 'Z':
                if (length == 1) {
                    return new Reply.AbortAcknowledged();
                }
                break;
            case 'T':
                return new Reply.Text(slice(b, text, start + 1, end));
            case 'L', '+':
                if (length == 1) {
                    return new Reply.Marker((char) first);
                }
                break;
            case '-':
                if (length == 1) {
                    return new Reply.ScanEnded();
                }
                break;
            case 'C':
                if (length == 5 && hex4(b, end, start + 1) >= 0) {
                    return new Reply.ScanStarted(hex4(b, end, start + 1));
                }
                break;
            default:
                break;
        }
        throw malformed(b, start, end, text, "unexpected line");
    }

    /**
     * {@code ^.?!([0-9A-Fa-f]{4})(?::\s*(.*))?$}, matched whole as the old decoder did: the optional echo character
     * is tried first (the regex's {@code .?} is greedy), then none; null when the line is no error.
     */
    private static Reply error(byte[] b, int start, int end, String text) {
        if (end - start >= 2 && !terminator(b[start]) && b[start + 1] == '!') {
            Reply error = errorFrom(b, start, end, text, start + 2);
            if (error != null) {
                return error;
            }
        }
        return b[start] == '!' ? errorFrom(b, start, end, text, start + 1) : null;
    }

    private static Reply errorFrom(byte[] b, int start, int end, String text, int code) {
        if (hex4(b, end, code) < 0) {
            return null;
        }
        int after = code + 4;
        if (after == end) {
            return new Reply.Error(ErrorCode.of(slice(b, text, code, after)), "");
        }
        if (b[after] != ':') {
            return null;
        }
        int context = after + 1;
        while (context < end && whitespace(b[context])) {
            context++;
        }
        for (int i = context; i < end; i++) {
            if (terminator(b[i])) {
                return null;
            }
        }
        return new Reply.Error(ErrorCode.of(slice(b, text, code, after)), slice(b, text, context, end));
    }

    /** The value of 7 ASCII hex digits from {@code at} (the caller checked they are in the line), or -1. */
    private static long hex7(byte[] b, int at) {
        int d0 = HEX[b[at] & 0xFF];
        int d1 = HEX[b[at + 1] & 0xFF];
        int d2 = HEX[b[at + 2] & 0xFF];
        int d3 = HEX[b[at + 3] & 0xFF];
        int d4 = HEX[b[at + 4] & 0xFF];
        int d5 = HEX[b[at + 5] & 0xFF];
        int d6 = HEX[b[at + 6] & 0xFF];
        if ((d0 | d1 | d2 | d3 | d4 | d5 | d6) < 0) {
            return -1;
        }
        return (long) d0 << 24 | d1 << 20 | d2 << 16 | d3 << 12 | d4 << 8 | d5 << 4 | d6;
    }

    /** The value of 4 ASCII hex digits from {@code at}, or -1 when they are not. */
    private static int hex4(byte[] b, int end, int at) {
        if (at + 4 > end) {
            return -1;
        }
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = HEX[b[i] & 0xFF];
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /**
     * The variables of {@code P<var>;<var>;…}, each field from its ';' (or the 'P') to the next: what the old
     * decoder's {@code split(";")} and {@code split(",")} cut, found in one pass over the bytes.
     */
    private static List<DataValue> packageValues(byte[] b, int start, int end, String text) throws MalformedReplyException {
        List<DataValue> values = new ArrayList<>(4);
        int field = start + 1;
        while (true) {
            int fieldEnd = variable(b, start, end, text, field, values);
            if (fieldEnd == end) {
                return values;
            }
            field = fieldEnd + 1;
        }
    }

    /** The first ',' or ';' from {@code from}, or {@code end}: where a variable's head or a metadata item ends. */
    private static int separator(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            byte c = b[i];
            if (c == ',' || c == ';') {
                return i;
            }
        }
        return end;
    }

    /**
     * Adds the variable {@code <type:2><hex:7><prefix:1>(,<meta>)*} that starts at {@code from} and returns where it
     * ends (its ';' or the line's end); the checks in the old decoder's order, so the same message.
     */
    private static int variable(byte[] b, int start, int end, String text, int from, List<DataValue> values)
            throws MalformedReplyException {
        int headEnd = from + 10;
        String type = null;
        double value = Double.NaN;
        // The form every device writes, read straight: a-z a-z, 7 ASCII hex digits, a prefix, then a separator or the
        // end. None of those bytes is a separator, so the head is exactly the old decoder's; anything else (NaN, a
        // sign, an error to word) takes the general path below, which checks in the old order.
        if (headEnd <= end && (headEnd == end || b[headEnd] == ',' || b[headEnd] == ';')) {
            int first = b[from] - 'a';
            int second = b[from + 1] - 'a';
            long raw = hex7(b, from + 2);
            if (first >= 0 && first < 26 && second >= 0 && second < 26 && raw >= 0) {
                value = SiPrefix.value(raw - DataValue.OFFSET, b[from + 9]);
                if (!Double.isNaN(value)) {
                    type = TYPES[first * 26 + second];
                }
            }
        }
        if (type == null) {
            headEnd = separator(b, from, end);
            if (headEnd - from != 10) {
                throw malformed(b, start, end, text, "a variable is 2 type letters, 7 hex digits and a prefix (10 characters),"
                        + " found '" + slice(b, text, from, headEnd) + "'");
            }
            if (!lowerCase(b, text, from) || !lowerCase(b, text, from + 1)) {
                throw malformed(b, start, end, text,
                        "variable type '" + slice(b, text, from, from + 2) + "' is not two lower-case letters");
            }
            type = type(b, text, from);
            if (isNan(b, from + 2)) {
                value = Double.NaN;
            } else {
                long raw = hexNumber(b, text, from + 2, from + 9, Long.MIN_VALUE);
                if (raw == Long.MIN_VALUE) {
                    throw malformed(b, start, end, text, "'" + slice(b, text, from + 2, from + 9) + "' is not 7 hex digits");
                }
                value = SiPrefix.value(raw - DataValue.OFFSET, b[from + 9]);
                if (Double.isNaN(value)) {
                    throw malformed(b, start, end, text, "'" + charAt(b, text, from + 9) + "' is not an SI prefix");
                }
            }
        }
        int status = -1;
        int range = -1;
        int meta = headEnd;
        while (meta < end && b[meta] == ',') {
            int metaStart = meta + 1;
            int metaEnd = separator(b, metaStart, end);
            if (metaEnd == metaStart) {
                throw malformed(b, start, end, text, "empty metadata after '" + slice(b, text, from, headEnd) + "'");
            }
            byte kind = b[metaStart];
            if (kind == '1' || kind == '2') {
                long number = hexNumber(b, text, metaStart + 1, metaEnd, Long.MIN_VALUE);
                if (number == Long.MIN_VALUE || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                    throw malformed(b, start, end, text,
                            "metadata '" + slice(b, text, metaStart, metaEnd) + "' is not hexadecimal");
                }
                if (kind == '1') {
                    status = (int) number;
                } else {
                    range = (int) number;
                }
            }
            // other metadata (noise, type 4) carries nothing a sample needs
            meta = metaEnd;
        }
        values.add(new DataValue(type, value, status, range));
        return meta;
    }

    /**
     * What {@code Long.parseLong(text, 16)} gives for the characters in [from, to) ({@code Integer.parseInt}'s
     * range is checked by the caller), or {@code invalid} where it throws: an optional sign, then one or more
     * hex digits. ASCII digits by table, without an exception; a character beyond ASCII (only a String line can
     * hold one that is a digit, e.g. a full-width one) goes to parseLong itself.
     */
    private static long hexNumber(byte[] b, String text, int from, int to, long invalid) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i == to) {
            return invalid;
        }
        long value = 0;
        for (; i < to; i++) {
            int c = b[i] & 0xFF;
            int digit = HEX[c];
            if (digit < 0) {
                return c >= 0x80 && text != null ? parseLongOfText(text, from, to, invalid) : invalid;
            }
            value = value << 4 | digit;
            if (value > 0xFFFF_FFFFL) {
                // beyond any int and any 7 digits: the callers refuse it, and more digits cannot bring it back
                value = 0x1_0000_0000L;
            }
        }
        return negative ? -value : value;
    }

    private static long parseLongOfText(String text, int from, int to, long invalid) {
        try {
            long value = Long.parseLong(text.substring(from, to), 16);
            return value == invalid ? invalid + 1 : value;
        } catch (NumberFormatException e) {
            // the old decoder refused the same text the same way; the caller's message names it
            return invalid;
        }
    }

    private static boolean isNan(byte[] b, int at) {
        for (int i = 0; i < NAN.length; i++) {
            if (b[at + i] != NAN[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerCase(byte[] b, String text, int at) {
        return text != null ? Character.isLowerCase(text.charAt(at)) : LOWER[b[at] & 0xFF];
    }

    private static String type(byte[] b, String text, int at) {
        int first = b[at] - 'a';
        int second = b[at + 1] - 'a';
        if (first >= 0 && first < 26 && second >= 0 && second < 26) {
            return TYPES[first * 26 + second];
        }
        return slice(b, text, at, at + 2);
    }

    private static char charAt(byte[] b, String text, int at) {
        return text != null ? text.charAt(at) : (char) (b[at] & 0xFF);
    }

    private static String slice(byte[] b, String text, int from, int to) {
        return text != null ? text.substring(from, to) : new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static MalformedReplyException malformed(byte[] b, int start, int end, String text, String problem) {
        return new MalformedReplyException(problem, text != null ? text : slice(b, text, start, end));
    }

    /** What the regex's {@code .} does not match: {@code \n}, {@code \r}, U+0085 (and U+2028/9, mapped to it). */
    private static boolean terminator(byte c) {
        return c == '\n' || c == '\r' || c == WIDE_TERMINATOR;
    }

    /** The regex's {@code \s}: ASCII whitespace only. */
    private static boolean whitespace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
