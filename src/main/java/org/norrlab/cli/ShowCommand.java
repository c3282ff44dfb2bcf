package org.norrlab.cli;

import org.norrlab.report.Corrections;
import org.norrlab.report.SessionSummaries;
import org.norrlab.store.AlertDeliveryStore;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one session: settings, steps and events.")
final class ShowCommand implements Callable<Integer> {
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
            Corrections corrected = Corrections.read(store, sessionId);
            StoredSession session = corrected.session();
            var cell = session.cell();
            // A running session has no reason yet: no empty brackets then.
            String reason = session.statusReason() == null || session.statusReason().isBlank() ? ""
                    : " (" + session.statusReason() + ")";
            out.printf(Locale.ROOT, "Session %d: %s%s%n", session.id(), session.status().dbName(), reason);
            out.printf(Locale.ROOT, "Protocol: %s (%s)%n", session.protocolName(), session.protocolFile());
            out.printf(Locale.ROOT, "Instrument: %s%n", session.instrument().describe());
            out.printf(Locale.ROOT, "Run options: %s%n", session.runOptions());
            // an import's end is the import's too: nothing to say of the measurement
            out.printf(Locale.ROOT, "%s %s%s, norrlab %s%n", session.beganWord(), session.beganWhen(),
                    session.instrument().isImported() ? ""
                            : ", ended " + session.ended().map(Object::toString).orElse("—"), session.softwareVersion());
            out.println(CellText.describe(cell));
            session.sample().lines().forEach(out::println);
            CellText.sources(cell, session.runOptions()).ifPresent(out::println);
            corrected.trail().forEach(c -> out.println("Corrected: " + c.describe()));
            StepTablePrinter.print(out, SessionSummaries.of(store, session.id()));
            var events = store.events(session.id());
            if (!events.isEmpty()) {
                out.println("Events:");
                for (StoredEvent event : events) {
                    out.printf(Locale.ROOT, "  step %d, t = %.1f s: %s %s%n", event.stepIndex(), event.event().timeSeconds(),
                            event.event().kind(), event.event().message());
                }
            }
            printAlerts(out, store.alertDeliveries().deliveries(session.id()));
            out.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * "Alerts: 4 sent, 1 failed", then one line per alert that did not go out: channel, kind, when its event happened,
     * what became of it and why. Nothing for a session that sent none (no channels configured).
     */
    static void printAlerts(PrintWriter out, List<AlertDeliveryStore.Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        long sent = deliveries.stream().filter(d -> d.outcome() == AlertDeliveryStore.Outcome.SENT).count();
        long failed = deliveries.stream().filter(d -> d.outcome() == AlertDeliveryStore.Outcome.FAILED).count();
        out.println("Alerts: " + new AlertDeliveryStore.Tally(sent, failed, deliveries.size() - sent - failed).words());
        for (AlertDeliveryStore.Delivery d : deliveries) {
            if (d.outcome() != AlertDeliveryStore.Outcome.SENT) {
                out.printf(Locale.ROOT, "  %s on %s, event at %s: %s after %d attempt%s: %s%n", d.kind(), d.channel(),
                        d.event().truncatedTo(ChronoUnit.SECONDS), d.outcome().dbName(), d.attempts(),
                        d.attempts() == 1 ? "" : "s", d.reason());
            }
        }
    }
}
