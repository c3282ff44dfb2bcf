package org.norrlab.plan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Gas;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The eis step: DC potential or open circuit, amplitude rms/peak, frequencies, repeat and gas; every refusal with file:line. */
class ImpedanceStepsLoaderTest {
    private static final double RE_TO_RHE = LoaderSite.AG_AGCL_PH7_RE_TO_RHE;

    @TempDir
    Path home;

    SiteConfig site;

    @BeforeEach
    void writeSite() throws IOException, ConfigException {
        site = LoaderSite.agAgClAtPh7(home);
    }

    private PlannedStep.Impedance only(String protocol) throws IOException, ConfigException {
        return LoaderSite.load(home, site, protocol).steps().get(0).asImpedance().orElseThrow();
    }

    private Path file() {
        return LoaderSite.file(home);
    }

    private String refusal(String protocol) throws IOException {
        return LoaderSite.refusal(home, site, protocol);
    }

    @Test
    void aSpectrumAtAPotentialIsReadWithItsRangeOfFrequencies() throws Exception {
        PlannedStep.Impedance eis = only("""
                steps:
                  - eis:
                      label: R_u before CA
                      potential: -0.4 V vs RHE
                      amplitude: 10 mV rms
                      from: 100 kHz
                      to: 0.1 Hz
                      per_decade: 10
                      current_range: 10 mA
                      gas: NO
                """);
        assertThat(eis.label()).isEqualTo("R_u before CA");
        assertThat(eis.dcPotential().orElseThrow().voltsVsRhe()).isEqualTo(-0.4);
        // -0.4 - 0.6111 = -1.0111 V vs RE
        assertThat(eis.dcPotential().orElseThrow().voltsVsReference()).isCloseTo(-0.4 - RE_TO_RHE, within(1e-4));
        assertThat(eis.openCircuitOffsetVolts()).isZero();
        assertThat(eis.amplitudeVoltsRms()).isCloseTo(0.010, within(1e-15));
        // 100 kHz .. 0.1 Hz is 6 decades: 60 intervals, 61 frequencies, 10^(1/10) = 1.2589 apart
        assertThat(eis.frequenciesHz()).hasSize(61);
        assertThat(eis.frequenciesHz().get(0)).isEqualTo(1e5);
        assertThat(eis.frequenciesHz().get(1)).isCloseTo(1e5 / Math.pow(10, 0.1), within(1e-6));
        assertThat(eis.frequenciesHz().get(10)).isCloseTo(1e4, within(1e-6));
        assertThat(eis.frequenciesHz().get(60)).isEqualTo(0.1);
        assertThat(eis.currentRange()).isEqualTo(CurrentRangeChoice.fixed(0.010));
        assertThat(eis.context().gas()).contains(Gas.NITRIC_OXIDE);
        assertThat(eis.plannedSamples()).isEqualTo(61);
        // the slowest point, 0.1 Hz: 0.5 s settling + 3 periods of 10 s = 30.5 s
        assertThat(eis.interval()).isEqualTo(Duration.ofMillis(30_500));
        assertThat(eis.kind()).isEqualTo("eis");
    }

    @Test
    void aSpectrumAtOpenCircuitWithAnOffsetAndAPeakAmplitudeConvertedToRms() throws Exception {
        PlannedStep.Impedance eis = only("""
                steps:
                  - eis: {at: ocp, offset: -20 mV, amplitude: 14.142 mV peak, frequencies: [10 kHz, 1 kHz, 100 Hz]}
                """);
        assertThat(eis.dcPotential()).isEmpty();
        assertThat(eis.openCircuitOffsetVolts()).isCloseTo(-0.020, within(1e-15));
        // 14.142 mV peak / √2 = 10.000 mV rms
        assertThat(eis.amplitudeVoltsRms()).isCloseTo(0.014142 / Math.sqrt(2), within(1e-12));
        assertThat(eis.amplitudeVoltsRms()).isCloseTo(0.010, within(1e-6));
        assertThat(eis.frequenciesHz()).containsExactly(1e4, 1e3, 100.0);
        assertThat(eis.label()).isEqualTo("EIS at OCP -20 mV");
        assertThat(eis.currentRange()).isEqualTo(CurrentRangeChoice.AUTO);
        // 3 × 0.5 s + 3 × (1/10000 + 1/1000 + 1/100) s = 1.5 + 0.0333 = 1.5333 s
        assertThat(eis.duration().toNanos() / 1e9).isCloseTo(1.5 + 3 * (1e-4 + 1e-3 + 1e-2), within(1e-9));
        assertThat(eis.summary()).isEqualTo("EIS at OCP -0.020 V, 10 mV rms, 10 kHz → 100 Hz (3 frequencies)");
    }

