package org.norrlab.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.SampleFlag;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.Speed;
import org.norrlab.report.SessionSummaries;
import org.norrlab.report.StepSummary;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** norrlab run on an emulated EmStat4 HR through a socat pty and jSerialComm. */
class MethodScriptOverPtyTest {
    @TempDir
    Path temp;

    @Test
    void aSweepRunsThroughTheWire() throws Exception {
        Path protocol = temp.resolve("short.yaml");
        Files.writeString(protocol, """
                steps:
                  - ocp: {duration: 5 s, interval: 500 ms}
                  - sweep:
                      potentials: [-0.5 V vs RHE, -0.6 V vs RHE]
                      duration: 30 s
                      interval: 100 ms
                """);
        SiteConfig site = SiteConfig.load(Fixtures.HOME);
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, "emstat4-hr", pty.device(),
                     Fixtures.cellAtPh7(), new Speed(50), Optional.of("NiNC"), 3, Faults.NONE)) {
            Path db = temp.resolve("ms.db");
            RunRequest request = new RunRequest(protocol, "emstat4-hr", Speed.REAL_TIME, Optional.empty(), Optional.empty(),
                    Optional.of(pty.host()), Optional.of(StoreLocation.file(db)));
            var prepared = new RunService(site).prepare(request);
            assertThat(prepared.identity().firmware()).startsWith("es4_hr1500#");
            assertThat(prepared.identity().serialNumber()).isEqualTo("EMU3");
            RunOutcome outcome = prepared.execute(RunListener.NONE);
            assertThat(outcome.status()).as(outcome.reason()).isEqualTo(SessionStatus.COMPLETED);
            try (SessionStore store = SessionStore.open(db)) {
                List<StepSummary> rows = SessionSummaries.of(store, outcome.sessionId());
                assertThat(rows).extracting(StepSummary::samples).containsExactly(10L, 300L, 300L);
                assertThat(rows).allMatch(StepSummary::timeMonotonic);
                // NiNC at -0.5 V vs RHE: 14.48 mA/cm² on 1 cm², through hex packages and range codes.
                assertThat(rows.get(1).meanAmperes()).isCloseTo(-0.01448, within(0.0005));
                assertThat(rows.get(1).coulombs()).isCloseTo(-0.01448 * 30, within(0.02));
                // OCP: the rest potential, 0.35 V vs RHE = -0.261 V vs Ag/AgCl at pH 7.
                assertThat(rows.get(0).meanVolts()).isCloseTo(-0.26, within(0.05));
                // Range codes come back as the profile's full scales; the charging spike overloads the first sample.
                List<Double> ranges = new java.util.ArrayList<>();
                List<Integer> flags = new java.util.ArrayList<>();
                store.forEachSample(outcome.sessionId(), 2, (seq, s) -> {
                    ranges.add(s.rangeAmperes());
                    flags.add(s.flags());
                });
                var profileRanges = new DriverRegistry(Fixtures.HOME).profile("emstat4-hr").capabilities()
                        .currentRangesAmperes();
                assertThat(ranges).allMatch(profileRanges::contains);
                assertThat(SampleFlag.OVERLOAD.isSetIn(flags.get(0))).isTrue();
                assertThat(ranges.get(ranges.size() - 1)).isEqualTo(profileRanges.get(profileRanges.size() - 1));
            }
        }
    }
}
