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

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Override
    public Integer call() throws Exception {
        try (SessionStore store = homeOptions.openStoreForReading()) {
            StoredSession session = Lookup.find(store, sessionId);
            if (output == null) {
                SessionExporter.write(store, session, format, System.out);
            } else {
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(output))) {
                    SessionExporter.write(store, session, format, file);
                }
                spec.commandLine().getErr().println("Wrote session " + sessionId + " to " + output.toAbsolutePath());
            }
        }
        return ExitCodes.OK;
    }
}
