package org.norrlab.cli;

import org.norrlab.config.SiteConfig;
import org.norrlab.core.BadInputException;
import org.norrlab.store.StoreLocation;
import org.norrlab.sync.SyncService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "sync", mixinStandardHelpOptions = true, description = {
        "Copies this bench's sessions into the lab's PostgreSQL database (lab_database in config/site.yaml, or --to).",
        "Each session goes in one transaction and is found by its uid: syncing again copies only what is new or changed,",
        "and a sync cut off by a network or server failure keeps nothing half-copied. The bench's own file is only read.",
        "Calibrations, assays and control links entered on the bench go along, each once."})
final class SyncCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;
    @Option(names = "--to", paramLabel = "JDBC_URL", description = "e.g. jdbc:postgresql://labserver:5432/norrlab?user=norrlab")
    String to;
    @Option(names = "--running", description = "Also copy sessions still running (copied again, whole, once they end).")
    boolean running;

    @Override
    public Integer call() throws Exception {
        SiteConfig site = homeOptions.site();
        String url = to != null ? to : site.labDatabase().orElseThrow(() -> new BadInputException(
                "no lab database: give --to jdbc:postgresql://host:5432/db?user=... or set lab_database in config/site.yaml"));
        PrintWriter out = spec.commandLine().getOut();
        StoreLocation bench = homeOptions.store();
        if (bench.file().isEmpty()) {
            throw new BadInputException("this bench already stores its sessions in " + bench + " (session_store"
                    + " in config/site.yaml or --db): there is no local file to sync; give --db FILE for one");
        }
        SyncService.Report r = SyncService.sync(bench.file().get(), url, running, new SyncService.Listener() {
            @Override
            public void sessionDone(long localId, SyncService.Outcome outcome) {
                out.printf(Locale.ROOT, "session %d: %s%n", localId, outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                out.flush();
            }
        });
        out.printf(Locale.ROOT, "%d copied, %d replaced, %d already there, %d running (not copied); %d samples in %.2f s"
                        + " (%.0f samples/s); %d calibrations, %d assays, %d control links and %d corrections copied; %d R_u rows copied%n", r.copied().size(),
                r.replaced().size(), r.alreadyThere().size(), r.skippedRunning().size(), r.samplesCopied(), r.seconds(),
                r.samplesPerSecond(), r.inputsCopied().calibrations(), r.inputsCopied().assays(), r.inputsCopied().controls(),
                r.inputsCopied().corrections(), r.inputsCopied().resistances());
        return ExitCodes.OK;
    }
}
