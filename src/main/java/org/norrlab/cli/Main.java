package org.norrlab.cli;

import org.norrlab.config.SiteConfig;
import picocli.CommandLine;

import java.nio.file.Path;

/**
 * Entry point. Logging is configured before the first logger exists: the log file goes to the data
 * directory named in config/site.yaml, and config/logback.xml decides the rest.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Path home = Home.resolve();
        prepareLogging(home);
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
        System.exit(commandLine().execute(args));
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

    /** The configured command line; tests call {@code execute} on it directly. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new NorrlabCommand());
        cli.setExecutionExceptionHandler(new ErrorReport());
        cli.setParameterExceptionHandler(new PlainParameterErrors(cli.getParameterExceptionHandler()));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
