package org.norrlab.cli;

import org.norrlab.Version;
import picocli.CommandLine.Command;

/** The top-level command; its subcommands are registered from {@link Subcommands}, only those a start needs. */
@Command(name = "norrlab", mixinStandardHelpOptions = true, versionProvider = NorrlabCommand.VersionProvider.class,
        description = "Runs NO-to-ammonia reduction (NORR) experiments on potentiostats, end to end.")
public final class NorrlabCommand extends CommandGroup {
    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"norrlab " + Version.current()};
        }
    }
}
