package org.norrlab.protocol.oracle;

import org.norrlab.protocol.methodscript.ErrorCode;
import org.norrlab.protocol.methodscript.MalformedReplyException;
import org.norrlab.protocol.methodscript.Reply;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reply.parse as it was before issue 23 (a regex per line, a String per field), kept unchanged as the oracle the byte
 * decoder is proven against.
 */
public final class OldReplyParser {
    private OldReplyParser() {
    }

    static final Pattern ERROR = Pattern.compile("^.?!([0-9A-Fa-f]{4})(?::\\s*(.*))?$");
    static final Pattern LOOP = Pattern.compile("^M([0-9A-Fa-f]{4})$");
    static final Pattern SCAN = Pattern.compile("^C([0-9A-Fa-f]{4})$");

    public static Reply parse(String line) throws MalformedReplyException {
        if (line.isEmpty()) {
            return new Reply.ScriptEnded();
        }
        Matcher error = ERROR.matcher(line);
        if (error.matches()) {
            return new Reply.Error(ErrorCode.of(error.group(1)), error.group(2) == null ? "" : error.group(2));
        }
        switch (line.charAt(0)) {
            case 'e':
                if (line.length() == 1) {
                    return new Reply.Acknowledged();
                }
                break;
            case 'M':
                Matcher loop = LOOP.matcher(line);
                if (loop.matches()) {
                    return new Reply.LoopStarted(Integer.parseInt(loop.group(1), 16));
                }
                break;
            case 'P':
                return new Reply.Package(OldPacketParser.parse(line));
            case '*':
                if (line.length() == 1) {
                    return new Reply.LoopEnded();
                }
                break;
            case 'Z':
                if (line.length() == 1) {
                    return new Reply.AbortAcknowledged();
                }
                break;
            case 'T':
                return new Reply.Text(line.substring(1));
            case 'L', '+':
                if (line.length() == 1) {
                    return new Reply.Marker(line.charAt(0));
                }
                break;
            case '-':
                if (line.length() == 1) {
                    return new Reply.ScanEnded();
                }
                break;
            case 'C':
                Matcher scan = SCAN.matcher(line);
                if (scan.matches()) {
                    return new Reply.ScanStarted(Integer.parseInt(scan.group(1), 16));
                }
                break;
            default:
                break;
        }
        throw new MalformedReplyException("unexpected line", line);
    }
}
