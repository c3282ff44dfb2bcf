package org.norrlab.plan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProtocolLoaderTest {
    @TempDir
    Path home;

    SiteConfig site;

    @BeforeEach
    void writeSite() throws IOException, ConfigException {
        site = LoaderSite.agAgClAtPh7(home);
    }

    private Path protocol(String text) throws IOException {
        Path file = home.resolve("p.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void theShippedProtocolsLoadWithBothPotentials() throws ConfigException {
        SiteConfig shipped = SiteConfig.load(Path.of("").toAbsolutePath());
        Plan sweep = ProtocolLoader.load(Path.of("protocols/norr-sweep.yaml"), shipped);
        // OCP, then each potential's CA followed by the hold that waits for the operator
        assertThat(sweep.steps()).extracting(PlannedStep::kind)
                .containsExactly("ocp", "ca", "hold", "ca", "hold", "ca", "hold", "ca", "hold");
        // 5 min OCP + 4 × 1 h CA + 4 holds of at most 30 min = 6 h 5 min at the longest
        assertThat(sweep.totalDuration()).isEqualTo(Duration.ofMinutes(5).plusHours(6));
        assertThat(sweep.holds()).hasSize(4).allSatisfy(hold -> {
            assertThat(hold.message()).isEqualTo("Replace the catholyte and take a 1 mL aliquot for the NH3 assay");
            assertThat(hold.cell()).isEqualTo(PlannedStep.Hold.HoldCell.OFF);
            assertThat(hold.timeout()).contains(Duration.ofMinutes(30));
            assertThat(hold.onTimeout()).contains(PlannedStep.Hold.OnTimeout.ABORT);
        });
        assertThat(sweep.unattended()).isFalse();
        // the operator's 1 mL at each hold, taken from what the CA step before it made
        assertThat(sweep.electrolyte().aliquots()).extracting(a -> a.afterStep(), a -> a.volumeMl(), a -> a.takenBy())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 1.0, Electrolyte.TakenBy.OPERATOR),
                        org.assertj.core.groups.Tuple.tuple(4, 1.0, Electrolyte.TakenBy.OPERATOR),
                        org.assertj.core.groups.Tuple.tuple(6, 1.0, Electrolyte.TakenBy.OPERATOR),
                        org.assertj.core.groups.Tuple.tuple(8, 1.0, Electrolyte.TakenBy.OPERATOR));
        assertThat(sweep.steps().get(0)).isInstanceOf(PlannedStep.OpenCircuit.class);
        PlannedStep.Chronoamperometry ca = (PlannedStep.Chronoamperometry) sweep.steps().get(5);
        assertThat(ca.voltsVsRhe()).isEqualTo(-0.6);
        // pH 7, Ag/AgCl (sat. KCl), 25 °C: -0.60 - 0.197 - 0.414 = -1.211 V (reference worked example).
        assertThat(ca.voltsVsReference()).isCloseTo(-1.211, within(0.0005));
        assertThat(ca.plannedSamples()).isEqualTo(36_000);
        assertThat(ca.source().line()).isEqualTo(37);

        Plan demo = ProtocolLoader.load(Path.of("protocols/demo-sweep.yaml"), shipped);
        assertThat(demo.steps()).extracting(PlannedStep::kind).containsExactly("ocp", "ca", "ca", "ca", "ca");
        assertThat(demo.holds()).as("the README's first command never waits").isEmpty();
    }

    @Test
    void protocolCellOverridesTheSiteAndPotentialsVsReAreConvertedToRhe() throws Exception {
        Plan plan = ProtocolLoader.load(protocol("""
                cell:
                  ph: 1.0
                  reference_electrode: SCE
                steps:
                  - ca: {potential: -0.800 V vs RE, duration: 10 min, interval: 1 s, current_range: 10 mA}
                """), site);
        PlannedStep.Chronoamperometry ca = (PlannedStep.Chronoamperometry) plan.steps().get(0);
        assertThat(plan.cell().pH()).isEqualTo(1.0);
        assertThat(plan.cell().electrolyteVolumeMl()).isEqualTo(35.0);
        assertThat(ca.voltsVsReference()).isEqualTo(-0.8);
        assertThat(ca.voltsVsRhe()).isCloseTo(-0.5, within(0.0005));   // §3.2: -0.5 V vs RHE = -0.800 V vs SCE at pH 1
        assertThat(ca.currentRange().fullScaleAmperes()).isCloseTo(0.01, within(1e-15));
    }

    @Test
    void sweepWithRestBeforeEachPotential() throws Exception {
        Plan plan = ProtocolLoader.load(protocol("""
                steps:
                  - sweep:
                      potentials: [-0.4 V vs RHE, -0.5 V vs RHE]
                      duration: 1 h
                      interval: 0.5 s
                      rest_before: {duration: 2 min, interval: 1 s}
                """), site);
        assertThat(plan.steps()).extracting(PlannedStep::kind).containsExactly("ocp", "ca", "ocp", "ca");
        assertThat(plan.steps()).extracting(PlannedStep::index).containsExactly(1, 2, 3, 4);
        assertThat(plan.totalPlannedSamples()).isEqualTo(120 + 7200 + 120 + 7200);
    }

    @Test
    void aTypoInAFieldNamesFileLineAndWhatIsAllowed() throws IOException {
        Path file = protocol("""
                steps:
                  - ca:
                      potential: -0.5 V vs RHE
                      duraton: 1 h
                      interval: 1 s
                """);
        assertThatThrownBy(() -> ProtocolLoader.load(file, site))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":4:16: field 'steps[1].ca.duraton': is not a known field here;"
                        + " allowed: aliquot, current_range, duration, gas, interval, label, potential");
    }

    @Test
    void anUnknownStepKindIsNamed() throws IOException {
        Path file = protocol("steps:\n  - swv: {from: 0 V vs RHE}\n");
        assertThatThrownBy(() -> ProtocolLoader.load(file, site))
                .hasMessage(file + ":2:5: field 'steps[1].swv': is not a step kind; allowed: ocp, ca, ca_series, lsv, cv,"
                        + " cp, eis, hold, repeat");
    }

    @Test
    void aMissingUnitIsNamed() throws IOException {
        Path file = protocol("steps:\n  - ocp: {duration: 60, interval: 1 s}\n");
        assertThatThrownBy(() -> ProtocolLoader.load(file, site))
                .hasMessageStartingWith(file + ":2:21: field 'steps[1].ocp.duration': '60' has no unit");
    }

    @Test
    void anIntervalLongerThanTheStepIsRefused() throws IOException {
        Path file = protocol("steps:\n  - ocp: {duration: 1 s, interval: 2 s}\n");
        assertThatThrownBy(() -> ProtocolLoader.load(file, site))
                .hasMessageContaining("field 'steps[1].ocp.interval': the interval (2 s) is longer than the step's duration");
    }

    @Test
    void anUnknownReferenceElectrodeListsTheKnownOnes() throws IOException {
        Path file = protocol("cell: {reference_electrode: Ag wire}\nsteps:\n  - ocp: {duration: 1 s, interval: 1 s}\n");
        assertThatThrownBy(() -> ProtocolLoader.load(file, site))
                .hasMessageContaining(":1:29: field 'cell.reference_electrode': 'Ag wire' is not a reference electrode we know;"
                        + " use one of: Ag/AgCl (sat. KCl)");
    }

    @Test
    void aPhSetNowhereIsReported() throws Exception {
        Files.writeString(home.resolve("config/site.yaml"), "cell: {reference_electrode: SCE}\n");
        SiteConfig noPh = SiteConfig.load(home);
        Path file = protocol("steps:\n  - ocp: {duration: 1 s, interval: 1 s}\n");
        assertThatThrownBy(() -> ProtocolLoader.load(file, noPh))
                .hasMessageContaining("field 'cell.ph': is not set in the protocol's cell block nor in config/site.yaml");
    }

    @Test
    void aProtocolWithoutStepsIsRefused() throws IOException {
        Path file = protocol("name: nothing\nsteps: []\n");
        assertThatThrownBy(() -> ProtocolLoader.load(file, site))
                .hasMessageContaining("the protocol has no steps");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = home.resolve("nope.yaml");
        assertThatThrownBy(() -> ProtocolLoader.load(missing, site)).hasMessage(missing + ": file not found");
    }

    @Test
    void aSiteFileSavedAsUtf16AndAProtocolWithAnAliasedStepLoad() throws IOException, ConfigException {
        // Notepad's "Unicode": UTF-16LE with a BOM; the site sets pH 7.0, so E vs RE = E vs RHE - 0.6111 V (Ag/AgCl sat. KCl)
        byte[] text = "cell:\n  reference_electrode: Ag/AgCl (sat. KCl)\n  ph: 7.0\n  electrode_area: 1 cm2\n  electrolyte_volume: 35 mL\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        Files.write(home.resolve("config/site.yaml"), withBom);
        Plan plan = ProtocolLoader.load(protocol("steps:\n"
                + "  - ca: &hold {potential: -0.5 V vs RHE, duration: 10 min, interval: 1 s}\n"
                + "  - ca: {<<: *hold, potential: \u22120.6\u00a0V vs RHE}\n"), SiteConfig.load(home));
        assertThat(plan.steps()).hasSize(2);
        PlannedStep.Chronoamperometry second = (PlannedStep.Chronoamperometry) plan.steps().get(1);
        assertThat(second.voltsVsRhe()).isCloseTo(-0.6, within(1e-12));
        assertThat(second.voltsVsReference()).isCloseTo(-1.2111, within(1e-3));
        assertThat(second.duration()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void anEmptyInterruptionPolicySaysWhatIsAllowed() throws IOException {
        assertThatThrownBy(() -> ProtocolLoader.load(protocol("on_interruption:\nsteps:\n"
                + "  - ocp: {duration: 1 min, interval: 1 s}\n"), site))
                .hasMessageEndingWith("p.yaml:1:17: field 'on_interruption': is empty; write one of: restart, continue, skip");
    }
}
