package org.norrlab.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.report.SessionExporter;
import org.norrlab.plan.PlannedStep;
import org.norrlab.run.PreparedRun;
import org.norrlab.run.ReplayService;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.SharedFixtures;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** export → import gives back the same samples and settings; an imported CA gives an FE like a native one. */
class RoundTripTest {
    @TempDir
    Path temp;

    private static List<String> rows(SessionStore store, long session) throws Exception {
        List<String> rows = new ArrayList<>();
        for (StoredStep step : store.steps(session)) {
            rows.add(step.index() + " " + step.kind() + " " + step.voltsVsReference() + " " + step.intervalSeconds() + " "
                    + step.sampleCount());
            store.forEachSample(session, step.index(), (seq, s) -> rows.add(seq + " " + s));
        }
        return rows;
    }

    @Test
    void csvAndJsonLinesExportsImportBackExactly() throws Exception {
        Path db = temp.resolve("rt.db");
        Path protocol = temp.resolve("p.yaml");
        Files.writeString(protocol, """
                cell: {ph: 1.0, reference_electrode: SCE, electrode_area: 0.5 cm2, electrolyte_volume: 30 mL}
                steps:
                  - ocp: {duration: 5 s, interval: 1 s}
                  - ca: {potential: -0.5 V vs RHE, duration: 60 s, interval: 100 ms}
                """);
        RunOutcome run = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(db)).execute(RunListener.NONE);
        try (SessionStore store = SessionStore.open(db)) {
            var session = store.session(run.sessionId()).orElseThrow();
            Path csv = temp.resolve("s.csv");
            try (OutputStream out = Files.newOutputStream(csv)) {
                SessionExporter.csv(store, session, out);
            }
            Path jsonl = temp.resolve("s.jsonl");
            try (OutputStream out = Files.newOutputStream(jsonl)) {
                SessionExporter.jsonLines(store, session, out);
            }
            List<String> original = rows(store, run.sessionId());
            // the JSON Lines export carries the run's events, which an import does not take: it says so, by count
            long events = store.events(run.sessionId()).size();
            assertThat(events).isPositive();
            assertThat(ImportService.read(jsonl).notes()).anySatisfy(note -> assertThat(note)
                    .contains(": " + events + (events == 1 ? " event line (from here on) is" : " event lines (from here on) are")
                            + " not imported").contains("give --compensated to 'norrlab ru'"));
            for (Path file : List.of(csv, jsonl)) {
                ImportedSession imported = ImportService.read(file);
                long id = ImportService.store(store, file, imported, Fixtures.cellAtPh7());
                assertThat(rows(store, id)).as(file.getFileName().toString()).isEqualTo(original);
                var back = store.session(id).orElseThrow();
                assertThat(back.cell()).isEqualTo(session.cell());
                // as the export states it, not RE + offset (-0.5000000000000001 or so): the trial saw -0.4 come back
                // as -0.40000000000000013; the RE value stays the one the instrument held
                assertThat(store.steps(id).get(1).voltsVsRhe()).isEqualTo(-0.5);
                assertThat(store.steps(id).get(1).voltsVsReference())
                        .isEqualTo(store.steps(run.sessionId()).get(1).voltsVsReference());
            }
            // An edited export with an impossible cell is refused with its line and field (found by fuzzing).
            Path edited = temp.resolve("edited.jsonl");
            Files.writeString(edited, Files.readString(jsonl).replace("\"electrode_area_cm2\":0.5", "\"electrode_area_cm2\":0"));
            assertThatThrownBy(() -> new JsonLinesImporter().read(edited))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("edited.jsonl:1")
                    .hasMessageContaining("field 'cell': electrode area must be > 0 cm², was 0.0");
        }
    }

    /**
     * The protocol's name, the instrument and the set potential vs RHE come back as they were through any number of CSV
     * round trips, as through JSON Lines: the bench chemist's trial found the name wrapped in one more "(file)" and the instrument in one more
     * "(firmware ?, serial ?, profile imported)" at each, which made replicate analysis refuse the re-import.
     */
    @Test
    void protocolNameAndInstrumentSurviveRepeatedCsvRoundTrips() throws Exception {
        Path db = temp.resolve("names.db");
        Path protocol = temp.resolve("named (v2).yaml");
        Files.writeString(protocol, """
                name: NORR sweep (NiNC, batch 3)
                steps:
                  - ca: {potential: -0.4 V vs RHE, duration: 2 s, interval: 100 ms}
                """);
        RunOutcome run = new RunService(SiteConfig.load(Fixtures.HOME))
                .prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(db)).execute(RunListener.NONE);
        try (SessionStore store = SessionStore.open(db)) {
            var original = store.session(run.sessionId()).orElseThrow();
            assertThat(original.protocolName()).isEqualTo("NORR sweep (NiNC, batch 3)");
            long id = run.sessionId();
            for (int trip = 1; trip <= 3; trip++) {
                Path csv = temp.resolve("trip" + trip + ".csv");
                try (OutputStream out = Files.newOutputStream(csv)) {
                    SessionExporter.csv(store, store.session(id).orElseThrow(), out);
                }
                id = ImportService.store(store, csv, ImportService.read(csv), Fixtures.cellAtPh7());
                var back = store.session(id).orElseThrow();
                assertThat(back.protocolName()).as("trip %d", trip).isEqualTo(original.protocolName());
                assertThat(back.instrument().model()).as("trip %d", trip).isEqualTo(original.instrument().model());
                assertThat(back.instrument().firmware()).isEqualTo(original.instrument().firmware());
                assertThat(back.instrument().serialNumber()).isEqualTo(original.instrument().serialNumber());
                assertThat(back.instrument().isImported()).isTrue();
                // the site's cell (pH 7, Ag/AgCl): RE + offset would give -0.40000000000000013
                assertThat(store.steps(id).get(0).voltsVsRhe()).as("trip %d", trip).isEqualTo(-0.4);
                assertThat(store.steps(id).get(0).voltsVsReference())
                        .isEqualTo(store.steps(run.sessionId()).get(0).voltsVsReference());
            }
        }
        assertThat(NorrlabCsv.protocolName("hand-written")).isEqualTo("hand-written");
        assertThat(NorrlabCsv.protocolName("a (b) (c (d).yaml)")).isEqualTo("a (b)");
        assertThat(NorrlabCsv.instrument("EmStat4 LR").model()).isEqualTo("EmStat4 LR");
    }

    @Test
    void anImportedFileReplaysAsItsRecordedSamples() throws Exception {
        Path db = temp.resolve("replay.db");
        Path file = SharedFixtures.vendorFile("gamry-dta/maxtenenbaum_20240321_C_GM0016_HL03_E01_CV50.DTA");
        long id;
        try (SessionStore store = SessionStore.open(db)) {
            id = ImportService.store(store, file, new GamryImporter().read(file), Fixtures.cellAtPh7());
        }
        RunService service = new RunService(SiteConfig.load(Fixtures.HOME));
        PreparedRun replay;
        try (SessionStore store = SessionStore.open(db)) {
            replay = ReplayService.prepare(service, store, id, Speed.MAX, StoreLocation.file(db));
        }
        // The OCV table and the CV (its five CURVE tables are its cycles; SCANRATE, STEPSIZE, VINIT and the VLIMITs
        // are its settings) both replay: nothing is left out.
        assertThat(replay.plan().description()).doesNotContain("left out");
        assertThat(replay.plan().steps()).extracting(PlannedStep::kind).containsExactly("ocp", "cv");
        RunOutcome outcome = replay.execute(RunListener.NONE);
        assertThat(outcome.status()).isEqualTo(SessionStatus.COMPLETED);
        try (SessionStore store = SessionStore.open(db)) {
            List<String> original = new ArrayList<>();
            store.forEachSample(id, 1, (seq, s) -> original.add(seq + " " + s));
            List<String> replayed = new ArrayList<>();
            store.forEachSample(outcome.sessionId(), 1, (seq, s) -> replayed.add(seq + " " + s));
            assertThat(replayed).hasSize(39).isEqualTo(original);
            List<String> originalCv = new ArrayList<>();
            store.forEachSample(id, 2, (seq, s) -> originalCv.add(seq + " " + s));
            List<String> replayedCv = new ArrayList<>();
            store.forEachSample(outcome.sessionId(), 2, (seq, s) -> replayedCv.add(seq + " " + s));
            assertThat(replayedCv).isNotEmpty().isEqualTo(originalCv);
            assertThat(store.session(outcome.sessionId()).orElseThrow().replayOf()).contains(id);
        }
    }

    @Test
    void anImportedChronoamperometryGetsItsFaradaicEfficiency() throws Exception {
        Path db = temp.resolve("fe.db");
        Path file = SharedFixtures.vendorFile("biologic-mpt/yadg_ca.mpt");
        try (SessionStore store = SessionStore.open(db)) {
            ImportedSession imported = new EcLabImporter().read(file);
            long id = ImportService.store(store, file, imported, Fixtures.cellAtPh7());
            store.assays().addAssay(id, new Assay(0, 1, Product.NH3, Assay.Kind.AMOUNT, new Measure(0.05, 0.001), "µmol",
                    Optional.empty(), 1, 0, Optional.empty(), Optional.empty(), Optional.empty(), "", "", Instant.now()));
            var result = SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT);
            var step = result.steps().get(0);
            // The file's own cumulative charge column ends at the same value as our integral.
            double q = step.charge().coulombs();
            assertThat(q).isGreaterThan(0);
            double fe = step.outcome().products().get(Product.NH3).faradaicEfficiency().value();
            assertThat(fe).isCloseTo(5 * 96485.332 * 0.05e-6 / q, within(1e-12));
            assertThat(step.samples()).isEqualTo(721);
        }
    }
}
