package org.norrlab.scheduler;

import org.junit.jupiter.api.Test;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.ImpedanceTiming;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.ImpedanceRequest;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.plan.Plan;
import org.norrlab.plan.PlannedStep;
import org.norrlab.run.RunService;
import org.norrlab.testing.Fixtures;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An eis step at plan time: refused on the Rodeostat in its driver's words, refused on an EmStat when a frequency is
 * beyond the profile's limits, accepted there otherwise. The protocol loader does not read eis steps yet (another part
 * of issue 21), so the step is put into the demo plan in its place.
 */
class ImpedancePlanCheckTest {
    private static final String RODEOSTAT_REFUSAL = "the Rodeostat (rodeostat) cannot measure impedance: its firmware"
            + " sets DC potentials and reads DC currents only, with no AC excitation or frequency response; run the eis"
            + " step on an instrument whose profile lists eis under techniques, or enter R_u measured elsewhere with"
            + " 'norrlab ru set'";

    /** demo-sweep's plan with one eis step at open circuit in place of its steps. */
    private static Plan withImpedanceStep(List<Double> frequencies) throws Exception {
        Plan p = new RunService(SiteConfig.load(Fixtures.HOME)).loadPlan(Fixtures.HOME.resolve("protocols/demo-sweep.yaml"));
        PlannedStep first = p.steps().get(0);
        PlannedStep eis = new PlannedStep.Impedance(1, "eis", Optional.empty(), 0, 0.010, frequencies,
                CurrentRangeChoice.AUTO, first.source(), first.context());
        return new Plan(p.name(), p.description(), p.file(), p.protocolText(), p.cell(), List.of(eis), p.safety(),
                p.onInterruption(), p.warnings(), p.electrolyte(), p.unattended(), p.notes());
    }

    private static InstrumentProfile profile(String name) throws Exception {
        return new DriverRegistry(Fixtures.HOME).profile(name);
    }

    @Test
    void theRodeostatRefusesAnEisStepAtPlanTimeAndInItsDriver() throws Exception {
        Plan plan = withImpedanceStep(ImpedanceTiming.logSpaced(10_000, 1, 5));
        String where = "step 1 (eis, " + plan.steps().get(0).source() + ")";
        assertThat(PlanCheck.problems(plan, profile("rodeostat"))).containsExactly(where + " on rodeostat: "
                + RODEOSTAT_REFUSAL);
        // The driver's own check before sending (what its start throws) in the same words.
        ImpedanceRequest request = (ImpedanceRequest) Scheduler.request(plan.steps().get(0),
                plan.steps().get(0).duration());
        assertThat(DriverRegistry.refusals(profile("rodeostat"), request)).containsExactly(RODEOSTAT_REFUSAL);
    }

    @Test
    void anEmStatRefusesFrequenciesBeyondItsProfileAtPlanTime() throws Exception {
        Plan fine = withImpedanceStep(ImpedanceTiming.logSpaced(100_000, 0.1, 10));
        assertThat(PlanCheck.problems(fine, profile("emstat4-hr"))).isEmpty();
        Plan tooHigh = withImpedanceStep(ImpedanceTiming.logSpaced(1_000_000, 10, 5));
        String where = "step 1 (eis, " + tooHigh.steps().get(0).source() + ")";
        assertThat(PlanCheck.problems(tooHigh, profile("emstat4-hr"))).containsExactly(where + " on emstat4-hr:"
                + " emstat4-hr cannot measure impedance at 1000 kHz (frequency 1 of 26): its profile allows 100.0 mHz"
                + " to 200.0 kHz; choose frequencies within that range");
    }
}
