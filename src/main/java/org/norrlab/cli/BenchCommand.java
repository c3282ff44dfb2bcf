package org.norrlab.cli;

import org.norrlab.bench.BenchFiles;
import org.norrlab.bench.ExportBench;
import org.norrlab.bench.ImportDuringRunBench;
import org.norrlab.bench.LabBench;
import org.norrlab.bench.LagBench;
import org.norrlab.bench.LongRunBench;
import org.norrlab.bench.ParserBench;
import org.norrlab.bench.PipelineBench;
import org.norrlab.bench.ReplayBench;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.BadInputException;
import org.norrlab.driver.Speed;
import org.norrlab.gui.ChartBench;
import org.norrlab.gui.GuiContext;
import org.norrlab.gui.WindowBench;
import org.norrlab.store.StoreLocation;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true, description = {
        "Measures norrlab's stages against their limits, each with its reference in the same run.",
        "WHAT: parsers (JMH), pipeline, long-run, replay, chart, lag, export, or all (every one, then a table of ratios);",
        "lab: four simulated benches at max speed into one store (an SQLite file in --work-dir, or --db URL), per bench;",
        "import-during-run: a 1 M-row import into the SQLite file a simulated run writes, and the run's samples kept."})
final class BenchCommand implements Callable<Integer> {
    /** The size of every stage: full for the figures in BENCHMARKS.md, tiny to check that the command works. */
    enum Size { FULL, TINY }

    /** Target figures, from issue 9. */
    static final double PARSER_TARGET = 100;
    static final double PIPELINE_TARGET = 0.8;
    static final double REPLAY_TARGET_S = 3;
    static final double ANALYSIS_TARGET_S = 1;
    static final double REPAINT_TARGET_MS = 50;
    static final double LAG_TARGET_MS = 5;
    static final double COMMERCIAL_LAG_MS = 50;
    static final long HEAP_TARGET_BYTES = 128L << 20;

    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;
    @Parameters(index = "0", paramLabel = "WHAT", description = "parsers, pipeline, long-run, replay, chart, lag, export, all, lab or import-during-run.")
    String what;
    @Option(names = "--size", defaultValue = "full", description = "full or tiny (default: ${DEFAULT-VALUE}).")
    String size;
    @Option(names = "--window", description = "long-run: run it through the real window (needs a display, e.g. xvfb-run).")
    boolean window;
    @Option(names = "--work-dir", defaultValue = "target/bench", description = "Where the benchmark databases go (default: ${DEFAULT-VALUE}).")
    Path workDir;

