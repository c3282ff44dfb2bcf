package org.norrlab.gui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.BadInputException;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Gas;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;
import org.norrlab.gui.OverlaySeries.Quantity;
import org.norrlab.plan.PlannedStep;
import org.norrlab.plan.StepContext;
import org.norrlab.store.CorrectionStore;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreWriter;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The overlay's data, without a window: areas, axes, refusals and downsampling. */
class OverlayTest {
    @TempDir
    Path temp;

    private static PlannedStep.Chronoamperometry ca(int index, double voltsVsRhe) {
        return new PlannedStep.Chronoamperometry(index, "CA " + voltsVsRhe + " V vs RHE",
                new Potential(voltsVsRhe, Potential.Scale.RHE), voltsVsRhe, voltsVsRhe - SimulatedSweeps.RE_OFFSET,
                Duration.ofSeconds(1), Duration.ofSeconds(5), CurrentRangeChoice.AUTO,
                new Location(Path.of("overlay.yaml"), index, 1));
    }

    /** Five samples at t = 1..5 s from the step's start, each of {@code amperes}. */
    private static List<Sample> constant(double amperes) {
        List<Sample> samples = new ArrayList<>();
        for (int t = 1; t <= 5; t++) {
            samples.add(new Sample(t, -1.1, amperes, 0.01, 0));
        }
        return samples;
    }

    private static long store(SessionStore store, CellSettings cell, List<AcquisitionRecord> records) throws Exception {
        long id = store.createSession(new NewSession("overlay", "overlay.yaml", "", cell,
                new InstrumentIdentity("sim", "sim", "m", "f", "s"), Map.of(), "test", Instant.now()));
        try (StoreWriter writer = store.writer(id)) {
            for (int i = 0; i < records.size(); i++) {
                writer.accept(records.get(i), i == records.size() - 1);
            }
        }
        return id;
    }

    private static CellSettings cellOfArea(double cm2) {
        return new CellSettings(ReferenceElectrode.known("Ag/AgCl (sat. KCl)").orElseThrow(), 7.0, 25, cm2, 0.5, 35);
    }

