package org.norrlab.plan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Holds, repeat blocks, the electrolyte mode and aliquots as the loader reads them. */
class OperatorStepsLoaderTest {
    @TempDir
    Path home;

    SiteConfig site;

    @BeforeEach
    void writeSite() throws IOException, ConfigException {
        site = LoaderSite.write(home, """
                cell: {reference_electrode: RHE, ph: 7.0, electrode_area: 1 cm2, electrolyte_volume: 35 mL}
                """);
    }

    private Plan load(String text) throws IOException, ConfigException {
        return LoaderSite.load(home, site, text);
    }

    @Test
    void aSweepWithAHoldAfterEachPotentialRefreshesPerCaStep() throws Exception {
        Plan plan = load("""
                steps:
                  - ocp: {duration: 1 min, interval: 1 s}
                  - sweep:
                      potentials: [-0.4 V vs RHE, -0.5 V vs RHE]
                      duration: 10 min
                      interval: 1 s
                      hold_after: {message: Replace the catholyte, timeout: 30 min, on_timeout: continue,
                                   aliquot: {volume: 1 mL}}
                """);
        assertThat(plan.steps()).extracting(PlannedStep::kind).containsExactly("ocp", "ca", "hold", "ca", "hold");
        assertThat(plan.steps()).extracting(s -> s.context().batch()).containsExactly(1, 1, 1, 2, 2);
        assertThat(plan.electrolyte().mode()).isEqualTo(Electrolyte.Mode.REFRESH);
        PlannedStep.Hold hold = plan.holds().get(0);
        assertThat(hold.message()).isEqualTo("Replace the catholyte");
        assertThat(hold.cell()).isEqualTo(PlannedStep.Hold.HoldCell.OFF);
        assertThat(hold.timeout()).contains(Duration.ofMinutes(30));
        assertThat(hold.onTimeout()).contains(PlannedStep.Hold.OnTimeout.CONTINUE);
        assertThat(hold.plannedSamples()).isZero();
        // The aliquot at the hold after step 2 is taken from what step 2 made.
        assertThat(plan.electrolyte().aliquots()).extracting(Electrolyte.PlannedAliquot::afterStep).containsExactly(2, 4);
        assertThat(plan.electrolyte().aliquots()).allSatisfy(a -> {
            assertThat(a.volumeMl()).isEqualTo(1.0);
            assertThat(a.replaced()).isFalse();
            assertThat(a.takenBy()).isEqualTo(Electrolyte.TakenBy.OPERATOR);
        });
        // 1 min + 2 x 10 min + 2 holds of at most 30 min.
        assertThat(plan.totalDuration()).isEqualTo(Duration.ofMinutes(81));
        assertThat(plan.totalPlannedSamples()).isEqualTo(60 + 2 * 600);
    }

    @Test
    void anAccumulatingBatchLastsUntilAHoldPutsInNewElectrolyte() throws Exception {
        Plan plan = load("""
                electrolyte: accumulate
                unattended: true
                steps:
                  - ca: {potential: -0.4 V vs RHE, duration: 1 h, interval: 1 s, aliquot: {volume: 1 mL, replaced: true}}
                  - ca: {potential: -0.5 V vs RHE, duration: 1 h, interval: 1 s, aliquot: {volume: 1 mL, replaced: true}}
                  - hold: {message: New catholyte, new_electrolyte: true, timeout: 5 min, on_timeout: continue}
                  - ca: {potential: -0.6 V vs RHE, duration: 1 h, interval: 1 s}
                """);
        assertThat(plan.unattended()).isTrue();
        assertThat(plan.electrolyte().mode()).isEqualTo(Electrolyte.Mode.ACCUMULATE);
        assertThat(plan.steps()).extracting(s -> s.context().batch()).containsExactly(1, 1, 1, 2);
        assertThat(plan.electrolyte().after(1)).singleElement().satisfies(a -> {
            assertThat(a.replaced()).isTrue();
            assertThat(a.takenBy()).isEqualTo(Electrolyte.TakenBy.AUTOSAMPLER);
        });
        assertThat(plan.electrolyte().after(3)).isEmpty();
    }

