package org.norrlab.cli;

import org.norrlab.report.SessionExporter;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a session as CSV (with a commented metadata header), JSON, or JSON Lines; CSV and JSON Lines import back.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions homeOptions;

    @Parameters(index = "0", paramLabel = "SESSION", description = "Session id (see 'norrlab sessions').")
    long sessionId;

    @Option(names = "--format", defaultValue = "csv", description = "csv, json or jsonl (JSON Lines) (default: ${DEFAULT-VALUE}).")
    SessionExporter.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Option(names = "--force", description = "Replace the -o file if it already exists (without this, an existing file is left"
            + " alone and nothing is written).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        OutputFile file = output == null ? null
                : new OutputFile(output, "-o", "session-" + sessionId + "." + format.name().toLowerCase(Locale.ROOT));
        if (file != null) {
            file.check(homeOptions.store(), force);   // before the store is opened: its files are what it guards
        }
        try (SessionStore store = homeOptions.openStoreForReading()) {
            StoredSession session = Lookup.find(store, sessionId);
            if (file == null) {
                SessionExporter.write(store, session, format, System.out);
            } else {
                file.write(out -> SessionExporter.write(store, session, format, out));
                spec.commandLine().getErr().println("Wrote session " + sessionId + " to " + file.path());
            }
        }
        return ExitCodes.OK;
    }
}
