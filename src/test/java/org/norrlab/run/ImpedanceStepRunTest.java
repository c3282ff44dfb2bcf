package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.norrlab.Version;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.Capabilities;
import org.norrlab.core.EventKind;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.ImpedanceTiming;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.StepOutcome;
import org.norrlab.driver.CompletableMeasurement;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.ImpedanceRequest;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.driver.Speed;
import org.norrlab.plan.Plan;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;
import org.norrlab.transport.WireLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An EIS step in a run, with a scripted instrument: a spectrum is complete by its impedance points (it has no samples),
 * cut short when points are missing, and the watchdog allows three of its slowest points (tens of seconds at 0.1 Hz)
 * but still catches an instrument that goes silent mid-spectrum. A spectrum that loses its link is not continued after
 * the reconnect and 'resume' runs it again whole.
 */
class ImpedanceStepRunTest {
    private static final InstrumentIdentity IDENTITY = new InstrumentIdentity("sim", "test", "eis", "1", "SN9");

    @TempDir
    Path temp;

    /**
     * Sends the first {@code points} points of the requested spectrum, each after the time the point takes
     * ({@link ImpedanceTiming#pointSeconds}) on an instrument clock running {@code speed} times the wall's, then ends
     * as {@code end} says, or (null) stays silent until aborted.
     */
    private static final class ScriptedSpectrometer implements Potentiostat {
        final List<MeasurementRequest> started = new ArrayList<>();
        final AtomicBoolean aborted = new AtomicBoolean();
        final String family;
        final int points;
        final double speed;
        final MeasurementEnd.Outcome end;
        int reconnects;

        ScriptedSpectrometer(String family, int points, double speed, MeasurementEnd.Outcome end) {
            this.family = family;
            this.points = points;
            this.speed = speed;
            this.end = end;
        }

        @Override
        public InstrumentIdentity identify() {
            return new InstrumentIdentity(IDENTITY.profile(), family, IDENTITY.model(), IDENTITY.firmware(),
                    IDENTITY.serialNumber());
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(-5, 5, List.of(1.0), Duration.ofMillis(1), Capabilities.ALL_TECHNIQUES);
        }

        @Override
        public void setCellOn(boolean on) {
        }

