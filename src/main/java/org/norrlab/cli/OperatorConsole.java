package org.norrlab.cli;

import org.norrlab.core.BadInputException;
import org.norrlab.core.Units;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;
import org.norrlab.run.PreparedRun;
import org.norrlab.scheduler.OperatorCall;
import org.norrlab.scheduler.OperatorGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The terminal side of a hold: the refusal of a protocol with holds when nobody can answer (standard input is not a
 * terminal and the run is not unattended), the message in a box that cannot be missed, and Enter to continue.
 */
final class OperatorConsole {
    private static final Logger log = LoggerFactory.getLogger(OperatorConsole.class);

    /** Standard input as the run sees it; tests give their own. */
    interface StandardInput {
        /** Whether a person can type into it (a terminal). */
        boolean isTerminal();

        InputStream stream();

        StandardInput SYSTEM = new StandardInput() {
            @Override
            public boolean isTerminal() {
                // null when standard input or output is redirected: a pipe, a file, CI, a benchmark (also a run
                // piped into tee from a terminal, which is refused too: say --unattended there). Java 17's rule;
                // from Java 22 System.console() is not null when redirected and Console.isTerminal() would be asked.
                return System.console() != null;
            }

            @Override
            public InputStream stream() {
                return System.in;
            }
        };
    }

    private OperatorConsole() {
    }

    /**
     * Refuses, before anything starts, a plan whose holds would wait for nobody: not unattended, and no terminal
     * to press Enter in. Also refuses {@code --unattended} for a hold that does not say what to do without anyone.
     */
    static void checkSomeoneCanAnswer(Plan plan, boolean unattendedAsked, StandardInput input) {
        List<PlannedStep.Hold> holds = plan.holds();
        if (holds.isEmpty()) {
            return;
        }
        if (unattendedAsked || plan.unattended()) {
            for (PlannedStep.Hold hold : holds) {
                if (hold.onTimeout().isEmpty()) {
                    throw new BadInputException("the hold at step " + hold.index() + " (" + where(hold) + ": '"
                            + hold.message() + "') has no on_timeout, so an unattended run cannot know whether to go on"
                            + " or stop there; give it timeout and on_timeout: continue or abort, or run without --unattended");
                }
            }
            return;
        }
        if (!input.isTerminal()) {
            PlannedStep.Hold first = holds.get(0);
            throw new BadInputException("the protocol waits for the operator at " + holds.size()
                    + (holds.size() == 1 ? " hold" : " holds") + ", the first at step " + first.index() + " ("
                    + where(first) + ": '" + first.message() + "'), and standard input is not a terminal, so nobody"
                    + " could press Enter; nothing was started. Run it from a terminal, or with --unattended, where each"
                    + " hold follows its on_timeout at once (" + whatUnattendedDoes(holds) + ")");
        }
    }

    private static String where(PlannedStep.Hold hold) {
        return hold.source().file() + ":" + hold.source().line();
    }

    /** "step 2: continue, step 4: abort, step 6: refused (no on_timeout)" */
    private static String whatUnattendedDoes(List<PlannedStep.Hold> holds) {
        return holds.stream().map(h -> "step " + h.index() + ": " + h.onTimeout().map(PlannedStep.Hold.OnTimeout::written)
                .orElse("refused, it has no on_timeout")).collect(Collectors.joining(", "));
    }

    /**
     * Shows each hold of {@code run} on {@code out} and continues it when a line (Enter) comes on {@code input}.
     * The reader is a daemon thread: it stays blocked on a terminal nobody types into and ends with the process.
     */
    static void attach(PreparedRun run, PrintWriter out, InputStream input) {
        OperatorCall call = run.operator();
        call.addWatcher(new OperatorCall.Watcher() {
            @Override
            public void holdStarted(PlannedStep.Hold hold, Optional<Duration> timeout) {
                out.println();
                out.println(box(hold, timeout, run.sessionId()));
                out.flush();
            }

            @Override
            public void holdEnded(PlannedStep.Hold hold, OperatorGate.ContinuedBy by) {
                out.println("Hold at step " + hold.index() + " ended: " + switch (by) {
                    case OPERATOR -> "continued by the operator.";
                    case TIMEOUT -> "the timeout ran out.";
                    case UNATTENDED -> "unattended run.";
                    case ABORTED -> "the run is being aborted.";
                });
                out.flush();
            }
        });
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
                while (lines.readLine() != null) {
                    if (!call.continueHold()) {
                        log.debug("Enter pressed while the run is not waiting at a hold; ignored");
                    }
                }
            } catch (IOException e) {
                log.warn("standard input cannot be read: holds can be continued with 'norrlab continue' only", e);
            }
        }, "operator-enter");
        reader.setDaemon(true);
        reader.start();
    }

    /** The hold's message in a box, the cell's state, the timeout and how to go on. */
    static String box(PlannedStep.Hold hold, Optional<Duration> timeout, long sessionId) {
        List<String> lines = List.of(
                "WAITING FOR THE OPERATOR (step " + hold.index() + ")",
                "",
                hold.message(),
                "",
                "Cell: " + (hold.cell() == PlannedStep.Hold.HoldCell.OCP ? "off, open-circuit potential recorded"
                        : "off"),
                "Timeout: " + timeout.map(t -> Units.formatDuration(t) + ", then "
                        + hold.onTimeout().orElse(PlannedStep.Hold.OnTimeout.ABORT).written()).orElse("none, waits until continued"),
                "Press Enter to continue (or run 'norrlab continue " + (sessionId > 0 ? sessionId : "SESSION")
                        + "' in another terminal); Ctrl-C aborts.");
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        String rule = "#".repeat(width + 4);
        StringBuilder text = new StringBuilder(rule).append('\n');
        for (String line : lines) {
            text.append(String.format(Locale.ROOT, "# %-" + width + "s #%n", line));
        }
        return text.append(rule).toString();
    }
}