    @Test
    void aRepeatBlockGivesEachCycleItsOwnSteps() throws Exception {
        Plan plan = load("""
                steps:
                  - repeat:
                      times: 3
                      label: stability
                      steps:
                        - ca: {potential: -0.5 V vs RHE, duration: 1 h, interval: 10 s}
                        - hold: {message: Take an aliquot, timeout: 10 min, on_timeout: continue}
                """);
        assertThat(plan.steps()).hasSize(6);
        assertThat(plan.steps()).extracting(PlannedStep::index).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(plan.steps()).extracting(s -> s.context().cycle()).containsExactly(1, 1, 2, 2, 3, 3);
        assertThat(plan.steps()).allSatisfy(s -> {
            assertThat(s.context().cycles()).isEqualTo(3);
            assertThat(s.context().block()).isEqualTo("stability");
        });
    }

    @Test
    void anUnattendedProtocolNamesAHoldThatDoesNotSayWhatHappensAtItsTimeout() {
        assertThatThrownBy(() -> load("""
                unattended: true
                steps:
                  - ca: {potential: -0.4 V vs RHE, duration: 1 h, interval: 1 s}
                  - hold: {message: Swap the gas}
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("p.yaml:4")
                .hasMessageContaining("steps[2].hold.on_timeout")
                .hasMessageContaining("'Swap the gas'")
                .hasMessageContaining("on_timeout: continue or on_timeout: abort");
    }

    @Test
    void mistakesInAHoldAreNamedWithWhatIsAllowed() {
        assertThatThrownBy(() -> load("""
                steps:
                  - hold: {message: Wait, cell: on}
                """)).hasMessageContaining("'on' is not allowed; allowed: off").hasMessageContaining("ocp");
        assertThatThrownBy(() -> load("""
                steps:
                  - hold: {message: Wait, on_timeout: continue}
                """)).hasMessageContaining("needs a timeout");
        assertThatThrownBy(() -> load("""
                electrolyte: stay
                steps:
                  - hold: {message: Wait}
                """)).hasMessageContaining("'stay' is not allowed; allowed: refresh").hasMessageContaining("accumulate");
        assertThatThrownBy(() -> load("""
                steps:
                  - repeat: {times: 2, steps: [{repeat: {times: 2, steps: [{hold: {message: x}}]}}]}
                """)).hasMessageContaining("a repeat block inside a repeat block is not supported");
        assertThatThrownBy(() -> load("""
                steps:
                  - ca: {potential: -0.4 V vs RHE, duration: 1 h, interval: 1 s, aliquot: {volume: 1}}
                """)).hasMessageContaining("'1' has no unit");
    }

    @Test
    void caSeriesIsTheNameOfAListOfCaStepsAndTheOldNameSweepIsReadWithANote() throws Exception {
        String body = ": {potentials: [-0.4 V vs RHE, -0.5 V vs RHE], duration: 1 min, interval: 1 s}\n";
        Plan renamed = load("steps:\n  - ca_series" + body);
        Plan old = load("steps:\n  - sweep" + body);
        assertThat(renamed.steps()).extracting(PlannedStep::kind).containsExactly("ca", "ca");
        assertThat(old.steps()).extracting(PlannedStep::label).containsExactlyElementsOf(
                renamed.steps().stream().map(PlannedStep::label).toList());
        assertThat(renamed.notes()).isEmpty();
        assertThat(old.notes()).containsExactly(home.resolve("p.yaml") + ":2:5: 'sweep' is the old name of 'ca_series'"
                + " (a CA step at each potential of a list) and is read as ca_series; rename it, since 'sweep' will mean"
                + " a potential sweep");
        // A note is not a warning: --strict does not refuse an old protocol for its old name.
        assertThat(old.warnings()).isEmpty();
    }

    @Test
    void aHoldWithoutTimeoutWaitsWithoutLimit() throws Exception {
        Plan plan = load("""
                steps:
                  - hold: {message: Start when ready, cell: ocp, interval: 2 s}
                """);
        PlannedStep.Hold hold = plan.holds().get(0);
        assertThat(hold.timeout()).isEqualTo(Optional.empty());
        assertThat(hold.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(List.of(hold.duration())).containsExactly(Duration.ZERO);
    }
}