    @Test
    void eisStandsInARepeatBlockAndTakesTheCellBlocksGas() throws Exception {
        Plan plan = LoaderSite.load(home, site, """
                cell: {gas: Ar}
                steps:
                  - repeat:
                      times: 2
                      steps:
                        - eis: {at: ocp, amplitude: 5 mV rms, frequencies: [1 kHz]}
                        - ca: {potential: -0.5 V vs RHE, duration: 1 min, interval: 1 s}
                """);
        assertThat(plan.steps()).extracting(PlannedStep::kind).containsExactly("eis", "ca", "eis", "ca");
        assertThat(plan.steps().get(2).context().cycle()).isEqualTo(2);
        assertThat(plan.steps().get(2).context().gas()).contains(Gas.ARGON);
        assertThat(plan.steps().get(2).asImpedance().orElseThrow().label()).isEqualTo("EIS at OCP");
    }

    @Test
    void everyBadFieldIsRefusedWithFileLineAndWhatIsAllowed() throws IOException {
        String head = "steps:\n  - eis:\n";
        String ok = "      amplitude: 10 mV rms\n      from: 100 kHz\n      to: 0.1 Hz\n      per_decade: 10\n";
        assertThat(refusal(head + "      potential: -0.4 V vs RHE\n      at: ocp\n" + ok)).isEqualTo(file()
                + ":3:7: field 'steps[1].eis': has both potential and at; an eis step is measured either at a DC potential"
                + " (potential: -0.4 V vs RHE) or at open circuit (at: ocp, with an optional offset: 10 mV)");
        assertThat(refusal(head + ok)).startsWith(file() + ":3:7: field 'steps[1].eis': has neither potential nor at;");
        assertThat(refusal(head + "      at: rest\n" + ok)).isEqualTo(file() + ":3:11: field 'steps[1].eis.at': 'rest'"
                + " is not allowed; allowed: ocp (the open-circuit potential measured just before the spectrum); for a set"
                + " potential write potential: -0.4 V vs RHE instead");
        assertThat(refusal(head + "      potential: -0.4 V vs RHE\n      offset: 10 mV\n" + ok)).isEqualTo(file()
                + ":4:15: field 'steps[1].eis.offset': only goes with at: ocp (an offset from the open-circuit potential);"
                + " with potential: write the DC potential itself");
        assertThat(refusal(head + "      at: ocp\n      offset: 1.5 V\n" + ok)).contains(":4:15: field"
                + " 'steps[1].eis.offset': '1.5 V' is too far from open circuit; allowed: -1 V .. +1 V");
        String dc = head + "      at: ocp\n";
        String range = "      from: 100 kHz\n      to: 0.1 Hz\n      per_decade: 10\n";
        assertThat(refusal(dc + "      amplitude: 10 mV\n" + range)).isEqualTo(file() + ":4:18: field"
                + " 'steps[1].eis.amplitude': '10 mV' does not say whether it is rms or peak; write e.g. '10 mV rms' or"
                + " '14 mV peak' (a peak amplitude is converted to rms: peak / √2)");
        assertThat(refusal(dc + "      amplitude: 60 mV rms\n" + range)).isEqualTo(file() + ":4:18: field"
                + " 'steps[1].eis.amplitude': '60 mV rms' is too large for a linear response of the cell; allowed: up to"
                + " 50 mV rms (70.7 mV peak); 5 to 10 mV rms is usual");
        // 80 mV peak / √2 = 56.6 mV rms
        assertThat(refusal(dc + "      amplitude: 80 mV peak\n" + range)).contains("'80 mV peak' (56.6 mV rms) is too"
                + " large for a linear response of the cell");
        assertThat(refusal(dc + "      amplitude: 0 mV rms\n" + range)).contains("field 'steps[1].eis.amplitude': must"
                + " be greater than zero, was '0 mV rms'");
        assertThat(refusal(dc + "      amplitude: 10 furlongs rms\n" + range)).contains("field 'steps[1].eis.amplitude':"
                + " 'furlongs' is not a unit for a potential; allowed: V, mV");
        String amp = dc + "      amplitude: 10 mV rms\n";
        assertThat(refusal(amp + "      from: 0.1 Hz\n      to: 100 kHz\n      per_decade: 10\n")).isEqualTo(file()
                + ":6:11: field 'steps[1].eis.to': '100 kHz' is above from (0.1 Hz); a spectrum runs from the highest"
                + " frequency (from) down to the lowest (to), so from must be at least to");
        assertThat(refusal(amp + "      from: 100 kHz\n      to: 0 Hz\n      per_decade: 10\n")).isEqualTo(file()
                + ":6:11: field 'steps[1].eis.to': must be greater than zero, was '0 Hz'");
        assertThat(refusal(amp + "      from: 100 kHz\n      to: 0.1 Hz\n      per_decade: 0\n")).isEqualTo(file()
                + ":7:19: field 'steps[1].eis.per_decade': 0 points per decade is not allowed; allowed: 1 .. 100");
        assertThat(refusal(amp + "      from: 100 kHz\n      to: 0.1 Hz\n")).contains("field 'steps[1].eis.per_decade'");
        assertThat(refusal(amp + "      from: 20 MHz\n      to: 0.1 Hz\n      per_decade: 10\n")).isEqualTo(file()
                + ":5:13: field 'steps[1].eis.from': '20 MHz' is above 10 MHz, more than any potentiostat measures;"
                + " allowed: greater than 0 Hz and at most 10 MHz (mHz is millihertz, MHz megahertz)");
        assertThat(refusal(amp + "      from: 100 kHz\n      to: 0.1 Hz\n      per_decade: 10\n"
                + "      frequencies: [1 kHz]\n")).isEqualTo(file() + ":3:7: field 'steps[1].eis': has both"
                + " from/to/per_decade and frequencies; write a range (from: 100 kHz, to: 0.1 Hz, per_decade: 10) or a"
                + " list (frequencies: [100 kHz, 1 kHz, 10 Hz])");
        assertThat(refusal(amp)).contains("field 'steps[1].eis': has no frequencies; write a range");
        assertThat(refusal(amp + "      frequencies: [1 kHz, 10 kHz]\n")).isEqualTo(file() + ":5:28: field"
                + " 'steps[1].eis.frequencies[2]': '10 kHz' is not below the frequency before it (1 kHz); list the"
                + " frequencies from the highest to the lowest, each once, as they are measured");
        assertThat(refusal(amp + "      frequencies: [1 kHz, -5 Hz]\n")).contains("field 'steps[1].eis.frequencies[2]':"
                + " must be greater than zero, was '-5 Hz'");
        assertThat(refusal(amp + "      frequencies: [1 kHz, 5]\n")).contains("'5' has no unit; a frequency needs one"
                + " of: Hz, kHz, MHz, mHz");
        assertThat(refusal(amp + "      frequencies: []\n")).contains("lists no frequencies");
        assertThat(refusal(amp + "      frequencies: [1 kHz]\n      duration: 1 min\n"))
                .contains("field 'steps[1].eis.duration': is not a known field here");
    }

    @Test
    void aSpectrumListsAllowedStepKinds() throws IOException {
        assertThat(refusal("steps:\n  - swv: {}\n")).endsWith("allowed: ocp, ca, ca_series, lsv, cv, cp, eis, hold, repeat");
    }

    @Test
    void theFrequenciesOfAListAreKeptInTheirOrder() throws Exception {
        assertThat(only("steps:\n  - eis: {potential: -1.0 V vs RE, amplitude: 10 mV rms, frequencies: [50 kHz, 2 Hz,"
                + " 500 mHz]}\n").frequenciesHz()).isEqualTo(List.of(5e4, 2.0, 0.5));
    }
}