    private Size sized() {
        return Size.valueOf(size.toUpperCase(Locale.ROOT));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SiteConfig site = homeOptions.site();
        Files.createDirectories(workDir);
        Size s = sized();
        switch (what) {
            case "parsers" -> print(out, parsers(s));
            case "pipeline" -> out.println(pipeline(site, s));
            case "long-run" -> {
                if (window) {
                    Path protocol = LongRunBench.writeProtocol(hours(s), 10, workDir);
                    Path db = BenchFiles.freshDatabase(workDir.resolve("window-run.db"));
                    out.println(WindowBench.run(new GuiContext(site, StoreLocation.file(db)), protocol));
                } else {
                    out.println(LongRunBench.run(site, hours(s), 10, workDir));
                }
            }
            case "replay" -> out.println(ReplayBench.run(site, s == Size.FULL ? 12 : 0.05, workDir));
            case "chart" -> out.println(chart(s));
            case "lag" -> {
                out.println("at 1000x real time: " + LagBench.run(site, lagSteps(s), LAG_SPEED, workDir));
                out.println("at max speed: " + LagBench.run(site, lagSteps(s), Speed.MAX, workDir));
            }
            case "lab" -> out.println(LabBench.run(site, labStore(), 4, s == Size.FULL ? 120 : 0.5, workDir));
            case "import-during-run" -> out.println(ImportDuringRunBench.run(site, s == Size.FULL ? 1_000_000 : 20_000, workDir));
            case "export" -> out.println(export(site, s));
            case "all" -> all(out, site, s);
            default -> throw new BadInputException("'" + what + "' is not a benchmark; available: parsers, pipeline,"
                    + " long-run, replay, chart, lag, export, all, lab, import-during-run");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The lab benchmark's store: --db if given (e.g. a PostgreSQL URL; its sessions are added to, never
     * deleted), else its own SQLite file in the work folder, started fresh.
     */
    private StoreLocation labStore() throws Exception {
        return homeOptions.database != null ? homeOptions.store()
                : StoreLocation.file(BenchFiles.freshDatabase(workDir.resolve("lab-bench.db")));
    }

    /** 2 s steps at 10 ms: 200 samples each; at 1000x that is 100 000 samples/s, a third of what the store takes. */
    static final Speed LAG_SPEED = new Speed(1000);

    private static int lagSteps(Size s) {
        return s == Size.FULL ? 200 : 10;
    }

    private static double hours(Size s) {
        return s == Size.FULL ? 24 : 0.01;
    }

    private static ParserBench.Result[] parsers(Size s) throws Exception {
        return s == Size.FULL ? ParserBench.run(1, 3, 5, TimeValue.seconds(2))
                : ParserBench.run(0, 1, 1, TimeValue.milliseconds(100));
    }

    private static void print(PrintWriter out, ParserBench.Result[] results) {
        for (ParserBench.Result r : results) {
            out.println(r);
        }
    }

    private PipelineBench.Result pipeline(SiteConfig site, Size s) throws Exception {
        return PipelineBench.run(site, s == Size.FULL ? 1_000_000 : 20_000, workDir);
    }

    private static ChartBench.Result chart(Size s) {
        return s == Size.FULL ? ChartBench.run(1_000_000, 200, 1400, 800) : ChartBench.run(20_000, 4, 1400, 800);
    }

    /** Every stage in one run, then one table: measured, its reference, the ratio, the target. */
    private void all(PrintWriter out, SiteConfig site, Size s) throws Exception {
        TextTable table = new TextTable("stage", "measured", "reference (same run)", "ratio", "target", "met");
        out.println("norrlab bench all --size " + s.name().toLowerCase(Locale.ROOT) + ": "
                + Runtime.getRuntime().availableProcessors() + " cores, JVM max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB, Java " + System.getProperty("java.version"));
        out.flush();

        ParserBench.Result[] parsers = parsers(s);
        print(out, parsers);
        for (ParserBench.Result r : parsers) {
            table.row("parser: " + r.parser(), f("%,.0f lines/s", r.linesPerSecond()),
                    f("wire %,.0f lines/s", r.wireLinesPerSecond()), f("%,.0f×", r.ratio()), "≥ 100×",
                    met(r.ratio() >= PARSER_TARGET));
        }

        PipelineBench.Result pipeline = pipeline(site, s);
        out.println(pipeline);
        table.row("pipeline → SQLite", f("%,.0f samples/s", pipeline.pipelinePerSecond()),
                f("plain JDBC batch %,.0f samples/s", pipeline.plainPerSecond()), f("%.2f×", pipeline.ratio()), "≥ 0.8×",
                met(pipeline.ratio() >= PIPELINE_TARGET));
        double fastestInstrument = parsers[0].wireLinesPerSecond();
        table.row("pipeline vs instrument", f("%,.0f samples/s", pipeline.pipelinePerSecond()),
                f("EmStat4 wire %,.0f samples/s", fastestInstrument), f("%,.0f×", pipeline.pipelinePerSecond() / fastestInstrument),
                "≥ 100×", met(pipeline.pipelinePerSecond() / fastestInstrument >= PARSER_TARGET));
        out.flush();

        LongRunBench.Result day = LongRunBench.run(site, hours(s), 10, workDir);
        out.println(day);
        boolean limited = day.maxHeapBytes() <= HEAP_TARGET_BYTES * 1.05;
        table.row(f("%.3g h at 100 Hz, max speed", hours(s)), f("peak heap %.1f MiB", day.peakHeapBytes() / 1048576.0),
                f("JVM limit %.0f MiB", day.maxHeapBytes() / 1048576.0), f("%.2f", (double) day.peakHeapBytes() / day.maxHeapBytes()),
                "no OOM in 128 MiB", limited ? "yes" : "not checked (run with NORRLAB_JAVA_OPTS=-Xmx128m)");
        double analysis = ReplayBench.analysisSeconds(workDir.resolve("long-run.db"), 1);
        out.println(f("analysis of the %.3g h session (%d samples): %.3f s", hours(s), day.samples(), analysis));
        table.row(f("analysis of %.3g h at 100 Hz", hours(s)), f("%.3f s", analysis), "1 s", f("%.2f", analysis / ANALYSIS_TARGET_S),
                "< 1 s", met(analysis < ANALYSIS_TARGET_S));
        out.flush();

        ReplayBench.Result replay = ReplayBench.run(site, s == Size.FULL ? 12 : 0.05, workDir);
        out.println(replay);
        table.row(f("replay %.3g h (simulator seed)", replay.instrumentHours()), f("%.2f s", replay.simulatorReplaySeconds()),
                "3 s", f("%.2f", replay.simulatorReplaySeconds() / REPLAY_TARGET_S), "< 3 s",
                met(replay.simulatorReplaySeconds() < REPLAY_TARGET_S));
        table.row(f("replay %.3g h (stored samples)", replay.instrumentHours()), f("%.2f s", replay.storedReplaySeconds()),
                "3 s", f("%.2f", replay.storedReplaySeconds() / REPLAY_TARGET_S), "< 3 s",
                met(replay.storedReplaySeconds() < REPLAY_TARGET_S));
        out.flush();

        ChartBench.Result chart = chart(s);
        out.println(chart);
        table.row(f("chart repaint after %,d samples", chart.samples()), f("%.1f ms (max %.1f)", chart.meanMillis(), chart.maxMillis()),
                "50 ms", f("%.2f", chart.maxMillis() / REPAINT_TARGET_MS), "< 50 ms", met(chart.maxMillis() < REPAINT_TARGET_MS));

        LagBench.Result lag = LagBench.run(site, lagSteps(s), LAG_SPEED, workDir);
        out.println("at 1000x real time: " + lag);
        LagBench.Result lagMax = LagBench.run(site, lagSteps(s), Speed.MAX, workDir);
        out.println("at max speed: " + lagMax);
        table.row("step-to-step lag (1000× real time)", f("%.2f ms (max %.2f)", lag.meanMillis(), lag.maxMillis()),
                "commercial suite ~50 ms", f("%.0f× faster", COMMERCIAL_LAG_MS / lag.meanMillis()), "≤ 5 ms",
                met(lag.maxMillis() <= LAG_TARGET_MS));
        table.row("step-to-step lag (max speed, queue full)", f("%.2f ms (max %.2f)", lagMax.meanMillis(), lagMax.maxMillis()),
                "commercial suite ~50 ms", f("%.0f× faster", COMMERCIAL_LAG_MS / lagMax.meanMillis()), "(backpressure)", "—");
        exportRows(out, table, site, s);
        out.println();
        table.print(out);
    }

    /** Issue 23: a 1 M-sample CSV export as a whole process, at most 1.5 s, memory flat in session size. */
    static final double EXPORT_TARGET_S = 1.5;
    /** Peak RSS for 10× the samples over that for 1×: "flat" allows the JVM's own noise, not growth with the session. */
    static final double EXPORT_MEMORY_GROWTH = 1.2;

    private ExportBench.Result export(SiteConfig site, Size s) throws Exception {
        return s == Size.FULL ? ExportBench.run(site, 1_000_000, 3, workDir.resolve("export"))
                : ExportBench.run(site, 20_000, 1, workDir.resolve("export"));
    }

    private void exportRows(PrintWriter out, TextTable table, SiteConfig site, Size s) throws Exception {
        ExportBench.Result export = export(site, s);
        out.println(export);
        table.row(f("export csv, %,d samples (whole process)", export.samples()), f("%.2f s", export.export().medianSeconds()),
                f("plain buffered write %.3f s", export.plainSeconds()), f("%.0f×", export.ratio()), "≤ 1.5 s",
                met(export.export().medianSeconds() <= EXPORT_TARGET_S));
        table.row("export csv, peak RSS", f("%.0f MiB (%,d samples)", export.peakRssBytes() / 1048576.0, export.samples()),
                f("%.0f MiB (%,d samples)", export.smallRssBytes() / 1048576.0, export.smallSamples()),
                f("%.2f", export.memoryGrowth()), "flat (≤ 1.2)", export.smallRssBytes() == 0 ? "not measured (no /proc)"
                        : met(export.memoryGrowth() <= EXPORT_MEMORY_GROWTH));
        out.flush();
    }

    private static String met(boolean yes) {
        return yes ? "yes" : "NO";
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
