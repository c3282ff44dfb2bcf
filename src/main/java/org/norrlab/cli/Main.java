package org.norrlab.cli;

import org.norrlab.config.SiteConfig;
import org.norrlab.logging.DeferredLogSetup;
import picocli.CommandLine;

import java.nio.file.Path;

/**
 * Entry point. Logging is configured when the first logger is asked for (DeferredLogSetup): the log file goes to
 * the data directory named in config/site.yaml, and config/logback.xml decides the rest. A command that never logs
 * reads neither file, and only the subcommand that runs is registered (Subcommands): both keep a short command's
 * start short.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Path home = Home.resolve();
        DeferredLogSetup.beforeConfiguring(new LoggingPreparation(home), logbackFile(home));
        for (String arg : args) {
            if (arg.indexOf('\uFFFD') >= 0) {
                // Java decoded the argument in an ASCII locale (LC_ALL=C) and lost its é or µ: nothing can open it.
                System.err.println("Bad input: the argument '" + arg + "' has characters that are not ASCII, which Java"
                        + " cannot read in the locale's character set " + System.getProperty("sun.jnu.encoding")
                        + " (LC_ALL=C or POSIX); run norrlab through bin/norrlab, which chooses a UTF-8 locale, or set"
                        + " LC_ALL=C.UTF-8");
                System.exit(ExitCodes.BAD_INPUT);
            }
        }
        if (args.length > 0 && STORE_READERS.contains(args[0])) {
            // SLF4J binds to Logback here, on this thread, before the threads below start: a logger asked for on two
            // threads while SLF4J binds is a stand-in whose calls are replayed later, with a warning on stderr
            // (sqlite-jdbc asks for its logger on the load-ahead thread). Logback's configuration still waits for the
            // first line logged (DeferredLogSetup).
            org.slf4j.LoggerFactory.getILoggerFactory();
            if (STORE_WRITERS.contains(args[0])) {
                setUpLoggingAside();
            }
            org.norrlab.store.LoadAhead.start(!args[0].equals("sessions"));
        }
        System.exit(commandLine(args).execute(args));
    }

    /** Commands that write sessions, which log from their first steps (a new store's schema, a run's start). */
    private static final java.util.Set<String> STORE_WRITERS = java.util.Set.of("run", "import", "replay", "resume", "continue");

    /**
     * Commands that open a store soon after their command line is parsed: its driver and JSON mapping load meanwhile
     * ({@link org.norrlab.store.LoadAhead}). Not the status page, which opens it only when a page is asked for.
     */
    private static final java.util.Set<String> STORE_READERS = java.util.Set.of("sessions", "show", "analyze", "report",
            "export", "import", "replay", "run", "resume", "continue", "sync", "assay");

    /**
     * Reads config/logback.xml and opens the log file on a thread of its own while the command line is parsed and
     * the store opened: about a tenth of a second (the rolling file appender, its patterns) that the first line
     * logged would otherwise wait for on a 2-core machine's other core (issue 23). That line waits for it to finish.
     */
    private static void setUpLoggingAside() {
        Thread thread = new Thread(new LoggingSetUp(), "logging-set-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** As a class rather than a lambda, as {@link LoggingPreparation}. */
    private static final class LoggingSetUp implements Runnable {
        @Override
        public void run() {
            // asking a level is a first use: DeferredLogSetup configures Logback then
            org.slf4j.LoggerFactory.getLogger(Main.class).isInfoEnabled();
        }
    }

    /** {@link #prepareLogging}, as a class rather than a lambda: a lambda's first use costs a start ~20 ms. */
    record LoggingPreparation(Path home) implements Runnable {
        @Override
        public void run() {
            prepareLogging(home);
        }
    }

    static void prepareLogging(Path home) {
        if (System.getProperty("norrlab.data") == null) {
            System.setProperty("norrlab.data", SiteConfig.dataDirectoryOrDefault(home).toString());
        }
        Path logback = home.resolve("config/logback.xml");
        if (System.getProperty("logback.configurationFile") == null && logback.toFile().isFile()) {
            System.setProperty("logback.configurationFile", logback.toString());
        }
    }

    /** The file Logback will read once prepared: the site's choice (-Dlogback.configurationFile) or config/logback.xml. */
    static Path logbackFile(Path home) {
        String chosen = System.getProperty("logback.configurationFile");
        if (chosen == null) {
            return home.resolve("config/logback.xml");
        }
        // a URL or a class-path resource is not read ahead: then logging is configured at the first question
        return chosen.contains(":") && !new java.io.File(chosen).isFile() ? null : Path.of(chosen);
    }

    /** The configured command line with every subcommand; tests call {@code execute} on it directly. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new NorrlabCommand());
        Subcommands.registerAll(cli);
        return configure(cli);
    }

    /** The command line {@code args} need: the subcommand they name only, or stand-ins for --help (Subcommands). */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new NorrlabCommand());
        Subcommands.registerFor(cli, args);
        return configure(cli);
    }

    /** Settings given to the parent after its subcommands exist, so that picocli hands them down to each. */
    private static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler(new ErrorReport());
        cli.setParameterExceptionHandler(new PlainParameterErrors(cli.getParameterExceptionHandler()));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
