package org.norrlab.cli;

import org.norrlab.bench.BenchFiles;
import org.norrlab.bench.ExportBench;
import org.norrlab.bench.ImportBench;
import org.norrlab.bench.ImportDuringRunBench;
import org.norrlab.bench.LabBench;
import org.norrlab.bench.LagBench;
import org.norrlab.bench.LongRunBench;
import org.norrlab.bench.ParserBench;
import org.norrlab.bench.PipelineBench;
import org.norrlab.bench.ReplayBench;
import org.norrlab.bench.ReportBench;
import org.norrlab.bench.StartupBench;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.BadInputException;
import org.norrlab.driver.Speed;
import org.norrlab.gui.ChartBench;
import org.norrlab.gui.GuiContext;
import org.norrlab.gui.WindowBench;
import org.norrlab.report.TextTable;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true, description = {
        "Measures norrlab's stages against their limits, each with its reference in the same run.",
        "WHAT: parsers (JMH), pipeline, long-run, replay, chart, lag, startup, export, or all (every one, then a table of ratios);",
        "report: report, show and analyze of the long-run session, each a whole process, against sessions on the same store;",
        "lab: four simulated benches at max speed into one store (an SQLite file in --work-dir, or --db URL), per bench;",
        "import-during-run: a 1 M-row import into the SQLite file a simulated run writes, and the run's samples kept;",
        "import: a 1 M-row CSV imported by a new process, against a plain insert and a plain read of it (--size huge:",
        "10 M rows in -Xmx128m, memory flat in file size)."})
final class BenchCommand implements Callable<Integer> {
    /** The size of every stage: full for the figures in BENCHMARKS.md, tiny to check that the command works. */
    enum Size { FULL, TINY }

    /** Target figures, from issue 9. */
    static final double PARSER_TARGET = 100;
    /** Issue 23: MethodSCRIPT bytes → packages at 5 M lines/s or more, in JMH with 64-byte chunks. */
    static final double PARSER_LINES_TARGET = 5_000_000;
    static final double PIPELINE_TARGET = 0.8;
    /** Issue 23: a replay at max speed takes its samples at ≥ 0.9× the rate of a plain JDBC batch insert of them. */
    static final double REPLAY_TARGET = 0.9;
    static final double ANALYSIS_TARGET_S = 1;
    static final double REPAINT_TARGET_MS = 50;
    static final double LAG_TARGET_MS = 5;
    static final double COMMERCIAL_LAG_MS = 50;
    static final long HEAP_TARGET_BYTES = 128L << 20;

    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;
    @Parameters(index = "0", paramLabel = "WHAT", description = "parsers, pipeline, long-run, replay, chart, lag, startup, report, export, all, lab, import-during-run or import.")
    String what;
    @Option(names = "--size", defaultValue = "full", description = "full or tiny, or huge for import (default: ${DEFAULT-VALUE}).")
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
        if ("import".equals(what)) {
            out.println(importBench(size));
            out.flush();
            return ExitCodes.OK;
        }
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
            case "replay" -> out.println(replay(site, s));
            case "chart" -> out.println(chart(s));
            case "lag" -> {
                out.println("at 1000x real time: " + LagBench.run(site, lagSteps(s), LAG_SPEED, workDir));
                out.println("at max speed: " + LagBench.run(site, lagSteps(s), Speed.MAX, workDir));
            }
            case "lab" -> out.println(LabBench.run(site, labStore(), 4, s == Size.FULL ? 120 : 0.5, workDir));
            case "report" -> {
                LongRunBench.Result day = LongRunBench.run(site, hours(s), 10, workDir);
                out.println(day);
                out.println(report(s));
            }
            case "import-during-run" -> out.println(ImportDuringRunBench.run(site, s == Size.FULL ? 1_000_000 : 20_000, workDir));
            case "startup" -> out.println(startup(s));
            case "export" -> out.println(export(site, s));
            case "all" -> all(out, site, s);
            default -> throw new BadInputException("'" + what + "' is not a benchmark; available: parsers, pipeline,"
                    + " long-run, replay, chart, lag, startup, report, all, lab, import-during-run, import, export");
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
        parserIssue23Row(table, parsers);

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
        reportRows(out, table, s);