    @Test
    void currentDensityUsesEachSessionsOwnAreaCorrectedWhereTheTrailSays() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("overlay.db"))) {
            // session 1: 1 cm², one CA step of -4 mA starting 100 s into the session
            long first = store(store, cellOfArea(1.0), SimulatedSweeps.records(ca(1, -0.5), constant(-4e-3), 100, 0));
            // session 2: recorded with 2 cm², corrected to 0.25 cm²; a CA step of -3 mA starting at 0 s
            long second = store(store, cellOfArea(2.0), SimulatedSweeps.records(ca(1, -0.6), constant(-3e-3), 0, 0));
            store.corrections().correctSession(second, List.of(new CorrectionStore.Change("electrode_area_cm2", "2", "0.25")),
                    "the mask left a smaller window", "tester");

            Overlay overlay = Overlay.read(store, List.of(first, second), List.of(), Overlay.PIXEL_BUCKETS);

            assertThat(overlay.x()).isEqualTo(Quantity.TIME_FROM_STEP_START);
            assertThat(overlay.y()).isEqualTo(Quantity.CURRENT_DENSITY);
            assertThat(overlay.series()).hasSize(2);
            OverlaySeries one = overlay.series().get(0);
            OverlaySeries two = overlay.series().get(1);
            // j = I / A: -4 mA / 1 cm² = -4 mA cm⁻²; -3 mA / 0.25 cm² (the corrected area, not the recorded 2) = -12
            assertThat(one.ys()).containsOnly(-4.0);
            assertThat(two.ys()).containsOnly(new double[] {-12.0}, within(1e-12));
            assertThat(two.areaCm2()).isEqualTo(OptionalDouble.of(0.25));
            // both from their own step's start: 1..5 s, though session 1's step began 100 s into its session
            assertThat(one.xs()).containsExactly(1, 2, 3, 4, 5);
            assertThat(two.xs()).containsExactly(1, 2, 3, 4, 5);
            assertThat(one.legend()).isEqualTo("session " + first + ", step 1 CA -0.5 V vs RHE, -0.500 V vs RHE");
            assertThat(overlay.notes()).containsExactly("j = I / A, A = 1 cm² (session " + first + "), 0.25 cm² corrected"
                    + " (session " + second + ")");
            assertThat(overlay.title()).isEqualTo("Overlay of 2 CA steps of sessions " + first + ", " + second);

            // the same step picked by session and by step is drawn once
            Overlay once = Overlay.read(store, List.of(first), List.of(new Overlay.Pick(first, 1)), 100);
            assertThat(once.series()).hasSize(1);
        }
    }

    @Test
    void stepsOfDifferentTechniquesOrWithoutCurrentAreRefusedByName() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("mixed.db"))) {
            List<AcquisitionRecord> records = new ArrayList<>();
            records.addAll(SimulatedSweeps.records(SimulatedSweeps.lsv(1, Gas.NITRIC_OXIDE), SimulatedSweeps.lsvSamples(), 0, 0));
            records.addAll(SimulatedSweeps.records(ca(2, -0.5), constant(-4e-3), 50, 100));
            long id = store(store, Fixtures.cellAtPh7(), records);
            records = new ArrayList<>(SimulatedSweeps.records(new PlannedStep.OpenCircuit(1, "OCP rest", Duration.ofSeconds(1),
                    Duration.ofSeconds(5), new Location(Path.of("ocp.yaml"), 1, 1)), List.of(Sample.potentialOnly(1, 0.2)), 0, 0));
            long ocpOnly = store(store, Fixtures.cellAtPh7(), records);

            assertThatThrownBy(() -> Overlay.read(store, List.of(), List.of(new Overlay.Pick(id, 1), new Overlay.Pick(id, 2)), 100))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("CA steps and sweeps cannot share axes (current against time, current against potential):"
                            + " step 2 of session " + id + " is CA, step 1 of session " + id + " is a sweep. Overlay them"
                            + " separately.");
            assertThatThrownBy(() -> Overlay.read(store, List.of(ocpOnly), List.of(), 100))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("Session " + ocpOnly + " has no CA, LSV or CV step to overlay (its steps are ocp). Choose"
                            + " steps that draw a current.");
            assertThatThrownBy(() -> Overlay.read(store, List.of(), List.of(new Overlay.Pick(ocpOnly, 1)), 100))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("Step 1 of session " + ocpOnly + " is ocp: an overlay draws current against time (CA) or"
                            + " against potential (LSV, CV).");
            assertThatThrownBy(() -> Overlay.read(store, List.of(), List.of(new Overlay.Pick(id, 9)), 100))
                    .hasMessage("Session " + id + " has no step 9.");
            assertThatThrownBy(() -> Overlay.read(store, List.of(), List.of(), 100))
                    .hasMessageStartingWith("Nothing to overlay");

            // a sweep alone: current density against E vs RHE (the step's RE offset, 0.611 V), the wave's -1 mA at
            // -0.25 V vs RHE over 1 cm² is -1 mA cm⁻²
            Overlay sweep = Overlay.read(store, List.of(), List.of(new Overlay.Pick(id, 1)), 1000);
            assertThat(sweep.x()).isEqualTo(Quantity.POTENTIAL_VS_RHE);
            OverlaySeries lsv = sweep.series().get(0);
            assertThat(lsv.xs()).hasSize(SimulatedSweeps.LSV_POINTS);
            assertThat(lsv.xs()[49]).isCloseTo(-0.25, within(1e-9));
            assertThat(lsv.ys()[49]).isCloseTo(-1.0, within(1e-9));
            assertThat(lsv.legend()).isEqualTo("session " + id + ", step 1 LSV, 0.000 → -0.500 V vs RHE");
        }
    }

    /** A CA step of {@code count} samples, 0.1 s apart, from the pure sample source. */
    private static Overlay.StepSamples steps(int count, double[] amperes) {
        return new Overlay.StepSamples() {
            @Override
            public long count(long sessionId, StoredStep step) {
                return count;
            }

            @Override
            public void forEach(long sessionId, StoredStep step, Overlay.SampleSink sink) {
                for (int k = 0; k < count; k++) {
                    sink.add((k + 1) * 0.1, -1.1, amperes[k]);
                }
            }
        };
    }

    private static StoredStep storedCa(int index) {
        return new StoredStep(index, "ca", "CA", -0.5, -1.111, 0.1, 7200, "auto", "overlay.yaml:1", Instant.EPOCH, 0,
                Optional.empty(), 7200, 72_000, Optional.empty(), 0, StepContext.NONE);
    }

    @Test
    void aTwoHourStepAtTenHertzIsDrawnFromTwoPointsPerBucketWithItsExtremes() throws Exception {
        // 2 h at 10 Hz = 72 000 samples: -2 mA with a small ripple, one spike to +5 mA at sample 40 000 and one dip to
        // -9 mA at sample 12 345, which a plain every-nth decimation (1 in 45) would miss
        int count = 72_000;
        double[] amperes = new double[count];
        for (int k = 0; k < count; k++) {
            amperes[k] = -2e-3 + 1e-5 * Math.sin(k / 50.0);
        }
        amperes[40_000] = 5e-3;
        amperes[12_345] = -9e-3;
        Overlay overlay = Overlay.assemble(List.of(new Overlay.Chosen(1, storedCa(1), OptionalDouble.of(2.0), false)),
                steps(count, amperes), Overlay.PIXEL_BUCKETS);
        OverlaySeries s = overlay.series().get(0);
        // at most a minimum and a maximum per bucket
        assertThat(s.xs().length).isLessThanOrEqualTo(2 * Overlay.PIXEL_BUCKETS).isGreaterThan(Overlay.PIXEL_BUCKETS);
        // the extremes over 2 cm²: +5 mA / 2 = +2.5 mA cm⁻² at t = 40 001 × 0.1 s; -9 mA / 2 = -4.5 at t = 1 234.6 s
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        int maxAt = -1;
        int minAt = -1;
        for (int i = 0; i < s.ys().length; i++) {
            if (s.ys()[i] > max) {
                max = s.ys()[i];
                maxAt = i;
            }
            if (s.ys()[i] < min) {
                min = s.ys()[i];
                minAt = i;
            }
        }
        assertThat(max).isCloseTo(2.5, within(1e-12));
        assertThat(s.xs()[maxAt]).isCloseTo(4000.1, within(1e-9));
        assertThat(min).isCloseTo(-4.5, within(1e-12));
        assertThat(s.xs()[minAt]).isCloseTo(1234.6, within(1e-9));
        // still in time order, from the first sample's 0.1 s to the last's 7 200 s
        for (int i = 1; i < s.xs().length; i++) {
            assertThat(s.xs()[i]).isGreaterThan(s.xs()[i - 1]);
        }
        assertThat(s.xs()[0]).isCloseTo(0.1, within(1e-9));
        assertThat(s.xs()[s.xs().length - 1]).isCloseTo(7200, within(1e-6));
        // a 2 h step's time axis is in minutes
        assertThat(OverlayChart.xAxisLabel(overlay)).isEqualTo("t from step start (min)");
    }

    @Test
    void aSessionWithoutAnAreaTurnsTheWholeOverlayIntoCurrentAndSaysWhy() throws Exception {
        double[] amperes = {-4e-3, -4e-3};
        Overlay overlay = Overlay.assemble(List.of(new Overlay.Chosen(1, storedCa(1), OptionalDouble.of(2.0), false),
                new Overlay.Chosen(2, storedCa(3), OptionalDouble.empty(), false)), steps(2, amperes), 100);
        assertThat(overlay.y()).isEqualTo(Quantity.CURRENT);
        // I in mA for both, the one with an area too: -4 mA, never -2 mA cm⁻² beside it
        assertThat(overlay.series()).allSatisfy(s -> assertThat(s.ys()).containsOnly(-4.0));
        assertThat(overlay.notes()).containsExactly("Current I, not j: the electrode area of session 2 is unknown.");
        assertThat(OverlayChart.chart(overlay).getXYPlot().getRangeAxis().getLabel()).isEqualTo("I (mA)");
    }
}
