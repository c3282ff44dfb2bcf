package org.norrlab.bench;

import org.norrlab.protocol.LineAssembler;
import org.norrlab.protocol.methodscript.DataValue;
import org.norrlab.protocol.methodscript.MalformedReplyException;
import org.norrlab.protocol.methodscript.Reply;
import org.norrlab.protocol.rodeostat.RodeostatException;
import org.norrlab.protocol.rodeostat.RodeostatMessages;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Device-output parsers against the fastest their wire can deliver: a stream of realistic CA lines
 * is cut into 64-byte chunks, reassembled into lines and decoded, as the drivers do.
 */
public final class ParserBench {
    /** A result line: parser lines/s and the wire's maximum lines/s at the instrument's baud rate. */
    public record Result(String parser, long lines, double seconds, double wireLinesPerSecond, int bytesPerLine) {
        public double linesPerSecond() {
            return lines / seconds;
        }

        public double ratio() {
            return linesPerSecond() / wireLinesPerSecond;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-28s %,12.0f lines/s   wire max %,9.0f lines/s (%d B/line)   ratio %,8.0f x",
                    parser, linesPerSecond(), wireLinesPerSecond, bytesPerLine, ratio());
        }
    }

    private ParserBench() {
    }

    public static Result methodScript(int lines, int baud) throws MalformedReplyException {
        SplittableRandom random = new SplittableRandom(1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append("Peb").append(DataValue.encode(i * 0.1)).append(";da").append(DataValue.encode(-1.111))
                    .append(";ba").append(DataValue.encode(-0.0145 + random.nextGaussian() * 1e-5)).append(",10,21B\n");
        }
        byte[] wire = text.toString().getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        long parsed = 0;
        double checksum = 0;
        LineAssembler assembler = new LineAssembler(4096);
        for (int offset = 0; offset < wire.length; offset += 64) {
            for (String line : assembler.feed(wire, offset, Math.min(64, wire.length - offset))) {
                if (Reply.parse(line) instanceof Reply.Package pkg) {
                    checksum += pkg.values().get(2).value();
                    parsed++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        consume(checksum);
        int bytesPerLine = wire.length / lines;
        return new Result("MethodSCRIPT CA package", parsed, seconds, baud / 10.0 / bytesPerLine, bytesPerLine);
    }

    public static Result rodeostat(int lines) throws RodeostatException {
        SplittableRandom random = new SplittableRandom(2);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(RodeostatMessages.sampleLine(i, -1.111, -14480 + random.nextGaussian() * 10)).append("\r\n");
        }
        byte[] wire = text.toString().getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        long parsed = 0;
        double checksum = 0;
        LineAssembler assembler = new LineAssembler(4096);
        for (int offset = 0; offset < wire.length; offset += 64) {
            for (String line : assembler.feed(wire, offset, Math.min(64, wire.length - offset))) {
                checksum += RodeostatMessages.sample(line).microamps();
                parsed++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        consume(checksum);
        // The Rodeostat's fastest stream is one sample per millisecond (its minimum sample period), not its USB link.
        return new Result("Rodeostat JSON sample", parsed, seconds, 1000, wire.length / lines);
    }

    private static volatile double sink;

    private static void consume(double value) {
        sink = value;
    }
}