        replayRows(out, table, site, s);

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
        startupRows(out, table, s);
        importRows(table, out, s);
        exportRows(out, table, site, s);
        out.println();
        table.print(out);
    }

    /** Issue 23's row: the byte path in lines per second, against the String path measured in the same run. */
    private static void parserIssue23Row(TextTable table, ParserBench.Result[] parsers) {
        ParserBench.Result bytes = parsers[0];
        ParserBench.Result strings = java.util.Arrays.stream(parsers).filter(r -> r.parser().equals(ParserBench.STRING_PATH))
                .findFirst().orElseThrow();
        table.row("parser: MethodSCRIPT, issue 23", f("%,.0f lines/s", bytes.linesPerSecond()),
                f("String lines %,.0f lines/s", strings.linesPerSecond()),
                f("%.1f×", bytes.linesPerSecond() / strings.linesPerSecond()), "≥ 5 M lines/s",
                met(bytes.linesPerSecond() >= PARSER_LINES_TARGET));
    }

    /** Issue 23: the short commands as whole processes, each against java -version timed in the same run. */
    private StartupBench.Result startup(Size s) throws Exception {
        return StartupBench.run(homeOptions.home(), s == Size.FULL ? 10 : 1, workDir);
    }

    private void startupRows(PrintWriter out, TextTable table, Size s) throws Exception {
        StartupBench.Result startup = startup(s);
        out.println(startup);
        for (StartupBench.Row row : startup.rows()) {
            double seconds = row.timing().medianSeconds();
            table.row("start-up: norrlab " + row.label(), f("%.3f s", seconds),
                    f("java -version %.3f s", startup.javaVersion().medianSeconds()),
                    f("%.1f×", seconds / startup.javaVersion().medianSeconds()), f("≤ %.2f s", StartupBench.TARGET_SECONDS),
                    met(seconds <= StartupBench.TARGET_SECONDS));
        }
        out.flush();
    }

    /** 12 h at 10 Hz, best of three rounds; tiny: 3 min, one round. */
    private ReplayBench.Result replay(SiteConfig site, Size s) throws Exception {
        return s == Size.FULL ? ReplayBench.run(site, 12, 3, workDir) : ReplayBench.run(site, 0.05, 1, workDir);
    }

    /**
     * Both replays of a 12 h session at max speed (issue 23), each as a sample rate against a plain JDBC batch insert
     * of the same samples timed in the same run.
     */
    private void replayRows(PrintWriter out, TextTable table, SiteConfig site, Size s) throws Exception {
        ReplayBench.Result replay = replay(site, s);
        out.println(replay);
        String reference = f("plain JDBC batch %,.0f samples/s", replay.plainPerSecond());
        table.row(f("replay %.3g h (simulator seed)", replay.instrumentHours()),
                f("%,.0f samples/s (%.2f s)", replay.samples() / replay.simulatorReplaySeconds(), replay.simulatorReplaySeconds()),
                reference, f("%.2f×", replay.simulatorRatio()), "≥ 0.9×", met(replay.simulatorRatio() >= REPLAY_TARGET));
        table.row(f("replay %.3g h (stored samples)", replay.instrumentHours()),
                f("%,.0f samples/s (%.2f s)", replay.samples() / replay.storedReplaySeconds(), replay.storedReplaySeconds()),
                reference, f("%.2f×", replay.storedRatio()), "≥ 0.9×", met(replay.storedRatio() >= REPLAY_TARGET));
        out.flush();
    }

    /** Issue 23: report ≤ 3 s, show and analyze ≤ 0.5 s each, of the 24 h session at 100 Hz, as whole processes. */
    static final double REPORT_TARGET_S = 3;
    static final double SHOW_TARGET_S = 0.5;

    /** report, show and analyze of the long-run session in the work folder (made by long-run just before). */
    private ReportBench.Result report(Size s) throws Exception {
        return ReportBench.run(homeOptions.home(), workDir.resolve("long-run.db"), s == Size.FULL ? 5 : 1,
                workDir.resolve("report-bench"));
    }

    /** The rows of {@link #report}: each command's median against {@code sessions} on the same store, same run. */
    private void reportRows(PrintWriter out, TextTable table, Size s) throws Exception {
        ReportBench.Result r = report(s);
        out.println(r);
        double reference = r.sessions().medianSeconds();
        String sessions = f("sessions %.3f s", reference);
        table.row(f("report of %.3g h at 100 Hz (process)", hours(s)), f("%.3f s", r.report().medianSeconds()), sessions,
                f("%.2f×", r.report().medianSeconds() / reference), "≤ 3 s", met(r.report().medianSeconds() <= REPORT_TARGET_S));
        table.row(f("show of %.3g h at 100 Hz (process)", hours(s)), f("%.3f s", r.show().medianSeconds()), sessions,
                f("%.2f×", r.show().medianSeconds() / reference), "≤ 0.5 s", met(r.show().medianSeconds() <= SHOW_TARGET_S));
        table.row(f("analyze with R_u of %.3g h (process)", hours(s)), f("%.3f s", r.analyze().medianSeconds()), sessions,
                f("%.2f×", r.analyze().medianSeconds() / reference), "≤ 0.5 s",
                met(r.analyze().medianSeconds() <= SHOW_TARGET_S));
        out.flush();
    }

    static final double IMPORT_TARGET = 0.9;
    static final long IMPORT_RSS_TARGET_BYTES = 250L << 20;

    /** bench import: full (1 M rows), tiny (20 000) or huge (10 M rows in -Xmx128m: the memory does not grow with the file). */
    private ImportBench.Result importBench(String size) throws Exception {
        if ("huge".equalsIgnoreCase(size)) {
            return ImportBench.run(homeOptions.home(), 10_000_000, workDir, List.of("-Xmx128m"), 1);
        }
        boolean full = sized() == Size.FULL;
        return ImportBench.run(homeOptions.home(), full ? 1_000_000 : 20_000, workDir, List.of(), full ? 3 : 1);
    }

    /** The import rows of bench all: rate against a plain insert and a plain read of the same rows, and memory. */
    private void importRows(TextTable table, PrintWriter out, Size s) throws Exception {
        ImportBench.Result r = importBench(s.name());
        out.println(r);
        out.flush();
        table.row(f("import of %,d CSV rows (whole process)", r.rows()), f("%,.0f rows/s", r.importPerSecond()),
                f("plain JDBC batch %,.0f rows/s", r.plainPerSecond()), f("%.2f×", r.ratio()), "≥ 0.9×",
                met(r.ratio() >= IMPORT_TARGET));
        table.row("import vs reading its bytes", f("%,.0f rows/s", r.importPerSecond()),
                f("buffered read %,.0f rows/s", r.readPerSecond()), f("%.2f×", r.importPerSecond() / r.readPerSecond()),
                "—", "—");
        table.row("import peak RSS", r.peakRssBytes() < 0 ? "unknown" : f("%.0f MiB", r.peakRssBytes() / 1048576.0),
                "250 MiB", r.peakRssBytes() < 0 ? "—" : f("%.2f", (double) r.peakRssBytes() / IMPORT_RSS_TARGET_BYTES),
                "≤ 250 MiB", r.peakRssBytes() < 0 ? "not measured (no /proc)" : met(r.peakRssBytes() <= IMPORT_RSS_TARGET_BYTES));
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
