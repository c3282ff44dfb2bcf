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
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
