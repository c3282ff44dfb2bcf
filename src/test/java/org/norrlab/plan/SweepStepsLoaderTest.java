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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The lsv, cv and cp steps and gas: values converted, defaults, every refusal with file:line, the warnings. */
class SweepStepsLoaderTest {
    private static final double RE_TO_RHE = LoaderSite.AG_AGCL_PH7_RE_TO_RHE;

    @TempDir
    Path home;

    SiteConfig site;

    @BeforeEach
    void writeSite() throws IOException, ConfigException {
        site = LoaderSite.agAgClAtPh7(home);
    }

    private Plan load(String protocol) throws IOException, ConfigException {
        return LoaderSite.load(home, site, protocol);
    }

    private Path file() {
        return LoaderSite.file(home);
    }

    private String refusal(String protocol) throws IOException {
        return LoaderSite.refusal(home, site, protocol);
    }

    @Test
    void anLsvIsReadWithItsUnitsAndConvertedToBothScales() throws Exception {
        Plan plan = load("""
                steps:
                  - lsv:
                      label: LSV under NO
                      start: 0.3 V vs RHE
                      end: -1511 mV vs RE
                      scan_rate: 5 mV/s
                      step: 2 mV
                      current_range: 10 mA
                      gas: NO
                """);
        PlannedStep.LinearSweep lsv = (PlannedStep.LinearSweep) plan.steps().get(0);
        assertThat(lsv.label()).isEqualTo("LSV under NO");
        assertThat(lsv.start().voltsVsRhe()).isEqualTo(0.3);
        // 0.3 - 0.6111 = -0.3111 V vs RE
        assertThat(lsv.start().voltsVsReference()).isCloseTo(0.3 - RE_TO_RHE, within(1e-4));
        // -1.511 + 0.6111 = -0.8999 V vs RHE
        assertThat(lsv.end().voltsVsRhe()).isCloseTo(-1.511 + RE_TO_RHE, within(1e-4));
        assertThat(lsv.end().voltsVsReference()).isCloseTo(-1.511, within(1e-12));
        assertThat(lsv.scanRateVoltsPerSecond()).isEqualTo(0.005);
        assertThat(lsv.stepVolts()).isCloseTo(0.002, within(1e-15));
        // one point per 2 mV at 5 mV/s: every 0.4 s; 1.1999 V / 5 mV/s = 239.98 s; the start point and
        // round(1.1999 V / 2 mV) = 600 steps: 601 points, both ends included
        assertThat(lsv.interval()).isEqualTo(Duration.ofMillis(400));
        assertThat(lsv.duration().toNanos() / 1e9).isCloseTo(239.98, within(0.01));
        assertThat(lsv.plannedSamples()).isEqualTo(601);
        assertThat(lsv.currentRange()).isEqualTo(CurrentRangeChoice.fixed(0.01));
        assertThat(lsv.context().gas()).contains(Gas.NITRIC_OXIDE);
        assertThat(lsv.source().line()).isEqualTo(2);
    }