        @Override
        public Measurement start(MeasurementRequest request, SampleSink sink) throws DriverException {
            started.add(request);
            ImpedanceRequest eis = request.match(ca -> null, ocp -> null, lsv -> null, cv -> null, cp -> null, s -> s);
            if (eis == null) {
                throw new DriverException("this test instrument measures spectra only");
            }
            CompletableMeasurement measurement = new CompletableMeasurement();
            Thread t = new Thread(() -> {
                double time = 0;
                try {
                    for (int i = 0; i < points && !aborted.get(); i++) {
                        double f = eis.frequenciesHz().get(i);
                        Thread.sleep(Math.round(ImpedanceTiming.pointSeconds(f) * 1000 / speed));
                        time += ImpedanceTiming.pointSeconds(f);
                        sink.impedance(ImpedancePoint.of(time, f, 10 + i, -i));
                    }
                    while (end == null && !aborted.get()) {
                        Thread.sleep(5);
                    }
                    MeasurementEnd.Outcome outcome = aborted.get() ? MeasurementEnd.Outcome.ABORTED : end;
                    measurement.complete(new MeasurementEnd(outcome, 0, time,
                            outcome == MeasurementEnd.Outcome.LINK_LOST
                                    ? Optional.of(new DriverException.LinkLost("the port went away", null))
                                    : Optional.empty()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "scripted-spectrometer");
            t.setDaemon(true);
            t.start();
            return measurement;
        }

        @Override
        public InstrumentIdentity reconnect() {
            reconnects++;
            return identify();
        }

        @Override
        public void abort() {
            aborted.set(true);
        }

        @Override
        public void close() {
            aborted.set(true);
        }
    }

    private Path protocol(String watchdog, String frequencies) throws Exception {
        Path file = temp.resolve("eis.yaml");
        Files.writeString(file, "safety: {watchdog: " + watchdog + "}\nsteps:\n"
                + "  - eis: {label: EIS, at: ocp, amplitude: 10 mV rms, frequencies: " + frequencies + "}\n");
        return file;
    }

    private RunOutcome run(Path protocol, ScriptedSpectrometer instrument, Speed speed, Path db,
                           Duration reconnectFor) throws Exception {
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
        Plan plan = service.loadPlan(protocol);
        RunRequest request = RunRequest.simulated(plan.file(), speed).withDatabase(db);
        // recorded as a run on the simulator's profile, so that 'resume' can run what is left on the simulator
        PreparedRun run = new PreparedRun(plan, "sim", instrument, instrument.identify(), request,
                request.database().orElseThrow(), Version.current(), new WireLog(),
                InstrumentSettings.capture(service.profile("sim"), Fixtures.HOME, Optional.of(7L)), Optional.empty());
        run.reconnectFor(reconnectFor);
        return run.execute(RunListener.NONE);
    }

    @Test
    void slowLowFrequencyPointsAreNotTakenForAStalledInstrumentAndTheSpectrumIsCompleteByItsPoints()
            throws Exception {
        // 1 kHz, 0.2 Hz, 0.1 Hz: points of 0.503 s, 15.5 s and 30.5 s of instrument time; at 200x the last two take
        // 78 ms and 153 ms of wall time, longer than the protocol's 100 ms watchdog. The step's limit is three of its
        // slowest points, 3 × 30.5 s = 91.5 s (on the wall at 200x: 0.46 s, and never under 5 s for a simulator), so
        // it does not fire; with the 100 ms alone it would.
        Path db = temp.resolve("slow.db");
        ScriptedSpectrometer slow = new ScriptedSpectrometer("sim", 3, 200, MeasurementEnd.Outcome.COMPLETED);
        RunOutcome outcome = run(protocol("100 ms", "[1 kHz, 0.2 Hz, 0.1 Hz]"), slow, new Speed(200), db,
                Duration.ZERO);
        assertThat(outcome.status()).as(outcome.reason()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(outcome.reason()).isEqualTo("its one step completed");
        try (SessionStore store = SessionStore.open(db)) {
            StoredStep step = store.steps(outcome.sessionId()).get(0);
            // three points and no samples: complete, not empty and not ended early
            assertThat(step.outcome()).contains(StepOutcome.COMPLETED);
            assertThat(step.sampleCount()).isZero();
            assertThat(store.impedance().spectrum(outcome.sessionId(), 1)).extracting(ImpedancePoint::frequencyHz)
                    .containsExactly(1000.0, 0.2, 0.1);
            assertThat(store.events(outcome.sessionId())).noneMatch(e -> e.event().kind() == EventKind.FAILURE
                    || e.event().kind() == EventKind.NOTE);
        }
    }

    @Test
    void anInstrumentThatGoesSilentMidSpectrumIsCaught() throws Exception {
        // A real instrument (its clock is the wall's): 1 kHz then 100 Hz, the slowest 0.5 + 3 / 100 = 0.53 s; three of
        // them, 1.59 s, are longer than the protocol's 100 ms watchdog, so it fires 1.59 s after the first point.
        Path db = temp.resolve("silent.db");
        ScriptedSpectrometer silent = new ScriptedSpectrometer("test", 1, 1, null);
        RunOutcome outcome = run(protocol("100 ms", "[1 kHz, 100 Hz]"), silent, Speed.MAX, db, Duration.ZERO);
        assertThat(silent.aborted).isTrue();
        assertThat(outcome.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(outcome.reason()).isEqualTo("watchdog: no impedance point for 1.59 s during step 1; the cell was"
                + " switched off");
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.impedance().spectrum(outcome.sessionId(), 1)).hasSize(1);
            assertThat(store.events(outcome.sessionId())).anyMatch(e -> e.event().kind() == EventKind.FAILURE
                    && e.event().message().startsWith("watchdog: no impedance point"));
        }
    }

    @Test
    void aSpectrumWithPointsMissingEndedEarly() throws Exception {
        Path db = temp.resolve("short.db");
        ScriptedSpectrometer two = new ScriptedSpectrometer("sim", 2, 1000, MeasurementEnd.Outcome.COMPLETED);
        RunOutcome outcome = run(protocol("30 s", "[10 kHz, 1 kHz, 100 Hz]"), two, new Speed(1000), db, Duration.ZERO);
        assertThat(outcome.reason()).isEqualTo("0 steps completed, 1 ended early by the instrument");
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.steps(outcome.sessionId()).get(0).outcome()).contains(StepOutcome.ENDED_EARLY);
            // the last of the two points: 2 × 0.5 s + 3 / 10 kHz + 3 / 1 kHz = 1.0033 s of the planned 1.5333 s
            assertThat(store.events(outcome.sessionId())).filteredOn(e -> e.event().kind() == EventKind.NOTE)
                    .extracting(e -> e.event().message()).containsExactly("the instrument ended the step early: 2 of 3"
                            + " planned impedance points recorded, the last at 1.0 s of 1.5 s");
        }
    }

    @Test
    void aSpectrumThatLosesItsLinkIsNotContinuedAndResumeRunsItAgainWhole() throws Exception {
        Path db = temp.resolve("lost.db");
        ScriptedSpectrometer lossy = new ScriptedSpectrometer("sim", 2, 1000, MeasurementEnd.Outcome.LINK_LOST);
        Path protocol = protocol("30 s", "[10 kHz, 1 kHz, 100 Hz]");
        RunOutcome outcome = run(protocol, lossy, new Speed(1000), db, Duration.ofSeconds(30));

        assertThat(lossy.reconnects).as("reconnected, so that the cell can be switched off").isEqualTo(1);
        assertThat(lossy.started).as("not started again for the frequencies left").hasSize(1);
        assertThat(outcome.status()).isEqualTo(SessionStatus.INTERRUPTED);
        String why = " s, but the EIS is not continued half-way (the electrode changed during the gap, and the points"
                + " after it would not belong to one spectrum with those before); the step ends link lost and the run"
                + " stops interrupted: 'norrlab resume' runs the EIS again whole";
        assertThat(outcome.reason()).startsWith("step 1 (EIS) link lost: reconnected after ").endsWith(why);
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.steps(outcome.sessionId()).get(0).outcome()).contains(StepOutcome.LINK_LOST);
            assertThat(store.impedance().spectrum(outcome.sessionId(), 1)).as("the points before the loss are kept")
                    .hasSize(2);
            List<StoredEvent> events = store.events(outcome.sessionId());
            assertThat(events).filteredOn(e -> e.event().kind() == EventKind.RECONNECT).singleElement()
                    .satisfies(e -> assertThat(e.event().message()).endsWith(why));

            // resume (on the simulator the session was recorded with) measures the whole spectrum again
            RunOutcome resumed = ResumeService.prepare(new RunService(SiteConfig.load(Fixtures.HOME)), store,
                    outcome.sessionId(), Optional.empty(), Speed.MAX, StoreLocation.file(db)).execute(RunListener.NONE);
            assertThat(resumed.status()).as(resumed.reason()).isEqualTo(SessionStatus.COMPLETED);
            StoredStep again = store.steps(resumed.sessionId()).get(0);
            assertThat(again.label()).isEqualTo("EIS (run again whole after the interruption: a spectrum cannot continue"
                    + " half-way)");
            assertThat(store.impedance().spectrum(resumed.sessionId(), 1)).extracting(ImpedancePoint::frequencyHz)
                    .containsExactly(10_000.0, 1000.0, 100.0);
        }
    }
}
