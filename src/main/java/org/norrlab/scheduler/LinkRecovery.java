package org.norrlab.scheduler;

import org.norrlab.acquisition.AcquisitionCore;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.core.Event;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.EventKind;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.plan.PlannedStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * After a lost link mid-step: record the gap, reopen the same port with backoff, make sure the same
 * instrument answers, re-apply the step's set point for the time the step has left, and keep the
 * step's samples in one sequence. A sweep (LSV, CV) or an impedance spectrum is not continued: its potential moves with time, so
 * what is left of it would start where the electrode no longer is, and a CV's cycles would not be whole.
 * Once the instrument is back (so that the cell can be switched off and is known to be), the step ends as
 * lost with a reason saying so; the run stops interrupted, and {@code norrlab resume} runs the sweep again
 * whole. Times continue from the step's last sample plus the time the link
 * was lost, both on the instrument's side of the conversation: the sample times are the instrument's
 * own (an emulator may run faster than the wall clock), the gap is measured with the link's clock,
 * which a replay reproduces from its recording. Gives up when the site's {@code reconnect_for} is
 * over (never waiting past it), or at once when the link cannot come back; an abort ends the waiting
 * within one poll.
 */
final class LinkRecovery {
    private static final Logger log = LoggerFactory.getLogger(LinkRecovery.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(8);
    /** How often a wait between attempts looks for an abort. */
    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

    /** How the step continues, or why it could not. */
    record Outcome(Optional<Measurement> measurement, double offsetSeconds, String reason) {
    }

    /** The wall clock and the waiting, apart so that the give-up time can be checked without waiting it out. */
    interface Clock {
        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };

        long nanoTime();

        void sleep(long nanos) throws InterruptedException;
    }

    private final Potentiostat instrument;
    private final AcquisitionCore core;
    private final InstrumentIdentity original;
    private final Duration giveUpAfter;
    private final Clock clock;

    LinkRecovery(Potentiostat instrument, AcquisitionCore core, InstrumentIdentity original, Duration giveUpAfter) {
        this(instrument, core, original, giveUpAfter, Clock.SYSTEM);
    }

    LinkRecovery(Potentiostat instrument, AcquisitionCore core, InstrumentIdentity original, Duration giveUpAfter,
                 Clock clock) {
        this.instrument = instrument;
        this.core = core;
        this.original = original;
        this.giveUpAfter = giveUpAfter;
        this.clock = clock;
    }

