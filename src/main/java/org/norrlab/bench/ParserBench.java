package org.norrlab.bench;

import org.norrlab.protocol.LineAssembler;
import org.norrlab.protocol.methodscript.DataValue;
import org.norrlab.protocol.methodscript.MalformedReplyException;
import org.norrlab.protocol.methodscript.Reply;
import org.norrlab.protocol.methodscript.ReplyDecoder;
import org.norrlab.protocol.rodeostat.RodeostatException;
import org.norrlab.protocol.rodeostat.RodeostatMessages;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * JMH micro-benchmark of the device-output parsers against the fastest their wire can deliver: a
 * stream of realistic CA lines is cut into 64-byte chunks, reassembled into lines and decoded. One
 * operation is one line. The MethodSCRIPT figure is the byte path (lines handed out of the chunk,
 * decoded from the bytes, issue 23); the same lines through Strings ({@link LineAssembler#feed(byte[], int, int)}
 * and {@link Reply}'s String entry, as the drivers' line channel reads them) are measured as its reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBench {
    /** The name of the MethodSCRIPT figure through Strings, the reference of the byte path's. */
    public static final String STRING_PATH = "MethodSCRIPT via String lines";
    /** Lines per benchmark call. */
    public static final int LINES = 10_000;
    /** The EmStat4's fastest link (bits per byte on the wire: start + 8 data + stop). */
    public static final int EMSTAT4_BAUD = 921_600;
    /** The Rodeostat's fastest stream is one sample per millisecond (its minimum sample period), not its USB link. */
    public static final double RODEOSTAT_LINES_PER_SECOND = 1000;

    /** The most CA data packages per second the EmStat4's link can carry: the fastest instrument norrlab drives. */
    public static double emstat4LinesPerSecond() {
        return EMSTAT4_BAUD / 10.0 / (methodScriptWire(LINES).length / LINES);
    }

    private byte[] methodScriptWire;
    private byte[] rodeostatWire;

    /** One parser's figure and its wire's. */
    public record Result(String parser, double linesPerSecond, double errorLinesPerSecond, double wireLinesPerSecond,
                         int bytesPerLine) {
        public double ratio() {
            return linesPerSecond / wireLinesPerSecond;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-28s %,12.0f ± %,.0f lines/s   wire max %,9.0f lines/s (%d B/line)   ratio %,8.0f x",
                    parser, linesPerSecond, errorLinesPerSecond, wireLinesPerSecond, bytesPerLine, ratio());
        }
    }

    @Setup
    public void setUp() {
        methodScriptWire = methodScriptWire(LINES);
        rodeostatWire = rodeostatWire(LINES);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public double methodScript() throws MalformedReplyException {
        return parseMethodScript(methodScriptWire);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public double methodScriptStrings() throws MalformedReplyException {
        return parseMethodScriptStrings(methodScriptWire);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public double rodeostat() throws RodeostatException {
        return parseRodeostat(rodeostatWire);
    }

    static byte[] methodScriptWire(int lines) {
        SplittableRandom random = new SplittableRandom(1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append("Peb").append(DataValue.encode(i * 0.1)).append(";da").append(DataValue.encode(-1.111))
                    .append(";ba").append(DataValue.encode(-0.0145 + random.nextGaussian() * 1e-5)).append(",10,21B\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] rodeostatWire(int lines) {
        SplittableRandom random = new SplittableRandom(2);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(RodeostatMessages.sampleLine(i, -1.111, -14480 + random.nextGaussian() * 10)).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Chunks of 64 bytes → lines → MethodSCRIPT packages; returns a sum of the currents so nothing is optimised away. */
    static double parseMethodScript(byte[] wire) throws MalformedReplyException {
        CurrentSum sum = new CurrentSum();
        LineAssembler assembler = new LineAssembler(4096);
        for (int offset = 0; offset < wire.length; offset += 64) {
            assembler.feed(wire, offset, Math.min(64, wire.length - offset), sum);
        }
        return sum.checksum;
    }

    /** Adds up the third value of every package: what the byte path decodes, kept so nothing is optimised away. */
    private static final class CurrentSum implements LineAssembler.LineHandler<MalformedReplyException> {
        double checksum;

        @Override
        public void line(byte[] bytes, int start, int length) throws MalformedReplyException {
            if (ReplyDecoder.decode(bytes, start, length) instanceof Reply.Package pkg) {
                checksum += pkg.values().get(2).value();
            }
        }
    }

    /** The same through a String per line and the String entry of the decoder: the drivers' path, the reference. */
    static double parseMethodScriptStrings(byte[] wire) throws MalformedReplyException {
        double checksum = 0;
        LineAssembler assembler = new LineAssembler(4096);
        for (int offset = 0; offset < wire.length; offset += 64) {
            for (String line : assembler.feed(wire, offset, Math.min(64, wire.length - offset))) {
                if (Reply.parse(line) instanceof Reply.Package pkg) {
                    checksum += pkg.values().get(2).value();
                }
            }
        }
        return checksum;
    }

    static double parseRodeostat(byte[] wire) throws RodeostatException {
        double checksum = 0;
        LineAssembler assembler = new LineAssembler(4096);
        for (int offset = 0; offset < wire.length; offset += 64) {
            for (String line : assembler.feed(wire, offset, Math.min(64, wire.length - offset))) {
                checksum += RodeostatMessages.sample(line).microamps();
            }
        }
        return checksum;
    }

    /**
     * Runs the benchmarks with JMH: the MethodSCRIPT byte path first, the Rodeostat, then the MethodSCRIPT String path.
     *
     * @param forks 0 runs in this JVM (quick checks); 1 or more in fresh JVMs, as JMH recommends
     */
    public static Result[] run(int forks, int warmupIterations, int iterations, TimeValue iterationTime)
            throws RunnerException {
        Options options = new OptionsBuilder().include(ParserBench.class.getName() + "\\.")
                .forks(forks).warmupIterations(warmupIterations).warmupTime(iterationTime)
                .measurementIterations(iterations).measurementTime(iterationTime).shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(options).run();
        double ms = Double.NaN;
        double msError = Double.NaN;
        double ro = Double.NaN;
        double roError = Double.NaN;
        double strings = Double.NaN;
        double stringsError = Double.NaN;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            if (name.endsWith(".methodScript")) {
                ms = r.getPrimaryResult().getScore();
                msError = r.getPrimaryResult().getScoreError();
            } else if (name.endsWith(".methodScriptStrings")) {
                strings = r.getPrimaryResult().getScore();
                stringsError = r.getPrimaryResult().getScoreError();
            } else if (name.endsWith(".rodeostat")) {
                ro = r.getPrimaryResult().getScore();
                roError = r.getPrimaryResult().getScoreError();
            }
        }
        int msBytes = methodScriptWire(LINES).length / LINES;
        int roBytes = rodeostatWire(LINES).length / LINES;
        return new Result[] {
                new Result("MethodSCRIPT CA package", ms, msError, emstat4LinesPerSecond(), msBytes),
                new Result("Rodeostat JSON sample", ro, roError, RODEOSTAT_LINES_PER_SECOND, roBytes),
                new Result(STRING_PATH, strings, stringsError, emstat4LinesPerSecond(), msBytes)};
    }
}
