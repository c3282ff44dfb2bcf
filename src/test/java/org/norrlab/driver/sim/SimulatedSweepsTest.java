package org.norrlab.driver.sim;

import org.junit.jupiter.api.Test;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Event;
import org.norrlab.core.EventKind;
import org.norrlab.core.Gas;
import org.norrlab.core.Sample;
import org.norrlab.driver.ChronopotentiometryRequest;
import org.norrlab.driver.CyclicVoltammetryRequest;
import org.norrlab.driver.LinearSweepRequest;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.Speed;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.RheScale;
import org.norrlab.testing.CollectingSink;
import org.norrlab.testing.Fixtures;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * LSV, CV and CP on the simulated cell (the shipped NiNC preset on 1 cm², pH 7, Ag/AgCl sat. KCl), against hand
 * calculations from the published model of norr-science-notes §5.2–5.3: NiNC has E* = −0.5 V vs RHE,
 * j_k* = 34.082, j_lim = 22.721 and j_HER* = 0.846 mA cm⁻², b_NO = 120 and b_H = 119 mV dec⁻¹, and
 * drivers/sim/catalysts.yaml gives it C_dl = 5 mF cm⁻² fully compensated (R_u·(1 − f) = 0) and rests at
 * +0.35 V vs RHE.
 */
class SimulatedSweepsTest {
    private static final CellSettings CELL = Fixtures.cellAtPh7();
    private static final RheScale SCALE = CELL.rheScale();

    /** The NORR current density (mA cm⁻², magnitude) by the published formula: Tafel kinetics in series with NO transport. */
    private static double norrMilliamps(double voltsVsRhe) {
        double kinetic = 34.082 * Math.pow(10, (-0.5 - voltsVsRhe) / 0.120);
        return kinetic * 22.721 / (kinetic + 22.721);
    }

    private static double herMilliamps(double voltsVsRhe) {
        return 0.846 * Math.pow(10, (-0.5 - voltsVsRhe) / 0.119);
    }

    private static CollectingSink run(MeasurementRequest request, Gas gas, long seed) throws Exception {
        CollectingSink sink = new CollectingSink();
        try (SimulatedPotentiostat sim = Fixtures.simulator("NiNC", seed, Speed.MAX, CELL)) {
            sim.electrolyteGas(gas);
            MeasurementEnd end = sim.start(request, sink).awaitEnd(Duration.ofSeconds(60)).orElseThrow();
            assertThat(end.outcome()).as(end.error().map(Throwable::getMessage).orElse("")).isEqualTo(
                    MeasurementEnd.Outcome.COMPLETED);
            assertThat(end.samples()).isEqualTo(sink.samples.size());
            assertThat(sim.isCellOn()).as("the cell after the measurement").isFalse();
        }
        return sink;
    }

    private static ProductTally truth(CollectingSink sink) {
        return ProductTally.fromValues(sink.events.stream().filter(e -> e.kind() == EventKind.SIMULATOR_TRUTH)
                .findFirst().orElseThrow().values());
    }

    /** The sample whose applied potential is {@code voltsVsRhe} (to 1 µV). */
    private static Sample at(List<Sample> samples, double voltsVsRhe) {
        return samples.stream().filter(s -> Math.abs(SCALE.toRhe(s.potentialVolts()) - voltsVsRhe) < 1e-6)
                .findFirst().orElseThrow(() -> new AssertionError("no sample at " + voltsVsRhe + " V vs RHE"));
    }

    private static LinearSweepRequest cathodicLsv() {
        // +0.35 → −0.65 V vs RHE at 10 mV/s, one point per 5 mV: 1.000 V / 0.005 V = 200 steps, 201 points, 100 s.
        return new LinearSweepRequest(SCALE.toReference(0.35), SCALE.toReference(-0.65), 0.005, 0.010,
                CurrentRangeChoice.AUTO);
    }

