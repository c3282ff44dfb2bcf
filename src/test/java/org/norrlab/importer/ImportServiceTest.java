package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.Potential;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PostgresServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The import service on a real store: files handed on as streams (here by readers written in the test, so that each
 * rule is met on purpose), the options applied, and only what the store confirmed reported back.
 */
class ImportServiceTest {
    private static final InstrumentIdentity INSTRUMENT = new InstrumentIdentity("imported", "test", "unknown", "unknown",
            "unknown");

    @TempDir
    Path temp;

    /** A file of the given steps, each with {@code n} samples 0.5 s apart from t = 0.5 s, no potential measured. */
    private static ImportService.FileReader file(StatedCell cell, List<StepFacts> steps, int n) {
        return sink -> {
            sink.file(new FileFacts("test", "Test technique", INSTRUMENT, Map.of(), cell));
            for (StepFacts step : steps) {
                sink.beginStep(step);
                for (int k = 1; k <= n; k++) {
                    sink.sample(new Sample(k * 0.5, Double.NaN, -1e-3 * k, Double.NaN, 0));
                }
                sink.endStep();
            }
            sink.note("a note from the file");
        };
    }

    private static StepFacts step(String kind, Optional<Potential> potential) {
        return new StepFacts(kind, kind + " step", potential, Double.NaN);
    }

