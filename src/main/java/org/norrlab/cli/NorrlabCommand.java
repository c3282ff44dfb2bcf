package org.norrlab.cli;

import org.norrlab.Version;
import picocli.CommandLine.Command;

@Command(name = "norrlab", mixinStandardHelpOptions = true, versionProvider = NorrlabCommand.VersionProvider.class,
        description = "Runs NO-to-ammonia reduction (NORR) experiments on potentiostats, end to end.",
        subcommands = {RunCommand.class, PlanCommand.class, SessionsCommand.class, ShowCommand.class,
                ExportCommand.class, CalibCommand.class, AssayCommand.class, AliquotCommand.class, ControlCommand.class,
                AnalyzeCommand.class, ReportCommand.class, PortsCommand.class, EmulateCommand.class,
                BenchCommand.class, ReplayCommand.class, ImportCommand.class, ResumeCommand.class, ContinueCommand.class,
                GuiCommand.class, SyncCommand.class, SessionCommand.class, RuCommand.class})
public final class NorrlabCommand extends CommandGroup {
    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"norrlab " + Version.current()};
        }
    }
}
