package org.norrlab.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.cli.CliRunnerAccess;
import org.norrlab.core.EventKind;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.driver.Speed;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.ShortStudy;
import org.norrlab.testing.PtyPair;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * protocols/norr-study.yaml end to end on an emulated EmStat4 HR through a socat pty, as with hardware: norrlab's
 * MethodSCRIPT driver sends each step's script, the emulator runs it on the simulated cell at 3000× real time (the
 * 23.7 min of instrument time in about 0.5 s) and answers with the device's packages. The copy is shortened as in
 * cli/StudyRunCliTest (OCP 1 min, CA 2 min at 1 s, holds continue unattended); the sweeps run as shipped. The
 * emulated cell cannot know the gas (nor can a real EmStat), so only the record of the gas is checked here, not its
 * effect on the currents.
 */
class StudyOverPtyTest {
    private static final String PROFILE = "emstat4-hr";

    @TempDir
    Path temp;

    @Test
    void theStudyRunsEndToEndOnTheEmulatedEmStat() throws Exception {
        ShortStudy study = ShortStudy.writeTo(temp);
        Path protocol = study.file();
        Path db = temp.resolve("study.db");

        CliRunnerAccess.Result run;
        List<String> loops;
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, PROFILE, pty.device(), Fixtures.cellAtPh7(),
                     new Speed(3000), Optional.empty(), 42, Faults.NONE)) {
            // no --speed: a real instrument keeps real time (run refuses it); the emulator runs at 3000× instead
            run = CliRunnerAccess.norrlab("run", protocol.toString(), "--instrument", PROFILE, "--port", pty.host(),
                    "--no-progress", "--unattended", "--home", Fixtures.HOME.toString(), "--db", db.toString());
            loops = emulator.received().get().stream().filter(line -> line.startsWith("meas_loop")).toList();
        }
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Session 1 completed: all 19 steps completed");
        // What reached the device, vs RE: E(RHE) = E(RE) + 0.197 V + 0.059159 V × pH 7 = E(RE) + 0.611115 V, so the
        // activation's 0.2, -0.5, 0.3 V vs RHE are -0.411115, -1.111115, -0.311115 V, the LSV's -0.8 V is -1.411115 V
        // and the CA's -0.4 .. -0.7 V are -1.011115 .. -1.311115 V.
        String cdl = "meas_loop_cv p c -261115u -211115u -311115u 1m %sm nscans(3)";
        String lsvLoop = "meas_loop_lsv p c -311115u -1411115u 2m 5m";
        assertThat(loops).containsExactly("meas_loop_ocp p 1 60",
                "meas_loop_cv p c -411115u -1111115u -311115u 5m 100m nscans(20)",
                cdl.formatted(10), cdl.formatted(20), cdl.formatted(40), cdl.formatted(60), cdl.formatted(80),
                lsvLoop, lsvLoop,
                // EIS for R_u: 10 mV rms, 100 kHz down to 100 mHz, 61 frequencies, DC at -0.4 V vs RHE = -1.011115 V vs RE
                "meas_loop_eis f r j 10m 100000 100m 61 -1011115u",
                "meas_loop_ca p c -1011115u 1 120", "meas_loop_ca p c -1111115u 1 120",
                "meas_loop_ca p c -1211115u 1 120", "meas_loop_ca p c -1311115u 1 120");

        try (SessionStore store = SessionStore.open(db)) {
            // The protocol's gas is recorded although the emulated cell (like a real EmStat) cannot know it. The device
            // sends the begin point of a CV and of an LSV as a package too, so every measuring step has what 'plan'
            // planned: OCP 60 s / 1 s = 60, activation 1 + 32 V / 5 mV = 6401, each C_dl CV 1 + 0.6 V / 1 mV = 601,
            // each LSV 1 + 1.1 V / 2 mV = 551, each CA 120 s / 1 s = 120; the EIS step one impedance point per frequency
            // (61) and no samples.
            List<StoredStep> steps = study.assertStoredAsPlanned(store);
            StoredSession session = store.sessions().get(0);
            assertThat(steps).extracting(StoredStep::sampleCount)
                    .containsExactly(60L, 6401L, 601L, 601L, 601L, 601L, 601L, 551L, 0L, 551L, 0L,
                            120L, 0L, 120L, 0L, 120L, 0L, 120L, 0L);

            // The activation, from the C/- scan markers: cycle 1 is 0.2 → -0.5 (1 + 0.7 V / 5 mV = 141 points), -0.495 →
            // 0.3 (160), 0.295 → 0.2 (20); cycles 2 .. 20 start one step on (140, 160, 20). 321 + 19 × 320 = 6401.
            Map<String, Long> activation = pointsPerCycleAndSegment(samples(store, session.id(), 2));
            Map<String, Long> expected = new TreeMap<>();
            for (int cycle = 1; cycle <= 20; cycle++) {
                expected.put(cycle + "/1", cycle == 1 ? 141L : 140L);
                expected.put(cycle + "/2", 160L);
                expected.put(cycle + "/3", 20L);
            }
            assertThat(activation).isEqualTo(expected);
            // C_dl at 10 mV/s: 0.35 → 0.40 (51), 0.399 → 0.300 (100), 0.301 → 0.350 (50); then 50, 100, 50 twice
            assertThat(pointsPerCycleAndSegment(samples(store, session.id(), 3))).isEqualTo(Map.of(
                    "1/1", 51L, "1/2", 100L, "1/3", 50L,
                    "2/1", 50L, "2/2", 100L, "2/3", 50L,
                    "3/1", 50L, "3/2", 100L, "3/3", 50L));

            // The CA currents are cathodic (NORR and HER reduce) and none was clipped: -0.7 V vs RHE passes about
            // -63 mA, inside the EmStat4 HR's largest range, 100 mA.
            for (int step : new int[] {12, 14, 16, 18}) {
                assertThat(samples(store, session.id(), step)).as("CA step %d", step)
                        .allSatisfy(s -> assertThat(s.currentAmperes()).isNegative())
                        .noneMatch(s -> s.has(SampleFlag.OVERLOAD));
            }

            // The LSVs end past that: the simulated hydrogen evolution exceeds 100 mA below about -0.73 V vs RHE, so the
            // device clips the last points at the range's full scale and flags them overloaded (the analysis leaves them
            // out). They are fewer than the site's max_consecutive_overloads (100), so the envelope lets the step finish.
            for (int step : new int[] {8, 10}) {
                List<Sample> lsv = samples(store, session.id(), step);
                int firstClipped = lsv.size() - (int) lsv.stream().filter(s -> s.has(SampleFlag.OVERLOAD)).count();
                assertThat(lsv.subList(firstClipped, lsv.size())).as("LSV step %d: the clipped points are its tail", step)
                        .isNotEmpty().hasSizeLessThan(100).allSatisfy(s -> {
                            assertThat(s.has(SampleFlag.OVERLOAD)).isTrue();
                            // full scale as the device encodes it, an integer times its SI prefix: -0.1 A within a bit
                            assertThat(s.currentAmperes()).isCloseTo(-0.1, within(1e-15));
                        });
                // point k is at 0.3 V - k × 2 mV vs RHE: the clipping starts past the last CA potential, -0.7 V (k = 500)
                assertThat(firstClipped).as("LSV step %d", step).isGreaterThan(500);
            }
            assertThat(store.events(session.id())).noneMatch(e -> e.event().kind() == EventKind.ENVELOPE_BREACH);
        }
    }

    private static Map<String, Long> pointsPerCycleAndSegment(List<Sample> samples) {
        Map<String, Long> counts = new TreeMap<>();
        samples.forEach(s -> counts.merge(s.cycle() + "/" + s.segment(), 1L, Long::sum));
        return counts;
    }

    private static List<Sample> samples(SessionStore store, long session, int step) throws Exception {
        List<Sample> samples = new ArrayList<>();
        store.forEachSample(session, step, (sequence, sample) -> samples.add(sample));
        return samples;
    }
}
