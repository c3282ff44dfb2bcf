package org.norrlab.testing;

import org.norrlab.config.SiteConfig;
import org.norrlab.core.Gas;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.StepOutcome;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.ProtocolLoader;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * A copy of protocols/norr-study.yaml short enough for a test, run end to end on the simulator (cli/StudyRunCliTest)
 * and on the emulated EmStat (emulator/StudyOverPtyTest): OCP 1 min, CA 2 min at 1 s, holds continue when unattended;
 * the sweeps and the EIS step run as shipped.
 *
 * @param file the shortened copy
 * @param plan it, loaded with the fixture home's site file
 */
public record ShortStudy(Path file, Plan plan) {

    /** Writes the shortened copy into {@code dir} and loads it. */
    public static ShortStudy writeTo(Path dir) throws Exception {
        String shipped = Files.readString(Fixtures.HOME.resolve("protocols/norr-study.yaml"));
        String shortened = shipped.replace("duration: 10 min", "duration: 1 min")
                .replace("duration: 1 h", "duration: 2 min").replace("interval: 100 ms", "interval: 1 s")
                .replace("on_timeout: abort", "on_timeout: continue");
        assertThat(shortened).as("the copy changed what it meant to").isNotEqualTo(shipped)
                .doesNotContain("on_timeout: abort").doesNotContain("duration: 1 h");
        Path file = dir.resolve("norr-study-short.yaml");
        Files.writeString(file, shortened);
        return new ShortStudy(file, ProtocolLoader.load(file, SiteConfig.load(Fixtures.HOME)));
    }

    /**
     * The store's first session ran the study whole: completed, every step of the protocol's kind and gas completed,
     * and every measuring step recorded the samples 'plan' planned for it (a sweep its start point and one per
     * potential step; the EIS step one impedance point per frequency, in the order planned, and no samples).
     *
     * @return the stored steps, for the caller's own checks
     */
    public List<StoredStep> assertStoredAsPlanned(SessionStore store) throws Exception {
        StoredSession session = store.sessions().get(0);
        assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
        List<StoredStep> steps = store.steps(session.id());
        assertThat(steps).extracting(StoredStep::kind).containsExactly("ocp", "cv", "cv", "cv", "cv", "cv", "cv",
                "lsv", "hold", "lsv", "eis", "ca", "hold", "ca", "hold", "ca", "hold", "ca", "hold");
        assertThat(steps).allSatisfy(s -> assertThat(s.outcome()).as("step " + s.index())
                .contains(StepOutcome.COMPLETED));
        assertThat(steps).extracting(s -> s.gas().map(Gas::written).orElse("-")).containsExactly(
                "Ar", "Ar", "Ar", "Ar", "Ar", "Ar", "Ar", "Ar", "-", "NO", "NO", "NO", "-", "NO", "-", "NO", "-", "NO", "-");
        for (PlannedStep planned : plan.steps()) {
            StoredStep stored = steps.get(planned.index() - 1);
            if (planned.asImpedance().isPresent()) {
                // a spectrum stores one impedance point per planned frequency, in order (as the instrument reports
                // it: MethodSCRIPT sends 6 significant digits, 251.189 Hz for 10^2.4 = 251.1886 Hz), and no samples
                List<ImpedancePoint> spectrum = store.impedance().spectrum(session.id(), planned.index());
                List<Double> frequencies = planned.asImpedance().get().frequenciesHz();
                assertThat(spectrum).as("step " + planned.index()).hasSize((int) planned.plannedSamples());
                for (int i = 0; i < spectrum.size(); i++) {
                    assertThat(spectrum.get(i).frequencyHz()).as("step %d, point %d", planned.index(), i)
                            .isCloseTo(frequencies.get(i), withinPercentage(1e-3));
                }
                assertThat(stored.sampleCount()).as("step " + planned.index()).isZero();
            } else if (!planned.isHold()) {
                assertThat(stored.sampleCount()).as("step " + planned.index()).isEqualTo(planned.plannedSamples());
            }
        }
        return steps;
    }
}
