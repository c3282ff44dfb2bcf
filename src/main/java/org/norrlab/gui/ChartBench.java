package org.norrlab.gui;

import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Sample;
import org.norrlab.plan.PlannedStep;
import org.norrlab.trace.LiveRun;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Repaint cost of the run view's charts after a long acquisition: feeds N samples of a four-step CA
 * sweep at 100 Hz (noise and bubble spikes) through {@link LiveRun} as the acquisition core would,
 * then times whole frames — take a view, hand it to the charts, draw both at the given size — as the
 * window's timer does every 200 ms. Needs no display (draws into an image).
 */
public final class ChartBench {

    /** Figures of one benchmark run. */
    public record Result(long samples, double feedSamplesPerSecond, int frames, double meanMillis, double p95Millis,
                         double maxMillis, int pointsDrawn, int width, int height) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d samples fed at %.0f samples/s; %d frames of %d x %d (both charts, %d points"
                            + " in the overview): mean %.2f ms, p95 %.2f ms, max %.2f ms per frame", samples,
                    feedSamplesPerSecond, frames, width, height, pointsDrawn, meanMillis, p95Millis, maxMillis);
        }
    }

    private ChartBench() {
    }

    public static Result run(long samples, int frames, int width, int height) {
        LiveRun live = new LiveRun();
        long perStep = samples / 4;
        SplittableRandom random = new SplittableRandom(7);
        long feedStart = System.nanoTime();
        double offset = 0;
        for (int step = 0; step < 4; step++) {
            double volts = -0.4 - 0.1 * step;
            PlannedStep.Chronoamperometry ca = new PlannedStep.Chronoamperometry(step + 1, "CA " + volts + " V vs RHE",
                    new Potential(volts, Potential.Scale.RHE), volts, volts - 0.611, Duration.ofMillis(10),
                    Duration.ofMillis(10 * perStep), CurrentRangeChoice.AUTO, new Location(Path.of("bench.yaml"), 1, 1));
            live.accept(new AcquisitionRecord.StepStarted(ca, Instant.EPOCH, offset), false);
            double level = -0.004 * Math.pow(2.2, step);
            for (long k = 0; k < perStep; k++) {
                double current = level * (1 + 0.002 * random.nextGaussian()) + (random.nextInt(20_000) == 0 ? level * 0.1 : 0);
                live.accept(new AcquisitionRecord.SampleTaken(step + 1, k, new Sample(k * 0.01, volts - 0.611, current,
                        0.1, 0)), k % 1000 == 999);
            }
            offset += perStep * 0.01;
        }
        double feedSeconds = (System.nanoTime() - feedStart) / 1e9;

        LiveCharts charts = new LiveCharts();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Rectangle2D half = new Rectangle2D.Double(0, 0, width, height / 2.0);
        Rectangle2D lower = new Rectangle2D.Double(0, height / 2.0, width, height / 2.0);
        int warmUp = Math.max(10, frames / 4);
        double[] millis = new double[frames];
        int points = 0;
        for (int f = -warmUp; f < frames; f++) {
            long t0 = System.nanoTime();
            LiveRun.View view = live.view(width);
            charts.show(view);
            charts.stepChart().draw(g, half);
            charts.runChart().draw(g, lower);
            if (f >= 0) {
                millis[f] = (System.nanoTime() - t0) / 1e6;
            }
            points = charts.runChart().getXYPlot().getDataset().getItemCount(0);
        }
        g.dispose();
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Result(4 * perStep, 4 * perStep / feedSeconds, frames, Arrays.stream(millis).average().orElse(0),
                sorted[(int) Math.min(frames - 1, Math.round(frames * 0.95))], sorted[frames - 1], points, width, height);
    }
}
