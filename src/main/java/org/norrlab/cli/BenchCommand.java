package org.norrlab.cli;

import org.norrlab.bench.LongRunBench;
import org.norrlab.bench.ParserBench;
import org.norrlab.gui.ChartBench;
import org.norrlab.gui.GuiContext;
import org.norrlab.gui.WindowBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measures norrlab's stages against their limits.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "WHAT", description = "parsers, chart or long-run.")
    String what;
    @Mixin
    HomeOptions homeOptions;
    @Option(names = "--samples", defaultValue = "1000000", description = "chart: samples acquired before the repaints (default: ${DEFAULT-VALUE}).")
    long samples;
    @Option(names = "--frames", defaultValue = "200", description = "chart: frames timed (default: ${DEFAULT-VALUE}).")
    int frames;
    @Option(names = "--hours", defaultValue = "24", description = "long-run: instrument hours (default: ${DEFAULT-VALUE}).")
    double hours;
    @Option(names = "--interval-ms", defaultValue = "10", description = "long-run: sample interval (default: ${DEFAULT-VALUE} ms = 100 Hz).")
    int intervalMillis;
    @Option(names = "--work-dir", defaultValue = "target/bench", description = "long-run: where its database goes (default: ${DEFAULT-VALUE}).")
    java.nio.file.Path workDir;
    @Option(names = "--window", description = "long-run: run it through the real window (needs a display, e.g. xvfb-run).")
    boolean window;
    @Option(names = "--lines", defaultValue = "1000000", description = "Lines per parser (default: ${DEFAULT-VALUE}).")
    int lines;
    @Option(names = "--rounds", defaultValue = "5", description = "Rounds; the first warms up the JIT and is not the result.")
    int rounds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        switch (what) {
            case "parsers" -> parsers(out);
            case "chart" -> out.println("Chart repaint (run view, 1400 x 800): " + ChartBench.run(samples, frames, 1400, 800));
            case "long-run" -> {
                out.printf(java.util.Locale.ROOT, "Long run on the simulator at max speed: %.3g h at %d ms, store + statistics"
                        + " + live chart model, JVM max heap %d MB%n", hours, intervalMillis, Runtime.getRuntime().maxMemory() >> 20);
                out.flush();
                if (window) {
                    java.nio.file.Path protocol = LongRunBench.writeProtocol(hours, intervalMillis, workDir);
                    java.nio.file.Path db = workDir.resolve("window-run.db");
                    java.nio.file.Files.deleteIfExists(db);
                    out.println(WindowBench.run(new GuiContext(homeOptions.site(), db), protocol));
                } else {
                    out.println(LongRunBench.run(homeOptions.site(), hours, intervalMillis, workDir));
                }
            }
            default -> throw new IllegalArgumentException("'" + what + "' is not a benchmark; available: parsers, chart, long-run");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void parsers(PrintWriter out) throws Exception {
        ParserBench.Result ms = null;
        ParserBench.Result ro = null;
        for (int round = 0; round < Math.max(2, rounds); round++) {
            ParserBench.Result m = ParserBench.methodScript(lines, 921_600);
            ParserBench.Result r = ParserBench.rodeostat(lines);
            if (round > 0) {
                ms = ms == null || m.linesPerSecond() > ms.linesPerSecond() ? m : ms;
                ro = ro == null || r.linesPerSecond() > ro.linesPerSecond() ? r : ro;
            }
        }
        out.println("Best of " + (Math.max(2, rounds) - 1) + " rounds of " + lines + " lines (EmStat4 wire: 921600 baud):");
        out.println(ms);
        out.println(ro);
    }
}
