package org.norrlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreLocation;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;
import org.norrlab.testing.PostgresServer;
import org.norrlab.testing.SharedFixtures;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 19's "done when": every table and column the issue added (steps.cycle/cycles/block/batch,
 * sessions.electrolyte and aliquots in schema 11; assays.place and corrections in schema 12) is migrated from the
 * store an older norrlab wrote, and a session that uses all of them comes through export and import, sync and replay
 * with the same {@code analyze --format json}. One session, one store, one test: each journey starts from what the
 * one before left.
 */
class Issue19RoundTripTest {
    private static final Logger log = LoggerFactory.getLogger(Issue19RoundTripTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE = "norrlab-445807d.db";
    /** Sessions 1, 2 and 3 are the fixture's; the run below is the migrated store's fourth. */
    private static final String RUN = "4";

    @TempDir
    Path temp;

    private static CliRunner.Result ok(Path db, String... args) {
        CliRunner.Result result = CliRunner.norrlabOn(db, args);
        assertThat(result.exitCode()).as("norrlab " + String.join(" ", args) + ": " + result.err()).isZero();
        return result;
    }

    private static JsonNode analyze(Path db, String session, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("analyze", session, "--format", "json"));
        args.addAll(List.of(more));
        return JSON.readTree(ok(db, args.toArray(String[]::new)).out());
    }

