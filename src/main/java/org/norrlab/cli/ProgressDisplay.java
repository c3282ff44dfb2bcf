package org.norrlab.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.norrlab.acquisition.RunStatistics;
import org.norrlab.core.Sample;
import org.norrlab.core.Units;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;
import org.norrlab.scheduler.RunListener;
import org.norrlab.scheduler.RunState;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The terminal progress bar of a run: progress in instrument time over the whole plan, with the
 * current step, its potential and the latest current. It reads statistics snapshots five times a
 * second and so never slows acquisition, however slow the terminal.
 */
final class ProgressDisplay implements RunListener, AutoCloseable {
    private final Plan plan;
    private final RunStatistics statistics;
    private final ProgressBar bar;
    private final ScheduledExecutorService ticker;
    private volatile PlannedStep current;
    private volatile long completedMillis;
    /** The last step that ended: its time is in {@link #completedMillis} and must not be counted again. */
    private volatile int endedIndex;
    private volatile RunState state = RunState.IDLE;
    /** The longest message shown so far (the ticker's, and close's last refresh). */
    private volatile int widestMessage;

    ProgressDisplay(Plan plan, RunStatistics statistics) {
        this("NORR run", plan, statistics);
    }

    /** One bar per bench when several run at once: the library stacks bars on an interactive console. */
    ProgressDisplay(String taskName, Plan plan, RunStatistics statistics) {
        this.plan = plan;
        this.statistics = statistics;
        this.bar = new ProgressBarBuilder()
                .setTaskName(taskName)
                .setInitialMax(plan.totalDuration().toMillis())
                .setUnit(" s", 1000)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setMaxRenderedLength(160)
                .build();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress-display");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::refresh, 0, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stepStarted(PlannedStep step) {
        current = step;
    }

    @Override
    public void stateChanged(RunState now) {
        state = now;
    }

    @Override
    public void stepEnded(PlannedStep step, MeasurementEnd end) {
        // An aborted step counts for the time it ran, not the time it was planned for; marked ended first, so a
        // refresh in between shows a moment too little rather than the step twice.
        endedIndex = step.index();
        completedMillis += (long) (end.lastTimeSeconds() * 1000);
    }

    private void refresh() {
        PlannedStep step = current;
        if (step == null) {
            return;
        }
        RunStatistics.Snapshot snapshot = statistics.snapshot();
        long inStep = snapshot.stepIndex() == step.index() && endedIndex != step.index()
                ? snapshot.latest().map(s -> (long) (s.timeSeconds() * 1000)).orElse(0L) : 0;
        bar.stepTo(Math.min(completedMillis + inStep, bar.getMax()));
        String message = describe(step, snapshot) + stateNote(state);
        widestMessage = Math.max(widestMessage, message.length());
        bar.setExtraMessage(padded(message, widestMessage));
    }

    /**
     * The message padded with spaces to the widest one shown so far: the bar redraws its line with a carriage return
     * and no erase, so a shorter message would leave the end of a longer one on the screen (after a hold, a CA step
     * read "… I = -14.39 mA (waiting for operator, cell off)").
     */
    static String padded(String message, int width) {
        return message.length() >= width ? message : message + " ".repeat(width - message.length());
    }

    /** What the bar adds to the step while the run is not simply measuring. */
    static String stateNote(RunState now) {
        return switch (now) {
            case PAUSED -> "  (paused, cell off)";
            case WAITING_FOR_OPERATOR -> "  (waiting for operator, cell off)";
            case RECONNECTING -> "  (link lost, reconnecting)";
            case ABORTING -> "  (aborting, cell off …)";
            default -> "";
        };
    }

    private String describe(PlannedStep step, RunStatistics.Snapshot snapshot) {
        String where = "step " + step.index() + "/" + plan.steps().size();
        var latest = snapshot.latest().filter(s -> snapshot.stepIndex() == step.index());
        return where + step.match(
                ocp -> " OCP  E = " + latest.map(s -> String.format(Locale.ROOT, "%+.3f V vs RE", s.potentialVolts()))
                        .orElse("—"),
                ca -> String.format(Locale.ROOT, " CA %+.2f V vs RHE  I = ", ca.voltsVsRhe())
                        + latest.map(s -> Units.formatCurrent(s.currentAmperes())).orElse("—"),
                hold -> " HOLD waiting for operator",
                lsv -> " LSV " + PlannedStep.scanRateText(lsv.scanRateVoltsPerSecond()) + "  " + sweepReading(latest),
                cv -> " CV " + PlannedStep.scanRateText(cv.scanRateVoltsPerSecond()) + latest.map(s -> " cycle "
                        + s.cycle() + "/" + cv.cycles()).orElse("") + "  " + sweepReading(latest),
                cp -> " CP " + cp.currentAsWritten() + "  E = " + latest.map(s -> String.format(Locale.ROOT,
                        "%+.3f V vs RE", s.potentialVolts())).orElse("—"),
                eis -> " EIS " + (snapshot.stepIndex() == step.index() ? snapshot.impedancePoints() : 0) + "/"
                        + eis.frequenciesHz().size() + " frequencies" + snapshot.latestImpedance()
                        .filter(p -> snapshot.stepIndex() == step.index())
                        .map(p -> String.format(Locale.ROOT, "  f = %.4g Hz  |Z| = %.4g ohm", p.frequencyHz(),
                                p.modulusOhms())).orElse(""));
    }

    private static String sweepReading(Optional<Sample> latest) {
        return latest.map(s -> String.format(Locale.ROOT, "E = %+.3f V vs RE  I = %s", s.potentialVolts(),
                Units.formatCurrent(s.currentAmperes()))).orElse("—");
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        refresh();
        bar.close();
    }
}