    @Test
    void aFileIsStoredStepByStepWithItsIntervalFromTheSamplesAndNoPotentialAsNone() throws Exception {
        // 5000 samples: more than one transaction of IMPORT_ROWS_PER_TRANSACTION (4096).
        try (SessionStore store = SessionStore.open(temp.resolve("s.db"))) {
            ImportSummary summary = ImportService.importSession(store, List.of(new ImportService.Input(temp.resolve("a.txt"),
                    file(StatedCell.NONE, List.of(step("ocp", Optional.empty()),
                            step("ca", Optional.of(new Potential(-1.2, Potential.Scale.RE)))), 5000))),
                    ImportOptions.NONE, Fixtures.cellAtPh7(), "config/site.yaml");
            assertThat(summary.steps()).hasSize(2);
            assertThat(store.session(summary.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.COMPLETED);
            List<StoredStep> steps = store.steps(summary.sessionId());
            assertThat(steps).extracting(StoredStep::kind).containsExactly("ocp", "ca");
            assertThat(steps).extracting(StoredStep::sampleCount).containsExactly(5000L, 5000L);
            // (t_last − t_first)/(n − 1) = (2500 − 0.5)/4999 = 0.5 s; duration = the last sample's time.
            assertThat(steps.get(1).intervalSeconds()).isCloseTo(0.5, within(1e-12));
            assertThat(steps.get(1).durationSeconds()).isEqualTo(2500.0);
            assertThat(steps.get(1).sessionOffsetSeconds()).isEqualTo(2500.0);
            assertThat(steps.get(0).voltsVsReference()).isNaN();
            // -1.2 V vs Ag/AgCl (sat. KCl) at pH 7, 25 °C: + 0.197 + 0.05915935·7 = -0.5888846 V vs RHE
            // (Nernst slope ln10·R·T/F at 298.15 K = 0.05915935 V).
            assertThat(steps.get(1).voltsVsRhe()).isCloseTo(-0.5888846, within(1e-6));
            assertThat(summary.steps().get(1).firstSeconds()).isEqualTo(0.5);
            assertThat(summary.steps().get(1).lastSeconds()).isEqualTo(2500.0);
            List<Double> potentials = new ArrayList<>();
            store.forEachSample(summary.sessionId(), 2, (seq, s) -> potentials.add(s.potentialVolts()));
            assertThat(potentials).hasSize(5000).allMatch(v -> v.isNaN());
            assertThat(store.events(summary.sessionId())).extracting(e -> e.event().message())
                    .containsExactly("a note from the file");
            assertThat(summary.sources()).containsEntry("area_source", "config/site.yaml");
        }
    }

    @Test
    void aSampleWithoutPotentialIsStoredAsNullOnPostgresToo() throws Exception {
        try (PostgresServer pg = PostgresServer.start(); SessionStore store = SessionStore.open(StoreLocation.parse(pg.url(), temp))) {
            ImportSummary summary = ImportService.importSession(store, List.of(new ImportService.Input(temp.resolve("a.txt"),
                    file(StatedCell.NONE, List.of(step("ocp", Optional.empty())), 3))), ImportOptions.NONE,
                    Fixtures.cellAtPh7(), "config/site.yaml");
            List<Double> potentials = new ArrayList<>();
            store.forEachSample(summary.sessionId(), 1, (seq, s) -> potentials.add(s.potentialVolts()));
            assertThat(potentials).hasSize(3).allMatch(v -> v.isNaN());
            try (Connection c = SessionStore.connect(store.location()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM samples WHERE e_v IS NULL")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3);
            }
        }
    }

    @Test
    void optionsSetTheTechniqueAndThePotentialAndANoteSaysWhatTheFileStated() throws Exception {
        ImportOptions options = ImportOptions.parse("ca", List.of("-0.5 V vs RHE"), "0.07 cm2", "Ag/AgCl (3 M KCl)", "13",
                null, null);
        try (SessionStore store = SessionStore.open(temp.resolve("s.db"))) {
            ImportSummary summary = ImportService.importSession(store, List.of(new ImportService.Input(temp.resolve("a.txt"),
                    file(StatedCell.area(0.001, "file: 'Electrode surface area : 0.001 cm²' (line 34)"),
                            List.of(step("other", Optional.empty()), step("ca", Optional.of(new Potential(-1.0, Potential.Scale.RE)))),
                            4))), options, Fixtures.cellAtPh7(), "config/site.yaml");
            List<StoredStep> steps = store.steps(summary.sessionId());
            assertThat(steps).extracting(StoredStep::kind).containsExactly("ca", "ca");
            // -0.5 V vs RHE, Ag/AgCl (3 M KCl) 0.210 V, pH 13, 25 °C: -0.5 − 0.210 − 0.05915935·13 = -1.4790716 V vs RE.
            assertThat(steps).allSatisfy(s -> {
                assertThat(s.voltsVsReference()).isCloseTo(-1.4790716, within(1e-6));
                assertThat(s.voltsVsRhe()).isCloseTo(-0.5, within(1e-12));
            });
            assertThat(summary.cell().electrodeAreaCm2()).isEqualTo(0.07);
            assertThat(summary.sources()).containsEntry("area_source", "option --area '0.07 cm2'")
                    .containsEntry("ph_source", "option --ph '13'")
                    .containsEntry("volume_source", "config/site.yaml");
            assertThat(store.session(summary.sessionId()).orElseThrow().runOptions())
                    .containsEntry("reference_source", "option --reference 'Ag/AgCl (3 M KCl)'");
            assertThat(summary.notes()).containsExactly(
                    "step 2 (ca step): the file states a set potential of -1.000 V vs RE; --potential -0.500 V vs RHE is used",
                    "a note from the file");
        }
    }

    @Test
    void aFileAreaIsUsedWhenNoOptionGivesOne() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("s.db"))) {
            ImportSummary summary = ImportService.importSession(store, List.of(new ImportService.Input(temp.resolve("a.txt"),
                    file(StatedCell.area(0.001, "file: 'Electrode surface area : 0.001 cm²' (line 34)"),
                            List.of(step("ocp", Optional.empty())), 2))), ImportOptions.NONE, Fixtures.cellAtPh7(),
                    "config/site.yaml");
            assertThat(store.session(summary.sessionId()).orElseThrow().cell().electrodeAreaCm2()).isEqualTo(0.001);
            assertThat(summary.sources()).containsEntry("area_source", "file: 'Electrode surface area : 0.001 cm²' (line 34)");
        }
    }

    @Test
    void aCaStepWithoutPotentialIsRefusedAndNothingIsKept() throws Exception {
        Path db = temp.resolve("s.db");
        try (SessionStore store = SessionStore.open(db)) {
            // The refusal comes at the second step, after the first was stored: the session goes with it.
            assertThatThrownBy(() -> ImportService.importSession(store, List.of(new ImportService.Input(temp.resolve("it.txt"),
                    file(StatedCell.NONE, List.of(step("ocp", Optional.empty()), step("ca", Optional.empty())), 10))),
                    ImportOptions.NONE, Fixtures.cellAtPh7(), "config/site.yaml"))
                    .isInstanceOf(ImportException.class)
                    .hasMessage(temp.resolve("it.txt") + ": test \"Test technique\" step 2 (ca step) is chronoamperometry"
                            + " without a set potential (the file gives none norrlab can use); give --potential '… V vs RHE' (one per"
                            + " CA step, in order, or one for all)");
            assertThat(store.sessions()).isEmpty();
            assertThat(store.sampleCount(1)).isZero();
        }
    }

    @Test
    void aTechniqueThatContradictsTheFileIsRefused() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("s.db"))) {
            assertThatThrownBy(() -> ImportService.importSession(store, List.of(new ImportService.Input(temp.resolve("cv.txt"),
                    file(StatedCell.NONE, List.of(step("cv", Optional.empty())), 3))),
                    ImportOptions.parse("ca", List.of("-0.5 V vs RHE"), null, null, null, null, null), Fixtures.cellAtPh7(),
                    "config/site.yaml"))
                    .hasMessage(temp.resolve("cv.txt") + ": test \"Test technique\" step 1 (cv step) is 'cv' in the file;"
                            + " --technique ca contradicts it: leave --technique out for this file, or import it on its own");
            assertThat(store.sessions()).isEmpty();
        }
    }

    @Test
    void filesOfOneSessionNumberTheirStepsOnAndMustStateTheSameCell() throws Exception {
        ImportOptions options = ImportOptions.parse("ca", List.of("-0.1 V vs RHE, -0.2 V vs RHE"), null, null, null, null,
                null);
        try (SessionStore store = SessionStore.open(temp.resolve("s.db"))) {
            StatedCell small = StatedCell.area(0.001, "file: 'Electrode surface area : 0.001 cm²' (line 34)");
            ImportSummary summary = ImportService.importSession(store, List.of(
                    new ImportService.Input(temp.resolve("a.txt"), file(small, List.of(step("other", Optional.empty())), 3)),
                    new ImportService.Input(temp.resolve("b.txt"), file(small, List.of(step("other", Optional.empty())), 4))),
                    options, Fixtures.cellAtPh7(), "config/site.yaml");
            List<StoredStep> steps = store.steps(summary.sessionId());
            assertThat(steps).extracting(StoredStep::index).containsExactly(1, 2);
            assertThat(steps).extracting(StoredStep::source).containsExactly("a.txt", "b.txt");
            assertThat(steps).extracting(StoredStep::voltsVsRhe).containsExactly(-0.1, -0.2);
            assertThat(steps).extracting(StoredStep::sampleCount).containsExactly(3L, 4L);
            assertThat(summary.notes()).containsExactly("a.txt: a note from the file", "b.txt: a note from the file");

            assertThatThrownBy(() -> ImportService.importSession(store, List.of(
                    new ImportService.Input(temp.resolve("a.txt"), file(small, List.of(step("other", Optional.empty())), 3)),
                    new ImportService.Input(temp.resolve("c.txt"), file(StatedCell.area(0.002, "file: 'area 0.002' (line 3)"),
                            List.of(step("other", Optional.empty())), 3))), options, Fixtures.cellAtPh7(), "config/site.yaml"))
                    .hasMessage(temp.resolve("c.txt") + ": test \"Test technique\" states electrode area 0.002 cm² (file:"
                            + " 'area 0.002' (line 3)), but the first file of the session, " + temp.resolve("a.txt")
                            + ", states electrode area 0.001 cm² (file: 'Electrode surface area : 0.001 cm²' (line 34)): the"
                            + " files of one session share one cell; import them as separate sessions, or give --area for all"
                            + " of them");
            assertThat(store.sessions()).hasSize(1);
        }
    }

    @Test
    void aPotentialListThatDoesNotMatchTheCaStepsIsRefused() throws Exception {
        try (SessionStore store = SessionStore.open(temp.resolve("s.db"))) {
            assertThatThrownBy(() -> ImportService.importSession(store, List.of(new ImportService.Input(temp.resolve("a.txt"),
                    file(StatedCell.NONE, List.of(step("other", Optional.empty())), 3))),
                    ImportOptions.parse("ca", List.of("-0.1 V vs RHE", "-0.2 V vs RHE"), null, null, null, null, null),
                    Fixtures.cellAtPh7(), "config/site.yaml"))
                    .hasMessage(temp.resolve("a.txt") + ": --potential gives 2 value(s) for 1 CA step(s); give one per CA"
                            + " step, in order, or one for all");
            assertThat(store.sessions()).isEmpty();
        }
    }
}
