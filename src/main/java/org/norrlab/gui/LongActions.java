package org.norrlab.gui;

import org.norrlab.config.SiteConfig;
import org.norrlab.importer.ImportOptions;
import org.norrlab.importer.ImportService;
import org.norrlab.importer.ImportSummary;
import org.norrlab.importer.Importer;
import org.norrlab.report.ReportWriter;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.store.SessionStore;
import org.norrlab.sync.SyncService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The window's long actions, each run by a {@link ProgressTask} and each all or nothing when cancelled: an import
 * (the same import as {@code norrlab import}) rolls its session back, a report is written into a staging folder and
 * moved into place only once whole, and a sync stops between sessions (each session is one transaction on the lab
 * database, so none is left half copied).
 */
final class LongActions {
    private static final Logger log = LoggerFactory.getLogger(LongActions.class);

    private LongActions() {
    }

    /**
     * Imports one instrument file as a new session, with the site's cell for what the file does not state, as
     * {@code norrlab import FILE} without options does. Progress: samples stored and steps done.
     */
    static ImportSummary importFile(GuiContext context, Path file, ProgressTask.Progress progress) throws Exception {
        // The file's size with the count: a file's samples are known only once it is read, so no fraction is made up.
        String name = String.format(Locale.ROOT, "%s, %.1f MB", file.getFileName(), Files.size(file) / 1e6);
        progress.done(0, 0, "Recognising the format of " + name + " …");
        Importer importer = ImportService.importerFor(file, Optional.empty());
        try (SessionStore store = context.openStore()) {
            return ImportService.importSession(store, List.of(ImportService.Input.of(file, importer)), ImportOptions.NONE,
                    context.site().cell().resolve(), SiteConfig.FILE, (samples, steps) -> {
                        progress.done(samples, 0, String.format(Locale.ROOT, "%s (%s): %,d samples stored, %d step(s)"
                                + " done", name, importer.format(), samples, steps));
                        // a safe point: the import rolls its session back on the way out
                        progress.stopIfCancelled();
                    });
        }
    }

    /** What the Sessions view says after an import. */
    static String imported(Path file, ImportSummary summary) {
        long samples = summary.steps().stream().mapToLong(s -> s.stored().sampleCount()).sum();
        return String.format(Locale.ROOT, "%s imported as session %d: %d step(s), %d samples", file.getFileName(),
                summary.sessionId(), summary.steps().size(), samples);
    }

    static String importCancelled(Path file) {
        return "Import of " + file.getFileName() + " cancelled: nothing was stored";
    }

    /** The report's steps: analysis read, figures and tables written (staged), files moved into place. */
    static final int REPORT_STEPS = 3;

    /**
     * Writes the report of {@code result} into {@code directory}: first whole into a staging folder beside it, then
     * moved into place; Cancel before the move deletes the staging folder, so the directory never holds half a report.
     */
    static List<Path> writeReport(GuiContext context, SessionAnalysis.Result result, Path directory,
                                  ProgressTask.Progress progress) throws Exception {
        Files.createDirectories(directory);
        Path staging = Files.createTempDirectory(directory, ".norrlab-report-");
        try {
            progress.done(0, REPORT_STEPS, "Writing the figures and tables of session " + result.session().id() + " …");
            List<Path> staged;
            try (SessionStore store = context.openStore()) {
                staged = ReportWriter.write(store, result, staging);
            }
            progress.done(1, REPORT_STEPS, staged.size() + " files written; moving them into " + directory + " …");
            // The last safe point: once files are moved the report is there, whole.
            progress.stopIfCancelled();
            List<Path> written = new ArrayList<>();
            for (Path file : staged) {
                Path target = directory.resolve(staging.relativize(file));
                Files.createDirectories(target.getParent());
                written.add(Files.move(file, target, StandardCopyOption.REPLACE_EXISTING));
            }
            progress.done(REPORT_STEPS, REPORT_STEPS, written.size() + " files in " + directory);
            return written;
        } finally {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Whether the window can sync: a lab database is configured and the window works on a bench's own file. */
    static boolean canSync(GuiContext context) {
        return context.site().labDatabase().isPresent() && context.database().file().isPresent();
    }

    /**
     * Copies the bench's sessions to the lab database, as {@code norrlab sync}. Progress: the session in flight and its
     * rows sent; Cancel takes effect before the next session, so every session is in the lab whole or not at all.
     */
    static SyncService.Report sync(GuiContext context, ProgressTask.Progress progress) throws Exception {
        Path bench = context.database().file().orElseThrow(() -> new IllegalStateException(
                "the window works on " + context.database() + ", not on a bench's file: there is nothing to sync from"));
        String lab = context.site().labDatabase().orElseThrow(() -> new IllegalStateException(
                "config/site.yaml names no lab_database to sync to"));
        progress.done(0, 0, "Connecting to the lab database …");
        return SyncService.sync(bench, lab, false, new SyncService.Listener() {
            private long samples;

            @Override
            public void sessionStarted(long localId, String uid, long sessionSamples) {
                progress.stopIfCancelled();   // between sessions: the one before is whole, this one not begun
                samples = sessionSamples;
                progress.done(0, sessionSamples, "Copying session " + localId + " …");
            }

            @Override
            public void samplesSent(long localId, long rowsSoFar) {
                // within a session the copy goes on: it is one transaction, and Cancel applies after it
                progress.done(Math.min(rowsSoFar, samples), samples, "Copying session " + localId
                        + (progress.cancelled() ? " (cancel after this session)" : "") + " …");
            }

            @Override
            public void sessionDone(long localId, SyncService.Outcome outcome) {
                log.info("sync: session {} {}", localId, outcome);
            }
        });
    }

    /** What the Sessions view says after a sync. */
    static String synced(SyncService.Report r) {
        return String.format(Locale.ROOT, "Synced to the lab database: %d copied, %d replaced, %d already there, %d still"
                + " running (not copied)", r.copied().size(), r.replaced().size(), r.alreadyThere().size(),
                r.skippedRunning().size());
    }
}
