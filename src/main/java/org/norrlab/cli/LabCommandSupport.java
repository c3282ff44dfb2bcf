package org.norrlab.cli;

import org.norrlab.config.SiteConfig;
import org.norrlab.core.BadInputException;
import org.norrlab.core.Units;
import org.norrlab.run.LabFile;
import org.norrlab.run.LabRun;
import org.norrlab.run.RunOutcome;
import org.norrlab.runalert.RunAlerts;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoreLocation;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** `norrlab run --lab`: every bench at once, one progress bar each, then one summary per bench. */
final class LabCommandSupport {
    private LabCommandSupport() {
    }

    static int run(PrintWriter out, Path file, SiteConfig site, StoreLocation database, boolean noProgress) throws Exception {
        List<LabFile.Bench> benches = LabFile.read(file, site);
        LabRun lab;
        try {
            lab = LabRun.prepare(benches, database);
        } catch (LabRun.LabRejectedException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
        out.printf(Locale.ROOT, "Lab %s: %d benches into %s%n", file.getFileName(), benches.size(), database);
        for (LabRun.BenchRun b : lab.benches()) {
            out.printf(Locale.ROOT, "  %s: %s, %d steps, %s, on %s%n", b.name(), b.run().plan().name(),
                    b.run().plan().steps().size(), Units.formatDuration(b.run().plan().totalDuration()),
                    b.run().identity().describe());
        }
        out.flush();
        Map<String, RunAlerts> alerts = new HashMap<>();
        try {
            for (LabRun.BenchRun b : lab.benches()) {
                RunAlerts.attach(site, b.run()).ifPresent(a -> alerts.put(b.name(), a));
            }
        } catch (Exception e) {
            lab.benches().forEach(b -> b.run().discard());
            throw e;
        }

        // Like a single run, the shutdown of Ctrl-C waits until every bench's summary is printed, not only until the
        // sessions are closed.
        try (InterruptHook onSignal = InterruptHook.install("lab-ctrl-c", lab::requestAbort, lab::awaitFinished,
                Duration.ofSeconds(20), List.copyOf(alerts.values()))) {
            return runAndPrint(out, lab, noProgress, alerts);
        }
    }

    private static int runAndPrint(PrintWriter out, LabRun lab, boolean noProgress, Map<String, RunAlerts> alerts)
            throws InterruptedException {
        List<ProgressDisplay> bars = new ArrayList<>();
        List<LabRun.BenchOutcome> outcomes;
        try {
            outcomes = lab.execute(b -> {
                if (noProgress) {
                    return RunListener.NONE;
                }
                ProgressDisplay bar = new ProgressDisplay(b.name(), b.run().plan(), b.run().statistics());
                bars.add(bar);
                return bar;
            });
        } finally {
            bars.forEach(ProgressDisplay::close);
        }
        for (LabRun.BenchOutcome o : outcomes) {
            RunAlerts a = alerts.get(o.name());
            if (a != null) {
                o.outcome().ifPresent(a::finished);
                o.failure().filter(StoreException.class::isInstance).map(StoreException.class::cast)
                        .ifPresent(a::storeFailed);
                a.noOutcome();
            }
        }
        // Every bench's channels at once: the lab waits one close wait, not one per bench.
        RunAlerts.closeAll(alerts.values());

        boolean allCompleted = true;
        boolean anyAborted = false;
        for (LabRun.BenchOutcome o : outcomes) {
            out.println();
            out.println("== bench " + o.name() + " ==");
            if (o.outcome().isPresent()) {
                RunOutcome r = o.outcome().get();
                RunCommand.printSummary(out, r);
                allCompleted &= r.status() == SessionStatus.COMPLETED;
                anyAborted |= r.status() == SessionStatus.ABORTED;
            } else {
                allCompleted = false;
                out.println("ended with an error: " + o.failure().map(Throwable::getMessage).orElse("unknown")
                        + " (see the log)");
            }
            RunAlerts a = alerts.get(o.name());
            if (a != null) {
                a.print(out);
            }
        }
        out.flush();
        return allCompleted ? ExitCodes.OK : anyAborted ? ExitCodes.ABORTED : ExitCodes.FAILED;
    }
}
