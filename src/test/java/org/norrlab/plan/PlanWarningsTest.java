package org.norrlab.plan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The two warning rules of {@link PlanWarnings}: where they fire, where they stay quiet, and their exact words. */
class PlanWarningsTest {
    @TempDir
    Path home;

    SiteConfig site;

    @BeforeEach
    void writeSite() throws IOException, ConfigException {
        // Ag/AgCl (sat. KCl) at pH 7, 25 C: E(RHE) = E(RE) + 0.197 + 0.05916 * 7 = E(RE) + 0.611 V
        site = LoaderSite.write(home, "cell: {reference_electrode: Ag/AgCl (sat. KCl), ph: 7.0, electrode_area: 1 cm2, electrolyte_volume: 35 mL}\n");
    }

    private Plan plan(String text) throws IOException, ConfigException {
        return LoaderSite.load(home, site, text);
    }

    @Test
    void anOxidisingStepInAReductionSweepIsASignSlip() throws Exception {
        Plan plan = plan("""
                steps:
                  - sweep:
                      potentials: [-0.4 V vs RHE, 0.6 V vs RHE, -0.5 V vs RHE, -0.7 V vs RHE]
                      duration: 1 min
                      interval: 1 s
                """);
        // "      potentials: [-0.4 V vs RHE, " is 6 + 13 + 15 = 34 characters: the second potential starts at column 35 of line 3
        assertThat(plan.warnings()).containsExactly(new PlanWarning("step 2 (CA +0.600 V vs RHE, " + home.resolve("p.yaml")
                + ":3:35): +0.600 V vs RHE is oxidising, while 3 of the protocol's 4 CA steps are below 0 V vs RHE"
                + " (reducing, as NORR is); a sign slip? Write the potential with its minus sign, or run with this warning"
                + " if the step is meant to oxidise"));
    }

    @Test
    void theSignSlipRuleNeedsMoreReducingStepsThanOxidisingOnesAndAStepAboveOneTenthOfAVolt() throws Exception {
        // one reduction and one oxidising clean-up: as many oxidising steps as reducing ones, no warning
        assertThat(plan("""
                steps:
                  - ca: {potential: -0.5 V vs RHE, duration: 1 min, interval: 1 s}
                  - ca: {potential: 0.6 V vs RHE, duration: 1 min, interval: 1 s}
                """).warnings()).isEmpty();
        // +0.05 V vs RHE is an onset step, not oxidising
        assertThat(plan("""
                steps:
                  - sweep: {potentials: [0.05 V vs RHE, -0.1 V vs RHE, -0.2 V vs RHE], duration: 1 min, interval: 1 s}
                """).warnings()).isEmpty();
        // vs RE it is the RHE value that counts: -0.4 V vs RE is +0.211 V vs RHE, a slip among two reductions
        assertThat(plan("""
                steps:
                  - ca: {potential: -1.1 V vs RE, duration: 1 min, interval: 1 s}
                  - ca: {potential: -0.4 V vs RE, duration: 1 min, interval: 1 s}
                  - ca: {potential: -1.2 V vs RE, duration: 1 min, interval: 1 s}
                """).warnings()).singleElement().asString().startsWith("step 2 (CA -0.400 V vs RE, ")
                .contains("+0.211 V vs RHE is oxidising, while 2 of the protocol's 3 CA steps are below 0 V vs RHE");
    }

    @Test
    void aProtocolWhoseEveryCaStepIsOxidisingHasLostItsMinusSigns() throws Exception {
        Plan plan = plan("""
                steps:
                  - ocp: {duration: 1 min, interval: 1 s}
                  - sweep: {potentials: [0.4 V vs RHE, 0.7 V vs RHE], duration: 1 min, interval: 1 s}
                """);
        // "  - sweep: {potentials: [" is 25 characters: the first potential at line 3, column 26; "0.4 V vs RHE, " is 14 more
        String file = home.resolve("p.yaml").toString();
        assertThat(plan.warnings()).containsExactly(new PlanWarning("all 2 CA steps are above +0.1 V vs RHE (oxidising),"
                + " and NORR reduces: were the minus signs lost? step 2 (CA +0.400 V vs RHE, " + file + ":3:26), step 3 (CA"
                + " +0.700 V vs RHE, " + file + ":3:40). Write the potentials with their minus signs, or run with this"
                + " warning if the protocol is meant to oxidise"));
        // one onset step at +0.05 V vs RHE is not above 0.1 V: not every step is oxidising, and no reduction to compare with
        assertThat(plan("""
                steps:
                  - ca: {potential: 0.05 V vs RHE, duration: 1 min, interval: 1 s}
                  - ca: {potential: 0.6 V vs RHE, duration: 1 min, interval: 1 s}
                """).warnings()).isEmpty();
    }

    @Test
    void oneSweepMixingBothScalesIsFlaggedOnceAtTheSweep() throws Exception {
        Plan plan = plan("""
                steps:
                  - sweep:
                      potentials: [-0.4 V vs RHE, -1.1 V vs RE, -0.6 V vs RHE]
                      duration: 1 min
                      interval: 1 s
                """);
        // the sweep item: "sweep:" after "  - " starts at line 2, column 5
        assertThat(plan.warnings()).containsExactly(new PlanWarning("sweep at " + home.resolve("p.yaml") + ":2:5 mixes"
                + " potentials vs RHE (-0.400 V vs RHE, -0.600 V vs RHE) and vs RE (-1.100 V vs RE); each is converted on its"
                + " own, so the steps are not evenly spaced on either scale: write every potential of the sweep vs RHE (or"
                + " every one vs RE)"));
    }

    @Test
    void twoStepsOnDifferentScalesAreNotOneSweepAndTheShippedProtocolsHaveNoWarnings() throws Exception {
        assertThat(plan("""
                steps:
                  - ca: {potential: -0.4 V vs RHE, duration: 1 min, interval: 1 s}
                  - ca: {potential: -1.1 V vs RE, duration: 1 min, interval: 1 s}
                """).warnings()).isEmpty();
        SiteConfig shipped = SiteConfig.load(Path.of("").toAbsolutePath());
        try (var protocols = Files.list(Path.of("protocols"))) {
            for (Path file : protocols.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                assertThat(ProtocolLoader.load(file, shipped).warnings()).as(file.toString()).isEmpty();
            }
        }
    }
}
