package org.norrlab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.ProductResult;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.plan.PlannedStep;
import org.norrlab.store.CorrectionStore;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreWriter;
import org.norrlab.testing.Fixtures;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Issue 19, part D: places of an assay are summed, replicates averaged; corrections are what the analysis uses. */
public class PlacesAndCorrectionsTest {
    @TempDir
    Path temp;

    /** One CA step of 100 s at 1 s, 10 mA (Q = 1 C), at -0.5 V vs RHE = -1.111 V vs Ag/AgCl sat. at pH 7. */
    public static long session(SessionStore store) throws Exception {
        long id = store.createSession(new NewSession("hand", "hand.yaml", "", Fixtures.cellAtPh7(),
                new InstrumentIdentity("sim", "sim", "m", "f", "s"), Map.of(), "test", Instant.now()));
        PlannedStep ca = new PlannedStep.Chronoamperometry(1, "CA", new Potential(-0.5, Potential.Scale.RHE), -0.5, -1.111,
                Duration.ofSeconds(1), Duration.ofSeconds(100), CurrentRangeChoice.AUTO, new Location(Path.of("hand.yaml"), 1, 1));
        try (StoreWriter writer = store.writer(id)) {
            writer.accept(new AcquisitionRecord.StepStarted(ca, Instant.now(), 0), false);
            for (int t = 1; t <= 100; t++) {
                writer.accept(new AcquisitionRecord.SampleTaken(1, t - 1, new Sample(t, -1.111, -0.010, 0.1, 0)), false);
            }
            writer.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, 100, 100, Double.NaN, Instant.now()), true);
        }
        return id;
    }

    static Assay nh3(double micromoles, double sigma, Assay.Place place) {
        return new Assay(0, 1, Product.NH3, Assay.Kind.AMOUNT, new Measure(micromoles, sigma), "µmol", Optional.empty(), 1, 0,
                Optional.empty(), Optional.empty(), Optional.empty(), "", "", Instant.now(), place);
    }

    @Test
    void placesAreSummedAndReplicatesOfAPlaceAveraged() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("p.db"))) {
            long id = session(store);
            store.assays().addAssay(id, nh3(0.10, 0.001, Assay.Place.CATHOLYTE));
            store.assays().addAssay(id, nh3(0.12, 0.001, Assay.Place.CATHOLYTE));
            store.assays().addAssay(id, nh3(0.03, 0.001, Assay.Place.ACID_TRAP));
            ProductResult nh3 = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT).steps().get(0)
                    .outcome().products().get(Product.NH3);
            // catholyte: mean (0.10 + 0.12)/2 = 0.11 µmol; σ = max(√(0.001² + 0.001²)/2 = 0.00071,
            //   s/√n = 0.01414/√2 = 0.01) = 0.01 µmol. Acid trap: 0.03 ± 0.001 µmol.
            // sum: 0.11 + 0.03 = 0.14 µmol, σ = √(0.01² + 0.001²) = 0.0100499 µmol. (Averaging all three: 0.0833 µmol.)
            assertThat(nh3.amount().amount().micromoles()).isCloseTo(0.14, within(1e-12));
            assertThat(nh3.amount().amount().moles().sigma() * 1e6).isCloseTo(Math.hypot(0.01, 0.001), within(1e-12));
            assertThat(nh3.amount().parts()).containsOnlyKeys(Assay.Place.CATHOLYTE, Assay.Place.ACID_TRAP);
            assertThat(nh3.amount().parts().get(Assay.Place.CATHOLYTE).micromoles()).isCloseTo(0.11, within(1e-12));
            // FE = n·z·F/Q with z = 5 for NO → NH3: 0.14e-6 · 5 · 96485.33212 / 1 C = 0.0675397
            assertThat(nh3.faradaicEfficiency().value()).isCloseTo(0.14e-6 * 5 * 96485.33212, within(1e-9));
            assertThat(PlaceText.parts(nh3.amount())).contains(
                    "found in catholyte 0.1100 ± 0.0100 + acid_trap 0.03000 ± 0.00100 µmol");
        }
    }

    @Test
    void theAnalysisUsesTheCorrectedCellAndSaysSo() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("c.db"))) {
            long id = session(store);
            store.corrections().correctSession(id, List.of(new CorrectionStore.Change("ph", "7", "8"),
                    new CorrectionStore.Change("electrode_area_cm2", "1", "0.5")), "pH re-measured: 8.0", "ana");
            SessionAnalysis.Result result = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT);
            // E_RHE = E_RE + E°(Ag/AgCl sat.) + (ln10·R·T/F)·pH = -1.111 + 0.197 + 0.0591597·8 = -0.4407226 V
            double slope = Math.log(10) * 8.314462618 / 96485.33212 * 298.15;
            assertThat(result.steps().get(0).step().voltsVsRhe()).isCloseTo(-1.111 + 0.197 + slope * 8, within(1e-12));
            assertThat(result.steps().get(0).step().voltsVsReference()).isEqualTo(-1.111);
            assertThat(result.session().cell().pH()).isEqualTo(8.0);
            assertThat(result.session().cell().electrodeAreaCm2()).isEqualTo(0.5);
            assertThat(result.correctionNotes()).hasSize(2).allMatch(n -> n.startsWith("corrected: session "))
                    .anyMatch(n -> n.contains("session ph 7 → 8, by ana, ") && n.endsWith(": pH re-measured: 8.0"));
            // The store keeps what the run recorded.
            assertThat(store.existingSession(id).cell().pH()).isEqualTo(7.0);
            assertThat(store.steps(id).get(0).voltsVsRhe()).isEqualTo(-0.5);
        }
    }
}