    @Test
    void theIssuesNewDataSurvivesMigrationExportImportSyncAndReplay() throws Exception {
        Path bench = Files.copy(SharedFixtures.storeFile(FIXTURE), temp.resolve("bench.db"));
        assertThat(bench.toFile().setWritable(true)).isTrue(); // the shared file is read-only, and so is a plain copy

        // (a) Migration 8 → 12 leaves the old sessions' analysis as norrlab 445807d gave it: every field that version
        // wrote has the same value now (the resources are its 'analyze N --format json' of the fixture); fields added
        // since (places, flags, electrolyte, corrections, calibrations) are new and not comparable.
        for (String old : List.of("1", "2")) {
            assertThat(differences(resource("analyze-445807d-session-" + old + ".json"), analyze(bench, old), ""))
                    .as("session " + old + " after the migration").isEmpty();
        }
        try (SessionStore store = SessionStore.open(bench)) {
            assertThat(store.sessions()).hasSize(3);
        }

        Path protocol = Files.writeString(temp.resolve("round-trip.yaml"), """
                name: round trip
                electrolyte: accumulate
                steps:
                  - repeat:
                      times: 2
                      label: stability
                      steps:
                        - ca: {potential: -0.5 V vs RHE, duration: 30 s, interval: 1 s, aliquot: {volume: 1 mL, replaced: false}}
                        - hold: {message: Swap the acid trap, cell: off, timeout: 10 min, on_timeout: continue}
                """);
        ok(bench, "run", protocol.toString(), "--speed", "max", "--no-progress", "--unattended", "--simulate-assays");
        long simulatedAtStep1;
        try (SessionStore store = SessionStore.open(bench)) {
            // the two CA steps' simulated catholyte assays, one per cycle (steps 1 and 3; 2 and 4 are the holds)
            simulatedAtStep1 = store.assays().assays(4).stream().filter(a -> a.stepIndex() == 1).findFirst().orElseThrow().id();
            assertThat(store.assays().assays(4)).hasSize(2);
        }
        // an acid-trap absorbance read through the fixture's indophenol calibration (1), so a calibration travels too
        ok(bench, "assay", "add", RUN, "--step", "3", "--absorbance", "0.05", "--calibration", "1", "--place", "acid_trap");
        ok(bench, "assay", "correct", String.valueOf(simulatedAtStep1), "--dilution", "1.05", "--reason",
                "the autosampler line held rinse water", "--operator", "ana");
        ok(bench, "session", "correct", RUN, "--ph", "7.2", "--reason", "pH re-measured after the run", "--operator", "bo");

        JsonNode before = analyze(bench, RUN);
        JsonNode cyclesBefore = analyze(bench, RUN, "--cycles");
        List<StoredStep> steps;
        List<StoredAliquot> aliquots;
        try (SessionStore store = SessionStore.open(bench)) {
            steps = store.steps(4);
            aliquots = store.aliquots(4);
            assertThat(store.assays().assays(4)).as("2 simulated, 1 acid trap, 1 replacing a corrected one").hasSize(4);
            assertThat(store.corrections().corrections(4)).hasSize(2);
            assertThat(store.assays().currentAssays(4)).extracting(a -> a.place().written())
                    .containsExactlyInAnyOrder("catholyte", "catholyte", "acid_trap");
        }
        // what BEFORE holds, so that comparing with it means something
        assertThat(steps).extracting(StoredStep::cycle).containsExactly(1, 1, 2, 2);
        assertThat(steps).extracting(StoredStep::batch).containsOnly(1);
        assertThat(aliquots).extracting(StoredAliquot::afterStep).containsExactly(1, 3);
        assertThat(before.at("/cell/pH").asDouble()).isEqualTo(7.2);
        assertThat(before.at("/electrolyte/mode").asText()).isEqualTo("accumulate");
        assertThat(before.at("/corrections")).hasSize(2);
        // in an accumulating batch the acid trap is not averaged into the catholyte's concentration: it is left out, saying so
        assertThat(before.at("/steps/1/notes").toString()).contains("(acid_trap) is not counted");
        assertThat(cyclesBefore.at("/blocks/0/series/0/cycles")).hasSize(2);

        // (b) JSON Lines export, imported into a store of its own
        Path export = temp.resolve("session-4.jsonl");
        ok(bench, "export", RUN, "--format", "jsonl", "-o", export.toString());
        assertThat(Files.readAllLines(export)).filteredOn(l -> l.startsWith("{\"type\":\"calibration\"")).hasSize(1);
        assertThat(Files.readAllLines(export)).filteredOn(l -> l.startsWith("{\"type\":\"assay\"")).hasSize(4);
        Path elsewhere = temp.resolve("elsewhere.db");
        ok(elsewhere, "import", export.toString());
        try (SessionStore store = SessionStore.open(elsewhere)) {
            // the acid-trap absorbance re-pointed to the calibration the import stored (the store's first)
            assertThat(store.assays().assays(1)).filteredOn(a -> a.place().written().equals("acid_trap"))
                    .extracting(a -> a.calibrationId().orElseThrow()).containsExactly(store.assays().calibrations().get(0).id());
            assertThat(store.assays().assays(1)).hasSize(4);
            assertThat(store.corrections().corrections(1)).hasSize(2);
        }
        assertSameAnalysis(before, analyze(elsewhere, "1"), "after export and import");
        assertSameAnalysis(cyclesBefore, analyze(elsewhere, "1", "--cycles"), "cycles after export and import");
        // the fixture's session 2 reads absorbances through calibration 1: into a new store, the calibration is new; back
        // into the bench, the identical calibration 1 is reused rather than stored twice
        Path export2 = temp.resolve("session-2.jsonl");
        ok(bench, "export", "2", "--format", "jsonl", "-o", export2.toString());
        ok(elsewhere, "import", export2.toString());
        assertSameAnalysis(analyze(bench, "2"), analyze(elsewhere, "2"), "fixture session 2 after export and import");

        // the CSV export carries no assays and says so; its import says so too
        Path csv = temp.resolve("session-4.csv");
        ok(bench, "export", RUN, "--format", "csv", "-o", csv.toString());
        List<String> csvLines = Files.readAllLines(csv);
        String csvNote = "# assays: 4 assay(s) of this session are in the JSON Lines export only (export --format jsonl);"
                + " this CSV carries none";
        assertThat(csvLines).contains(csvNote);
        assertThat(ok(elsewhere, "import", csv.toString()).out()).contains("session-4.csv:" + (csvLines.indexOf(csvNote) + 1)
                + ": 4 assay(s) of this session are in the JSON Lines export only (export --format jsonl); this CSV"
                + " carries none; this import has none (import the JSON Lines export to keep them)");
        // a malformed assay line is refused naming file and line, and nothing of the session is stored
        List<String> lines = Files.readAllLines(export);
        int assayLine = lines.indexOf(lines.stream().filter(l -> l.startsWith("{\"type\":\"assay\"")).findFirst().orElseThrow());
        lines.set(assayLine, lines.get(assayLine).replace("\"kind\":\"concentration\"", "\"kind\":\"titration\""));
        Path bad = Files.write(temp.resolve("bad.jsonl"), lines);
        CliRunner.Result refused = CliRunner.norrlabOn(elsewhere, "import", bad.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("bad.jsonl:" + (assayLine + 1) + ": an assay line: field 'kind' is 'titration';"
                + " allowed: absorbance, concentration, amount, gc");
        try (SessionStore store = SessionStore.open(elsewhere)) {
            assertThat(store.sessions()).as("sessions 4 and 2 by JSON Lines, 4 by CSV").hasSize(3);
        }

        // (c) sync: its lab store is PostgreSQL (its bulk copy is COPY); a SQLite target is refused saying so, where it
        // used to fail as "a fault in norrlab" (a PGConnection cast) after the bench file was opened
        CliRunner.Result toFile = CliRunner.norrlabOn(bench, "sync", "--to", temp.resolve("lab.db").toString());
        assertThat(toFile.exitCode()).isNotZero();
        assertThat(toFile.err()).contains("the lab database must be PostgreSQL").contains("nothing was copied");
        syncToPostgres(bench, before);

        // (d) replay: steps with their cycles and batches, aliquots, charges (see replayed for what is compared and why)
        ok(bench, "replay", RUN, "--no-progress");
        long replay;
        try (SessionStore store = SessionStore.open(bench)) {
            replay = store.sessions().stream().filter(s -> s.replayOf().isPresent()).mapToLong(StoredSession::id)
                    .max().orElseThrow();
            assertThat(store.steps(replay)).extracting(StoredStep::context).isEqualTo(
                    steps.stream().map(StoredStep::context).toList());
            assertThat(store.steps(replay)).extracting(StoredStep::kind).isEqualTo(steps.stream().map(StoredStep::kind).toList());
            assertThat(store.aliquots(replay)).extracting(StoredAliquot::afterStep, StoredAliquot::volumeMl,
                    StoredAliquot::replaced, StoredAliquot::takenBy).isEqualTo(aliquots.stream()
                    .map(a -> tuple(a.afterStep(), a.volumeMl(), a.replaced(), a.takenBy())).toList());
        }
        JsonNode replayAnalysis = analyze(bench, String.valueOf(replay));
        assertThat(replayAnalysis.at("/steps/0/products")).as("the replay has no assays of its own").isEmpty();
        assertThat(replayed(replayAnalysis)).isEqualTo(replayed(before));
        assertThat(replayed(before).path("steps")).hasSize(2);
        assertThat(replayed(before).path("aliquots")).hasSize(2);

        // the bench's calibrations: the fixture's one, not a copy of it from the re-import
        ok(bench, "import", export2.toString());
        try (SessionStore store = SessionStore.open(bench)) {
            assertThat(store.assays().calibrations()).hasSize(1);
        }
    }

    private void syncToPostgres(Path bench, JsonNode before) throws Exception {
        PostgresServer pg;
        try {
            pg = PostgresServer.start();
        } catch (TestAbortedException noServer) {
            log.info("the sync to PostgreSQL is left out: {}", noServer.getMessage());
            return;
        }
        try (pg) {
            assertThat(ok(bench, "sync", "--to", pg.url()).out()).contains("4 copied");
            assertSameAnalysis(before, JSON.readTree(CliRunner.norrlab("analyze", sessionNamed(pg.url(), "round trip"),
                    "--format", "json", "--db", pg.url()).out()), "after sync to PostgreSQL");
        }
    }

    private String sessionNamed(String store, String protocol) throws Exception {
        try (SessionStore opened = SessionStore.open(StoreLocation.parse(store, temp))) {
            return String.valueOf(opened.sessions().stream().filter(s -> s.protocolName().equals(protocol))
                    .mapToLong(StoredSession::id).min().orElseThrow());
        }
    }

    private static void assertSameAnalysis(JsonNode expected, JsonNode actual, String journey) {
        List<String> found = new ArrayList<>(differences(normalised(expected), normalised(actual), ""));
        found.addAll(differences(normalised(actual), normalised(expected), "").stream().map(d -> "(other way) " + d).toList());
        assertThat(found).as(journey).isEmpty();
    }

    /**
     * The analysis without what names one store's rows or the import rather than the session's data, and nothing else:
     * <ul>
     * <li>{@code session}: the session's id, counted in each store on its own;</li>
     * <li>the {@code , profile …} at the end of {@code instrument}: an import records profile 'imported' (the
     * importing site need not have the profile the run used); the instrument's family, model, firmware and serial
     * stay compared;</li>
     * <li>assay ids in texts (a correction's {@code what}, "assay 9 dilution" → "assay # dilution"; a note naming an
     * assay): assays are numbered by each store (the trail itself names them by uid, which the import re-points);</li>
     * <li>{@code calibrations[].id}: the store's id of the calibration (reused or new on import);</li>
     * <li>session ids in texts (the note on a missing R_u names the session and its ru command).</li>
     * </ul>
     * The analyze JSON carries no import time nor file name, so none is dropped.
     */
    static JsonNode normalised(JsonNode analysis) {
        ObjectNode copy = analysis.deepCopy();
        copy.remove("session");
        if (copy.has("instrument")) {
            copy.put("instrument", copy.get("instrument").asText().replaceFirst(", profile [^,)]*\\)$", ")"));
        }
        for (JsonNode calibration : copy.path("calibrations")) {
            ((ObjectNode) calibration).remove("id");
        }
        return withoutAssayIds(copy);
    }

    private static JsonNode withoutAssayIds(JsonNode node) {
        if (node.isTextual()) {
            // session ids too: a note on a missing R_u names the session and the ru command to run for it
            return JSON.getNodeFactory().textNode(node.asText().replaceAll("\\bassay \\d+", "assay #")
                    .replaceAll("\\b(session|ru set|ru fit) \\d+", "$1 #"));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> object.set(name, withoutAssayIds(object.get(name))));
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withoutAssayIds(array.get(i)));
            }
        }
        return node;
    }

    /**
     * What a replay must give as the original did: the record of the run. A replay re-runs the recorded samples; the
     * assays and the corrections were made on the original after its run and belong to it (a replay is a new session
     * nobody has assayed), so they are not attached to the replay and everything derived from them is left out:
     * products, FE, yield, their notes and flags, the batch amounts, the trail and the calibrations, and the cell and
     * each step's E vs RHE (the original's follow its corrected pH, the replay's the pH the run recorded). Kept and
     * compared: the protocol and instrument, each step's number, E vs RE, duration, sample count, charge and largest
     * gap, the electrolyte mode and the aliquots (without the time each was taken, which is the replay's own).
     */
    static JsonNode replayed(JsonNode analysis) {
        ObjectNode kept = JSON.createObjectNode();
        kept.set("protocol", analysis.get("protocol"));
        kept.set("instrument", analysis.get("instrument"));
        ArrayNode steps = kept.putArray("steps");
        for (JsonNode step : analysis.path("steps")) {
            ObjectNode record = steps.addObject();
            for (String field : List.of("step", "E_vs_RE_V", "duration_s", "samples", "charge_C", "largest_gap_s")) {
                record.set(field, step.get(field));
            }
        }
        kept.set("mode", analysis.at("/electrolyte/mode"));
        ArrayNode aliquots = kept.putArray("aliquots");
        for (JsonNode aliquot : analysis.at("/electrolyte/aliquots")) {
            aliquots.add(((ObjectNode) aliquot.deepCopy()).without("created_utc"));
        }
        return kept;
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = Issue19RoundTripTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }

    /** Where {@code now} differs from {@code old} in a field {@code old} has (fields only {@code now} has are new). */
    static List<String> differences(JsonNode old, JsonNode now, String path) {
        List<String> found = new ArrayList<>();
        if (old.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = old.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = now.get(field.getKey());
                if (value == null) {
                    found.add(path + "/" + field.getKey() + " is gone");
                } else {
                    found.addAll(differences(field.getValue(), value, path + "/" + field.getKey()));
                }
            }
        } else if (old.isArray() && now.isArray() && old.size() == now.size()) {
            for (int i = 0; i < old.size(); i++) {
                found.addAll(differences(old.get(i), now.get(i), path + "/" + i));
            }
        } else if (path.endsWith("/E_vs_RHE_V") && old.isNumber() && now.isNumber()
                && Math.abs(old.asDouble() - now.asDouble()) <= 1e-12) {
            // An import recomputes a step's set E vs RHE from its E vs RE and the cell: the fixture's -0.4 V comes back
            // as -0.40000000000000013 V. Only this field is compared to 1e-12 V; every other value exactly.
            return found;
        } else if (!old.equals(now)) {
            found.add(path + ": " + old + " then, " + now + " now");
        }
        return found;
    }
}