    @Test
    void anLsvIsAStaircaseOfOnePointPerStepInCycleOneSegmentOne() throws Exception {
        LinearSweepRequest lsv = cathodicLsv();
        List<Sample> samples = run(lsv, Gas.NITRIC_OXIDE, 3).samples;

        assertThat(samples).hasSize(201);
        assertThat(lsv.points()).isEqualTo(201);
        assertThat(samples).allMatch(s -> s.cycle() == 1 && s.segment() == 1, "cycle 1, segment 1");
        for (int k = 0; k < samples.size(); k++) {
            // Point k: 0.005·k V below the start, at 0.005·k / 0.010 = 0.5·k s.
            assertThat(samples.get(k).potentialVolts()).isCloseTo(SCALE.toReference(0.35) - 0.005 * k, within(1e-9));
            assertThat(samples.get(k).timeSeconds()).isCloseTo(0.5 * k, within(1e-9));
        }
        double high = SCALE.toReference(0.35);
        double low = SCALE.toReference(-0.65);
        assertThat(samples).allMatch(s -> s.potentialVolts() >= low && s.potentialVolts() <= high, "inside the window");
        assertThat(samples.get(200).potentialVolts()).isEqualTo(low);
    }

    @Test
    void aTwoCycleCvNumbersItsCyclesAndSegments() throws Exception {
        // begin +0.35, vertex 1 +0.45, vertex 2 +0.25 V vs RHE, 5 mV steps at 100 mV/s (50 ms per point): segment 1
        // is 0.10 V = 20 steps, segment 2 0.20 V = 40, segment 3 0.10 V = 20; the begin point comes first, once.
        CyclicVoltammetryRequest cv = new CyclicVoltammetryRequest(SCALE.toReference(0.35), SCALE.toReference(0.45),
                SCALE.toReference(0.25), 2, 0.005, 0.100, CurrentRangeChoice.AUTO);
        List<Sample> samples = run(cv, Gas.NITRIC_OXIDE, 4).samples;

        assertThat(samples).hasSize(1 + 2 * (20 + 40 + 20));
        Map<String, Integer> counts = new TreeMap<>();
        samples.forEach(s -> counts.merge(s.cycle() + "/" + s.segment(), 1, Integer::sum));
        assertThat(counts).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "1/1", 21, "1/2", 40, "1/3", 20, "2/1", 20, "2/2", 40, "2/3", 20)));
        // Segment boundaries: the vertex closes the segment that reaches it.
        assertThat(SCALE.toRhe(samples.get(20).potentialVolts())).isCloseTo(0.45, within(1e-9));
        assertThat(samples.get(20).segment()).isEqualTo(1);
        assertThat(SCALE.toRhe(samples.get(60).potentialVolts())).isCloseTo(0.25, within(1e-9));
        assertThat(samples.get(60).segment()).isEqualTo(2);
        assertThat(SCALE.toRhe(samples.get(80).potentialVolts())).isCloseTo(0.35, within(1e-9));
        assertThat(samples.get(80).cycle()).isEqualTo(1);
        assertThat(samples.get(81).cycle()).isEqualTo(2);
        // The last point: 2 cycles × 0.40 V / 0.1 V/s = 8 s.
        assertThat(samples.get(160).timeSeconds()).isCloseTo(8.0, within(1e-9));
        assertThat(cv.duration()).isEqualTo(Duration.ofSeconds(8));
        double low = SCALE.toReference(0.25);
        double high = SCALE.toReference(0.45);
        assertThat(samples).allMatch(s -> s.potentialVolts() >= low && s.potentialVolts() <= high, "inside the window");
    }

    /**
     * The same sweep (same seed, so the same bubbles and noise) under Ar and under NO: under Ar no NO is reduced
     * and nothing but H2 is made; the difference of the two is the NORR current of the published model. Bubbles
     * add up to 3 % to the faradaic current for up to a second, and the activity drifts 2 %/h (0.06 % over the
     * 100 s sweep), hence 3.5 %.
     */
    @Test
    void anLsvUnderArgonHasNoNorrCurrentAndTheDifferenceIsTheNorrKinetics() throws Exception {
        CollectingSink argon = run(cathodicLsv(), Gas.ARGON, 9);
        CollectingSink no = run(cathodicLsv(), Gas.NITRIC_OXIDE, 9);

        ProductTally underArgon = truth(argon);
        assertThat(underArgon.nh3Mol()).isZero();
        assertThat(underArgon.nh2ohMol() + underArgon.n2oMol() + underArgon.n2Mol()).isZero();
        assertThat(underArgon.h2Mol()).isPositive();
        assertThat(truth(no).nh3Mol()).isPositive();

        for (double volts : new double[] {-0.3, -0.4, -0.5, -0.6}) {
            // e.g. at −0.4 V: j_k = 34.082·10^(0.1/0.12) ... = 34.082·10^(−0.8333) = 5.003, j_NO = 5.003·22.721/27.724
            // = 4.100 mA cm⁻²; at −0.6 V: j_k = 34.082·10^(0.8333) = 232.2, j_NO = 232.2·22.721/254.9 = 20.70.
            double difference = at(no.samples, volts).currentAmperes() - at(argon.samples, volts).currentAmperes();
            double expected = -norrMilliamps(volts) * 1e-3;
            assertThat(difference).as("I(NO) − I(Ar) at %.1f V vs RHE", volts)
                    .isCloseTo(expected, within(Math.abs(expected) * 0.035));
        }
        assertThat(norrMilliamps(-0.4)).isCloseTo(4.100, within(0.001));
        assertThat(norrMilliamps(-0.6)).isCloseTo(20.70, within(0.01));

        // Under Ar at −0.5 V: HER j_H* = 0.846 mA cm⁻² plus charging C_dl·v = 5 mF·10 mV/s = 0.050 mA, both cathodic.
        assertThat(at(argon.samples, -0.5).currentAmperes()).isCloseTo(-(0.846 + 0.050) * 1e-3, within(0.896e-3 * 0.035));
        // Near the start (+0.30 V) only the charging current flows: −0.050 mA (faradaic < 10 nA there).
        assertThat(at(argon.samples, 0.30).currentAmperes()).isCloseTo(-0.050e-3, within(0.050e-3 * 0.01));
    }

    /**
     * CVs in the non-faradaic window +0.30 … +0.40 V vs RHE (around the rest potential, where NORR and HER carry
     * less than 10 nA cm⁻²) at five scan rates: half the difference of the anodic and cathodic currents at the
     * window's middle, +0.35 V, rises with the scan rate with slope C_dl·A = 5 mF cm⁻² × 1 cm² = 5 mF.
     */
    @Test
    void cvsInTheNonFaradaicWindowGiveTheDoubleLayerCapacitance() throws Exception {
        double[] rates = {0.010, 0.020, 0.050, 0.100, 0.200};
        double[] halfDifference = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            CyclicVoltammetryRequest cv = new CyclicVoltammetryRequest(SCALE.toReference(0.35), SCALE.toReference(0.40),
                    SCALE.toReference(0.30), 2, 0.002, rates[i], CurrentRangeChoice.AUTO);
            List<Sample> second = run(cv, Gas.NITRIC_OXIDE, 20 + i).samples.stream().filter(s -> s.cycle() == 2).toList();
            // At +0.35 V the second cycle passes twice: going down in segment 2, coming back up at the end of segment 3.
            double cathodic = at(second.stream().filter(s -> s.segment() == 2).toList(), 0.35).currentAmperes();
            double anodic = at(second.stream().filter(s -> s.segment() == 3).toList(), 0.35).currentAmperes();
            halfDifference[i] = (anodic - cathodic) / 2;
        }
        // Plain least squares of Δi/2 = slope·v + intercept.
        double meanRate = 0;
        double meanHalf = 0;
        for (int i = 0; i < rates.length; i++) {
            meanRate += rates[i] / rates.length;
            meanHalf += halfDifference[i] / rates.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < rates.length; i++) {
            sxy += (rates[i] - meanRate) * (halfDifference[i] - meanHalf);
            sxx += (rates[i] - meanRate) * (rates[i] - meanRate);
        }
        double slope = sxy / sxx;
        System.out.printf("C_dl recovered from 5 CVs: %.6g F (truth 5e-3 F)%n", slope);
        assertThat(slope).isCloseTo(5e-3, within(5e-3 * 0.02));
        // Each point on its own: 5 mF × 10 mV/s = 50 µA ... 5 mF × 200 mV/s = 1 mA.
        for (int i = 0; i < rates.length; i++) {
            assertThat(halfDifference[i]).isCloseTo(5e-3 * rates[i], within(5e-3 * rates[i] * 0.02));
        }
    }

    /** Bisection of j_NO(E) + j_H(E) = target on the published model, potentials vs RHE. */
    private static double potentialFor(double milliampsPerCm2) {
        DoubleUnaryOperator total = e -> norrMilliamps(e) + herMilliamps(e);
        double positive = 0.5;
        double negative = -1.0;
        while (positive - negative > 1e-7) {
            double middle = 0.5 * (positive + negative);
            if (total.applyAsDouble(middle) < milliampsPerCm2) {
                positive = middle;
            } else {
                negative = middle;
            }
        }
        return 0.5 * (positive + negative);
    }

    @Test
    void constantCurrentSettlesWhereTheKineticsCarryTheSetCurrent() throws Exception {
        // −10 mA on 1 cm²: j_NO + j_H = 10 mA cm⁻² near −0.46 V vs RHE (at −0.5 V they give 13.63 + 0.85 = 14.48).
        double expected = potentialFor(10);
        assertThat(expected).isBetween(-0.48, -0.44);
        CollectingSink sink = run(new ChronopotentiometryRequest(-0.010, Duration.ofMillis(100), Duration.ofSeconds(20),
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, CurrentRangeChoice.AUTO), Gas.NITRIC_OXIDE, 6);

        assertThat(sink.samples).hasSize(200).allMatch(s -> s.cycle() == 0 && s.segment() == 0, "not sweep samples");
        double settled = sink.samples.stream().filter(s -> s.timeSeconds() > 10).mapToDouble(Sample::potentialVolts)
                .average().orElseThrow();
        System.out.printf("CP at -10 mA settled at %.4f V vs RHE; the model needs %.4f V%n", SCALE.toRhe(settled), expected);
        assertThat(SCALE.toRhe(settled)).isCloseTo(expected, within(0.003));
        assertThat(sink.samples.get(199).currentAmperes()).isCloseTo(-0.010, within(0.010 * 0.002));
        // The charge is the set current's: 10 mA × 20 s = 0.2 C.
        assertThat(truth(sink).chargeCoulombs()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void constantCurrentStopsWithTheCellOffWhenThePotentialPassesItsLimit() throws Exception {
        // −60 mA cm⁻² needs about −0.70 V vs RHE (NO at its 22.7 mA limit, HER the rest); the step's lower limit
        // is −0.60 V vs RHE, which the double layer passes within the first second (5 mF charged at 60 mA: 12 V/s).
        double limit = SCALE.toReference(-0.60);
        CollectingSink sink = run(new ChronopotentiometryRequest(-0.060, Duration.ofMillis(100), Duration.ofSeconds(10),
                limit, Double.POSITIVE_INFINITY, CurrentRangeChoice.AUTO), Gas.NITRIC_OXIDE, 7);

        assertThat(sink.samples.size()).isBetween(1, 10);
        Sample last = sink.samples.get(sink.samples.size() - 1);
        assertThat(last.potentialVolts()).isLessThan(limit);
        assertThat(sink.samples.subList(0, sink.samples.size() - 1)).allMatch(s -> s.potentialVolts() >= limit);
        Event note = sink.events.stream().filter(e -> e.kind() == EventKind.NOTE).findFirst().orElseThrow();
        assertThat(note.message()).contains("beyond the step's lower limit").contains("switched the cell off");
        assertThat(note.values().get("limit_V")).isEqualTo(limit);
    }

    @Test
    void theTruthGivesTheDoubleLayerAndTheOnset() throws Exception {
        CellTruth truth;
        try (SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 1, Speed.MAX, CELL)) {
            truth = sim.truth();
        }
        assertThat(truth.doubleLayerFarads()).isEqualTo(5e-3);
        assertThat(truth.norrDensity(-0.4)).isCloseTo(-norrMilliamps(-0.4) * 1e-3, within(1e-6));
        // The steady current under NO reaches −1 mA cm⁻² where 34.082·10^((−0.5−E)/0.12) in series with 22.721, plus
        // 0.846·10^((−0.5−E)/0.119), make 1 mA: solved by bisection on the published numbers.
        double onset = truth.onsetVoltsVsRhe(-1e-3, Gas.NITRIC_OXIDE, 0);
        assertThat(onset).isCloseTo(potentialFor(1), within(0.001));
        System.out.printf("NiNC onset at -1 mA/cm2 under NO: %.4f V vs RHE (NORR alone %.4f V); under Ar %.4f V%n",
                onset, truth.norrOnsetVoltsVsRhe(-1e-3), truth.onsetVoltsVsRhe(-1e-3, Gas.ARGON, 0));
        // Under Ar only HER: 0.846·10^((−0.5−E)/0.119) = 1 at E = −0.5 − 0.119·log10(1/0.846) = −0.5086 V.
        assertThat(truth.onsetVoltsVsRhe(-1e-3, Gas.ARGON, 0)).isCloseTo(-0.5086, within(0.001));
    }

    /**
     * An LSV under NO at 5 mV/s crosses −1 mA cm⁻² where the truth says a sweep at that rate does: the steady
     * current plus the charging current 5 mF cm⁻² × −5 mV/s = −25 µA cm⁻². Found in the samples by linear
     * interpolation between the two points around the crossing; bubbles (≤ 3 % of the current, a Tafel slope of
     * about 120 mV per decade: ≤ 1.5 mV) and the 1 mV point spacing allow 2 mV.
     */
    @Test
    void anLsvUnderNoCrossesTheOnsetCurrentWhereTheTruthSays() throws Exception {
        LinearSweepRequest lsv = new LinearSweepRequest(SCALE.toReference(0.35), SCALE.toReference(-0.45), 0.001, 0.005,
                CurrentRangeChoice.AUTO);
        List<Sample> samples = run(lsv, Gas.NITRIC_OXIDE, 12).samples;
        double crossing = Double.NaN;
        for (int k = 1; k < samples.size(); k++) {
            Sample before = samples.get(k - 1);
            Sample after = samples.get(k);
            if (before.currentAmperes() > -1e-3 && after.currentAmperes() <= -1e-3) {
                double fraction = (-1e-3 - before.currentAmperes()) / (after.currentAmperes() - before.currentAmperes());
                crossing = SCALE.toRhe(before.potentialVolts() + fraction * (after.potentialVolts() - before.potentialVolts()));
                break;
            }
        }
        CellTruth truth;
        try (SimulatedPotentiostat sim = Fixtures.simulator("NiNC", 1, Speed.MAX, CELL)) {
            truth = sim.truth();
        }
        double expected = truth.onsetVoltsVsRhe(-1e-3, Gas.NITRIC_OXIDE, -0.005);
        System.out.printf("LSV(NO) at 5 mV/s crosses -1 mA/cm2 at %.4f V vs RHE; truth %.4f V%n", crossing, expected);
        assertThat(crossing).isCloseTo(expected, within(0.002));
    }
}
