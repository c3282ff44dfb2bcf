package org.norrlab.safety;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.analysis.ChargeAccumulator;
import org.norrlab.core.Event;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.driver.SampleSink;
import org.norrlab.electrochem.RheScale;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Watches every sample against the envelope as the instrument delivers it, before it is queued (a
 * full queue must not delay a safety stop), and reports the first breach of each step. It only
 * reports: the scheduler stops the step and switches the cell off.
 */
public final class SafetyMonitor {
    /** Measured potentials scatter around the set point; 10 mV beyond the window is a breach, noise is not. */
    static final double WINDOW_TOLERANCE = 0.010;

    private final SafetyEnvelope envelope;
    private final Consumer<Breach> onBreach;
    private final RheScale scale;
    private int step;
    private boolean breached;
    private int flagged;
    private ChargeAccumulator charge = new ChargeAccumulator();

    /** @param scale converts measured potentials (vs the reference electrode) to the envelope's RHE scale */
    public SafetyMonitor(SafetyEnvelope envelope, RheScale scale, Consumer<Breach> onBreach) {
        this.envelope = envelope;
        this.scale = scale;
        this.onBreach = onBreach;
    }

    /** A sink for one step that checks each sample, then passes it on. */
    public SampleSink watch(int stepIndex, SampleSink next) {
        step = stepIndex;
        breached = false;
        flagged = 0;
        charge = new ChargeAccumulator();
        return new SampleSink() {
            @Override
            public void sample(Sample sample) throws InterruptedException {
                if (!breached) {
                    check(sample);
                }
                next.sample(sample);
            }

            @Override
            public void impedance(ImpedancePoint point) throws InterruptedException {
                // An instrument that reports the DC level of a spectrum is held to the same envelope as any sample.
                if (!breached && Double.isFinite(point.dcPotentialVolts()) && Double.isFinite(point.dcCurrentAmperes())) {
                    check(new Sample(point.timeSeconds(), point.dcPotentialVolts(), point.dcCurrentAmperes(),
                            point.rangeAmperes(), point.flags() & ~SampleFlag.NO_IMPEDANCE.bit()));
                }
                next.impedance(point);
            }

            @Override
            public void event(Event event) throws InterruptedException {
                next.event(event);
            }
        };
    }

    private void check(Sample s) {
        if (s.hasCurrent()) {
            // With the cell on, the working electrode must stay inside the window (a controller fault or a wrong RE shows here).
            double vsRhe = scale.toRhe(s.potentialVolts());
            if (envelope.minVoltsVsRhe().isPresent() && vsRhe < envelope.minVoltsVsRhe().get() - WINDOW_TOLERANCE
                    || envelope.maxVoltsVsRhe().isPresent() && vsRhe > envelope.maxVoltsVsRhe().get() + WINDOW_TOLERANCE) {
                breach(s, String.format(Locale.ROOT, "E = %.3f V vs RHE is outside the envelope's %.3f .. %.3f V vs RHE", vsRhe,
                        envelope.minVoltsVsRhe().orElse(Double.NEGATIVE_INFINITY),
                        envelope.maxVoltsVsRhe().orElse(Double.POSITIVE_INFINITY)), "E_vs_RHE_V", vsRhe, "E_vs_RE_V",
                        s.potentialVolts());
                return;
            }
            charge.add(s.timeSeconds(), s.currentAmperes());
            if (envelope.maxAbsAmperes().isPresent() && Math.abs(s.currentAmperes()) > envelope.maxAbsAmperes().get()
                    && !s.has(SampleFlag.OVERLOAD)) {
                breach(s, String.format(Locale.ROOT, "|I| = %.4g A is above the envelope's %.4g A", Math.abs(s.currentAmperes()),
                        envelope.maxAbsAmperes().get()), "current_A", s.currentAmperes(), "limit_A", envelope.maxAbsAmperes().get());
                return;
            }
            if (envelope.maxChargeCoulombs().isPresent() && Math.abs(charge.coulombs()) > envelope.maxChargeCoulombs().get()) {
                breach(s, String.format(Locale.ROOT, "|Q| = %.4g C is above the envelope's %.4g C per step",
                        Math.abs(charge.coulombs()), envelope.maxChargeCoulombs().get()), "charge_C", Math.abs(charge.coulombs()),
                        "limit_C", envelope.maxChargeCoulombs().get());
                return;
            }
        }
        if (envelope.maxStepDuration().isPresent() && s.timeSeconds() > envelope.maxStepDuration().get().toNanos() / 1e9) {
            breach(s, String.format(Locale.ROOT, "the step ran %.1f s, longer than the envelope's %.1f s", s.timeSeconds(),
                    envelope.maxStepDuration().get().toNanos() / 1e9), "time_s", s.timeSeconds(),
                    "limit_s", envelope.maxStepDuration().get().toNanos() / 1e9);
            return;
        }
        if (envelope.maxConsecutiveRangeFlags().isPresent()) {
            flagged = s.has(SampleFlag.OVERLOAD) || s.has(SampleFlag.UNDERLOAD) ? flagged + 1 : 0;
            if (flagged >= envelope.maxConsecutiveRangeFlags().get()) {
                breach(s, flagged + " samples in a row were flagged overload or underload by the instrument",
                        "consecutive_flags", flagged, "limit", envelope.maxConsecutiveRangeFlags().get());
            }
        }
    }

    private void breach(Sample s, String what, String key1, double value1, String key2, double value2) {
        breached = true;
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(key1, value1);
        values.put(key2, value2);
        values.put("t_s", s.timeSeconds());
        onBreach.accept(new Breach(step, s.timeSeconds(), what, values));
    }
}
