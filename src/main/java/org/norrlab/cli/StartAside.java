package org.norrlab.cli;

import org.norrlab.config.ConfigException;
import org.norrlab.config.YamlFiles;
import org.norrlab.store.LoadAhead;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a command that opens a store or plans needs before its first step, done on a thread of its own while the main
 * thread builds the command line (issue 23: each part was 0.05–0.15 s of a 2-core machine's start, one after the
 * other on the main thread): SLF4J bound to Logback; for a run (and replay, resume, continue), Logback configured from
 * config/logback.xml on one more thread (the first line logged waits for it); the YAML parser loaded; sqlite-jdbc
 * and the session records' JSON mapping loaded ({@link LoadAhead}). {@code plan}, which opens no store, loads the
 * YAML parser only (3 % of its start, paired runs). Java's number formatting is warmed too. The YAML parser, the JSON
 * mapping and the formatting are loaded by whichever thread comes to them first: the main thread takes them once its
 * command line is built rather than wait idle.
 *
 * <p>The main thread waits for all of it ({@link #awaitReady}) before the command runs: a logger used while
 * SLF4J binds is a stand-in whose calls are recorded and replayed afterwards with a warning on stderr (sqlite-jdbc asks
 * "is TRACE on?" before every statement), and a logger used here while the command's first line configures Logback
 * once added a line to what the user sees. While the command line is built, loggers are only made, never used.
 */
final class StartAside implements Runnable {
    /**
     * Commands that log from their first steps (a run's start, its acquisition), for which Logback is configured on a
     * thread of its own at once. Not import: into an existing store a successful import logs nothing, and configuring
     * Logback anyway cost it 0.12 s of CPU on a 2-core machine (a 10-row import 0.92× without, 16 pairs); into a new
     * file its one line (the schema made) configures Logback then, on the main thread.
     */
    static final Set<String> LOGGING_AT_ONCE = Set.of("run", "replay", "resume", "continue");

    /** Commands that open a store soon after their command line is parsed. Not the status page: it opens it later. */
    static final Set<String> STORE_READERS = Set.of("sessions", "show", "analyze", "report", "export", "import", "replay",
            "run", "resume", "continue", "sync", "assay");

    private final String command;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicBoolean yamlTaken = new AtomicBoolean();
    private final AtomicBoolean recordsTaken = new AtomicBoolean();
    private final AtomicBoolean formatTaken = new AtomicBoolean();

    private StartAside(String command) {
        this.command = command;
    }

    /** Starts the work aside for {@code command}, or returns null when it neither opens a store nor plans. */
    static StartAside startFor(String command) {
        if (!STORE_READERS.contains(command) && !command.equals("plan")) {
            return null;
        }
        StartAside aside = new StartAside(command);
        Thread thread = new Thread(aside, "start-aside");
        thread.setDaemon(true);
        thread.start();
        return aside;
    }

    @Override
    public void run() {
        boolean store = STORE_READERS.contains(command);
        try {
            if (store) {
                LoggerFactory.getILoggerFactory();
            }
            if (LOGGING_AT_ONCE.contains(command)) {
                Thread thread = new Thread(new LoggingSetUp(), "logging-set-up");
                thread.setDaemon(true);
                thread.start();
            }
            if (store) {
                LoadAhead.sqlite();
            }
            loadUntaken(false);
        } finally {
            // the command runs only after all of it: sqlite-jdbc asking a logger on this thread while the command's
            // first line configures Logback once added a line of Logback's own to a failing log file's one warning
            done.countDown();
        }
    }

    /**
     * The YAML parser's classes, loaded by parsing a line: config/site.yaml (every command here reads it) and a
     * protocol (plan, run) are read right after the command line is built. A class of its own: StartAside loads for
     * every command, --version too, and its code must not name the config classes.
     */
    private static final class YamlAhead {
        static void read() {
            try {
                YamlFiles.parse(Path.of("loading-ahead.yaml"), "step: {potential: -0.5 V vs RHE, list: [1, 2]}\n");
            } catch (ConfigException e) {
                throw new IllegalStateException("the YAML parser refused a line written to be valid: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The parts that use no logger, each on whichever thread comes to it first: this one after sqlite-jdbc, or the
     * main thread once the command line is built, which would otherwise wait idle for this one (sessions: 0.03–0.06 s
     * on a 2-core machine). Safe on the main thread while SLF4J binds here: no logger is used. They are the YAML
     * parser; Jackson's mapping of the session records (for a store command other than the listing of sessions, which
     * reads two JSON fields without object mapping); and Java's number formatting, whose first use costs 0.03 s
     * (locale data, the format parser) and which every command here prints with. {@code onMain}: the main thread
     * takes the YAML parser first (it reads config/site.yaml first), this thread takes it last.
     */
    private void loadUntaken(boolean onMain) {
        boolean records = STORE_READERS.contains(command) && !command.equals("sessions");
        if (onMain && yamlTaken.compareAndSet(false, true)) {
            YamlAhead.read();
        }
        if (records && recordsTaken.compareAndSet(false, true)) {
            LoadAhead.sessionRecords();
        }
        if (formatTaken.compareAndSet(false, true)) {
            formatNumbers();
        }
        if (!onMain && yamlTaken.compareAndSet(false, true)) {
            YamlAhead.read();
        }
    }

    /** A line formatted as the commands format theirs: fixed decimals, grouped digits, widths, in Locale.ROOT. */
    static String formatNumbers() {
        return String.format(Locale.ROOT, "%.3f V %,d %-6s|%5.1f%% %8.2e", -0.5, 12_345, "step", 12.5, 1.5e-9);
    }

    /**
     * Returns once the work aside is done (or failed, which the command then meets again where it needs it), doing
     * meanwhile the parts this thread has not begun.
     */
    void awaitReady() {
        loadUntaken(true);
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads config/logback.xml and opens the log file: about a tenth of a second (the rolling file appender, its
     * patterns) that the first line logged would otherwise wait for. As a class rather than a lambda: a lambda's first
     * use costs a start ~20 ms.
     */
    private static final class LoggingSetUp implements Runnable {
        @Override
        public void run() {
            // asking a level is a first use: DeferredLogSetup configures Logback then
            LoggerFactory.getLogger(Main.class).isInfoEnabled();
        }
    }
}
