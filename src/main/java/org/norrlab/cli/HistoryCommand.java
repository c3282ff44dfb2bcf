package org.norrlab.cli;

import org.norrlab.report.TextTable;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredCorrection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists what was corrected in a session after its run (its assays and its cell values): what, old and"
                + " new value, why, who and when.")
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;
    @Parameters(index = "0", paramLabel = "SESSION", description = "Session id (see 'norrlab sessions').")
    long sessionId;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (SessionStore store = homeOptions.openStoreForReading()) {
            Lookup.find(store, sessionId);
            List<StoredCorrection> trail = store.corrections().corrections(sessionId);
            if (trail.isEmpty()) {
                out.printf("Session %d has no corrections: every value is as the run recorded it.%n", sessionId);
            } else {
                TextTable table = new TextTable("when (UTC)", "what", "old", "new", "operator", "reason");
                for (StoredCorrection c : trail) {
                    table.row(c.created().toString(), c.what(), c.oldValue(),
                            c.field().equals(StoredCorrection.REMOVED) ? "—" : c.newValue()
                                    + c.replacementId().map(r -> " (assay " + r + ")").orElse(""),
                            c.operator().isEmpty() ? "—" : c.operator(), c.reason());
                }
                table.print(out);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
