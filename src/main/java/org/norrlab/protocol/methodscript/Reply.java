package org.norrlab.protocol.methodscript;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line a MethodSCRIPT device sends while a script runs, classified by its first character. */
public sealed interface Reply {
    record Acknowledged() implements Reply { }

    /** {@code Mxxxx}: a measurement loop starts; the code names the technique (0007 = CA). */
    record LoopStarted(int code) implements Reply { }

    record Package(List<DataValue> values) implements Reply { }

    /** {@code *}: the measurement loop ended. */
    record LoopEnded() implements Reply { }

    /** {@code T…}: text from {@code send_string}. */
    record Text(String text) implements Reply { }

    /** An error line, {@code !XXXX} possibly after an echo character and before a context. */
    record Error(ErrorCode code, String context) implements Reply { }

    /** The empty line that ends a script (after {@code on_finished:} ran). */
    record ScriptEnded() implements Reply { }

    /** {@code Z}: the device acknowledges an abort; the script output continues to its end. */
    record AbortAcknowledged() implements Reply { }

    /** Loop and scan markers that carry nothing a sample needs: {@code L + C - }. */
    record Marker(char kind) implements Reply { }

    Pattern ERROR = Pattern.compile("^.?!([0-9A-Fa-f]{4})(?::\\s*(.*))?$");
    Pattern LOOP = Pattern.compile("^M([0-9A-Fa-f]{4})$");

    static Reply parse(String line) throws MalformedReplyException {
        if (line.isEmpty()) {
            return new ScriptEnded();
        }
        Matcher error = ERROR.matcher(line);
        if (error.matches()) {
            return new Error(ErrorCode.of(error.group(1)), error.group(2) == null ? "" : error.group(2));
        }
        switch (line.charAt(0)) {
            case 'e':
                if (line.length() == 1) {
                    return new Acknowledged();
                }
                break;
            case 'M':
                Matcher loop = LOOP.matcher(line);
                if (loop.matches()) {
                    return new LoopStarted(Integer.parseInt(loop.group(1), 16));
                }
                break;
            case 'P':
                return new Package(PacketParser.parse(line));
            case '*':
                if (line.length() == 1) {
                    return new LoopEnded();
                }
                break;
            case 'Z':
                if (line.length() == 1) {
                    return new AbortAcknowledged();
                }
                break;
            case 'T':
                return new Text(line.substring(1));
            case 'L', '+', '-':
                if (line.length() == 1) {
                    return new Marker(line.charAt(0));
                }
                break;
            case 'C':
                if (line.length() == 5) {
                    return new Marker('C');
                }
                break;
            default:
                break;
        }
        throw new MalformedReplyException("unexpected line", line);
    }
}
