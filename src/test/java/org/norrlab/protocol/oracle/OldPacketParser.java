package org.norrlab.protocol.oracle;

import org.norrlab.protocol.methodscript.DataValue;
import org.norrlab.protocol.methodscript.MalformedReplyException;

import java.util.ArrayList;
import java.util.List;

/**
 * The package decoder as it was before issue 23 (String split and Long.parseLong per field), kept unchanged as the
 * oracle the byte decoder is proven against.
 *
 * Decodes a data package line {@code P<var>;<var>;…} where each var is
 * {@code <type:2><hex:7><prefix:1>(,<meta>)*}. Metadata {@code 1x} is the status bit field,
 * {@code 2xx} the range code, anything else (e.g. noise {@code 4x}) is skipped.
 */
public final class OldPacketParser {
    private OldPacketParser() {
    }

    public static List<DataValue> parse(String line) throws MalformedReplyException {
        if (line.isEmpty() || line.charAt(0) != 'P') {
            throw new MalformedReplyException("a data package starts with 'P'", line);
        }
        List<DataValue> values = new ArrayList<>(4);
        for (String field : line.substring(1).split(";", -1)) {
            values.add(parseVariable(field, line));
        }
        return values;
    }

    private static DataValue parseVariable(String field, String line) throws MalformedReplyException {
        String[] parts = field.split(",", -1);
        String head = parts[0];
        if (head.length() != 10) {
            throw new MalformedReplyException("a variable is 2 type letters, 7 hex digits and a prefix (10 characters),"
                    + " found '" + head + "'", line);
        }
        String type = head.substring(0, 2);
        if (!Character.isLowerCase(type.charAt(0)) || !Character.isLowerCase(type.charAt(1))) {
            throw new MalformedReplyException("variable type '" + type + "' is not two lower-case letters", line);
        }
        double value;
        if (head.substring(2).equals("     nan")) {
            value = Double.NaN;
        } else {
            long raw;
            try {
                raw = Long.parseLong(head.substring(2, 9), 16);
            } catch (NumberFormatException e) {
                throw new MalformedReplyException("'" + head.substring(2, 9) + "' is not 7 hex digits", line);
            }
            value = oldValue(raw - DataValue.OFFSET, head.charAt(9));
            if (Double.isNaN(value)) {
                throw new MalformedReplyException("'" + head.charAt(9) + "' is not an SI prefix", line);
            }
        }
        int status = -1;
        int range = -1;
        for (int i = 1; i < parts.length; i++) {
            String meta = parts[i];
            if (meta.isEmpty()) {
                throw new MalformedReplyException("empty metadata after '" + head + "'", line);
            }
            try {
                switch (meta.charAt(0)) {
                    case '1' -> status = Integer.parseInt(meta.substring(1), 16);
                    case '2' -> range = Integer.parseInt(meta.substring(1), 16);
                    default -> {
                        // other metadata (noise, type 4) carries nothing a sample needs
                    }
                }
            } catch (NumberFormatException e) {
                throw new MalformedReplyException("metadata '" + meta + "' is not hexadecimal", line);
            }
        }
        return new DataValue(type, value, status, range);
    }

    /** SiPrefix.value as it was: the prefix found with String.indexOf. */
    private static final String CHARS = "afpnum kMGTPEi";
    private static final double[] FACTORS = {1e-18, 1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1, 1e3, 1e6, 1e9, 1e12, 1e15, 1e18, 1};
    private static final double[] DIVISORS = {1e18, 1e15, 1e12, 1e9, 1e6, 1e3};

    private static double oldValue(long integer, char prefix) {
        int index = CHARS.indexOf(prefix);
        if (index < 0) {
            return Double.NaN;
        }
        return index < DIVISORS.length ? integer / DIVISORS[index] : integer * FACTORS[index];
    }
}