    @Test
    void aCvDefaultsToBeginAtVertex1AndOneCycleAndReadsScanRatesInVoltsPerSecond() throws Exception {
        Plan plan = load("""
                steps:
                  - cv: {vertex1: 0.40 V vs RHE, vertex2: 0.30 V vs RHE, scan_rate: 0.1 V/s, step: 1 mV}
                  - cv: {begin: 0.2 V vs RHE, vertex1: -0.5 V vs RHE, vertex2: 0.3 V vs RHE, cycles: 20, scan_rate: 100 mV/s, step: 5 mV}
                """);
        PlannedStep.CyclicVoltammetry plain = (PlannedStep.CyclicVoltammetry) plan.steps().get(0);
        assertThat(plain.begin()).isEqualTo(plain.vertex1());
        assertThat(plain.cycles()).isEqualTo(1);
        assertThat(plain.scanRateVoltsPerSecond()).isEqualTo(0.1);
        assertThat(plain.label()).isEqualTo("CV at 100 mV/s");
        assertThat(plain.context().gas()).isEmpty();
        // 0.40 → 0.40 → 0.30 → 0.40: 0 + 0.1 + 0.1 = 0.2 V per cycle, at 0.1 V/s 2 s; the begin point and
        // 0.2 V / 1 mV = 200 steps: 201 points
        assertThat(plain.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(plain.plannedSamples()).isEqualTo(201);

        PlannedStep.CyclicVoltammetry activation = (PlannedStep.CyclicVoltammetry) plan.steps().get(1);
        assertThat(activation.begin().voltsVsRhe()).isEqualTo(0.2);
        assertThat(activation.vertex1().voltsVsReference()).isCloseTo(-0.5 - RE_TO_RHE, within(1e-4));
        assertThat(activation.cycles()).isEqualTo(20);
        // 0.2 → -0.5 → 0.3 → 0.2: 0.7 + 0.8 + 0.1 = 1.6 V per cycle; 20 × 1.6 V / 0.1 V/s = 320 s;
        // points: the begin point + 20 × (140 + 160 + 20 steps of 5 mV) = 6401
        assertThat(activation.duration()).isEqualTo(Duration.ofSeconds(320));
        assertThat(activation.interval()).isEqualTo(Duration.ofMillis(50));
        assertThat(activation.plannedSamples()).isEqualTo(6401);
        assertThat(activation.source().line()).isEqualTo(3);
    }

    @Test
    void aCpCurrentIsReadAsACurrentOrAsACurrentDensityTimesTheElectrodeArea() throws Exception {
        Plan plan = load("""
                cell:
                  electrode_area: 2 cm2
                steps:
                  - cp:
                      current: -5 mA/cm2
                      duration: 10 min
                      interval: 1 s
                      limits: {min: -1.2 V vs RHE, max: 0.5 V vs RE}
                  - cp: {current: -250 uA, duration: 1 min, interval: 1 min, label: small}
                """);
        PlannedStep.Chronopotentiometry dense = (PlannedStep.Chronopotentiometry) plan.steps().get(0);
        // -5 mA/cm2 × 2 cm2 = -10 mA, cathodic negative
        assertThat(dense.currentAmperes()).isCloseTo(-0.010, within(1e-12));
        assertThat(dense.currentAsWritten()).isEqualTo("-5 mA/cm2");
        assertThat(dense.label()).isEqualTo("CP at -5 mA/cm2");
        assertThat(dense.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(dense.plannedSamples()).isEqualTo(600);
        assertThat(dense.lowerLimit().orElseThrow().voltsVsReference()).isCloseTo(-1.2 - RE_TO_RHE, within(1e-4));
        // 0.5 V vs RE + 0.6111 = 1.1111 V vs RHE
        assertThat(dense.upperLimit().orElseThrow().voltsVsRhe()).isCloseTo(0.5 + RE_TO_RHE, within(1e-4));
        assertThat(dense.potentialsText(true)).isEqualTo("limits -1.200 … 1.111");
        PlannedStep.Chronopotentiometry small = (PlannedStep.Chronopotentiometry) plan.steps().get(1);
        assertThat(small.currentAmperes()).isCloseTo(-250e-6, within(1e-15));
        assertThat(small.lowerLimit()).isEmpty();
        assertThat(small.upperLimit()).isEmpty();
        assertThat(small.label()).isEqualTo("small");
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void everyRefusalNamesFileLineFieldAndWhatIsAllowed() throws IOException {
        String f = file().toString();
        String lsv = "steps:\n  - lsv: {start: 0.3 V vs RHE, end: 0.2 V vs RHE, %s}\n";
        assertThat(refusal(lsv.formatted("scan_rate: 0 mV/s, step: 1 mV")))
                .isEqualTo(f + ":2:62: field 'steps[1].lsv.scan_rate': must be greater than zero, was '0 mV/s'");
        assertThat(refusal(lsv.formatted("scan_rate: 5 mV, step: 1 mV")))
                .isEqualTo(f + ":2:62: field 'steps[1].lsv.scan_rate': 'mV' is not a unit for a scan rate; allowed: V/s,"
                        + " mV/s, V s-1, mV s-1");
        assertThat(refusal(lsv.formatted("scan_rate: 5 mV/s, step: 0 mV")))
                .isEqualTo(f + ":2:76: field 'steps[1].lsv.step': must be greater than zero, was '0 mV'");
        assertThat(refusal(lsv.formatted("scan_rate: 5 mV/s, step: 200 mV")))
                .isEqualTo(f + ":2:76: field 'steps[1].lsv.step': '200 mV' is larger than the sweep's span from start to"
                        + " end (100 mV); the step must be at most that, typically 1 to 10 mV");
        assertThat(refusal("steps:\n  - lsv: {start: 0.3 V vs RHE, end: 0.3 V vs RHE, scan_rate: 5 mV/s, step: 1 mV}\n"))
                .startsWith(f + ":2:37: field 'steps[1].lsv.end': is where the sweep starts (+0.300 V vs RHE); an LSV"
                        + " needs an end potential that differs from its start");
        assertThat(refusal("steps:\n  - lsv: {start: 0.3 V, end: 0.2 V vs RHE, scan_rate: 5 mV/s, step: 1 mV}\n"))
                .startsWith(f + ":2:18: field 'steps[1].lsv.start': '0.3 V' does not say what the potential is against");

        String cv = "steps:\n  - cv: {vertex1: 0.4 V vs RHE, vertex2: %s, scan_rate: 50 mV/s, step: 1 mV%s}\n";
        assertThat(refusal(cv.formatted("0.4 V vs RHE", "")))
                .isEqualTo(f + ":2:42: field 'steps[1].cv.vertex2': is vertex1 (+0.400 V vs RHE); a CV sweeps between two"
                        + " different vertices");
        assertThat(refusal(cv.formatted("0.3 V vs RHE", ", begin: 0.5 V vs RHE")))
                .isEqualTo(f + ":2:95: field 'steps[1].cv.begin': +0.500 V vs RHE (0.500 V vs RHE) is outside the vertices"
                        + " 0.300 .. 0.400 V vs RHE; a CV begins between its vertices (or at one of them; left out, at"
                        + " vertex1)");
        assertThat(refusal(cv.formatted("0.3 V vs RHE", ", cycles: 0")))
                .isEqualTo(f + ":2:96: field 'steps[1].cv.cycles': 0 cycles is not allowed; allowed: 1 .. 10000");
        assertThat(refusal(cv.formatted("0.3 V vs RHE", ", step: 150 mV").replace("step: 1 mV, ", "")))
                .isEqualTo(f + ":2:82: field 'steps[1].cv.step': '150 mV' is larger than the window between vertex1 and"
                        + " vertex2 (100 mV); the step must be at most that, typically 1 to 10 mV");

        String cp = "steps:\n  - cp: {current: %s, duration: 1 min, interval: %s%s}\n";
        assertThat(refusal(cp.formatted("0 mA", "1 s", "")))
                .isEqualTo(f + ":2:19: field 'steps[1].cp.current': is zero: a CP step at 0 A is a rest at open circuit;"
                        + " write an ocp step, or a current (cathodic negative, e.g. '-10 mA')");
        assertThat(refusal(cp.formatted("-10 mV", "1 s", "")))
                .isEqualTo(f + ":2:19: field 'steps[1].cp.current': 'mV' is not a unit for a current; allowed: A, mA, uA,"
                        + " µA, nA, pA");
        assertThat(refusal(cp.formatted("-10 mA", "2 min", "")))
                .isEqualTo(f + ":2:54: field 'steps[1].cp.interval': the interval (2 min) is longer than the step's"
                        + " duration; it must be at most the duration");
        assertThat(refusal(cp.formatted("-10 mA", "1 s", ", limits: {min: 0.2 V vs RHE, max: 0.1 V vs RHE}")))
                .isEqualTo(f + ":2:92: field 'steps[1].cp.limits.max': +0.100 V vs RHE (0.100 V vs RHE) is not above min"
                        + " +0.200 V vs RHE (0.200 V vs RHE); the potential must stay between min and max");
        assertThat(refusal(cp.formatted("-10 mA", "1 s", ", current_range: 1 mA")))
                .isEqualTo(f + ":2:74: field 'steps[1].cp.current_range': '1 mA' is smaller than the set current -10 mA;"
                        + " choose a range of at least the current, or auto");

        assertThat(refusal("steps:\n  - ocp: {duration: 1 min, interval: 1 s, gas: N2}\n"))
                .isEqualTo(f + ":2:48: field 'steps[1].ocp.gas': 'N2' is not a gas norrlab knows; allowed: Ar, NO (the gas"
                        + " the electrolyte is saturated with)");
        assertThat(refusal("cell:\n  gas:\nsteps:\n  - ocp: {duration: 1 min, interval: 1 s}\n"))
                .startsWith(f + ":2:").contains("field 'cell.gas': is empty; allowed: Ar, NO");
        assertThat(refusal("cell:\n  gass: Ar\nsteps:\n  - ocp: {duration: 1 min, interval: 1 s}\n"))
                .startsWith(f + ":2:").contains("'cell.gass': is not a known field here; allowed:").contains(" gas,");
    }

    @Test
    void theCellBlocksGasIsEveryMeasuringStepsUnlessTheStepNamesItsOwn() throws Exception {
        Plan plan = load("""
                cell:
                  gas: Ar
                steps:
                  - ocp: {duration: 1 min, interval: 1 s}
                  - lsv: {start: 0.3 V vs RHE, end: -0.9 V vs RHE, scan_rate: 50 mV/s, step: 2 mV}
                  - hold: {message: Switch the gas to NO and saturate for 30 min}
                  - lsv: {start: 0.3 V vs RHE, end: -0.9 V vs RHE, scan_rate: 50 mV/s, step: 2 mV, gas: NO}
                  - ca_series:
                      potentials: [-0.4 V vs RHE, -0.5 V vs RHE]
                      duration: 1 min
                      interval: 1 s
                      gas: NO
                      rest_before: {duration: 10 s, interval: 1 s}
                """);
        assertThat(plan.steps()).extracting(PlannedStep::kind)
                .containsExactly("ocp", "lsv", "hold", "lsv", "ocp", "ca", "ocp", "ca");
        assertThat(plan.steps()).extracting(s -> s.context().gas().map(Gas::written).orElse("-"))
                .containsExactly("Ar", "Ar", "-", "NO", "NO", "NO", "NO", "NO");
        assertThat(plan.warnings()).isEmpty();
        // the batches are still counted as before (refresh: the second CA step begins a fresh batch, its rest does not)
        assertThat(plan.steps()).extracting(s -> s.context().batch()).containsExactly(1, 1, 1, 1, 1, 1, 1, 2);
    }

    @Test
    void aGasChangeWithoutAHoldBeforeItIsWarnedAbout() throws Exception {
        Plan plan = load("""
                cell:
                  gas: Ar
                steps:
                  - lsv: {start: 0.3 V vs RHE, end: -0.9 V vs RHE, scan_rate: 50 mV/s, step: 2 mV, label: LSV Ar}
                  - ocp: {duration: 1 min, interval: 1 s, gas: Ar}
                  - lsv: {start: 0.3 V vs RHE, end: -0.9 V vs RHE, scan_rate: 50 mV/s, step: 2 mV, gas: NO, label: LSV NO}
                """);
        assertThat(plan.warnings()).extracting(PlanWarning::message).containsExactly("step 3 (LSV NO, " + file()
                + ":6:5) runs under NO, step 2 (OCP rest) before it under Ar, with no hold in between: nobody is asked to"
                + " switch the gas and saturate the electrolyte. Add a hold before step 3, e.g. '- hold: {message: Switch"
                + " the gas to NO and saturate for 30 min}'");
    }

    @Test
    void sweepsRunInsideARepeatBlockEachCycleWithTheCellsGas() throws Exception {
        Plan plan = load("""
                cell:
                  gas: Ar
                steps:
                  - repeat:
                      times: 2
                      label: scan-rate pair
                      steps:
                        - cv: {vertex1: 0.40 V vs RHE, vertex2: 0.30 V vs RHE, scan_rate: 10 mV/s, step: 1 mV}
                        - cv: {vertex1: 0.40 V vs RHE, vertex2: 0.30 V vs RHE, scan_rate: 20 mV/s, step: 1 mV}
                        - cp: {current: -1 mA, duration: 10 s, interval: 1 s}
                """);
        assertThat(plan.steps()).extracting(PlannedStep::index, PlannedStep::kind,
                        s -> s.context().cycle(), s -> s.context().gas())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "cv", 1, Optional.of(Gas.ARGON)),
                        org.assertj.core.groups.Tuple.tuple(2, "cv", 1, Optional.of(Gas.ARGON)),
                        org.assertj.core.groups.Tuple.tuple(3, "cp", 1, Optional.of(Gas.ARGON)),
                        org.assertj.core.groups.Tuple.tuple(4, "cv", 2, Optional.of(Gas.ARGON)),
                        org.assertj.core.groups.Tuple.tuple(5, "cv", 2, Optional.of(Gas.ARGON)),
                        org.assertj.core.groups.Tuple.tuple(6, "cp", 2, Optional.of(Gas.ARGON)));
        // 0.2 V per cycle: 20 s at 10 mV/s, 10 s at 20 mV/s; plus 10 s CP; twice = 80 s
        assertThat(plan.totalDuration()).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void aPositiveCpCurrentInAReducingProtocolIsWarnedAbout() throws Exception {
        Plan slip = load("""
                steps:
                  - ca: {potential: -0.5 V vs RHE, duration: 1 min, interval: 1 s}
                  - cp: {current: -10 mA, duration: 1 min, interval: 1 s}
                  - cp: {current: 10 mA, duration: 1 min, interval: 1 s}
                """);
        assertThat(slip.warnings()).extracting(PlanWarning::message).containsExactly("step 3 (CP at 10 mA, " + file()
                + ":4:5): the current 10 mA is positive (anodic, oxidising), while the protocol has 2 reducing steps (CA"
                + " below 0 V vs RHE, CP with a negative current); a sign slip? A cathodic current is written negative,"
                + " e.g. current: -10 mA; run with this warning if the step is meant to oxidise");

        // one CA step before it is enough to ask (a bench trial's "current: 10 mA" after one CA step went unwarned)
        Plan oneCa = load("""
                steps:
                  - ca: {potential: -0.5 V vs RHE, duration: 1 min, interval: 1 s}
                  - cp: {current: 10 mA, duration: 1 min, interval: 1 s}
                """);
        assertThat(oneCa.warnings()).extracting(PlanWarning::message).containsExactly("step 2 (CP at 10 mA, " + file()
                + ":3:5): the current 10 mA is positive (anodic, oxidising), while the protocol has 1 reducing step (CA"
                + " below 0 V vs RHE, CP with a negative current); a sign slip? A cathodic current is written negative,"
                + " e.g. current: -10 mA; run with this warning if the step is meant to oxidise");

        Plan allLost = load("""
                steps:
                  - cp: {current: 5 mA/cm2, duration: 1 min, interval: 1 s}
                """);
        assertThat(allLost.warnings()).extracting(PlanWarning::message).containsExactly("every CP current is positive"
                + " (anodic, oxidising), and NORR reduces: were the minus signs lost? step 1 (CP at 5 mA/cm2, " + file()
                + ":2:5). A cathodic current is written negative, e.g. current: -10 mA; run with this warning if the"
                + " protocol is meant to oxidise");
    }

    @Test
    void theShippedStudyLoadsWithTheGasSwitchedAtTheHold() throws Exception {
        Plan study = ProtocolLoader.load(Path.of("protocols/norr-study.yaml"), SiteConfig.load(Path.of("").toAbsolutePath()));
        assertThat(study.steps()).extracting(PlannedStep::kind).containsExactly("ocp", "cv", "cv", "cv", "cv", "cv", "cv",
                "lsv", "hold", "lsv", "eis", "ca", "hold", "ca", "hold", "ca", "hold", "ca", "hold");
        assertThat(study.steps()).extracting(s -> s.context().gas().map(Gas::written).orElse("-")).containsExactly(
                "Ar", "Ar", "Ar", "Ar", "Ar", "Ar", "Ar", "Ar", "-", "NO", "NO", "NO", "-", "NO", "-", "NO", "-", "NO", "-");
        // the C_dl series: five scan rates in one 0.1 V window
        assertThat(study.steps().subList(2, 7)).extracting(s -> ((PlannedStep.CyclicVoltammetry) s).scanRateVoltsPerSecond())
                .containsExactly(0.010, 0.020, 0.040, 0.060, 0.080);
        assertThat(study.warnings()).isEmpty();
        assertThat(List.of(study.notes())).containsExactly(List.of());
    }
}
