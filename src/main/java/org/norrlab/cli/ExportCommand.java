package org.norrlab.cli;

import org.norrlab.report.SessionExporter;
import org.norrlab.store.SqliteStore;
import org.norrlab.store.StoredSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a session as CSV (with a commented metadata header), JSON, or JSON Lines; CSV and JSON Lines import back.")
final class ExportCommand implements Callable<Integer> {
    enum Format { CSV, JSON, JSONL }

    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions homeOptions;

    @Parameters(index = "0", paramLabel = "SESSION", description = "Session id (see 'norrlab sessions').")
    long sessionId;

    @Option(names = "--format", defaultValue = "csv", description = "csv, json or jsonl (JSON Lines) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        try (SqliteStore store = homeOptions.openStore()) {
            StoredSession session = Lookup.find(store, sessionId);
            if (output == null) {
                write(store, session, System.out);
            } else {
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(output))) {
                    write(store, session, file);
                }
                spec.commandLine().getErr().println("Wrote session " + sessionId + " to " + output.toAbsolutePath());
            }
        }
        return ExitCodes.OK;
    }

    private void write(SqliteStore store, StoredSession session, OutputStream out) throws Exception {
        switch (format) {
            case CSV -> {
                PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                SessionExporter.csv(store, session, writer);
                writer.flush();
            }
            case JSON -> {
                SessionExporter.json(store, session, nonClosing(out));
                out.flush();
            }
            case JSONL -> {
                SessionExporter.jsonLines(store, session, out);
                out.flush();
            }
        }
    }

    /** Jackson closes its target; standard output must stay open. */
    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws java.io.IOException {
                out.flush();
            }
        };
    }
}
