package org.norrlab.cli;

import org.norrlab.report.TextTable;
import org.norrlab.store.AlertDeliveryStore;
import org.norrlab.store.SessionListing;
import org.norrlab.store.SessionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "sessions", mixinStandardHelpOptions = true, description = "Lists the sessions in the database.")
final class SessionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions homeOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (SessionStore store = homeOptions.openStoreForReading()) {
            store.markCutOffSessions();
            TextTable table = new TextTable("id", "started (UTC)", "status", "protocol", "instrument", "bench", "steps",
                    "sample", "alerts").leftAligned("started (UTC)", "status", "protocol", "instrument", "bench", "sample",
                    "alerts");
            // what became of each session's alerts on each channel: a night whose alerts reached nobody shows here
            Map<Long, AlertDeliveryStore.Tally> alerts = store.alertDeliveries().tallies();
            for (SessionListing session : store.listing()) {
                table.row(String.valueOf(session.id()), session.startedText(),
                        session.status().dbName(), session.protocolName(), session.instrumentModel(),
                        session.bench().orElse("—"), String.valueOf(session.steps()),
                        session.sample().isEmpty() ? "—" : session.sample(),
                        alerts.containsKey(session.id()) ? alerts.get(session.id()).words() : "—");
            }
            table.print(out);
            out.println("Database: " + store.location());
        }
        return ExitCodes.OK;
    }
}
