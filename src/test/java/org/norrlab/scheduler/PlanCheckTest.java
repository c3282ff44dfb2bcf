package org.norrlab.scheduler;

import org.norrlab.config.SiteConfig;
import org.norrlab.core.Capabilities;
import org.norrlab.core.Technique;
import org.norrlab.plan.Plan;
import org.norrlab.run.RunService;
import org.norrlab.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A step whose technique the instrument's capabilities do not list is refused before the session starts. */
class PlanCheckTest {

    private static Plan demoSweep() throws Exception {
        return new RunService(SiteConfig.load(Fixtures.HOME)).loadPlan(Fixtures.HOME.resolve("protocols/demo-sweep.yaml"));
    }

    private static Capabilities only(Set<Technique> techniques) {
        return new Capabilities(-5, 5, List.of(1.0), Duration.ofMillis(1), techniques);
    }

    @Test
    void aStepLongerThanTheSitesStepLimitIsRefusedBeforeTheFirstStepNamingStepDurationAndLimit(@TempDir Path dir)
            throws Exception {
        // config/site.yaml of the fixture home: max_step_duration: 24 h. A step of exactly 24 h is allowed.
        Path file = dir.resolve("long.yaml");
        Files.writeString(file, """
                steps:
                  - ca: {potential: -0.5 V vs RHE, duration: 24 h, interval: 1 s}
                  - ca: {label: overnight, potential: -0.5 V vs RHE, duration: 1000 h, interval: 1 s}
                """);
        Plan plan = new RunService(SiteConfig.load(Fixtures.HOME)).loadPlan(file);
        assertThat(PlanCheck.problems(plan, only(Capabilities.ALL_TECHNIQUES), "sim")).containsExactly("step 2 (overnight, "
                + file + ":3:5): the duration 1000 h is longer than the step limit max_step_duration"
                + " 24 h (config/site.yaml or the protocol's safety block); split the step into several of at"
                + " most the limit, or raise it");
    }

    @Test
    void anInstrumentWithoutOpenCircuitRefusesTheOcpStepByNameAndLine() throws Exception {
        Plan plan = demoSweep();
        List<String> problems = PlanCheck.problems(plan, only(EnumSet.of(Technique.CHRONOAMPEROMETRY)), "rodeostat");
        assertThat(problems).containsExactly("step 1 (" + plan.steps().get(0).label() + ", " + plan.steps().get(0).source()
                + "): rodeostat cannot record the open-circuit potential; remove the ocp step or run it on another instrument");
    }

    @Test
    void everyTechniqueTheCapabilitiesLeaveOutIsRefusedStepByStep() throws Exception {
        Plan plan = demoSweep();
        List<String> problems = PlanCheck.problems(plan, only(EnumSet.of(Technique.OPEN_CIRCUIT)), "ocp-meter");
        assertThat(problems).hasSize(4).allMatch(p -> p.endsWith(": ocp-meter cannot hold a potential and record the"
                + " current; remove the ca step or run it on another instrument"));
        assertThat(PlanCheck.problems(plan, only(Capabilities.ALL_TECHNIQUES), "sim")).isEmpty();
    }

    @Test
    void aHoldWithTheCellOffAsksNothingOfTheInstrumentWhileAHoldAtOpenCircuitNeedsOcp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("holds.yaml");
        Files.writeString(file, """
                steps:
                  - ca: {potential: -0.5 V vs RHE, duration: 1 min, interval: 1 s}
                  - hold: {message: Take an aliquot, cell: off, timeout: 10 min, on_timeout: abort}
                  - hold: {message: Rest at open circuit, cell: ocp, interval: 1 s, timeout: 10 min, on_timeout: abort}
                """);
        Plan plan = new RunService(SiteConfig.load(Fixtures.HOME)).loadPlan(file);
        assertThat(PlanCheck.problems(plan, only(EnumSet.of(Technique.CHRONOAMPEROMETRY)), "rodeostat")).containsExactly(
                "step 3 (Hold: Rest at open circuit, " + file + ":4:5): rodeostat cannot record the open-circuit potential;"
                        + " remove the hold step or run it on another instrument");
    }

    @Test
    void aSweepTooFastForTheInstrumentIsRefusedInTheTermsItWasWrittenIn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fast.yaml");
        Files.writeString(file, """
                steps:
                  - cv: {vertex1: 0.3 V vs RHE, vertex2: 0.4 V vs RHE, scan_rate: 2 V/s, step: 1 mV}
                """);
        Plan plan = new RunService(SiteConfig.load(Fixtures.HOME)).loadPlan(file);
        // 1 mV at 2000 mV/s: a point every 0.5 ms, below the 1 ms of these capabilities
        assertThat(PlanCheck.problems(plan, only(Capabilities.ALL_TECHNIQUES), "sim")).containsExactly("step 1 ("
                + plan.steps().get(0).label() + ", " + file + ":2:5): one point per 1 mV at 2000 mV/s, i.e. every "
                + "0.5 ms, which is shorter than sim's minimum of 1 ms; choose a larger potential step or a slower scan rate");
    }
}