    Outcome recover(PlannedStep step, SampleSink sink, long stepStartNanos, MeasurementEnd lost, BooleanSupplier aborted)
            throws InterruptedException {
        String why = lost.error().map(Throwable::getMessage).orElse("link lost");
        double lostOnLink = instrument.linkClockSeconds();
        core.publish(new AcquisitionRecord.EventSeen(step.index(), new Event(EventKind.GAP, lost.lastTimeSeconds(),
                "link lost: " + why + "; reconnecting", Map.of("last_sample_s", lost.lastTimeSeconds())), Instant.now()));
        long lostAt = clock.nanoTime();
        long deadline = lostAt + giveUpAfter.toNanos();
        Duration wait = FIRST_WAIT;
        String lastProblem = why;
        while (!aborted.getAsBoolean()) {
            if (!sleepUntil(Math.min(deadline, clock.nanoTime() + wait.toNanos()), aborted)) {
                break;
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            try {
                InstrumentIdentity answered = instrument.reconnect();
                if (!answered.serialNumber().equals(original.serialNumber())) {
                    lastProblem = "a different instrument answered (serial " + answered.serialNumber() + ", expected "
                            + original.serialNumber() + ")";
                    log.error(lastProblem);
                    continue;
                }
                double gap = Math.max(0, instrument.linkClockSeconds() - lostOnLink);
                double offset = lost.lastTimeSeconds() + gap;
                if (step.runsWhole()) {
                    String reason = sweepNotContinued(step, gap);
                    core.publish(new AcquisitionRecord.EventSeen(step.index(), new Event(EventKind.RECONNECT, offset,
                            reason, Map.of("gap_s", gap)), Instant.now()));
                    return new Outcome(Optional.empty(), offset, reason);
                }
                long left = step.duration().toNanos() - Math.round(offset * 1e9);
                long intervals = left / step.interval().toNanos();
                core.publish(new AcquisitionRecord.EventSeen(step.index(), new Event(EventKind.RECONNECT, offset,
                        String.format(Locale.ROOT, "reconnected after %.1f s; %s", gap, intervals > 0
                                ? "the step continues for its remaining " + intervals + " intervals" : "the step's time had run out"),
                        Map.of("gap_s", gap)), Instant.now()));
                if (intervals <= 0) {
                    return new Outcome(Optional.empty(), offset, "");
                }
                return new Outcome(Optional.of(Scheduler.start(instrument, step, step.interval().multipliedBy(intervals),
                        shifted(sink, offset))),
                        offset, "");
            } catch (DriverException.LinkGone e) {
                lastProblem = e.getMessage();
                log.warn("the link will not come back: {}", e.getMessage());
                break;
            } catch (DriverException e) {
                lastProblem = e.getMessage();
                log.warn("reconnect failed: {}", e.getMessage());
            }
            if (clock.nanoTime() >= deadline) {
                break;
            }
        }
        double tried = (clock.nanoTime() - lostAt) / 1e9;
        return new Outcome(Optional.empty(), 0, aborted.getAsBoolean() ? "aborted while reconnecting"
                : String.format(Locale.ROOT, "the link stayed lost for %.1f s (reconnect_for %s s; last: %s)", tried,
                giveUpAfter.toSeconds(), lastProblem));
    }

    /**
     * Why a sweep or a spectrum ends at a reconnect rather than going on: the RECONNECT event's message and the run's
     * reason.
     */
    static String sweepNotContinued(PlannedStep step, double gapSeconds) {
        String why = step.asImpedance().isPresent()
                ? "the electrode changed during the gap, and the points after it would not belong to one spectrum with"
                + " those before"
                : "the potential would jump to where the sweep had got to";
        return String.format(Locale.ROOT, "reconnected after %.1f s, but the %s is not continued half-way (%s); the step"
                + " ends link lost and the run stops interrupted: 'norrlab resume' runs the %s again whole", gapSeconds,
                step.kind().toUpperCase(Locale.ROOT), why, step.kind().toUpperCase(Locale.ROOT));
    }

    /** Sleeps until {@code untilNanos}, looking for an abort every poll; false when the deadline had passed or an abort came. */
    private boolean sleepUntil(long untilNanos, BooleanSupplier aborted) throws InterruptedException {
        long now = clock.nanoTime();
        if (now >= untilNanos) {
            return false;
        }
        while (now < untilNanos) {
            if (aborted.getAsBoolean()) {
                return false;
            }
            clock.sleep(Math.min(POLL_NANOS, untilNanos - now));
            now = clock.nanoTime();
        }
        return !aborted.getAsBoolean();
    }

    /** Times of the continued measurement count from the step's start, after those before the gap. */
    private static SampleSink shifted(SampleSink sink, double offset) {
        return new SampleSink() {
            @Override
            public void sample(Sample s) throws InterruptedException {
                sink.sample(new Sample(s.timeSeconds() + offset, s.potentialVolts(), s.currentAmperes(), s.rangeAmperes(),
                        s.flags()));
            }

            @Override
            public void impedance(ImpedancePoint p) throws InterruptedException {
                sink.impedance(new ImpedancePoint(p.timeSeconds() + offset, p.frequencyHz(), p.realOhms(),
                        p.imaginaryOhms(), p.dcPotentialVolts(), p.dcCurrentAmperes(), p.rangeAmperes(), p.flags()));
            }

            @Override
            public void event(Event event) throws InterruptedException {
                sink.event(new Event(event.kind(), event.timeSeconds() + offset, event.message(), event.values()));
            }
        };
    }
}
