package org.norrlab.cli;

import org.norrlab.bench.ParserBench;
import picocli.CommandLine.Command;
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
    @Parameters(index = "0", paramLabel = "WHAT", description = "parsers")
    String what;
    @Option(names = "--lines", defaultValue = "1000000", description = "Lines per parser (default: ${DEFAULT-VALUE}).")
    int lines;
    @Option(names = "--rounds", defaultValue = "5", description = "Rounds; the first warms up the JIT and is not the result.")
    int rounds;

    @Override
    public Integer call() throws Exception {
        if (!what.equals("parsers")) {
            throw new IllegalArgumentException("'" + what + "' is not a benchmark; available: parsers");
        }
        PrintWriter out = spec.commandLine().getOut();
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
        out.flush();
        return ExitCodes.OK;
    }
}
