package org.norrlab.cli;

import org.norrlab.core.BadInputException;
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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
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

    @Override
    public Integer call() throws Exception {
        try (SessionStore store = homeOptions.openStoreForReading()) {
            StoredSession session = Lookup.find(store, sessionId);
            if (output == null) {
                SessionExporter.write(store, session, format, System.out);
            } else {
                try (OutputStream file = new BufferedOutputStream(openOutput())) {
                    SessionExporter.write(store, session, format, file);
                }
                spec.commandLine().getErr().println("Wrote session " + sessionId + " to " + output.toAbsolutePath());
            }
        }
        return ExitCodes.OK;
    }

    /**
     * The file -o names, opened for writing; a path that cannot be written is the operator's to change, so it is
     * refused as bad input naming the folder or file and what to give instead.
     */
    private OutputStream openOutput() throws IOException {
        Path file = output.toAbsolutePath();
        String example = "session-" + sessionId + "." + format.name().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(file)) {
            throw new BadInputException("-o " + file + " is a folder; give a file in it, e.g. -o " + file.resolve(example));
        }
        Path folder = file.getParent();
        if (Files.isRegularFile(folder)) {
            throw new BadInputException("-o " + file + ": " + folder + " is a file, not a folder; give -o a file in a folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("-o " + file + ": the folder " + folder + " does not exist; create it first (mkdir -p "
                    + folder + ") or give -o a file in a folder that exists");
        }
        try {
            return Files.newOutputStream(file);
        } catch (AccessDeniedException e) {
            throw new BadInputException("-o " + file + ": cannot write there (permission denied); give -o a file in a folder"
                    + " you can write", e);
        } catch (FileSystemException e) {
            throw new BadInputException("-o " + file + ": cannot write there (" + e.getReason()
                    + "); give -o a file in a folder you can write", e);
        }
    }
}
