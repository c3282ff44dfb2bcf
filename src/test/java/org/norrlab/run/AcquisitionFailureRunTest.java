package org.norrlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.driver.sim.SimulatedPotentiostat;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** An Error on the acquisition's dispatcher thread ends the run: failed, the cell off, and the reason told as it is. */
class AcquisitionFailureRunTest {
    @TempDir
    Path temp;

    @Test
    void anErrorOnTheDispatcherEndsTheRunFailedWithTheCellOff() throws Exception {
        Path protocol = temp.resolve("p.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 2 min, interval: 100 ms}\n"
                + "  - ca: {potential: -0.4 V vs RHE, duration: 2 min, interval: 100 ms}\n");
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
        var plan = service.loadPlan(protocol);
        SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 7, Speed.MAX, plan.cell());
        PreparedRun run = service.prepareWith(plan, "sim", sim,
                RunRequest.simulated(protocol, Speed.MAX).withDatabase(temp.resolve("s.db")), Optional.empty());
        AtomicInteger samples = new AtomicInteger();
        run.addConsumer((record, endOfBatch) -> {
            if (record instanceof AcquisitionRecord.SampleTaken && samples.incrementAndGet() == 100) {
                throw new StackOverflowError("a viewer's bug");
            }
        });
        RunOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run.execute(RunListener.NONE),
                "the run must end, not wait for a dispatcher that is gone");
        assertThat(outcome.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(outcome.reason()).contains("the acquisition dispatcher stopped (java.lang.StackOverflowError: a viewer's bug)")
                .doesNotContain("consumer failed").doesNotContain("the store failed");
        assertThat(outcome.result().cellOffConfirmed()).isTrue();
        assertThat(sim.isCellOn()).isFalse();
        assertThat(outcome.counters().samplesDelivered()).isLessThan(outcome.counters().samplesIn());
    }
}
