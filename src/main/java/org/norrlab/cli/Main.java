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
        System.exit(execute(args));
    }

    /**
     * Runs {@code norrlab ARGS} as a start does and returns its exit code; the build's archive training
     * (ArchiveTraining) runs its commands through here, so that an archive holds what a real start loads.
     */
    static int execute(String[] args) {
        Path home = Home.resolve();
        DeferredLogSetup.beforeConfiguring(new LoggingPreparation(home), logbackFile(home));
        for (String arg : args) {
            if (arg.indexOf('\uFFFD') >= 0) {
                // Java decoded the argument in an ASCII locale (LC_ALL=C) and lost its é or µ: nothing can open it.
                System.err.println("Bad input: the argument '" + arg + "' has characters that are not ASCII, which Java"
                        + " cannot read in the locale's character set " + System.getProperty("sun.jnu.encoding")
                        + " (LC_ALL=C or POSIX); run norrlab through bin/norrlab, which chooses a UTF-8 locale, or set"
                        + " LC_ALL=C.UTF-8");
                return ExitCodes.BAD_INPUT;
            }
        }
        StartAside aside = args.length > 0 ? StartAside.startFor(args[0]) : null;
        CommandLine cli = commandLine(args);
        if (aside != null) {
            aside.awaitReady();
        }
        return cli.execute(args);
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
