package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.Capabilities;
import org.norrlab.core.EventKind;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.driver.CompletableMeasurement;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.LinearSweepRequest;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.driver.Speed;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep that loses its link is not continued half-way once the instrument answers again (a CA step is, for the time
 * it has left): its step ends link lost with the samples it had, and the run stops interrupted for 'resume' to run the
 * sweep again whole.
 */
class SweepLinkLossTest {
    private static final InstrumentIdentity IDENTITY = new InstrumentIdentity("port", "test", "lossy", "1", "SN7");

    @TempDir
    Path temp;

    /** Sends five LSV points, then loses the link; answers again at once when reconnected. */
    private static final class LossyInstrument implements Potentiostat {
        final List<MeasurementRequest> started = new ArrayList<>();
        int reconnects;

        @Override
        public InstrumentIdentity identify() {
            return IDENTITY;
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
            LinearSweepRequest lsv = request.match(ca -> null, ocp -> null, sweep -> sweep, cv -> null, cp -> null,
                    eis -> null);
            if (lsv == null) {
                throw new DriverException("this test instrument runs LSV only");
            }
            CompletableMeasurement measurement = new CompletableMeasurement();
            double interval = lsv.stepVolts() / lsv.scanRateVoltsPerSecond();
            try {
                for (int i = 1; i <= 5; i++) {
                    sink.sample(new Sample(i * interval, lsv.startVoltsVsReference() - i * lsv.stepVolts(), -1e-4, 1e-3, 0,
                            1, 1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            measurement.complete(new MeasurementEnd(MeasurementEnd.Outcome.LINK_LOST, 5, 5 * interval,
                    Optional.of(new DriverException.LinkLost("the port went away", null))));
            return measurement;
        }

        @Override
        public InstrumentIdentity reconnect() {
            reconnects++;
            return IDENTITY;
        }

        @Override
        public void abort() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSweepIsNotContinuedAfterAReconnectButEndsLinkLostAndTheRunInterrupted() throws Exception {
        Path protocol = temp.resolve("lsv.yaml");
        Files.writeString(protocol, """
                steps:
                  - lsv: {start: 0.3 V vs RHE, end: -0.9 V vs RHE, scan_rate: 50 mV/s, step: 2 mV, label: LSV}
                """);
        Path db = temp.resolve("lost.db");
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
        var plan = service.loadPlan(protocol);
        LossyInstrument instrument = new LossyInstrument();
        PreparedRun run = service.prepareWith(plan, "lossy", instrument, RunRequest.simulated(plan.file(), Speed.MAX)
                .withDatabase(db), Optional.empty());
        run.reconnectFor(Duration.ofSeconds(30));
        RunOutcome outcome = run.execute(RunListener.NONE);

        assertThat(instrument.reconnects).as("the instrument is reconnected, so the cell can be switched off").isEqualTo(1);
        assertThat(instrument.started).as("the sweep is not started again half-way").hasSize(1);
        assertThat(outcome.status()).isEqualTo(SessionStatus.INTERRUPTED);
        String why = "reconnected after %s s, but the LSV is not continued half-way (the potential would jump to where"
                + " the sweep had got to); the step ends link lost and the run stops interrupted: 'norrlab resume' runs"
                + " the LSV again whole";
        assertThat(outcome.reason()).startsWith("step 1 (LSV) link lost: reconnected after ")
                .endsWith(why.substring(why.indexOf(" s, but")));
        try (SessionStore store = SessionStore.open(db)) {
            StoredStep step = store.steps(outcome.sessionId()).get(0);
            assertThat(step.outcome()).contains(StepOutcome.LINK_LOST);
            assertThat(step.sampleCount()).as("the points before the loss are kept").isEqualTo(5);
            List<StoredEvent> events = store.events(outcome.sessionId());
            assertThat(events).filteredOn(e -> e.event().kind() == EventKind.RECONNECT).singleElement()
                    .satisfies(e -> assertThat(e.event().message()).endsWith(why.substring(why.indexOf(" s, but"))));
        }
    }
}
